package text

import "testing"

func TestRomaji(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ロシア", "roshia"},
		{"トランプ", "torampu"},
		{"プーチン", "puchin"},
		{"ウクライナ", "ukuraina"},
		{"とうきょう", "toukyou"},
		{"マッチャ", "matcha"},
		{"ベッド", "beddo"},
		{"パーティー", "pati"},
		{"ファイル", "fairu"},
		{"ヴァイオリン", "vaiorin"},
		{"しんぶん", "shimbun"},
		{"東京タワー", "東京tawa"},
		{"moscow", "moscow"},
		{"", ""},
	} {
		if got := Romaji(c.in); got != c.want {
			t.Errorf("Romaji(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestRomajiSkeleton checks the purpose of Romaji: katakana names meet
// their Latin spellings through Skeleton.
func TestRomajiSkeleton(t *testing.T) {
	for _, c := range []struct{ kana, latin string }{
		{"ロシア", "russia"},
		{"トランプ", "trump"},
		{"アメリカ", "america"},
		{"バイデン", "biden"},
		{"ウクライナ", "ukraine"},
	} {
		if k, want := Skeleton(Romaji(c.kana)), Skeleton(c.latin); k != want || k == "" {
			t.Errorf("Skeleton(Romaji(%q)) = %q, Skeleton(%q) = %q", c.kana, k, c.latin, want)
		}
	}
}

func TestRomajiNoAllocWithoutKana(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _ = Romaji("東京") }); n != 0 {
		t.Errorf("Romaji of a kana-free string allocates %v times", n)
	}
}
