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
}

// loadConfig reads path; a missing default file is no error.
func loadConfig(path string, explicit bool) (config, error) {
	var c config
	data, err := os.ReadFile(path)
	if err != nil {
		if !explicit && errors.Is(err, fs.ErrNotExist) {
			return c, nil
		}
		return c, err
	}
	if len(data) > 64<<10 {
		return c, fmt.Errorf("%s: larger than 64 KiB", path)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return c, fmt.Errorf("%s: %v", path, err)
	}
	return c, nil
}
