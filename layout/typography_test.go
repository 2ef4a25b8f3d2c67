package layout

import "testing"

func TestCurl(t *testing.T) {
	for in, want := range map[string]string{
		`"Quoted" text`:             "“Quoted” text",
		`it's the team's "best"`:    "it’s the team’s “best”",
		`a 'single' quote`:          "a ‘single’ quote",
		`(“already”) and "mixed"`:   "(“already”) and “mixed”",
		`rock 'n' roll in the '90s`: "rock ‘n’ roll in the ’90s",
		`no quotes`:                 "no quotes",
		`ends with "`:               "ends with “",
	} {
		if got := curl(in); got != want {
			t.Errorf("curl(%q) = %q, want %q", in, got, want)
		}
	}
}
