// Package consult decodes consultation pages (意见征求) and checks their arithmetic:
// tallies against the electorate, and the declared outcome against the rule.
package consult

import "fmt"

// Problem is something wrong in front matter. Line is 1-based in the YAML text
// the node came from; the caller adds the front matter's offset in the file.
// disclose reuses this type so that the build reports both kinds alike.
type Problem struct {
	Line    int
	Message string
}

func (p Problem) String() string { return fmt.Sprintf("%d: %s", p.Line, p.Message) }
