package serve

import (
	"io/fs"
	"net"
	"net/http"
	"strings"
)

// Handler returns the preview's HTTP handler:
//
//	GET /                          the articles, with a filter box
//	GET /article/{slug}            one article's three assets (?size=&theme=&scale=)
//	GET /files/{slug}/{name}       a file of the output folder
//	GET /preview/{hash}/{name}     a preview render, by content hash
//	GET /zip/{slug}                the shown assets as one zip (same query)
//	GET /events                    Server-Sent Events: "article" per rebuild
//	GET /static/{name}             the page's script and style sheet
//
// Every route answers GET and HEAD only (405 otherwise); a path with a
// "..", an encoded dot or slash, a backslash or an empty segment is
// refused (400) before routing.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.handleIndex)
	mux.HandleFunc("GET /article/{slug}", s.handleArticle)
	mux.HandleFunc("GET /files/{slug}/{name}", s.handleOutputFile)
	mux.HandleFunc("GET /preview/{hash}/{name}", s.handlePreviewFile)
	mux.HandleFunc("GET /zip/{slug}", s.handleZip)
	mux.HandleFunc("GET /events", s.handleEvents)
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", noListing(http.FileServerFS(static))))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, http.StatusNotFound, "There is no page here.")
	})
	return s.guard(mux)
}

// guard applies the checks every request passes before routing.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "SAMEORIGIN")
		h.Set("Referrer-Policy", "no-referrer")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			s.errorPage(w, http.StatusMethodNotAllowed, "This preview only reads: use GET or HEAD.")
			return
		}
		if s.cfg.LocalOnly && !loopbackHost(r.Host) {
			s.errorPage(w, http.StatusForbidden, "This preview answers only to localhost, 127.0.0.1 or [::1].")
			return
		}
		if !cleanPath(r) {
			s.errorPage(w, http.StatusBadRequest, "This path is not allowed: it must not contain “..”, encoded dots or slashes, backslashes or empty parts.")
			return
		}
		if r.Method == http.MethodHead {
			w = headWriter{w}
		}
		next.ServeHTTP(w, r)
	})
}

// headWriter drops the body of an answer to HEAD, so that pages need no
// case of their own (the server would drop it too, but only after making
// it travel through every handler).
type headWriter struct{ http.ResponseWriter }

func (h headWriter) Write(p []byte) (int, error) { return len(p), nil }

// Unwrap lets http.ResponseController reach the connection's writer.
func (h headWriter) Unwrap() http.ResponseWriter { return h.ResponseWriter }

// cleanPath reports whether a request path is plain: every segment
// non-empty and not "." or "..", no backslash or NUL, and none of those
// hidden behind percent-encoding (the router would otherwise decode
// "%2e%2e" or "%2f" inside a wildcard).
func cleanPath(r *http.Request) bool {
	raw := r.URL.EscapedPath()
	lower := strings.ToLower(raw)
	for _, bad := range []string{"%2e", "%2f", "%5c", "%00", "\\"} {
		if strings.Contains(lower, bad) {
			return false
		}
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return false
	}
	if p == "/" {
		return true
	}
	// A trailing slash is allowed (it names no file, and routes to 404).
	for _, seg := range strings.Split(strings.TrimSuffix(strings.TrimPrefix(p, "/"), "/"), "/") {
		if seg == "" || seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

// loopbackHost reports whether a Host header names this machine.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// noListing refuses folder listings of the embedded static files.
func noListing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		next.ServeHTTP(w, r)
	})
}

// pageHeaders are set on every HTML page: scripts, styles, images and
// frames only from this server, so that text from an article can never
// run as script even if it slipped past the template's escaping.
func pageHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; frame-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'")
}
