//go:build unix

package traceeval

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time this process has used so far, so that a
// throughput figure does not depend on what else the machine runs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
