package content

import (
	"regexp"
	"sync"
)

// lazyRegexp is a package-level regular expression compiled on its first
// use rather than at start-up: the package has some fifty, about 1 ms of
// every process's start, and a run that reads only Markdown uses few of
// them. It offers the methods the package calls.
type lazyRegexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

// lazyPatterns lists every lazyRegexp, so that a test compiles them all:
// a bad pattern still fails the tests, not an unlucky run.
var lazyPatterns []*lazyRegexp

// lazyCompile declares a pattern, compiled by its first use.
func lazyCompile(expr string) *lazyRegexp {
	l := &lazyRegexp{expr: expr}
	lazyPatterns = append(lazyPatterns, l)
	return l
}

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.expr) })
	return l.re
}

// The methods below are regexp.Regexp's, on the compiled pattern.

func (l *lazyRegexp) MatchString(s string) bool  { return l.get().MatchString(s) }
func (l *lazyRegexp) FindString(s string) string { return l.get().FindString(s) }
func (l *lazyRegexp) FindStringIndex(s string) []int {
	return l.get().FindStringIndex(s)
}
func (l *lazyRegexp) FindStringSubmatch(s string) []string {
	return l.get().FindStringSubmatch(s)
}
func (l *lazyRegexp) FindAllString(s string, n int) []string {
	return l.get().FindAllString(s, n)
}
func (l *lazyRegexp) FindAllStringIndex(s string, n int) [][]int {
	return l.get().FindAllStringIndex(s, n)
}
func (l *lazyRegexp) FindAllStringSubmatch(s string, n int) [][]string {
	return l.get().FindAllStringSubmatch(s, n)
}
func (l *lazyRegexp) ReplaceAllString(src, repl string) string {
	return l.get().ReplaceAllString(src, repl)
}
func (l *lazyRegexp) Split(s string, n int) []string { return l.get().Split(s, n) }
