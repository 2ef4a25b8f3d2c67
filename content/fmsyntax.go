package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
	"go.yaml.in/yaml/v3"
)

// The front matter of a Markdown article comes in the three syntaxes Hugo
// accepts: YAML between "---" lines, TOML between "+++" lines, or a JSON
// object. Each is read into the same small tree, fmNode, that keeps what
// the mapping needs and the syntaxes' own decoders lose: the order of the
// keys, the file line of every value, and every scalar as it was written
// (so that 01234 stays 01234 and a date keeps its own calendar day).

// fmKind is the shape of a front-matter value.
type fmKind uint8

const (
	fmScalar fmKind = iota
	fmList
	fmMap
)

// fmNode is one front-matter value.
type fmNode struct {
	kind  fmKind
	value string // a scalar as written; "" for null
	items []*fmNode
	keys  []fmKey
	line  int // file line
}

// fmKey is one entry of a map, in file order.
type fmKey struct {
	name  string
	line  int
	value *fmNode
}

// get returns the value of a map's key, or nil.
func (n *fmNode) get(name string) *fmNode {
	if n == nil || n.kind != fmMap {
		return nil
	}
	for _, k := range n.keys {
		if k.name == name {
			return k.value
		}
	}
	return nil
}

// frontMatterBlock is the front matter found at the top of a file.
type frontMatterBlock struct {
	syntax string // "YAML", "TOML" or "JSON"; "" when there is none
	root   *fmNode
}

// splitFrontMatter separates the front matter from the body and parses it.
// It returns the body lines and the number of file lines before them.
// Lines are already free of line-end characters and the BOM.
func splitFrontMatter(path string, lines []string) (fm frontMatterBlock, body []string, offset int, err error) {
	if len(lines) == 0 {
		return fm, lines, 0, nil
	}
	first := strings.TrimRight(lines[0], " \t")
	switch {
	case first == "---" || first == "+++":
		closers := map[string]bool{first: true}
		if first == "---" {
			closers["..."] = true
		}
		size := 0
		for i := 1; i < len(lines); i++ {
			if closers[strings.TrimRight(lines[i], " \t")] {
				text := strings.Join(lines[1:i], "\n")
				if first == "---" {
					fm.syntax = "YAML"
					fm.root, err = parseYAMLFrontMatter(path, text)
				} else {
					fm.syntax = "TOML"
					fm.root, err = parseTOMLFrontMatter(path, text)
				}
				return fm, lines[i+1:], i + 1, err
			}
			size += len(lines[i]) + 1
			if size > MaxFrontMatterBytes {
				return fm, nil, 0, kindErrorf(ErrTooLarge, path, 1, "front matter larger than %s", humanBytes(MaxFrontMatterBytes))
			}
		}
		return fm, nil, 0, errorf(path, 1, "front matter is not closed: add a line %q after it", first)
	case strings.HasPrefix(strings.TrimSpace(lines[0]), "{"):
		return splitJSONFrontMatter(path, lines)
	}
	return fm, lines, 0, nil
}

// --- YAML ---

// parseYAMLFrontMatter reads the YAML block that starts at file line 2.
func parseYAMLFrontMatter(path, text string) (root *fmNode, err error) {
	const first = 2
	defer func() {
		if r := recover(); r != nil {
			root, err = nil, errorf(path, 1, "front matter could not be read: %v", r)
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		return nil, yamlError(path, first, err)
	}
	if len(doc.Content) == 0 {
		return &fmNode{kind: fmMap, line: 1}, nil
	}
	top := doc.Content[0]
	if err := checkNoAliases(path, first, top); err != nil {
		return nil, err
	}
	if top.Kind != yaml.MappingNode {
		return nil, errorf(path, top.Line+first-1, "front matter must be a list of \"key: value\" lines")
	}
	return fromYAML(path, first, top)
}

// fromYAML converts a YAML node (free of aliases) into an fmNode.
func fromYAML(path string, first int, n *yaml.Node) (*fmNode, error) {
	out := &fmNode{line: n.Line + first - 1}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag != "!!null" {
			out.value = n.Value
		}
	case yaml.SequenceNode:
		out.kind = fmList
		for _, c := range n.Content {
			item, err := fromYAML(path, first, c)
			if err != nil {
				return nil, err
			}
			out.items = append(out.items, item)
		}
	case yaml.MappingNode:
		out.kind = fmMap
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			v, err := fromYAML(path, first, n.Content[i+1])
			if err != nil {
				return nil, err
			}
			if k.Kind != yaml.ScalarNode {
				return nil, errorf(path, k.Line+first-1, "front matter: a key must be a plain name")
			}
			out.keys = append(out.keys, fmKey{name: k.Value, line: k.Line + first - 1, value: v})
		}
	default:
		return nil, errorf(path, out.line, "front matter: unsupported YAML value")
	}
	return out, nil
}

