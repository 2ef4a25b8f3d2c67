package triptych

import (
	"os/exec"
	"reflect"
	"strings"
	"testing"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/render"
)

const module = "github.com/triptych/triptych"

// allowed lists, per package, the project packages it may import: the
// stages only look upstream (content → layout → render → out → facade),
// and painters (render/…) never see the article, only its layout.
var allowed = map[string][]string{
	"content":              {"content/webpage", "internal/lazyre"},
	"content/webpage":      {"internal/lazyre"},
	"internal/lazyre":      {},
	"layout/fonts":         {},
	"layout/hyphen":        {},
	"layout":               {"content", "layout/fonts", "layout/hyphen"},
	"render":               {"layout", "layout/fonts"},
	"render/png":           {"layout", "layout/fonts", "render"},
	"render/pdf":           {"layout", "layout/fonts", "render"},
	"render/xlsx":          {"layout", "render"},
	"out":                  {},
	"internal/readers":     {},
	"internal/batchcorpus": {},
	"internal/testkit":     {"content", "internal/readers", "layout/fonts"},
	"internal/painttest":   {"content", "layout", "render"},
	"":                     {"content", "layout", "layout/fonts", "out", "render", "render/png", "render/pdf", "render/xlsx"},
	"serve":                {"", "content", "layout", "render"},
	"cmd/triptych":         {"", "content", "layout", "out", "render", "serve"},
}

// TestImportsFollowTheStages fails on any import against the stage order.
func TestImportsFollowTheStages(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(strings.TrimPrefix(fields[0], module), "/")
		ok, known := allowed[pkg]
		if !known {
			t.Errorf("package %q has no entry in the stage table", pkg)
			continue
		}
		for _, imp := range fields[1:] {
			if !strings.HasPrefix(imp, module) {
				continue
			}
			dep := strings.TrimPrefix(strings.TrimPrefix(imp, module), "/")
			found := false
			for _, a := range ok {
				found = found || a == dep
			}
			if !found {
				t.Errorf("%s imports %s, against the stage order", fields[0], imp)
			}
		}
	}
}

// TestRenderersDoNotMutateTheArticle renders in every format and checks
// the article is unchanged.
func TestRenderersDoNotMutateTheArticle(t *testing.T) {
	a, err := content.Load("testdata/articles/cafe-owner-vs-barista.txt")
	if err != nil {
		t.Fatal(err)
	}
	before, _ := content.Load("testdata/articles/cafe-owner-vs-barista.txt")
	if _, _, err := RenderArticle(a, render.AllFormats, render.Options{Size: "og", Accents: []string{"#FFFF00"}}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, before) {
		t.Error("rendering changed the article")
	}
}
