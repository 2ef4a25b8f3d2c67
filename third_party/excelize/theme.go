package excelize

import "sync"

// triptych patch: a new File's theme is the template's, decoded once per
// process and shared. excelize reads a File's Theme (GetBaseColor, and
// themeWriter, which encodes it into the package) but never changes it
// after reading it, so sharing the decoded template is safe; decoding it
// for every new File was 9 % of triptych's BenchmarkXLSX.
var (
	defaultThemeOnce sync.Once
	defaultThemeDec  *decodeTheme
)

func defaultTheme(f *File) *decodeTheme {
	defaultThemeOnce.Do(func() { defaultThemeDec, _ = f.themeReader() })
	return defaultThemeDec
}
