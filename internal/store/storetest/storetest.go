// Package storetest is the conformance suite of store.Store: every engine
// (store/sqlite, later store/postgres) runs the same behavioural tests, so
// that the pipeline gives identical results on either.
//
// An engine's test calls Run with a function that opens a fresh, empty
// store for each subtest:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) store.Store {
//			s, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "db"))
//			if err != nil {
//				t.Fatal(err)
//			}
//			t.Cleanup(func() { s.Close() })
//			return s
//		})
//	}
package storetest

import (
	"testing"

	"github.com/newstrace/newstrace/internal/store"
)

// Opener opens a fresh, empty store for one subtest and arranges, through
// t.Cleanup, for it to be closed.
type Opener func(t *testing.T) store.Store

// Run runs the whole suite against the stores open returns.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, Opener)
	}{
		{"RoundTrip", testRoundTrip},
		{"RoundTripMinimal", testRoundTripMinimal},
		{"AssignsID", testAssignsID},
		{"NotFound", testNotFound},
		{"GetByURL", testGetByURL},
		{"IdempotentByID", testIdempotentByID},
		{"IdempotentByCanonicalURL", testIdempotentByCanonicalURL},
		{"IdempotentByURL", testIdempotentByURL},
		{"IdempotentByContentHash", testIdempotentByContentHash},
		{"FailedPutKeepsEarlier", testFailedPutKeepsEarlier},
		{"CanceledPut", testCanceledPut},
		{"Candidates", testCandidates},
		{"Sketches", testSketches},
		{"SketchesCallback", testSketchesCallback},
		{"PutSketches", testPutSketches},
		{"Settings", testSettings},
		{"Search", testSearch},
		{"SearchSyntaxIsLiteral", testSearchSyntaxIsLiteral},
		{"PutMatchesReplaces", testPutMatchesReplaces},
		{"PutMatchesInvalid", testPutMatchesInvalid},
		{"ListFilters", testListFilters},
		{"ListPagesAndCallback", testListPagesAndCallback},
		{"ConcurrentPut", testConcurrentPut},
		{"ConcurrentDuplicatePut", testConcurrentDuplicatePut},
		{"Corpus", testCorpus},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open) })
	}
}
