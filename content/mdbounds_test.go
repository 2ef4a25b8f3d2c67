package content

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// pathological builds a Markdown article whose body is about size bytes
// of unit repeated, on lines just under the line limit, in one paragraph.
func pathological(unit string, size int) []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: T\n---\n\n| Aspect | A | B |\n|---|---|---|\n| One | a | b |\n| Two | c | d |\n\n")
	line := strings.Repeat(unit, (MaxLineBytes-100)/len(unit)) + "\n"
	for b.Len()+len(line) < size {
		b.WriteString(line)
	}
	return []byte(b.String())
}

var pathologicalUnits = []string{"[a](", "*a **b ", "![a](", "[a] ", "[a](<", "a_b_ ", "a*b* ", "~~a "}

// The inputs that once took minutes (121 s for "[a](") parse in linear
// time at the body limit. The bound here only catches a return to
// quadratic time; BenchmarkPathologicalMarkdown gives the figures.
func TestPathologicalMarkdownIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("parses several MiB")
	}
	for _, unit := range pathologicalUnits {
		src := pathological(unit, MaxBodyBytes-64)
		start := time.Now()
		a, err := Parse("p.md", src)
		took := time.Since(start)
		if err != nil {
			t.Errorf("%q: %v", unit, err)
			continue
		}
		if took > 10*time.Second {
			t.Errorf("%q: %v for %d KiB", unit, took, len(src)>>10)
		}
		// Nothing is lost: every mark is still in the text.
		text := ParagraphsText(a.Lead)
		if want := strings.Count(string(src), strings.TrimSpace(unit)) - 0; strings.Count(text, strings.TrimSpace(unit)) < want/2 {
			t.Errorf("%q: marks lost from the text", unit)
		}
	}
}

func TestBoundInlineSyntaxKeepsCodeSpans(t *testing.T) {
	emphasis := 0
	line := strings.Repeat("[x]", MaxLinksPerLine) + " `[a]` [b]"
	out, changed := boundLine(line, &emphasis)
	if !changed || !strings.HasSuffix(out, " `[a]` \\[b]") {
		t.Errorf("got %q", out[len(out)-20:])
	}
	if out, changed := boundLine("a normal [link](https://example.com) and *emphasis*", &emphasis); changed {
		t.Errorf("an ordinary line changed: %q", out)
	}
}

// BenchmarkPathologicalMarkdown reports the parse time per MiB of each
// pathological input.
func BenchmarkPathologicalMarkdown(b *testing.B) {
	for _, unit := range pathologicalUnits {
		src := pathological(unit, MaxBodyBytes-64)
		b.Run(fmt.Sprintf("%q", unit), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := Parse("p.md", src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// An article that takes longer than MaxParseTime to read is an error that
// names the limit, not a stall (the budget is shortened here).
func TestParseBudget(t *testing.T) {
	saved := parseBudget
	parseBudget = time.Nanosecond
	defer func() { parseBudget = saved }()
	_, err := Parse("slow.md", pathological("[a](", MaxBodyBytes-64))
	if err == nil || !strings.Contains(err.Error(), "slow.md:1: reading the article took longer than") || !errors.Is(err, ErrTooLarge) {
		t.Errorf("error %v", err)
	}
}
