package content

import (
	"strings"
	"testing"
)

func TestTakeawaysFoundInTheConclusion(t *testing.T) {
	a := mustLoad(t, "../examples/software-engineer-vs-platform-sre.md")
	if len(a.Takeaways) != 2 {
		t.Fatalf("takeaways %+v", a.Takeaways)
	}
	if !strings.Contains(a.Takeaways[0].Text, "a Software Engineer role is ideal") || !strings.Contains(a.Takeaways[1].Text, "Platform SRE position aligns better") {
		t.Errorf("takeaways %+v", a.Takeaways)
	}
	// Every takeaway is a sentence of the article, word for word.
	all := ""
	for _, s := range a.Sections {
		all += ParagraphsText(s.Paragraphs) + " "
	}
	for _, tk := range a.Takeaways {
		if !strings.Contains(all, tk.Text) {
			t.Errorf("%q is not the article's own sentence", tk.Text)
		}
	}
}

func TestTakeawaysFromFrontMatter(t *testing.T) {
	a, err := Parse("t.md", []byte("---\ntitle: T\ntakeaways:\n  B: Pick B for speed.\n  A: Pick A for comfort.\n---\n"+tableBody))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Takeaways) != 2 || a.Takeaways[0].Subject != "A" || a.Takeaways[1].Text != "Pick B for speed." {
		t.Errorf("takeaways %+v", a.Takeaways)
	}
	a, _ = Parse("t.md", []byte("---\ntitle: T\ntakeaways:\n  A: Pick A.\n---\n"+tableBody))
	if len(a.Takeaways) != 0 || len(a.Warnings) == 0 || !strings.Contains(a.Warnings[0].Msg, "no line for B") {
		t.Errorf("one missing subject: %+v %v", a.Takeaways, a.Warnings)
	}
}

// A conclusion that names only one subject with a choice gives no cards:
// a card for one side only would tip the comparison.
func TestTakeawaysNeedEverySubject(t *testing.T) {
	a, err := Parse("t.md", []byte("---\ntitle: T\n---\n"+tableBody+"\n## Verdict\n\nPick A if you like comfort. B is also a product.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Takeaways) != 0 {
		t.Errorf("takeaways %+v", a.Takeaways)
	}
}
