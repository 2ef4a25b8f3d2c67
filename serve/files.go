package serve

import (
	"archive/zip"
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// contentTypes are the types of the files served; anything else is
// served as bytes to download.
var contentTypes = map[string]string{
	"png":     "image/png",
	"pdf":     "application/pdf",
	"xlsx":    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"csv":     "text/csv; charset=utf-8",
	"alt.txt": "text/plain; charset=utf-8",
	"zip":     "application/zip",
}

// handleOutputFile is GET /files/{slug}/{name}: a file of an article's
// folder in the output folder, as the initial build wrote it. The file
// can change (a later "triptych build"), so it is revalidated each time.
func (s *Server) handleOutputFile(w http.ResponseWriter, r *http.Request) {
	slug, name := r.PathValue("slug"), r.PathValue("name")
	if _, ok := s.lookup(slug); !ok {
		s.errorPage(w, http.StatusNotFound, "There is no article "+quote(slug)+" in this preview.")
		return
	}
	ext, ok := knownExt(slug, name)
	if !ok {
		s.errorPage(w, http.StatusNotFound, "There is no file "+quote(name)+" for this article.")
		return
	}
	data, info, err := s.readOutput(slug, name)
	if err != nil {
		s.errorPage(w, http.StatusNotFound, "The output folder has no file "+quote(slug+"/"+name)+".")
		return
	}
	serveBytes(w, r, name, ext, data, info.ModTime(), "no-cache")
}

// handlePreviewFile is GET /preview/{hash}/{name}: a render held in the
// preview cache. Its URL names its content, so it never changes and may
// be cached for good.
func (s *Server) handlePreviewFile(w http.ResponseWriter, r *http.Request) {
	hash, name := r.PathValue("hash"), r.PathValue("name")
	slug, ext, ok := strings.Cut(name, ".")
	if ok {
		_, ok = knownExt(slug, name)
	}
	if !ok || len(hash) != 64 || strings.Trim(hash, "0123456789abcdef") != "" {
		s.errorPage(w, http.StatusNotFound, "There is no preview file here.")
		return
	}
	s.mu.Lock()
	data, found := s.blobs.get(hash, name)
	s.mu.Unlock()
	if !found {
		s.errorPage(w, http.StatusNotFound, "This preview is no longer in the cache: reload the article's page.")
		return
	}
	serveBytes(w, r, name, ext, data, time.Time{}, "private, max-age=31536000, immutable")
}

// handleZip is GET /zip/{slug}: the files the article page shows (with
// the same ?size=&theme=&scale=) in one zip.
func (s *Server) handleZip(w http.ResponseWriter, r *http.Request) {
	slug := r.PathValue("slug")
	a, ok := s.lookup(slug)
	if !ok {
		s.errorPage(w, http.StatusNotFound, "There is no article "+quote(slug)+" in this preview.")
		return
	}
	opts, err := s.options(r)
	if err != nil {
		s.errorPage(w, http.StatusBadRequest, err.Error())
		return
	}
	set, err := s.shown(a, opts)
	if set == nil {
		s.errorPage(w, http.StatusNotFound, "This article has no built files yet: see its page for the error.")
		return
	}
	if err != nil {
		s.errorPage(w, http.StatusInternalServerError, err.Error())
		return
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range set.files {
		data, err := s.bytesOf(f)
		if err != nil {
			s.errorPage(w, http.StatusInternalServerError, err.Error())
			return
		}
		// A fixed time keeps the zip's bytes, and so its ETag, the same
		// for the same files.
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err == nil {
			_, err = fw.Write(data)
		}
		if err != nil {
			s.errorPage(w, http.StatusInternalServerError, "the zip could not be made: "+err.Error())
			return
		}
	}
	if err := zw.Close(); err != nil {
		s.errorPage(w, http.StatusInternalServerError, "the zip could not be made: "+err.Error())
		return
	}
	name := slug + ".zip"
	if opts.Size != s.cfg.Render.Size || opts.Theme != s.cfg.Render.Theme || opts.Scale != s.cfg.Render.Scale {
		name = fmt.Sprintf("%s-%s-%s-%dx.zip", slug, opts.Size, opts.Theme, opts.Scale)
	}
	r.URL.RawQuery = "download=1" // a zip is always a download
	serveBytes(w, r, name, "zip", buf.Bytes(), time.Time{}, "no-cache")
}

// serveBytes answers with a file's bytes: its type, an ETag from the
// SHA-256 of the content (so If-None-Match gives 304), the caching rule,
// ranges (the PDF viewer asks for them) and HEAD, through
// http.ServeContent. ?download=1 makes it an attachment.
func serveBytes(w http.ResponseWriter, r *http.Request, name, ext string, data []byte, mod time.Time, cacheControl string) {
	h := w.Header()
	h.Set("ETag", `"`+hashOf(data)+`"`)
	h.Set("Cache-Control", cacheControl)
	if ct, ok := contentTypes[ext]; ok {
		h.Set("Content-Type", ct)
	} else {
		h.Set("Content-Type", "application/octet-stream")
	}
	disposition := "inline"
	if r.URL.Query().Get("download") != "" {
		disposition = "attachment"
	}
	h.Set("Content-Disposition", fmt.Sprintf("%s; filename=%q", disposition, name))
	// A sandbox keeps a file opened on its own (an SVG-like surprise in
	// a hand-placed file) from running script with this origin.
	if ext != "pdf" {
		h.Set("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
	}
	http.ServeContent(w, r, "", mod, bytes.NewReader(data))
}

// knownExt returns what follows the slug in an asset's file name, when
// it is one of the formats triptych writes.
func knownExt(slug, name string) (string, bool) {
	if !validName(slug) || !validName(name) {
		return "", false
	}
	ext, ok := strings.CutPrefix(name, slug+".")
	if !ok {
		return "", false
	}
	_, known := contentTypes[ext]
	return ext, known && ext != "zip"
}

func quote(s string) string { return "“" + s + "”" }
