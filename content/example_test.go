package content_test

import (
	"fmt"

	"github.com/triptych/triptych/content"
)

// Load a scraped plain-text article and read its comparison table.
func ExampleLoad() {
	a, err := content.Load("../examples/software-engineer-vs-platform-sre.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title, "|", a.Date())
	fmt.Println(a.Table.Subjects)
	r := a.Table.Rows[3]
	fmt.Printf("%s: %s / %s\n", r.Aspect, r.Cells[0], r.Cells[1])
	// Output:
	// Software Engineer vs. Platform SRE | 2025-04-21
	// [Software Engineer Platform SRE]
	// Tools Used: IDEs, version control, CI/CD pipelines. / Monitoring tools, configuration management, container orchestration.
}

// Parse reports problems as path:line.
func ExampleParse() {
	_, err := content.Parse("notes.txt", []byte("A vs B\n\nAspect\tA\tB\nGoal\tonly one cell\n"))
	fmt.Println(err)
	// Output:
	// notes.txt:4: table row has 1 cell, expected 2
}
