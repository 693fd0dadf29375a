package httpapi

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestAdmission(t *testing.T) {
	a := newAdmission(2)
	r1, err := a.enter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	r2, err := a.enter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// Both slots taken: a third search waits until one is released.
	admitted := make(chan error, 1)
	go func() {
		r3, err := a.enter(context.Background())
		if err == nil {
			r3()
		}
		admitted <- err
	}()
	select {
	case <-admitted:
		t.Fatal("a third search ran while both slots were taken")
	case <-time.After(20 * time.Millisecond):
	}
	r1()
	if err := <-admitted; err != nil {
		t.Fatalf("the waiting search was not admitted: %v", err)
	}
	// A client that goes away stops waiting at once.
	r4, err := a.enter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = a.enter(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("enter with a cancelled context: %v, want context.Canceled", err)
	}
	if status, _ := statusOf(err); status != 503 {
		t.Errorf("status %d for a cancelled wait, want 503", status)
	}
	r2()
	r4()
	if n := len(a.slots); n != 0 {
		t.Errorf("%d slots still taken after every release", n)
	}
}
