package match

// The lookups and comparisons of a trace reuse pooled buffers (see
// xscratch, hitCounts, xscores) instead of allocating per call.

// resized returns (*buf)[:n], reallocating (with zeros) when its capacity
// is short; otherwise the contents are whatever the buffer held, and a
// caller that needs zeros keeps them zero after each use.
func resized[T any](buf *[]T, n int) []T {
	if cap(*buf) < n {
		*buf = make([]T, n)
	}
	return (*buf)[:n]
}
