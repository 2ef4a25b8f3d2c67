package xlsx

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/triptych/triptych/internal/readers"
)

// Every workbook the tests of this package produce is recorded and, after
// the tests, read by two independent readers (TestMain): openpyxl in
// read-only mode, which trusts each sheet's <dimension ref>, and
// LibreOffice, which converts each sheet to CSV. Both must read every cell
// as excelize wrote it, and each sheet must declare the range its cells
// cover. A workbook LibreOffice cannot load fails.
var produced struct {
	sync.Mutex
	seen  map[[32]byte]bool
	names []string
	data  [][]byte
}

// openX opens a workbook with excelize, closed when the test ends.
func openX(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// record keeps a workbook the tests produced, under a short label.
func record(label string, data []byte) {
	if flag.Lookup("test.fuzz") != nil && flag.Lookup("test.fuzz").Value.String() != "" {
		return // fuzzing: the inputs are too many to read back
	}
	sum := sha256.Sum256(data)
	produced.Lock()
	defer produced.Unlock()
	if produced.seen == nil {
		produced.seen = map[[32]byte]bool{}
	}
	if produced.seen[sum] {
		return
	}
	produced.seen[sum] = true
	produced.names = append(produced.names, fmt.Sprintf("%03d-%s.xlsx", len(produced.names)+1, safeLabel(label)))
	produced.data = append(produced.data, data)
}

func safeLabel(s string) string {
	s = strings.TrimSuffix(filepath.Base(s), filepath.Ext(s))
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return '-'
	}, s)
}

func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 && len(produced.names) > 0 && !testing.Short() {
		if err := readEveryWorkbook(); err != nil {
			fmt.Fprintf(os.Stderr, "FAIL: the workbooks the tests produced do not read back:\n%v\n", err)
			code = 1
		}
	}
	os.Exit(code)
}

// missing reports a reader that is not installed: an error in CI, a note
// elsewhere.
func missing(what string) error {
	if os.Getenv("CI") == "true" {
		return fmt.Errorf("%s is not installed: .ci/deps installs it", what)
	}
	fmt.Fprintf(os.Stderr, "note: %s is not installed (make deps installs it); the workbooks were not read back with it\n", what)
	return nil
}

func readEveryWorkbook() error {
	dir, err := os.MkdirTemp("", "triptych-xlsx-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	var paths []string
	want := map[string]sheetSet{}
	for i, name := range produced.names {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, produced.data[i], 0o644); err != nil {
			return err
		}
		paths = append(paths, p)
		s, err := excelizeSheets(produced.data[i])
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		want[p] = s
	}
	var problems []string
	if err := exec.Command(readers.Python, "-c", "import openpyxl").Run(); err != nil {
		if err := missing("python3-openpyxl"); err != nil {
			return err
		}
	} else if err := checkOpenpyxl(paths, want); err != nil {
		problems = append(problems, err.Error())
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		if err := missing("LibreOffice (soffice)"); err != nil {
			return err
		}
	} else {
		got, err := libreOfficeCSV(dir, paths)
		if err != nil {
			return err
		}
		for _, p := range paths {
			if err := compareSheets("LibreOffice", want[p], got[p], libreOfficeView); err != nil {
				problems = append(problems, filepath.Base(p)+": "+err.Error())
			}
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	return nil
}

// sheetSet is a workbook's sheets in order, each as rows of cell text.
type sheetSet struct {
	order []string
	rows  map[string][][]string
	dims  map[string]string // the range each sheet's cells cover
}

// excelizeSheets reads a workbook back with excelize (the writer's view)
// and finds the range each sheet's <c> elements cover in its XML.
func excelizeSheets(data []byte) (sheetSet, error) {
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return sheetSet{}, err
	}
	defer x.Close()
	s := sheetSet{order: x.GetSheetList(), rows: map[string][][]string{}, dims: map[string]string{}}
	parts, err := sheetParts(data)
	if err != nil {
		return s, err
	}
	for i, sheet := range s.order {
		rows, err := x.GetRows(sheet)
		if err != nil {
			return s, err
		}
		s.rows[sheet] = trimRows(rows)
		s.dims[sheet] = coveredRange(parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)])
	}
	return s, nil
}

// sheetParts returns the XML of every part of a workbook by name.
func sheetParts(data []byte) (map[string][]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		parts[f.Name] = body
	}
	return parts, nil
}

var cellRef = regexp.MustCompile(`<c r="([A-Z]+)([0-9]+)"`)

// coveredRange is "A1:" and the last column and row of any <c> element.
func coveredRange(sheetXML []byte) string {
	maxCol, maxRow := 1, 1
	for _, m := range cellRef.FindAllSubmatch(sheetXML, -1) {
		col, _ := excelize.ColumnNameToNumber(string(m[1]))
		var row int
		fmt.Sscan(string(m[2]), &row)
		maxCol, maxRow = max(maxCol, col), max(maxRow, row)
	}
	if maxCol == 1 && maxRow == 1 {
		return "A1"
	}
	return "A1:" + cellName(maxCol, maxRow)
}

// trimRows drops empty cells at the end of each row and empty rows at the
// end, which readers report differently.
func trimRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		n := len(r)
		for n > 0 && r[n-1] == "" {
			n--
		}
		out[i] = r[:n]
	}
	n := len(out)
	for n > 0 && len(out[n-1]) == 0 {
		n--
	}
	return out[:n]
}

