package render

// Options are the choices that shape every output. The zero value means the
// defaults: the light theme, the poster size at 1x, A4 paper.
type Options struct {
	// Theme is "light" or "dark"; the article's front matter may override it.
	Theme string
	// Size is the infographic size preset ("poster", "og", "square", ...).
	Size string
	// Scale multiplies the infographic's pixel size (1, 2 or 3).
	Scale int
	// Paper is the handout's paper size ("a4" or "letter").
	Paper string
	// Accents override the subjects' colours ("#RRGGBB"), after the article's.
	Accents []string
	// Typography "plain" keeps straight quotes in the PNG and the PDF.
	Typography string
	// CSVBOM starts CSV files with a UTF-8 byte-order mark, for Excel.
	CSVBOM bool
	// Version is the tool version written into file metadata.
	Version string
}
