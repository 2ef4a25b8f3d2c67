package content

import (
	"errors"
	"strings"

	"github.com/triptych/triptych/content/webpage"
)

// parseWebPage reads a saved web page: the webpage package extracts the
// article as Markdown (with the HTML line of each Markdown line), which
// the Markdown loader then reads, so that a page and the Markdown that
// `convert` writes for it load as the same article. Problems name the
// lines of the HTML file.
func parseWebPage(a *Article, lines []string, _ ParseOptions) error {
	res, err := webpage.Convert([]byte(strings.Join(lines, "\n")))
	if err != nil {
		var we *webpage.Error
		if errors.As(err, &we) {
			if we.Line == 0 {
				we.Line = 1 // the page as a whole
			}
			if strings.Contains(we.Msg, "triptych reads") { // a documented limit
				return kindErrorf(ErrTooLarge, a.Source, we.Line, "%s", we.Msg)
			}
			return errorf(a.Source, we.Line, "%s", we.Msg)
		}
		return errorf(a.Source, 1, "%v", err)
	}
	for _, w := range res.Warnings {
		a.warn(w.Line, "%s", w.Msg)
	}
	md := splitLines(string(res.Markdown))
	fm, body, offset, err := splitFrontMatter(a.Source, md)
	if err != nil {
		return err
	}
	meta, err := applyFrontMatter(a, fm.root, false)
	if err != nil {
		return err
	}
	if a.Title == "" {
		return errorf(a.Source, 1, "no title: the page has no <h1>, og:title or <title>")
	}
	var lineMap []int
	if offset < len(res.SourceLine) {
		lineMap = res.SourceLine[offset:]
	}
	if lineMap == nil {
		lineMap = []int{} // lines of the Markdown are no lines of the page
	}
	return parseMarkdownBody(a, body, offset, lineMap, meta)
}
