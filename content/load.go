package content

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// ParseOptions change how articles are read.
type ParseOptions struct {
	// Strict makes front-matter keys that triptych does not use errors
	// instead of keys kept aside.
	Strict bool
	// DateOrder reads a date like 03/05/2024 whose day and month could be
	// either way round: "mdy" (the default, as English pages mostly mean)
	// or "dmy". Either way the reader is warned.
	DateOrder string
	// Splits are the user's choices for scraped table rows whose split was
	// a guess (a "<file>.splits.yaml" beside the article; see splits.go).
	// LoadWith reads them; Parse callers may set them.
	Splits *SplitOverrides
}

// Load reads the article at path and parses it with the loader its
// extension selects (see Parse).
func Load(path string) (*Article, error) { return LoadWith(path, ParseOptions{}) }

// LoadWith is Load with options.
func LoadWith(path string, opts ParseOptions) (*Article, error) {
	data, err := ReadRegular(path, MaxFileBytes)
	if err != nil {
		return nil, err
	}
	if opts.Splits == nil {
		if opts.Splits, err = LoadSplitOverrides(path); err != nil {
			return nil, err
		}
	}
	a, err := ParseWith(path, data, opts)
	if err == nil {
		loadBrandLogo(a, path)
	}
	return a, err
}

// LoadBrandLogo reads the logo named by an article's front matter,
// relative to articlePath's folder, for callers that parse the bytes of a
// file themselves (ParseWith reads no other file).
func LoadBrandLogo(a *Article, articlePath string) { loadBrandLogo(a, articlePath) }

// ReadFile reads a source file with the same checks as Load (a regular
// file, at most MaxFileBytes), so that callers can fingerprint exactly what
// Parse will read.
func ReadFile(path string) ([]byte, error) { return ReadRegular(path, MaxFileBytes) }

// ReadRegular reads a regular file of at most limit bytes without reading
// more than that from it: a FIFO, a device or a larger file is an error
// that names the file and says what is wrong.
func ReadRegular(path string, limit int64) ([]byte, error) {
	// Stat before opening: opening a FIFO would wait for a writer.
	info, err := os.Stat(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: describeOpenError(err), Err: err}
	}
	if !info.Mode().IsRegular() {
		return nil, kindErrorf(ErrNotText, path, 0, "not a regular file")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: describeOpenError(err), Err: err}
	}
	defer f.Close()
	if info.Size() > limit {
		return nil, tooLarge(path, info.Size(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error(), Err: err}
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(path, int64(len(data)), limit)
	}
	return data, nil
}

func describeOpenError(err error) string {
	switch {
	case os.IsNotExist(err):
		return "no such file"
	case os.IsPermission(err):
		return "permission denied"
	}
	return err.Error()
}

func tooLarge(path string, size, limit int64) *Error {
	return kindErrorf(ErrTooLarge, path, 0, "file is %s, larger than the limit of %s", humanBytes(size), humanBytes(limit))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// Extensions lists the file extensions Parse reads, in lower case.
var Extensions = []string{".md", ".markdown", ".txt", ".html", ".htm"}

// Parse builds an Article from the bytes of a source file. name is used in
// messages and chooses the loader: ".md" and ".markdown" for Markdown with
// front matter, ".txt" for a scraped plain-text article, ".html" and ".htm"
// for a saved web page.
func Parse(name string, data []byte) (*Article, error) { return ParseWith(name, data, ParseOptions{}) }

// ParseWith is Parse with options.
func ParseWith(name string, data []byte, opts ParseOptions) (*Article, error) {
	var parse func(*Article, []string, ParseOptions) error
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		parse = parseMarkdown
	case ".txt":
		parse = parsePlainText
	case ".html", ".htm":
		parse = parseWebPage
	default:
		return nil, kindErrorf(ErrFormat, name, 0, "unsupported file type %q: use .md, .markdown, .txt, .html or .htm", filepath.Ext(name))
	}
	a := &Article{Source: name}
	text, err := decodeText(a, data)
	if err != nil {
		return nil, err
	}
	lines := splitLines(text)
	for i, l := range lines {
		if len(l) > MaxLineBytes {
			return nil, kindErrorf(ErrTooLarge, name, i+1, "line is %s long, longer than the limit of %s", humanBytes(int64(len(l))), humanBytes(MaxLineBytes))
		}
	}
	if strings.TrimSpace(text) == "" {
		return nil, kindErrorf(ErrEmpty, name, 0, "empty article")
	}
	return withinBudget(name, func() (*Article, error) {
		if err := parse(a, lines, opts); err != nil {
			return nil, err
		}
		if err := finish(a); err != nil {
			return nil, err
		}
		return a, nil
	})
}

