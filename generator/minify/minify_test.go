package minify

import (
	"strings"
	"testing"
)

func TestAsset(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"a.js", "// comment\nconst answer = 40 + 2;\n\tconsole.log( answer );\n", "const answer=40+2;console.log(answer)"},
		{"a.css", "/* c */\nbody {\n  color: #ff0000;\n}\n", "body{color:red}"},
		{"a.txt", "  keep  me  ", "  keep  me  "},
		{"broken.js", "const = ;", "const = ;"},                  // unparsable: unchanged
		{"模板.js", "let s = `第一条\n  第二条`;", "let s=`第一条\n  第二条`"}, // template literals keep their lines
	}
	for _, c := range cases {
		got := string(Asset(c.name, []byte(c.in)))
		if strings.TrimRight(got, ";\n") != strings.TrimRight(c.want, ";\n") {
			t.Errorf("Asset(%q, %q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}
