//go:build !unix

package publish

// processAlive cannot be told here, so a lock or stage of another process counts as alive.
func processAlive(pid int) bool { return true }
