package watch

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"a.md": false, "content/政策.md": false, ".a.md.swp": true, "a.md~": true, "#a.md#": true,
		".#a.md": true, "4913": true, "~$表.xlsx": true, "site.yaml": false,
	} {
		if got := Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestBatchesAndNewFolders(t *testing.T) {
	dir := t.TempDir()
	w, err := New(50*time.Millisecond, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	sub := filepath.Join(dir, "新栏目")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	<-w.Batches // the folder's creation
	if err := os.WriteFile(filepath.Join(sub, "a.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_ = os.WriteFile(filepath.Join(sub, ".a.md.swp"), []byte("x"), 0o644)
	select {
	case b := <-w.Batches:
		for _, p := range b {
			if Ignored(p) {
				t.Errorf("batch has ignored file %s", p)
			}
		}
		if len(b) == 0 {
			t.Error("empty batch")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no batch for a file in a folder created after the watch started")
	}
}
