//go:build !unix

package lexicon

import "time"

// cpuTime is not measured on this platform.
func cpuTime() time.Duration { return 0 }
