package triptych_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/triptych/triptych"
	"github.com/triptych/triptych/render"
)

// Build the bundled example article as a spreadsheet into a folder.
func ExampleBuild() {
	dir, _ := os.MkdirTemp("", "triptych-example")
	defer os.RemoveAll(dir)
	rep, err := triptych.Build(context.Background(), triptych.Options{
		OutDir:  dir,
		Formats: []render.Format{render.XLSX},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.Summary())
	fmt.Println(rep.Articles[0].Files)
	_, err = os.Stat(filepath.Join(dir, "manifest.json"))
	fmt.Println("manifest written:", err == nil)
	// Output:
	// 1 built, 0 skipped, 0 failed
	// [software-engineer-vs-platform-sre/software-engineer-vs-platform-sre.xlsx]
	// manifest written: true
}
