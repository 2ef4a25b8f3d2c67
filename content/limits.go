package content

import "time"

// Input limits. Each guards the loaders and the layout against inputs that
// would take unbounded time or memory; passing one is an error that names
// the limit, never a silent cut.
const (
	// MaxFileBytes is the largest source file read, in bytes.
	MaxFileBytes = 2 << 20
	// MaxBodyBytes is the largest Markdown body handed to the parser: goldmark
	// has pathological inputs whose parse time grows faster than their size.
	MaxBodyBytes = 1 << 20
	// MaxFrontMatterBytes is the largest YAML front-matter block.
	MaxFrontMatterBytes = 64 << 10
	// MaxLineBytes is the longest line accepted, in bytes.
	MaxLineBytes = 64 << 10
	// MaxNesting is the deepest nesting of Markdown containers (block
	// quotes, lists) accepted.
	MaxNesting = 32
	// MaxTitleChars is the longest title, in characters.
	MaxTitleChars = 300
	// MaxFieldChars is the longest subtitle, author, caption, section
	// heading or term name.
	MaxFieldChars = 500
	// MaxSubjects is the most subjects (table columns after the aspect).
	MaxSubjects = 5
	// MaxRows is the most rows of the comparison table: a spreadsheet of
	// a thousand laptops or cloud instance types is an ordinary one.
	MaxRows = 1000
	// MaxGuessedRows is the most rows of a scraped table whose columns
	// must be guessed (no tabs, wide spaces or " | " between them): the
	// guess weighs every cut of every row against the whole table.
	MaxGuessedRows = 100
	// MaxCellChars is the longest table cell or aspect, in characters.
	MaxCellChars = 2000
	// MinYear and MaxYear bound an article's date: every output (PDF
	// dates, xsd:dateTime in the workbook) can hold these years.
	MinYear = 1900
	MaxYear = 2200
	// MaxParseTime is the time one article may take to read. Reading is
	// linear in the input within the other limits (about 0.4 s for the
	// worst megabyte of Markdown); this budget turns anything slower into
	// an error instead of a stalled batch.
	MaxParseTime = 20 * time.Second
	// MaxURLChars is the longest source URL, in characters.
	MaxURLChars = 2000
)
