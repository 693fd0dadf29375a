package static

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"reflect"
	"testing"

	"github.com/gongkai/gongkai/search/query"
)

var update = flag.Bool("update", false, "rewrite testdata/query_cases.json from query.ParseQuery")

// queryCases is the one table both query parsers answer to: query.ParseQuery
// (this test) and the browser client's parseQuery (js_test/query.test.mjs).
type queryCases struct {
	Note     string      `json:"note"`
	Synonyms [][]string  `json:"synonyms"`
	Cases    []queryCase `json:"cases"`
}

type queryCase struct {
	Q        string       `json:"q"`
	Groups   [][]caseTerm `json:"groups,omitempty"`
	Excluded []caseTerm   `json:"excluded,omitempty"`
	Articles []caseArt    `json:"articles,omitempty"`
	// Relaxed is the groups of Query.Relaxed (search.js relaxQuery), when it is ok.
	Relaxed [][]caseTerm `json:"relaxed,omitempty"`
	Error   string       `json:"error,omitempty"`
}

type caseArt struct {
	Text   string `json:"text"`
	Anchor string `json:"anchor"`
}

type caseTerm struct {
	Text         string   `json:"text"`
	Quoted       bool     `json:"quoted,omitempty"`
	Alternatives []string `json:"alternatives"`
	DocKey       string   `json:"doc_key,omitempty"`
	Bag          bool     `json:"bag,omitempty"`
}

const queryCasesFile = "testdata/query_cases.json"

func TestQueryCases(t *testing.T) {
	data, err := os.ReadFile(queryCasesFile)
	if err != nil {
		t.Fatal(err)
	}
	var table queryCases
	if err := json.Unmarshal(data, &table); err != nil {
		t.Fatalf("%s: %v", queryCasesFile, err)
	}
	if len(table.Cases) < 40 {
		t.Fatalf("%s has only %d cases", queryCasesFile, len(table.Cases))
	}
	for i, c := range table.Cases {
		got := parseCase(c.Q, table.Synonyms)
		if *update {
			table.Cases[i] = got
			continue
		}
		if !reflect.DeepEqual(got, c) {
			t.Errorf("ParseQuery(%q):\n got %+v\nwant %+v\n(the table is shared with the JavaScript parser; if query.ParseQuery changed on purpose, run go test -run TestQueryCases -update and make search.js follow)", c.Q, got, c)
		}
	}
	if *update {
		out, _ := json.MarshalIndent(table, "", " ")
		if err := os.WriteFile(queryCasesFile, append(out, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func parseCase(q string, syn [][]string) queryCase {
	pq, err := query.ParseQuery(q, syn)
	c := queryCase{Q: q}
	var qe *query.Error
	if errors.As(err, &qe) {
		c.Error = qe.Message
		return c
	}
	if err != nil {
		c.Error = err.Error()
		return c
	}
	conv := func(t query.Term) caseTerm {
		return caseTerm{Text: t.Text, Quoted: t.Quoted, Alternatives: t.Alternatives, DocKey: t.DocKey, Bag: t.Bag}
	}
	groups := func(gs []query.Group) [][]caseTerm {
		var out [][]caseTerm
		for _, g := range gs {
			var terms []caseTerm
			for _, t := range g.Terms {
				terms = append(terms, conv(t))
			}
			out = append(out, terms)
		}
		return out
	}
	c.Groups = groups(pq.Groups)
	for _, t := range pq.Excluded {
		c.Excluded = append(c.Excluded, conv(t))
	}
	for _, a := range pq.Articles {
		c.Articles = append(c.Articles, caseArt{Text: a.Text, Anchor: a.Anchor})
	}
	if r, ok := pq.Relaxed(); ok {
		c.Relaxed = groups(r.Groups)
	}
	return c
}
