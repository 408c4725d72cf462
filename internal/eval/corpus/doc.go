// Package corpus imports public machine-translation evaluation sets as
// newstrace corpus articles with gold labels.
//
// Translation test sets are, read the other way round, exactly what newstrace
// must detect: an original article and its translations (human or machine)
// published elsewhere. ImportNewstest reads WMT newstest2014 (SGML) and
// ImportWMT reads the WMT22 general test sets (XML, with every submitted
// system's output); both return articles whose Gold says which article each
// one derives from. Options produce the harder conditions of the evaluation:
// translations cut to their first sentences (partial copies) and corpora
// whose originals are missing (no counterpart to find).
//
// Texts are built the same way for both formats: a first segment that looks
// like a headline becomes the title (news only), and the remaining segments are grouped
// three to a paragraph unless the document marks more than one paragraph
// itself (no file of either set does). Both sets are segment-aligned, so the grouping is the same in every
// language of a document. Publication times are deterministic pseudo-times:
// an original at a base date plus a hash of its group, each translation one
// to 48 hours later.
package corpus