// parseBudget is MaxParseTime; tests shorten it.
var parseBudget = MaxParseTime

// withinBudget runs a parse with the time budget of MaxParseTime. Parsing
// is linear in the input within every limit, so the budget is a safety net:
// an input that still finds a slow path becomes a clear error instead of a
// stalled batch. (A parse cannot be interrupted; one past its budget is
// left to finish in the background, and its result is dropped.)
func withinBudget(name string, parse func() (*Article, error)) (*Article, error) {
	type result struct {
		a   *Article
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{nil, errorf(name, 1, "internal error while reading the article (please report it): %v", r)}
			}
		}()
		a, err := parse()
		done <- result{a, err}
	}()
	timer := time.NewTimer(parseBudget)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.a, r.err
	case <-timer.C:
		return nil, kindErrorf(ErrTooLarge, name, 1, "reading the article took longer than %s (content.MaxParseTime): simplify its markup or split it", parseBudget)
	}
}

// decodeText checks that data is text and returns it as UTF-8 without a
// byte-order mark. UTF-16 with a byte-order mark is converted, with a warning.
func decodeText(a *Article, data []byte) (string, error) {
	if len(data) > MaxFileBytes {
		return "", tooLarge(a.Source, int64(len(data)), MaxFileBytes)
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		utf8Data, err := dec.Bytes(data)
		if err != nil {
			return "", kindErrorf(ErrInvalidUTF8, a.Source, 0, "broken UTF-16 text: save the file as UTF-8")
		}
		a.warn(0, "the file is UTF-16; it was read as such, but UTF-8 is expected")
		data = utf8Data
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if bytes.IndexByte(data, 0) >= 0 || looksBinary(data) {
		return "", kindErrorf(ErrNotText, a.Source, 0, "not a text file")
	}
	if !utf8.Valid(data) {
		decoded, err := decodeInvalidUTF8(a, data)
		if err != nil {
			return "", err
		}
		data = decoded
	}
	return string(data), nil
}

// maxByteWarnings bounds the warnings about invalid bytes, one per line.
const maxByteWarnings = 20

// decodeInvalidUTF8 reads a file that is not valid UTF-8. A file that is
// mostly UTF-8 (at least as many valid multi-byte characters as invalid
// bytes) stays UTF-8: each invalid byte becomes U+FFFD, with a warning
// naming each line, because reading the whole file as Windows-1252 would
// garble every other accented letter ("CafÃ©"). A file with no valid
// multi-byte character is a legacy 8-bit file, read as Windows-1252.
func decodeInvalidUTF8(a *Article, data []byte) ([]byte, error) {
	valid, invalid := 0, 0
	var badLines []int
	line := 1
	for rest := data; len(rest) > 0; {
		r, size := utf8.DecodeRune(rest)
		switch {
		case r == utf8.RuneError && size <= 1:
			invalid++
			if len(badLines) == 0 || badLines[len(badLines)-1] != line {
				badLines = append(badLines, line)
			}
		case size > 1:
			valid++
		case r == '\n':
			line++
		}
		rest = rest[size:]
	}
	if valid > 0 && valid >= invalid {
		for i, l := range badLines {
			if i == maxByteWarnings {
				a.warn(l, "…and %d more lines with bytes that are not UTF-8", len(badLines)-i)
				break
			}
			a.warn(l, "bytes that are not UTF-8 were replaced by \uFFFD; save the file as UTF-8")
		}
		return bytes.ToValidUTF8(data, []byte("\uFFFD")), nil
	}
	decoded, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return nil, kindErrorf(ErrInvalidUTF8, a.Source, badLines[0], "invalid UTF-8: save the file as UTF-8")
	}
	a.warn(badLines[0], "invalid UTF-8: the file was read as Windows-1252; save it as UTF-8")
	return decoded, nil
}

// looksBinary reports whether a sample of data holds many control bytes, as
// images and archives do and text never does.
func looksBinary(data []byte) bool {
	sample := data
	if len(sample) > 8192 {
		sample = sample[:8192]
	}
	controls := 0
	for _, c := range sample {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			controls++
		}
	}
	return controls > 0 && controls*20 > len(sample)
}

// splitLines splits text at LF, CRLF or a lone CR.
func splitLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.TrimSuffix(text, "\n")
	return strings.Split(text, "\n")
}
