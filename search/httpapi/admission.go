package httpapi

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"github.com/gongkai/gongkai/search"
)

// admission lets at most a few searches run at once and queues the rest in
// arrival order. A search is CPU-bound, so running more at once than there
// are CPUs only stretches every one of them: under load, a search of 5 ms
// shared the CPUs with 15 others and took 50 ms or more. Queued, it waits
// its turn and then runs at full speed, which keeps the slow end of the
// latency distribution close to the middle.
type admission struct {
	slots chan struct{}
}

func newAdmission(n int) *admission {
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	return &admission{slots: make(chan struct{}, n)}
}

// enter waits for a slot, at most QueryBudget; call the returned release
// when the search is done.
func (a *admission) enter(ctx context.Context) (release func(), err error) {
	select {
	case a.slots <- struct{}{}:
		return a.leave, nil
	default:
	}
	t := time.NewTimer(search.QueryBudget)
	defer t.Stop()
	select {
	case a.slots <- struct{}{}:
		return a.leave, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("search: waiting for a free slot: %w", ctx.Err())
	case <-t.C:
		return nil, fmt.Errorf("%w: all %d search slots stayed busy for %v", search.ErrTimeout, cap(a.slots), search.QueryBudget)
	}
}

func (a *admission) leave() { <-a.slots }
