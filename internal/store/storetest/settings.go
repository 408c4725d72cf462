package storetest

import (
	"context"
	"testing"
)

// testSettings checks that a setting reads back what was set last, that
// an unset key reads "", and that keys are kept apart.
func testSettings(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	if v, err := s.Setting(ctx, "sketches"); err != nil || v != "" {
		t.Fatalf("unset setting = %q, %v; want \"\", nil", v, err)
	}
	for _, v := range []string{"sketch 1; lexicon 10 crc32 0000abcd", "sketch 2; none"} {
		if err := s.SetSetting(ctx, "sketches", v); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Setting(ctx, "sketches"); err != nil || got != v {
			t.Errorf("Setting after SetSetting(%q) = %q, %v", v, got, err)
		}
	}
	if err := s.SetSetting(ctx, "other", "x"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Setting(ctx, "sketches"); got != "sketch 2; none" {
		t.Errorf("setting another key changed sketches to %q", got)
	}
}
