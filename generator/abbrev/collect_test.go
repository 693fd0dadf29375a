package abbrev

import (
	"fmt"
	"slices"
	"testing"
)

func TestCollectorGroups(t *testing.T) {
	var c Collector
	for _, text := range []string{
		// 调处: two long names, the more frequent one wins.
		"调解处理（以下简称调处）", "调解处理（以下简称调处）", "调解和处理（以下简称调处）",
		// 管委会: a tie goes to the smaller long name.
		"管理委员会（以下简称管委会）", "管理监督委员会（以下简称管委会）",
		// 管委: four long names mean none.
		"管理委员会（以下简称管委）", "管护委员会（以下简称管委）",
		"管养委员会（以下简称管委）", "管控委员会（以下简称管委）",
		// Two short names of one long name share a group.
		"网络预约出租汽车（以下简称网约车）", "网络预约出租汽车（以下简称网约出租车）", "网络预约出租汽车（以下简称网约车）",
		// site.yaml says what 村委 means; and 科普 is configured with its long name already.
		"村务监督委员会（以下简称村委）", "科学技术普及（以下简称科普）",
	} {
		c.Add(text)
	}
	configured := [][]string{{"村委", "村民委员会"}, {"科普", "科学技术普及"}}
	got := c.Groups(configured)
	want := [][]string{
		{"网约车", "网约出租车", "网络预约出租汽车"},
		{"调处", "调解处理"},
		{"管委会", "管理委员会"},
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("Groups = %q, want %q", got, want)
	}
}

func TestCollectorCap(t *testing.T) {
	var c Collector
	for i := range MaxGroups + 5 {
		c.Add(fmt.Sprintf("测试%d号管理委员会（以下简称测%d委）", i, i))
	}
	c.Add("网络预约出租汽车（以下简称网约车）网络预约出租汽车（以下简称网约车）")
	got := c.Groups(nil)
	if len(got) != MaxGroups {
		t.Fatalf("%d groups, want %d", len(got), MaxGroups)
	}
	if !slices.Equal(got[0], []string{"网约车", "网络预约出租汽车"}) {
		t.Errorf("first group %q, want the most often defined", got[0])
	}
}

func TestCollectorEmpty(t *testing.T) {
	var c Collector
	c.Add("没有简称的文字。")
	if got := c.Groups(nil); len(got) != 0 {
		t.Errorf("Groups = %q, want none", got)
	}
}

// A definition the configured groups already expand needs no group.
func TestCollectorImplied(t *testing.T) {
	var c Collector
	c.Add("深圳市人民代表大会常务委员会（以下简称市人大常委会）")
	if got := c.Groups([][]string{{"人大常委会", "人民代表大会常务委员会"}}); len(got) != 0 {
		t.Errorf("Groups = %q, want none", got)
	}
	if got := c.Groups(nil); len(got) != 1 {
		t.Errorf("Groups without configured groups = %q, want one", got)
	}
}
