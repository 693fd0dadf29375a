package history

import (
	"fmt"
	"strings"
	"testing"
)

func TestRenderHTML(t *testing.T) {
	var paras []string
	for i := 1; i <= 10; i++ {
		paras = append(paras, fmt.Sprintf("第%d条 内容。", i))
	}
	doc := strings.Join(paras, "\n\n")
	edited := strings.Replace(doc, "第5条 内容。", "第5条 内容有修改。", 1)

	tests := []struct {
		name     string
		blocks   []Block
		context  int
		want     []string // substrings, in order
		wantNone []string
	}{
		{
			name:    "character change with context",
			blocks:  Diff("第三条 居民委员会每届任期三年", "第三条 居民委员会每届任期五年"),
			context: 1,
			want: []string{`<div class="diff">`, `<p class="diff-changed">第三条 居民委员会每届任期`,
				`<del><span class="sr">删除：</span>三</del><ins><span class="sr">新增：</span>五</ins>年</p>`},
		},
		{
			name:    "collapsed around the change",
			blocks:  Diff(doc, edited),
			context: 1,
			want: []string{`……（未改动的 3 段）`, `第4条 内容。`, `第5条 内容<ins><span class="sr">新增：</span>有修改</ins>。`,
				`第6条 内容。`, `……（未改动的 4 段）`},
			wantNone: []string{"第3条", "第7条"},
		},
		{
			name:     "zero context",
			blocks:   Diff(doc, edited),
			context:  0,
			want:     []string{`……（未改动的 4 段）`, `第5条`, `……（未改动的 5 段）`},
			wantNone: []string{"第4条", "第6条"},
		},
		{
			name:     "negative context is zero",
			blocks:   Diff(doc, edited),
			context:  -3,
			wantNone: []string{"第4条", "第6条"},
		},
		{
			name:     "a single hidden paragraph is shown",
			blocks:   Diff("甲一\n\n乙二\n\n丙三", "甲一\n\n乙二\n\n丙三改"),
			context:  1,
			want:     []string{"甲一", "乙二", "丙三<ins>"},
			wantNone: []string{"未改动"},
		},
		{
			name:   "whole paragraphs",
			blocks: Diff("旧的一段话。\n\n尾", "尾\n\n新的一段文字内容"),
			want: []string{`<p class="diff-removed"><del><span class="sr">删除：</span>旧的一段话。</del></p>`,
				`<p class="diff-added"><ins><span class="sr">新增：</span>新的一段文字内容</ins></p>`},
		},
		{
			name:     "no changes",
			blocks:   Diff("甲\n\n乙", "甲\r\n\r\n乙"),
			want:     []string{`<p class="diff-none">两个版本的正文相同。</p>`},
			wantNone: []string{"diff-same"},
		},
		{
			name:   "empty",
			blocks: nil,
			want:   []string{"两个版本的正文相同"},
		},
		{
			name:    "escaping",
			blocks:  Diff(`<script>alert("x")</script> & 甲`, `<script>alert('y')</script> & 甲`),
			context: 1,
			want: []string{`&lt;script&gt;alert(`, `<del><span class="sr">删除：</span>&#34;x&#34;</del>`,
				`<ins><span class="sr">新增：</span>&#39;y&#39;</ins>`, `&lt;/script&gt; &amp; 甲`},
			wantNone: []string{"<script>"},
		},
		{
			name:   "newlines become breaks",
			blocks: Diff("甲行\n乙行", "甲行\n乙行改"),
			want:   []string{"甲行<br>乙行"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(RenderHTML(tt.blocks, tt.context))
			rest := got
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("missing (or out of order) %q in\n%s", w, got)
				}
				rest = rest[i+len(w):]
			}
			for _, w := range tt.wantNone {
				if strings.Contains(got, w) {
					t.Errorf("unexpected %q in\n%s", w, got)
				}
			}
		})
	}
}
