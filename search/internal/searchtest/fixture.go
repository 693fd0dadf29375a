// Package searchtest holds the records the tests of search and its parts
// share; only tests import it.
package searchtest

import (
	"time"

	"github.com/gongkai/gongkai/search/mapping"
)

// Fixture is a handful of records, each there for one rule.
func Fixture() []mapping.Record {
	return []mapping.Record{
		{ID: "dibao", URL: "/policies/dibao/", Title: "关于做好最低生活保障工作的通知", Type: "policy", Genre: "通知",
			DocNumber: "昆民发〔2018〕14号", Issuers: []string{"昆明市民政局"}, Status: "现行有效", Level: "市",
			Departments: []string{"市民政局", "市财政局"}, Date: Day("2018-08-22"), Body: "各村委会要做好低保对象的认定工作。低保资金按月发放。"},
		{ID: "dibao#s1", URL: "/policies/dibao/", Anchor: "s1", Title: "关于做好最低生活保障工作的通知", Type: "policy",
			Section: "一、总体要求", Issuers: []string{"昆明市民政局"}, Date: Day("2018-08-22"),
			Departments: []string{"市民政局", "市财政局"}, Body: "特困人员和临时救助对象一并纳入。"},
		{ID: "apart", URL: "/pages/apart/", Title: "门槛说明", Type: "page", Date: Day("2019-03-01"),
			Body: "收入低于标准的家庭，给予保障。降低。保障到位。"},
		{ID: "gap", URL: "/pages/gap/", Title: "标点", Type: "page",
			Body: "这里有低保。保障是另一句。"},
		{ID: "exact", URL: "/pages/exact/", Title: "连续", Type: "page", Date: Day("2020-01-01"),
			Body: "低保障碍者另有规定。"},
		{ID: "name", URL: "/disclosures/vote/", Title: "监督委员会选举结果", Type: "disclosure", Village: "新村",
			Date: Day("2021-05-01"), Body: "经村民代表大会推选，刘  智同志当选监督委员会主任。"},
		{ID: "cite", URL: "/policies/cite/", Title: "实施意见", Type: "policy", Date: Day("2018-01-10"),
			Body: "根据《中共中央 国务院关于加强和完善城乡社区治理的意见》（中发[2017]13号）精神，按照中发〔2017〕13号文件要求，依照第1条规定。"},
		{ID: "cited", URL: "/policies/cited/", Title: "关于加强和完善城乡社区治理的意见", Type: "policy",
			DocNumber: "中发〔2017〕13号", DocKey: "中发〔2017〕13号", Level: "中央", Date: Day("2017-06-12"),
			Body: "城乡社区治理事关党和国家大政方针贯彻落实。"},
		{ID: "other-number", URL: "/policies/other/", Title: "另一份文件", Type: "policy", Date: Day("2017-02-01"),
			Body: "中发〔2017〕1号和中发〔2017〕130号都不是要找的文件。第三1条也不是。"},
		{ID: "jumin", URL: "/pages/jumin/", Title: "社区", Type: "page", Body: "居民委员会负责本社区的公共事务。"},
		{ID: "cunju", URL: "/pages/cunju/", Title: "公开制度", Type: "page", Body: "全面推行村（居）务公开制度。"},
		{ID: "juwu", URL: "/pages/juwu/", Title: "居务", Type: "page", Body: "社区定期开展居务公开。"},
		{ID: "wide", URL: "/pages/wide/", Title: "全角", Type: "page", Date: Day("2022-01-01"),
			Body: "本办法自２０１８年３月１日起施行，适用于ＡＢＣ公司。"},
		{ID: "latin", URL: "/pages/latin/", Title: "English", Type: "page", Body: "Social security and social work."},
		{ID: "titled", URL: "/pages/titled/", Title: "特困人员供养", Type: "page", Body: "详见正文。"},
	}
}

// Day parses a YYYY-MM-DD date, for fixtures.
func Day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// LawQuery is one search of the laws benchmark, the fields of
// search.Request it sets.
type LawQuery struct {
	Query   string
	Filters map[string][]string
	Sort    string
}

// LawQueries mixes phrases, single characters, AND, OR, exclusion and
// filters, each typical of a researcher's search.
var LawQueries = []LawQuery{
	{Query: "最低生活保障"},
	{Query: "行政处罚"},
	{Query: "低"},
	{Query: "罚款 没收"},
	{Query: "居民委员会"},
	{Query: "村委会 选举"},
	{Query: "第十二条"},
	{Query: "中华人民共和国"},
	{Query: "未成年人 OR 老年人"},
	{Query: "环境保护 -海洋"},
	{Query: `"人民法院 判决"`},
	{Query: "有期徒刑", Filters: map[string][]string{"genre": {"刑法"}}},
	{Query: "食品安全", Sort: "-date"},
	{Query: "2018年"},
	{Query: "个人信息保护"},
	{Query: "税"},
}
