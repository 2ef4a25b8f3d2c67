package content

// parseWebPage is replaced when the web page reader lands.
func parseWebPage(a *Article, lines []string, _ ParseOptions) error {
	return errorf(a.Source, 0, "saved web pages are not read yet")
}
