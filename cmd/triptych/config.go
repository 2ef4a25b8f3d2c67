package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"go.yaml.in/yaml/v3"
)

// configFile is read from the working folder when present; flags given on
// the command line win over it.
const configFile = "triptych.yaml"

// config is the schema of triptych.yaml.
type config struct {
	Output  string   `yaml:"output"`
	Formats string   `yaml:"formats"`
	Jobs    int      `yaml:"jobs"`
	Theme   string   `yaml:"theme"`
	Size    string   `yaml:"size"`
	Scale   int      `yaml:"scale"`
	Paper   string   `yaml:"paper"`
	Accents []string `yaml:"accents"`
	CSVBOM  bool     `yaml:"csv_bom"`
	// Strict, Drafts and DateOrder set --strict, --drafts and --date-order.
	Strict    bool   `yaml:"strict"`
	Drafts    bool   `yaml:"drafts"`
	DateOrder string `yaml:"date_order"`
	// Typography "plain" keeps straight quotes in the PNG and the PDF.
	Typography string `yaml:"typography"`
	// Brand replaces "Made with triptych" in the poster's footer; its logo
	// is a PNG or JPEG file relative to the options file's folder.
	Brand *brandConfig `yaml:"brand"`
	// Scorecard and Takeaways turn the workbook's Scorecard sheet and the
	// poster's "Which to pick" cards off when false.
	Scorecard *bool `yaml:"scorecard"`
	Takeaways *bool `yaml:"takeaways"`
	// PDFA makes the handout PDF/A-2b; so does "pdf: {standard: pdfa-2b}".
	PDFA bool       `yaml:"pdfa"`
	PDF  *pdfConfig `yaml:"pdf"`
	// Fonts are TrueType fallback fonts (--font), relative to the
	// options file's folder, for characters the embedded fonts lack.
	Fonts []string `yaml:"fonts"`
	// Lang is the language of articles that do not say (--lang).
	Lang string `yaml:"lang"`
	// PNGPalette writes the infographic with at most 256 colours.
	PNGPalette bool `yaml:"png_palette"`
}

type pdfConfig struct {
	Standard string `yaml:"standard"`
}

type brandConfig struct {
	Name string `yaml:"name"`
	URL  string `yaml:"url"`
	Logo string `yaml:"logo"`
}

// maxConfigBytes bounds the options file.
const maxConfigBytes = 64 << 10

// loadConfig reads path; a missing default file is no error.
// Only a regular file is read, and never more than maxConfigBytes of it:
// --config /dev/zero, a FIFO or a triptych.yaml linked to either is
// refused, not read until memory runs out or forever.
func loadConfig(path string, explicit bool) (config, error) {
	var c config
	info, err := os.Stat(path)
	if err != nil {
		if !explicit && errors.Is(err, fs.ErrNotExist) {
			return c, nil
		}
		return c, err
	}
	if !info.Mode().IsRegular() {
		return c, fmt.Errorf("%s: the options file must be a regular file", path)
	}
	if info.Size() > maxConfigBytes {
		return c, fmt.Errorf("%s: larger than 64 KiB", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return c, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxConfigBytes+1))
	if err != nil {
		return c, err
	}
	if len(data) > maxConfigBytes {
		return c, fmt.Errorf("%s: larger than 64 KiB", path)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return c, fmt.Errorf("%s: %v", path, err)
	}
	return c, nil
}
