package publish

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// owner identifies one build: the process and host it runs in, when it started, and an id
// that tells two builds of one process apart. Staging folders carry it in their name and the
// lock file holds it, so that what a dead build left behind can be told from a live build's.
type owner struct {
	Host  string    `json:"host"`
	PID   int       `json:"pid"`
	Start time.Time `json:"start"`
	ID    string    `json:"id"`
}

func newOwner() owner {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return owner{Host: hostname(), PID: os.Getpid(), Start: time.Now().UTC(), ID: strconv.FormatInt(time.Now().UnixNano(), 36) + hex.EncodeToString(b[:])}
}

func (o owner) String() string {
	return "pid " + strconv.Itoa(o.PID) + " on " + o.Host + ", started " + o.Start.Local().Format("2006-01-02 15:04:05 MST")
}

// hostname is the host's name made safe for a file name ("-" separates the name's fields).
func hostname() string {
	h, _ := os.Hostname()
	h = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' {
			return r
		}
		return '_'
	}, h)
	if h == "" {
		h = "localhost"
	}
	return h
}

// live holds the ids of the stages this process has open. It is process state by nature: a
// process's own builds are alive exactly while they are registered here, which no pid test can
// tell (the pid is ours), and the signal handler uses it to remove every open stage before the
// process exits.
var live = struct {
	sync.Mutex
	stages map[string]*Stage
}{stages: map[string]*Stage{}}

// alive reports whether the build o may still be running. A build on another host cannot be
// checked, so it counts as alive.
func alive(o owner) bool {
	if o.Host != hostname() {
		return true
	}
	if o.PID == os.Getpid() {
		live.Lock()
		defer live.Unlock()
		_, ok := live.stages[o.ID]
		return ok
	}
	return processAlive(o.PID)
}

// AbortAll removes every stage this process has open and releases their locks, for a process
// that must exit now (a second signal, or a build that did not stop in time).
func AbortAll() {
	live.Lock()
	stages := make([]*Stage, 0, len(live.stages))
	for _, s := range live.stages {
		stages = append(stages, s)
	}
	live.Unlock()
	for _, s := range stages {
		s.Abort()
	}
}
