package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// This file reads and writes the sidecar "<article>.splits.yaml" that
// records the user's choice for table rows of a scraped article whose
// column separators were lost. A row is matched by a hash of its text, not
// by its line, so that a choice survives edits elsewhere in the file; a
// choice whose row is gone is reported, never applied elsewhere:
//
//	# Table row splits chosen for article.txt (see "triptych fix").
//	rows:
//	  - hash: 9f86d081884c7d65
//	    line: 17
//	    parts: ["Setup Time (Small Teams)", "Minutes", "Days to weeks"]
//
// parts are the aspect and then one cell per subject (the aspect is ""
// in a table whose first column only numbers the rows); joined by single
// spaces they must give the row's text back. line is where the row stood
// when the choice was made, to help the reader; it is not used to match.

// MaxSplitsBytes is the largest sidecar file read.
const MaxSplitsBytes = 1 << 20

// SplitOverrides are a user's choices for scraped table rows whose split
// was a guess, read from the sidecar file "<article>.splits.yaml".
type SplitOverrides struct {
	// Path is the sidecar file, named in warnings.
	Path string
	// Choices are the recorded choices, in file order.
	Choices []SplitChoice
}

// SplitChoice is the chosen split of one row.
type SplitChoice struct {
	// Hash identifies the row by its text (see RowHash).
	Hash string `yaml:"hash"`
	// Line is where the row stood when the choice was made.
	Line int `yaml:"line,omitempty"`
	// Parts are the aspect and the cells.
	Parts []string `yaml:"parts,flow"`
	// at is the choice's line in the sidecar, for warnings; used is set
	// when a row of the article took the choice.
	at   int
	used bool
}

// SplitsPath returns the sidecar file of an article.
func SplitsPath(article string) string { return article + ".splits.yaml" }

// RowHash identifies a table row by its text: the first 16 hex digits of
// the SHA-256 of the text its parts join to.
func RowHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// RowText is the text a split row joins back to: its parts separated by
// single spaces, without the empty aspect of an index-numbered table.
func RowText(parts []string) string {
	if len(parts) > 0 && parts[0] == "" {
		parts = parts[1:]
	}
	return strings.Join(parts, " ")
}

// LoadSplitOverrides reads the sidecar of the article at path; a missing
// sidecar gives nil and no error.
func LoadSplitOverrides(path string) (*SplitOverrides, error) {
	side := SplitsPath(path)
	info, err := os.Stat(side)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &Error{Path: side, Msg: describeOpenError(err), Err: err}
	}
	if !info.Mode().IsRegular() {
		return nil, kindErrorf(ErrNotText, side, 0, "not a regular file")
	}
	if info.Size() > MaxSplitsBytes {
		return nil, kindErrorf(ErrTooLarge, side, 0, "file is %s, larger than the limit of %s", humanBytes(info.Size()), humanBytes(MaxSplitsBytes))
	}
	data, err := os.ReadFile(side)
	if err != nil {
		return nil, &Error{Path: side, Msg: describeOpenError(err), Err: err}
	}
	return ParseSplitOverrides(side, data)
}

// ParseSplitOverrides reads a sidecar's bytes; name is used in messages.
func ParseSplitOverrides(name string, data []byte) (*SplitOverrides, error) {
	s := &SplitOverrides{Path: name}
	if len(bytes.TrimSpace(data)) == 0 {
		return s, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, errorf(name, yamlErrorLine(err), "not valid YAML: %s", yamlErrorText(err))
	}
	if len(doc.Content) == 0 {
		return s, nil
	}
	root := doc.Content[0]
	if err := refuseAliases(name, root); err != nil {
		return nil, err
	}
	if root.Kind != yaml.MappingNode {
		return nil, errorf(name, root.Line, "expected \"rows:\" and a list of rows")
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		if key.Value != "rows" {
			return nil, errorf(name, key.Line, "unknown key %q; the only key is \"rows\"", key.Value)
		}
		if val.Kind != yaml.SequenceNode {
			return nil, errorf(name, val.Line, "\"rows\" must be a list")
		}
		for _, item := range val.Content {
			c, err := readChoice(name, item)
			if err != nil {
				return nil, err
			}
			s.Choices = append(s.Choices, c)
		}
	}
	return s, nil
}

