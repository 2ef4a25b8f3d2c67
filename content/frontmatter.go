package content

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// frontMatter is the YAML block at the top of a Markdown article. Every
// field is a string so that values like 01234 or 1.10 stay as written.
type frontMatter struct {
	Title        string     `yaml:"title"`
	Subtitle     string     `yaml:"subtitle"`
	Slug         string     `yaml:"slug"`
	Date         string     `yaml:"date"`
	Author       string     `yaml:"author"`
	SourceURL    string     `yaml:"source_url"`
	TableCaption string     `yaml:"table_caption"`
	TermsHeading string     `yaml:"terms_heading"`
	Figure       string     `yaml:"figure"`
	Theme        themeEntry `yaml:"theme"`
}

type themeEntry struct {
	Name    string   `yaml:"name"`
	Accents []string `yaml:"accents"`
}

// frontMatterKeys lists the accepted keys; nested maps list theirs.
var frontMatterKeys = map[string][]string{
	"title": nil, "subtitle": nil, "slug": nil, "date": nil, "author": nil, "source_url": nil,
	"table_caption": nil, "terms_heading": nil, "figure": nil, "theme": {"name", "accents"},
}

// splitFrontMatter separates a leading "---" block from the body. It returns
// the YAML text, the body, and the number of file lines before the body.
// Lines are already free of line-end characters and the BOM.
func splitFrontMatter(path string, lines []string) (yamlText string, body []string, offset int, err error) {
	if len(lines) == 0 || strings.TrimRight(lines[0], " \t") != "---" {
		return "", lines, 0, nil
	}
	size := 0
	for i := 1; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], " \t")
		if l == "---" || l == "..." {
			return strings.Join(lines[1:i], "\n"), lines[i+1:], i + 1, nil
		}
		size += len(lines[i]) + 1
		if size > MaxFrontMatterBytes {
			return "", nil, 0, kindErrorf(ErrTooLarge, path, 1, "front matter larger than %s", humanBytes(MaxFrontMatterBytes))
		}
	}
	return "", nil, 0, errorf(path, 1, "front matter is not closed: add a line \"---\" after it")
}

var yamlLinePattern = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// decodeFrontMatter decodes the YAML block that starts after file line 1,
// checking keys and types against the schema with file line numbers.
func decodeFrontMatter(path, text string) (fm frontMatter, err error) {
	const first = 2 // file line of the YAML block's line 1
	defer func() {
		if r := recover(); r != nil {
			err = errorf(path, 1, "front matter could not be read: %v", r)
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		return fm, yamlError(path, first, err)
	}
	if len(doc.Content) == 0 {
		return fm, nil
	}
	root := doc.Content[0]
	if err := checkNoAliases(path, first, root); err != nil {
		return fm, err
	}
	if root.Kind != yaml.MappingNode {
		return fm, errorf(path, root.Line+first-1, "front matter must be a list of \"key: value\" lines")
	}
	if err := checkKeys(path, first, root, frontMatterKeys, ""); err != nil {
		return fm, err
	}
	if err := root.Decode(&fm); err != nil {
		return fm, yamlError(path, first, err)
	}
	return fm, nil
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

// checkKeys checks a mapping's keys against the schema and that every value
// has the right shape.
func checkKeys(path string, first int, m *yaml.Node, schema map[string][]string, parent string) error {
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		line := k.Line + first - 1
		name := k.Value
		if parent != "" {
			name = parent + "." + k.Value
		}
		sub, known := schema[k.Value]
		if !known {
			return errorf(path, line, "unknown key %q", name)
		}
		if prev, dup := seen[k.Value]; dup {
			return errorf(path, line, "key %q is given twice (first on line %d)", name, prev)
		}
		seen[k.Value] = line
		switch {
		case sub != nil:
			if v.Kind != yaml.MappingNode {
				return errorf(path, line, "%q must hold keys (%s)", name, strings.Join(sub, ", "))
			}
			subSchema := map[string][]string{}
			for _, s := range sub {
				subSchema[s] = nil
			}
			if err := checkKeys(path, first, v, subSchema, name); err != nil {
				return err
			}
		case name == "theme.accents":
			if v.Kind != yaml.SequenceNode {
				return errorf(path, line, "%q must be a list of colours like [\"#1f6feb\", \"#d9480f\"]", name)
			}
			for _, item := range v.Content {
				if item.Kind != yaml.ScalarNode {
					return errorf(path, item.Line+first-1, "%q must be a list of colours", name)
				}
			}
		default:
			if v.Kind != yaml.ScalarNode {
				return errorf(path, line, "%q must be a single value, not a list or a map", name)
			}
		}
	}
	return nil
}

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

// applyFrontMatter copies the front matter into the article.
func applyFrontMatter(a *Article, fm frontMatter, lineOf func(key string) int) error {
	a.Title, a.Subtitle, a.Slug, a.Author = fm.Title, fm.Subtitle, fm.Slug, fm.Author
	a.SourceURL, a.Figure, a.Table.Caption = fm.SourceURL, fm.Figure, fm.TableCaption
	a.Theme = ThemeOverrides{Name: fm.Theme.Name, Accents: fm.Theme.Accents}
	if fm.Date != "" {
		t, ok := parseDate(fm.Date)
		if !ok {
			return errorf(a.Source, lineOf("date"), "date %q is not a valid date: write it as YYYY-MM-DD", fm.Date)
		}
		a.Updated = t
	}
	switch fm.Theme.Name {
	case "", "light", "dark":
	default:
		return errorf(a.Source, lineOf("theme"), "theme name %q is unknown: use light or dark", fm.Theme.Name)
	}
	for _, c := range fm.Theme.Accents {
		if !hexColour.MatchString(c) {
			return errorf(a.Source, lineOf("theme"), "accent colour %q is not a colour like \"#1f6feb\"", c)
		}
	}
	return nil
}

var hexColour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// keyLines finds the file line of each top-level key of the YAML block,
// for errors the decoder reports without a position.
func keyLines(text string, first int) func(string) int {
	lines := strings.Split(text, "\n")
	return func(key string) int {
		for i, l := range lines {
			if strings.HasPrefix(l, key+":") {
				return i + first
			}
		}
		return 1
	}
}
