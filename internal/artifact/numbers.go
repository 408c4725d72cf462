package artifact

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// decimalComma lists the languages that write "3,5" for three and a half
// and group thousands with a space or a point; decimalPoint those that
// write "3.5" and group with a comma.
var (
	decimalComma = wordSet("fr de es it pt ca nl cs sk pl hr sl ro hu sv da nb no fi et lv lt tr ru uk be bg sr mk el id")
	decimalPoint = wordSet("en zh ja hi ko he th")
)

// numberRun matches a number with its separators.
var numberRun = regexp.MustCompile(`[0-9][0-9.,]*[0-9]`)

// Number shapes.
var (
	decimalPointShape = regexp.MustCompile(`^[0-9]+\.[0-9]{1,2}$`)
	decimalCommaShape = regexp.MustCompile(`^[0-9]+,[0-9]{1,2}$`)
	commaThousands    = regexp.MustCompile(`^[1-9][0-9]{0,2}(,[0-9]{3})+$`)
	pointThousands    = regexp.MustCompile(`^[1-9][0-9]{0,2}(\.[0-9]{3})+$`)
)

// quantityWords start the words that make a number a quantity rather than
// a date, a time, a score or a version: percent and magnitudes, in the
// languages of the evaluation sets, folded to lower case.
var quantityWords = []string{
	"%", "percent", "per cent", "pour cent", "prozent", "por ciento", "per cento", "procent", "posto", "percent",
	"процент", "відсот", "million", "milliard", "billion", "trillion", "millionen", "milliarden", "billionen",
	"millón", "millones", "milioni", "miliardi", "milion", "miliard", "miliun", "milijun", "milijard", "bilion",
	"mln", "mld", "mrd", "mio", "млн", "млрд", "трлн", "тыс", "миллион", "миллиард", "мільйон", "мільярд",
}

// quantityAfter reports whether the text after a number starts with a
// quantity word.
func quantityAfter(after string) bool {
	after = strings.ToLower(strings.TrimLeft(after, " \u00a0\u202f"))
	for _, w := range quantityWords {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// numberFindings returns the numbers of p written in another locale than
// lang's:
//
//   - decimal_point: "3.5 Prozent" in a decimal-comma language;
//   - comma_thousands: "1,000" or "10,000" in a decimal-comma language;
//   - decimal_comma: "3,5 percent" in a decimal-point language;
//   - point_thousands: "1.000 people" in a decimal-point language.
//
// Decimals count only before a percent or magnitude word, since "14.30"
// is a time in German and "2.1" a version or a score anywhere.
func numberFindings(p string, para int, lang string, all bool) []Finding {
	comma, point := decimalComma[lang], decimalPoint[lang]
	if !comma && !point {
		return nil
	}
	var out []Finding
	add := func(rule, detail string, start, end int) {
		r := numberRules[rule]
		if !r.enabled && !all {
			return
		}
		out = append(out, Finding{Kind: KindNumberFormat, Rule: rule, Detail: detail,
			Query: snippet(p, start, end), Paragraph: para, Weak: r.weak})
	}
	for _, m := range numberRun.FindAllStringIndex(p, -1) {
		start, end := m[0], m[1]
		if start > 0 {
			r, _ := utf8.DecodeLastRuneInString(p[:start])
			if unicode.IsLetter(r) || r == '.' || r == ',' || r == '-' || r == '/' {
				continue // part of a code, a date or a range written some other way
			}
		}
		rest := p[end:]
		if next, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(next) || unicode.IsDigit(next) {
			continue
		}
		if len(rest) >= 2 && (rest[0] == '.' || rest[0] == ',') && rest[1] >= '0' && rest[1] <= '9' {
			continue
		}
		n := p[start:end]
		switch {
		case comma && decimalPointShape.MatchString(n) && quantityAfter(rest):
			add("decimal_point", "decimal point in a "+lang+" text, which writes a decimal comma", start, end)
		case comma && commaThousands.MatchString(n) && roundGroups(n):
			add("comma_thousands", "thousands grouped with a comma in a "+lang+" text, which reads it as a decimal comma", start, end)
		case point && decimalCommaShape.MatchString(n) && quantityAfter(rest):
			add("decimal_comma", "decimal comma in a "+lang+" text, which writes a decimal point", start, end)
		case point && pointThousands.MatchString(n) && roundGroups(n) && wordAfter(rest):
			add("point_thousands", "thousands grouped with a point in a "+lang+" text, which groups with a comma", start, end)
		}
	}
	return out
}

// roundGroups reports whether a number with grouped digits reads as a
// round count rather than a decimal with three places: two or more groups
// ("1,000,000"), or one that ends in "00" ("1,500", "75.000"), where
// "2.256 seconds" and "5.277 cents" are decimals.
func roundGroups(n string) bool {
	return strings.Count(n, ",")+strings.Count(n, ".") >= 2 || strings.HasSuffix(n, "00")
}

// wordAfter reports whether a space and a letter follow.
func wordAfter(rest string) bool {
	t := strings.TrimLeft(rest, " \u00a0")
	if len(t) == len(rest) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLetter(r)
}

// numberRules holds the decisions taken from the measured rates.
var numberRules = map[string]ruleState{
	"decimal_point":   {enabled: true, weak: true},
	"comma_thousands": {enabled: true, weak: true},
	"decimal_comma":   {enabled: true, weak: true},
	"point_thousands": {enabled: true, weak: true},
}