func readChoice(name string, item *yaml.Node) (SplitChoice, error) {
	c := SplitChoice{at: item.Line}
	if item.Kind != yaml.MappingNode {
		return c, errorf(name, item.Line, "each row must have \"hash\" and \"parts\"")
	}
	for i := 0; i+1 < len(item.Content); i += 2 {
		switch key := item.Content[i]; key.Value {
		case "hash", "line", "parts":
		default:
			return c, errorf(name, key.Line, "unknown key %q; a row has \"hash\", \"line\" and \"parts\"", key.Value)
		}
	}
	if err := item.Decode(&c); err != nil {
		return c, errorf(name, item.Line, "this row is not readable: %s", yamlErrorText(err))
	}
	if c.Hash == "" || len(c.Parts) < 3 {
		return c, errorf(name, item.Line, "each row needs \"hash\" and \"parts\" (the aspect and at least two cells)")
	}
	return c, nil
}

// refuseAliases refuses anchors and aliases, as the front matter does.
func refuseAliases(name string, n *yaml.Node) error {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return errorf(name, n.Line, "YAML anchors and aliases are not accepted")
	}
	for _, c := range n.Content {
		if err := refuseAliases(name, c); err != nil {
			return err
		}
	}
	return nil
}

func yamlErrorLine(err error) int {
	var line int
	if _, e := fmt.Sscanf(err.Error(), "yaml: line %d:", &line); e == nil {
		return line
	}
	return 0
}

func yamlErrorText(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(msg, ": "); strings.HasPrefix(msg, "line ") && i > 0 {
		msg = msg[i+2:]
	}
	return msg
}

// find returns the choice for a row text, or nil.
func (s *SplitOverrides) find(text string) *SplitChoice {
	if s == nil {
		return nil
	}
	h := RowHash(text)
	for i := range s.Choices {
		if s.Choices[i].Hash == h {
			return &s.Choices[i]
		}
	}
	return nil
}

// Set records parts as the choice for the row they join to, replacing an
// earlier choice for the same row.
func (s *SplitOverrides) Set(line int, parts []string) {
	c := SplitChoice{Hash: RowHash(RowText(parts)), Line: line, Parts: append([]string(nil), parts...)}
	for i := range s.Choices {
		if s.Choices[i].Hash == c.Hash {
			s.Choices[i] = c
			return
		}
	}
	s.Choices = append(s.Choices, c)
}

// Marshal writes the sidecar, rows ordered by line, the same bytes for the
// same choices.
func (s *SplitOverrides) Marshal(article string) []byte {
	rows := append([]SplitChoice(nil), s.Choices...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Line < rows[j].Line })
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Table row splits chosen for %s (see \"triptych fix\").\n", filepath.Base(article))
	fmt.Fprintf(&b, "# Each row is matched by the hash of its text; parts are the aspect, then one cell per subject.\n")
	out, _ := yaml.Marshal(struct {
		Rows []SplitChoice `yaml:"rows"`
	}{rows})
	b.Write(out)
	return b.Bytes()
}

// override returns the user's choice for the row at line whose text is
// text, when the sidecar has one that fits the table.
func (p *textParser) override(num int, text string, nparts int) ([]string, bool) {
	c := p.opts.Splits.find(text)
	if c == nil {
		return nil, false
	}
	c.used = true
	if len(c.Parts) != nparts || RowText(c.Parts) != text {
		p.a.Warnings = append(p.a.Warnings, newWarning(p.opts.Splits.Path, c.at,
			"the chosen split for the row at %s:%d has %s and must join back to the row's text; it is ignored",
			p.a.Source, num, plural(len(c.Parts), "part")))
		return nil, false
	}
	return c.Parts, true
}

// reportStaleOverrides warns about choices whose row is no longer in the
// table.
func (p *textParser) reportStaleOverrides() {
	if p.opts.Splits == nil {
		return
	}
	for _, c := range p.opts.Splits.Choices {
		if !c.used {
			p.a.Warnings = append(p.a.Warnings, newWarning(p.opts.Splits.Path, c.at,
				"no table row of %s has this text any more (it stood at line %d); the choice is ignored", p.a.Source, c.Line))
		}
	}
}