// checkNoAliases rejects anchors and aliases: articles have no use for
// them, and they are how "billion laughs" documents grow. The walk is
// iterative so that depth cannot exhaust the stack.
func checkNoAliases(path string, first int, root *yaml.Node) error {
	stack := []*yaml.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.AliasNode || n.Anchor != "" {
			return errorf(path, n.Line+first-1, "YAML anchors and aliases are not allowed in front matter")
		}
		for i := len(n.Content) - 1; i >= 0; i-- {
			stack = append(stack, n.Content[i])
		}
	}
	return nil
}

// --- TOML ---

// parseTOMLFrontMatter reads the TOML block that starts at file line 2.
func parseTOMLFrontMatter(path, text string) (root *fmNode, err error) {
	const first = 2
	defer func() {
		if r := recover(); r != nil {
			root, err = nil, errorf(path, 1, "front matter could not be read: %v", r)
		}
	}()
	data := []byte(text)
	lineAt := func(offset int) int { return bytes.Count(data[:min(offset, len(data))], []byte("\n")) + first }
	root = &fmNode{kind: fmMap, line: 1}
	table := root // the map that key/value lines go into
	var p unstable.Parser
	p.Reset(data)
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			keys, line := tomlKey(&p, e, lineAt)
			v, err := fromTOML(&p, e.Value(), line, lineAt)
			if err != nil {
				return nil, err
			}
			if err := setPath(path, table, keys, line, v); err != nil {
				return nil, err
			}
		case unstable.Table, unstable.ArrayTable:
			keys, line := tomlKey(&p, e, lineAt)
			m := &fmNode{kind: fmMap, line: line}
			if e.Kind == unstable.ArrayTable {
				list := root
				for _, k := range keys[:len(keys)-1] {
					list = childMap(list, k, line)
				}
				last := keys[len(keys)-1]
				arr := list.get(last)
				if arr == nil {
					arr = &fmNode{kind: fmList, line: line}
					list.keys = append(list.keys, fmKey{name: last, line: line, value: arr})
				}
				arr.items = append(arr.items, m)
				table = m
				continue
			}
			if err := setPath(path, root, keys, line, m); err != nil {
				return nil, err
			}
			table = m
		}
	}
	if err := p.Error(); err != nil {
		var pe *unstable.ParserError
		line := first
		if errors.As(err, &pe) && len(pe.Highlight) > 0 {
			line = lineAt(int(p.Range(pe.Highlight).Offset))
			return nil, errorf(path, line, "front matter (TOML): %s", pe.Message)
		}
		return nil, errorf(path, line, "front matter (TOML): %v", err)
	}
	return root, nil
}

// tomlKey returns the dotted key of an expression and its file line.
func tomlKey(p *unstable.Parser, e *unstable.Node, lineAt func(int) int) ([]string, int) {
	var keys []string
	line := 0
	it := e.Key()
	for it.Next() {
		k := it.Node()
		if line == 0 {
			line = lineAt(int(k.Raw.Offset))
		}
		keys = append(keys, string(k.Data))
	}
	return keys, line
}

// childMap returns the map under key k of m, creating it.
func childMap(m *fmNode, k string, line int) *fmNode {
	if c := m.get(k); c != nil && c.kind == fmMap {
		return c
	}
	c := &fmNode{kind: fmMap, line: line}
	m.keys = append(m.keys, fmKey{name: k, line: line, value: c})
	return c
}

// setPath stores v under a dotted key inside m.
func setPath(path string, m *fmNode, keys []string, line int, v *fmNode) error {
	for _, k := range keys[:len(keys)-1] {
		m = childMap(m, k, line)
	}
	last := keys[len(keys)-1]
	if prev := m.get(last); prev != nil {
		return errorf(path, line, "front matter: key %q is given twice", strings.Join(keys, "."))
	}
	m.keys = append(m.keys, fmKey{name: last, line: line, value: v})
	return nil
}

// fromTOML converts a TOML value node.
func fromTOML(p *unstable.Parser, n *unstable.Node, line int, lineAt func(int) int) (*fmNode, error) {
	if n.Raw.Length > 0 {
		line = lineAt(int(n.Raw.Offset))
	}
	out := &fmNode{line: line}
	switch n.Kind {
	case unstable.Array:
		out.kind = fmList
		it := n.Children()
		for it.Next() {
			item, err := fromTOML(p, it.Node(), line, lineAt)
			if err != nil {
				return nil, err
			}
			out.items = append(out.items, item)
		}
	case unstable.InlineTable:
		out.kind = fmMap
		it := n.Children()
		for it.Next() {
			kv := it.Node()
			keys, kline := tomlKey(p, kv, lineAt)
			v, err := fromTOML(p, kv.Value(), kline, lineAt)
			if err != nil {
				return nil, err
			}
			if err := setPath("", out, keys, kline, v); err != nil {
				return nil, err
			}
		}
	default:
		out.value = string(n.Data)
	}
	return out, nil
}

