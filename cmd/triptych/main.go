// Command triptych turns comparison articles into a PNG infographic, a PDF
// handout and an XLSX spreadsheet. Run "triptych --help" for the commands.
package main

import (
	"os"
)

func main() {
	os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
}
