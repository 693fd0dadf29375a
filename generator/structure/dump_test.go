package structure

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDumpSeeds(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	for _, s := range strings.Split(os.Getenv("DUMP"), ",") {
		o := seedOutline(t, s)
		fmt.Println("=====", s)
		for _, u := range o.Units {
			fmt.Printf("%s%s | %s | %s\n", strings.Repeat("  ", u.Depth), u.Anchor, u.Label, u.Title)
		}
	}
}
