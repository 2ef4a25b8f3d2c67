package content

// SplitOverrides are a user's choices for scraped table rows whose split
// was a guess, read from the sidecar file "<article>.splits.yaml".
type SplitOverrides struct{}

// SplitsPath returns the sidecar file of an article.
func SplitsPath(article string) string { return article + ".splits.yaml" }

// LoadSplitOverrides reads the sidecar of the article at path; a missing
// sidecar gives nil and no error.
func LoadSplitOverrides(path string) (*SplitOverrides, error) { return nil, nil }