// Known differences of the readers, which are not the workbook's: the
// cells are compared as each reader is known to show them.
var (
	// LibreOffice reads a CR LF in a cell as one line break (LF).
	libreOfficeView = strings.NewReplacer("\r\n", "\n").Replace
	// openpyxl's read-only reader decodes Excel's _xHHHH_ escapes twice,
	// so a cell whose text holds one reads differently there (its normal
	// reader, LibreOffice and excelize read it right: see
	// TestFormulaLikeTextReadsAsTextInOpenpyxl and FuzzCellRoundTrip).
	openpyxlView = func(s string) string {
		if ooxmlEscape.MatchString(s) {
			return "(an _xHHHH_ escape)"
		}
		return s
	}
	ooxmlEscape = regexp.MustCompile(`_x[0-9A-Fa-f]{4}_`)
)

// compareSheets compares what a reader read with what excelize wrote,
// each cell seen through view.
func compareSheets(reader string, want, got sheetSet, view func(string) string) error {
	if strings.Join(got.order, ",") != strings.Join(want.order, ",") {
		return fmt.Errorf("%s reads the sheets %q, want %q (a damaged workbook?)", reader, got.order, want.order)
	}
	var diffs []string
	for _, sheet := range want.order {
		w, g := want.rows[sheet], got.rows[sheet]
		if len(w) != len(g) {
			diffs = append(diffs, fmt.Sprintf("%s: %s reads %d rows, want %d", sheet, reader, len(g), len(w)))
			continue
		}
		for i := range w {
			if joinView(w[i], view) != joinView(g[i], view) {
				diffs = append(diffs, fmt.Sprintf("%s row %d: %s reads %q, want %q", sheet, i+1, reader, g[i], w[i]))
			}
		}
	}
	if len(diffs) > 0 {
		return fmt.Errorf("%s", strings.Join(diffs, "\n"))
	}
	return nil
}

func joinView(cells []string, view func(string) string) string {
	var b strings.Builder
	for _, c := range cells {
		b.WriteString(view(c))
		b.WriteByte(0)
	}
	return b.String()
}

// checkOpenpyxl reads every workbook with openpyxl in read-only mode.
func checkOpenpyxl(paths []string, want map[string]sheetSet) error {
	var out, errb bytes.Buffer
	cmd := exec.Command(readers.Python, append([]string{"testdata/readonly.py"}, paths...)...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("openpyxl: %v\n%s", err, errb.String())
	}
	var got map[string]struct {
		Order  []string `json:"order"`
		Sheets map[string]struct {
			Dimension string     `json:"dimension"`
			Rows      [][]string `json:"rows"`
		} `json:"sheets"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		return err
	}
	var problems []string
	for _, p := range paths {
		g := got[p]
		set := sheetSet{order: g.Order, rows: map[string][][]string{}}
		for name, s := range g.Sheets {
			set.rows[name] = trimRows(s.Rows)
			if s.Dimension != want[p].dims[name] {
				problems = append(problems, fmt.Sprintf("%s: sheet %s declares %s, its cells cover %s", filepath.Base(p), name, s.Dimension, want[p].dims[name]))
			}
		}
		if err := compareSheets("openpyxl (read-only)", want[p], set, openpyxlView); err != nil {
			problems = append(problems, filepath.Base(p)+": "+err.Error())
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	return nil
}

// csvFilter exports every sheet (the last token, -1) as UTF-8 CSV with
// values as stored rather than as formatted.
const csvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

// soffice runs LibreOffice headless with its own profile, so that it
// neither waits for nor hands its work to another running instance.
func soffice(dir string, args ...string) (string, error) {
	profile := filepath.Join(dir, ".profile")
	cmd := exec.Command("soffice", append([]string{"-env:UserInstallation=file://" + profile, "--headless", "--norestore"}, args...)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("soffice %v: %v\n%s", args, err, out.String())
	}
	return out.String(), nil
}

// writingSheet is what LibreOffice prints for each sheet it exports.
var writingSheet = regexp.MustCompile(`(?m)^Writing sheet (.*) -> (.*\.csv)$`)

// libreOfficeCSV converts workbooks to one CSV per sheet with LibreOffice
// and reads them back: file -> sheets. A workbook LibreOffice cannot load
// has no sheets.
func libreOfficeCSV(dir string, paths []string) (map[string]sheetSet, error) {
	out := filepath.Join(dir, "csv")
	log, err := soffice(dir, append([]string{"--convert-to", csvFilter, "--outdir", out}, paths...)...)
	if err != nil {
		return nil, err
	}
	got := map[string]sheetSet{}
	for _, m := range writingSheet.FindAllStringSubmatch(log, -1) {
		sheet, file := m[1], m[2]
		var src string
		for _, p := range paths {
			if strings.HasPrefix(filepath.Base(file), strings.TrimSuffix(filepath.Base(p), ".xlsx")+"-") {
				src = p
			}
		}
		if src == "" {
			return nil, fmt.Errorf("LibreOffice wrote %s for no workbook", file)
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		r := csv.NewReader(bytes.NewReader(data))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", file, err)
		}
		set, ok := got[src]
		if !ok {
			set = sheetSet{rows: map[string][][]string{}}
		}
		set.order = append(set.order, sheet)
		set.rows[sheet] = trimRows(rows)
		got[src] = set
	}
	return got, nil
}
