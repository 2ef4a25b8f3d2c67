package content

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentinel errors that callers may test for with errors.Is.
var (
	ErrEmpty       = errors.New("empty article")
	ErrNotText     = errors.New("not a text file")
	ErrTooLarge    = errors.New("input over a size limit")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrFormat      = errors.New("unsupported file type")
	ErrNoTable     = errors.New("no comparison table")
)

// Error is a problem with an input file, located at a line when one is known.
// Its message reads "path:line: what is wrong".
type Error struct {
	Path string
	Line int // 0 when the problem concerns the whole file
	Msg  string
	Err  error // an optional sentinel, for errors.Is
}

func (e *Error) Error() string {
	return location(e.Path, e.Line) + e.Msg
}

// Unwrap returns the sentinel behind the error, if any.
func (e *Error) Unwrap() error { return e.Err }

func errorf(path string, line int, format string, args ...any) *Error {
	return &Error{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func kindErrorf(kind error, path string, line int, format string, args ...any) *Error {
	e := errorf(path, line, format, args...)
	e.Err = kind
	return e
}

// Warning is a problem that did not stop loading or rendering.
type Warning struct {
	Path string
	Line int
	Msg  string
}

func (w Warning) String() string { return location(w.Path, w.Line) + w.Msg }

func newWarning(path string, line int, format string, args ...any) Warning {
	return Warning{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// NewWarning makes a warning at path:line; later stages use it to report
// problems in the article's source.
func NewWarning(path string, line int, format string, args ...any) Warning {
	return newWarning(path, line, format, args...)
}

func location(path string, line int) string {
	if path == "" {
		path = "<input>"
	}
	path = SafeName(path)
	if line > 0 {
		return fmt.Sprintf("%s:%d: ", path, line)
	}
	return path + ": "
}

// ErrorList is several problems with one input, reported together so that
// a writer can fix them all in one round. Its message has one line each.
type ErrorList []*Error

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the problems, for errors.Is and errors.As.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// SafeName returns a file name fit to print: a name holding control
// characters (an ESC that would drive the terminal, a newline that would
// forge a log line) or bytes that are not UTF-8 is quoted Go-style, with
// those characters escaped; any other name is returned as it is.
func SafeName(name string) string {
	if !utf8.ValidString(name) {
		return strconv.Quote(name)
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0x2028 || r == 0x2029 || unicode.Is(unicode.Bidi_Control, r) {
			return strconv.Quote(name)
		}
	}
	return name
}