// --- JSON ---

// splitJSONFrontMatter reads a JSON object at the top of the file, as Hugo
// does, and returns the lines after it as the body.
func splitJSONFrontMatter(path string, lines []string) (fm frontMatterBlock, body []string, offset int, err error) {
	// Read at most the front-matter limit; the object must end within it.
	var b strings.Builder
	for _, l := range lines {
		if b.Len() > MaxFrontMatterBytes {
			break
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	text := b.String()
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	lineAt := func(off int64) int { return strings.Count(text[:min(int(off), len(text))], "\n") + 1 }
	root, err := fromJSON(path, dec, lineAt, 0)
	if err != nil {
		return fm, nil, 0, err
	}
	end := int(dec.InputOffset())
	if end > MaxFrontMatterBytes {
		return fm, nil, 0, kindErrorf(ErrTooLarge, path, 1, "front matter larger than %s", humanBytes(MaxFrontMatterBytes))
	}
	if root.kind != fmMap {
		return fm, nil, 0, errorf(path, 1, "front matter in JSON must be an object { … }")
	}
	endLine := lineAt(int64(end)) // the line holding the closing brace
	after := text[end:]
	if nl := strings.IndexByte(after, '\n'); nl >= 0 && strings.TrimSpace(after[:nl]) != "" {
		return fm, nil, 0, errorf(path, endLine, "front matter: text after the closing \"}\" on the same line")
	}
	return frontMatterBlock{syntax: "JSON", root: root}, lines[endLine:], endLine, nil
}

// maxJSONDepth bounds the nesting of a JSON front matter.
const maxJSONDepth = 32

// fromJSON reads one JSON value from the token stream, keeping key order.
func fromJSON(path string, dec *json.Decoder, lineAt func(int64) int, depth int) (*fmNode, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, jsonError(path, lineAt(dec.InputOffset()), err)
	}
	// A token never spans lines, so the line of its end is its line.
	line := lineAt(dec.InputOffset())
	if depth > maxJSONDepth {
		return nil, kindErrorf(ErrTooLarge, path, line, "front matter nested deeper than %d", maxJSONDepth)
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &fmNode{kind: fmMap, line: line}
			for dec.More() {
				ktok, err := dec.Token()
				if err != nil {
					return nil, jsonError(path, lineAt(dec.InputOffset()), err)
				}
				key, _ := ktok.(string)
				kline := lineAt(dec.InputOffset())
				v, err := fromJSON(path, dec, lineAt, depth+1)
				if err != nil {
					return nil, err
				}
				if n.get(key) != nil {
					return nil, errorf(path, kline, "front matter: key %q is given twice", key)
				}
				n.keys = append(n.keys, fmKey{name: key, line: kline, value: v})
			}
			if _, err := dec.Token(); err != nil {
				return nil, jsonError(path, lineAt(dec.InputOffset()), err)
			}
			return n, nil
		case '[':
			n := &fmNode{kind: fmList, line: line}
			for dec.More() {
				v, err := fromJSON(path, dec, lineAt, depth+1)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, jsonError(path, lineAt(dec.InputOffset()), err)
			}
			return n, nil
		}
		return nil, errorf(path, line, "front matter: unexpected %q", string(t))
	case nil:
		return &fmNode{line: line}, nil
	default:
		return &fmNode{value: fmt.Sprint(t), line: line}, nil
	}
}

func jsonError(path string, line int, err error) *Error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errorf(path, 1, "front matter (JSON) is not closed: the object has no final \"}\"")
	}
	return errorf(path, line, "front matter (JSON): %v", err)
}

var yamlLinePattern = lazyCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// yamlError turns a YAML library error into a located error.
func yamlError(path string, first int, err error) *Error {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		err = errors.New(te.Errors[0])
	}
	msg := err.Error()
	line := 0
	if m := yamlLinePattern.FindStringSubmatch(msg); m != nil {
		if m[1] != "" {
			n, _ := strconv.Atoi(m[1])
			line = n + first - 1
		}
		msg = m[2]
	} else if strings.HasPrefix(msg, "line ") {
		var n int
		if _, e := fmt.Sscanf(msg, "line %d:", &n); e == nil {
			line = n + first - 1
			msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
		}
	}
	if line == 0 {
		line = 1
	}
	return errorf(path, line, "front matter: %s", msg)
}
