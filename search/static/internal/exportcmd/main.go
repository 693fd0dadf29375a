// Command exportcmd runs static.Export on an index, for measuring.
package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/gongkai/gongkai/search/static"
	"github.com/spf13/afero"
)

func main() {
	start := time.Now()
	m, err := static.Export(os.Args[1], afero.NewOsFs(), os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	stopProfile()
	fmt.Printf("exported %d records, %d files, %d bytes, %d buckets in %s\n", m.Records, m.Files, m.Bytes, m.Buckets, time.Since(start))
}

func init() {
	if p := os.Getenv("CPUPROFILE"); p != "" {
		f, _ := os.Create(p)
		pprof.StartCPUProfile(f)
		stopProfile = func() { pprof.StopCPUProfile(); f.Close() }
	}
}

var stopProfile = func() {}
