package collect

// The rules of SPEC14 §3–4 that rank documents and their parts, one
// function each, on plain values, so that the static client
// (themes/default/static/js/search.js) ports them line for line and
// computes the same float64 sums in the same order.

// RelaxBelow: the relaxed pass runs only when the exact pass found fewer
// documents than this.
const RelaxBelow = 3

// MaxParts is how many parts a hit lists under its document.
const MaxParts = 3

// recordGroupSum is Σ_g s_g(r) over the groups r matches, summed in group
// order (unmatched groups add nothing), and how many groups it matches.
// scores[g] is s_g(r); matched(g) whether r is in M_g.
func recordGroupSum(scores []float64, groups int, matched func(k int) bool) (sum float64, n int) {
	for g := 0; g < groups; g++ {
		if matched(g) {
			sum += scores[g]
			n++
		}
	}
	return sum, n
}

// framedSum is what together(D) is the best of, for one record r of D:
// Σ_g in group order of the larger of s_g(r) (where r matches g) and
// s_g(d0) (where the document record d0 matches g), for the title, 文号 and
// preamble frame every article (网络安全法 个人信息: the title holds one word,
// an article the other). The larger, not r's own: an article of 村民委员会组织法
// that names 村民委员会 in its body is no less about it than its title says
// (村民委员会怎么罢免 put the law 4th behind rules whose first section repeats
// the title beside a passing 罢免). ok is false when some group is in
// neither. d0 is nil when the document record matches nothing; for r = d0
// it is Σ_g s_g(d0).
func framedSum(r, d0 []float64, groups int, rHas, d0Has func(g int) bool) (sum float64, ok bool) {
	for g := 0; g < groups; g++ {
		inR, inD0 := rHas(g), d0 != nil && d0Has(g)
		switch {
		case inR && inD0:
			sum += max(r[g], d0[g])
		case inR:
			sum += r[g]
		case inD0:
			sum += d0[g]
		default:
			return 0, false
		}
	}
	return sum, true
}

// docScore is score(D) = Σ_g best_g(D) + together(D) + Σ_a best_a(D),
// summed left to right in float64. best holds best_x(D) for the groups,
// then the articles (0 where no record of D matches); together is the
// best framedSum of D's records (0 if none).
func docScore(best []float64, groups int, together float64) float64 {
	s := 0.0
	for g := 0; g < groups; g++ {
		s += best[g]
	}
	s += together
	for a := groups; a < len(best); a++ {
		s += best[a]
	}
	return s
}

// bagNeed is how many of a Bag term's |B| distinct bigrams a record must
// hold: ceil(2·|B|/3).
func bagNeed(bigrams int) int { return (2*bigrams + 2) / 3 }

// bagScore scores a record against a Bag term from s_b(r) for each of its
// distinct bigrams b in order (0 when r does not hold b): when at least
// bagNeed of them are > 0, the sum of those scores in bigram order times
// matched/|B|; else ok is false.
func bagScore(bigramScores []float64) (score float64, ok bool) {
	matched := 0
	sum := 0.0
	for _, s := range bigramScores {
		if s > 0 {
			sum += s
			matched++
		}
	}
	if len(bigramScores) == 0 || matched < bagNeed(len(bigramScores)) {
		return 0, false
	}
	return sum * float64(matched) / float64(len(bigramScores)), true
}

// docRank is what orders two documents.
type docRank struct {
	titled   bool // its whole title is a name the query gives (Plan.Titles)
	articles int  // how many of the query's articles it holds
	score    float64
	url      string
	date     int64 // the doc record's date, unix nanoseconds
	dated    bool
}

// docLess orders documents: for "" first those whose whole title the
// query names (食品安全法第63条: the law, before 北京市食品安全条例 whose 第六十三条
// and body match as well; 环境保护法 before 海洋环境保护法), then by how many of
// the named articles they hold (most first: 网络安全法 第二条 asks for a
// document with that article, before a page that only names the law),
// then score (highest first), then URL (byte order); for "date" and
// "-date" by the doc record's date (undated last either way), then as for
// "" (one date's documents in relevance order).
func docLess(order string) func(a, b *docRank) bool {
	byScore := func(a, b *docRank) bool {
		if a.score != b.score {
			return a.score > b.score
		}
		return a.url < b.url
	}
	byRelevance := func(a, b *docRank) bool {
		if a.titled != b.titled {
			return a.titled
		}
		if a.articles != b.articles {
			return a.articles > b.articles
		}
		return byScore(a, b)
	}
	if order == "" {
		return byRelevance
	}
	newestFirst := order == "-date"
	return func(a, b *docRank) bool {
		switch {
		case a.dated != b.dated:
			return a.dated
		case a.dated && a.date != b.date:
			return (a.date > b.date) == newestFirst
		}
		return byRelevance(a, b)
	}
}

// partRank is what orders two candidate parts of one document.
type partRank struct {
	article int     // index of the first article the record matches, -1 if none
	groups  int     // how many groups it matches
	sum     float64 // recordGroupSum
	id      string  // record ID
}

// partLess orders the parts of a hit: records matching an article first,
// in article order; then by how many groups they match (most first), then
// by their group sum (highest first), then by record ID.
func partLess(a, b *partRank) bool {
	if (a.article >= 0) != (b.article >= 0) {
		return a.article >= 0
	}
	if a.article != b.article {
		return a.article < b.article
	}
	if a.groups != b.groups {
		return a.groups > b.groups
	}
	if a.sum != b.sum {
		return a.sum > b.sum
	}
	return a.id < b.id
}
