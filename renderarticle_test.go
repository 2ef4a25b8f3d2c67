package triptych

import (
	"bytes"
	"reflect"
	"runtime"
	"sync"
	"testing"

	"github.com/triptych/triptych/internal/testkit"
	"github.com/triptych/triptych/render"
)

// TestRenderArticleConcurrentIsSequential: painting the formats at once
// (one article in flight) gives the same files and warnings in the same
// order as painting them one after another (every core busy), also with
// several articles rendered at the same time.
func TestRenderArticleConcurrentIsSequential(t *testing.T) {
	a := testkit.Load(t, "testdata/long/long-comparison.md")
	formats := []render.Format{render.PNG, render.PDF, render.XLSX, render.CSV}
	opts := render.Options{Version: "1.0.0"}
	inFlight.Add(int64(runtime.GOMAXPROCS(0)))
	seqFiles, seqWarn, err := RenderArticle(a, formats, opts)
	inFlight.Add(-int64(runtime.GOMAXPROCS(0)))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			files, warn, err := RenderArticle(a, formats, opts)
			if err != nil {
				t.Error(err)
				return
			}
			if !reflect.DeepEqual(warn, seqWarn) || len(files) != len(seqFiles) {
				t.Errorf("warnings or files differ: %v / %v", warn, seqWarn)
				return
			}
			for i := range files {
				if files[i].Suffix != seqFiles[i].Suffix || !bytes.Equal(files[i].Data, seqFiles[i].Data) {
					t.Errorf("file %d (%s) differs", i, files[i].Suffix)
				}
			}
		})
	}
	wg.Wait()
}

// TestRenderArticleSpreadIsSequential: an article alone lays out the
// poster and the workbook on their own goroutines while the handout is
// laid out (Layout is pure, so the parts are the same); its files and
// warnings are those of painting from one layout one format after
// another, in every order of the formats.
func TestRenderArticleSpreadIsSequential(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("one core: formats are never painted at once")
	}
	for _, p := range []string{"testdata/long/long-comparison.md", "testdata/articles/cafe-owner-vs-barista.txt"} {
		a := testkit.Load(t, p)
		for _, formats := range [][]render.Format{
			{render.PNG, render.PDF, render.XLSX, render.CSV},
			{render.XLSX, render.PDF, render.PNG},
			{render.PDF, render.CSV},
		} {
			opts := render.Options{Version: "1.0.0"}
			inFlight.Add(int64(runtime.GOMAXPROCS(0)))
			seqFiles, seqWarn, err := renderArticle(a, formats, opts, false)
			inFlight.Add(-int64(runtime.GOMAXPROCS(0)))
			if err != nil {
				t.Fatal(err)
			}
			files, warn, err := renderArticle(a, formats, opts, true)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(warn, seqWarn) || len(files) != len(seqFiles) {
				t.Fatalf("%s %v: warnings or files differ: %v / %v", p, formats, warn, seqWarn)
			}
			for i := range files {
				if files[i].Suffix != seqFiles[i].Suffix || !bytes.Equal(files[i].Data, seqFiles[i].Data) {
					t.Errorf("%s %v: file %d (%s) differs", p, formats, i, files[i].Suffix)
				}
			}
		}
	}
}
