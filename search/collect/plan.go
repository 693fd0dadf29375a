package collect

import bquery "github.com/blevesearch/bleve/v2/search/query"

// Plan is what a document-level search matches (SPEC14 §3): each group,
// article and excluded term compiled alone, with the filters and dates, so
// that a record's score for a group is exactly the score bleve gives it
// for a query of that one group.
type Plan struct {
	Groups   []GroupPlan
	Articles []ArticlePlan
	Excluded []bquery.Query
	// Browse lists every record passing the filters; it is searched
	// when there are neither groups nor articles (an empty query).
	Browse bquery.Query
	// Titles matches the document records whose title_key is the
	// TitleKey of some group's alternative (nil when there is none): such a
	// document is named by the query and ranks before the others (docLess).
	Titles bquery.Query
	// Forms are what snippets mark: the alternatives of the positive
	// terms, and in the relaxed pass the bigrams of its Bag terms.
	Forms []string
}

// GroupPlan is one group: Exact is its one-group query; Bags are its Bag
// terms (relaxed pass only), matched by most of their bigrams.
type GroupPlan struct {
	Exact bquery.Query
	Bags  []BagPlan
}

// BagPlan is one Bag term: the one-group query of each of its distinct
// bigrams (bagBigrams), in order of first occurrence, and Alone, the term's
// own exact query, which tells whether it matched anything as typed (for
// the suggestion).
type BagPlan struct {
	Bigrams []bquery.Query
	Alone   bquery.Query
	// Near are the term's one-wrong-character variants in titles, one
	// query each (a record's near score is the best of theirs); used only
	// when Alone matches nothing (FindDocuments drops them otherwise).
	Near []bquery.Query
}

// ArticlePlan is one article reference: its one-clause query and the
// anchor of the unit it names.
type ArticlePlan struct {
	Query  bquery.Query
	Anchor string
}
