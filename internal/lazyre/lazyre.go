// Package lazyre holds package-level regular expressions compiled on
// their first use rather than at start-up: the importers have some sixty,
// about 2 ms of every process's start, and a run uses few of them.
package lazyre

import (
	"regexp"
	"sync"
)

// Regexp is a pattern compiled by its first use. It offers the methods of
// regexp.Regexp that the importers call.
type Regexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

// New declares a pattern; a bad one panics on first use, so each package
// keeps a list of its patterns for a test to compile them all.
func New(expr string) *Regexp { return &Regexp{expr: expr} }

// Expr returns the pattern's source.
func (l *Regexp) Expr() string { return l.expr }

func (l *Regexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.expr) })
	return l.re
}

// MatchString is regexp.Regexp.MatchString.
func (l *Regexp) MatchString(s string) bool { return l.get().MatchString(s) }

// FindString is regexp.Regexp.FindString.
func (l *Regexp) FindString(s string) string { return l.get().FindString(s) }

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (l *Regexp) FindStringIndex(s string) []int { return l.get().FindStringIndex(s) }

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (l *Regexp) FindStringSubmatch(s string) []string { return l.get().FindStringSubmatch(s) }

// FindAllString is regexp.Regexp.FindAllString.
func (l *Regexp) FindAllString(s string, n int) []string { return l.get().FindAllString(s, n) }

// FindAllStringIndex is regexp.Regexp.FindAllStringIndex.
func (l *Regexp) FindAllStringIndex(s string, n int) [][]int {
	return l.get().FindAllStringIndex(s, n)
}

// FindAllStringSubmatch is regexp.Regexp.FindAllStringSubmatch.
func (l *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	return l.get().FindAllStringSubmatch(s, n)
}

// ReplaceAllString is regexp.Regexp.ReplaceAllString.
func (l *Regexp) ReplaceAllString(src, repl string) string {
	return l.get().ReplaceAllString(src, repl)
}

// Split is regexp.Regexp.Split.
func (l *Regexp) Split(s string, n int) []string { return l.get().Split(s, n) }
