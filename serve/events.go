package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// event tells open pages that an article was rebuilt. Slug is the URL
// the article had before the rebuild; URL is where it is now (a new slug
// in the front matter moves it).
type event struct {
	Slug   string `json:"slug"`
	URL    string `json:"url"`
	Status string `json:"status"`
	Gen    int    `json:"gen"`
}

// hub fans events out to the open event streams. A slow page that lets
// its small buffer fill misses events rather than holding up a rebuild;
// the next event refreshes it anyway.
type hub struct {
	mu     sync.Mutex
	subs   map[chan event]struct{}
	closed chan struct{}
	once   sync.Once
}

func newHub() *hub {
	return &hub{subs: map[chan event]struct{}{}, closed: make(chan struct{})}
}

func (h *hub) subscribe() chan event {
	ch := make(chan event, 16)
	h.mu.Lock()
	h.subs[ch] = struct{}{}
	h.mu.Unlock()
	return ch
}

func (h *hub) unsubscribe(ch chan event) {
	h.mu.Lock()
	delete(h.subs, ch)
	h.mu.Unlock()
}

func (h *hub) publish(ev event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- ev:
		default:
		}
	}
}

// close ends every stream: http.Server.Shutdown waits for handlers to
// return, and an event stream otherwise never does.
func (h *hub) close() { h.once.Do(func() { close(h.closed) }) }

// keepAlive is how often an idle stream sends a comment, so that proxies
// and the browser keep the connection open.
const keepAlive = 15 * time.Second

// handleEvents is GET /events: a Server-Sent Events stream with one
// "article" event per rebuild.
func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	ch := s.hub.subscribe()
	defer s.hub.unsubscribe(ch)
	// The retry line makes the browser reconnect within a second after
	// the server restarts.
	fmt.Fprint(w, "retry: 1000\n: connected\n\n")
	if err := rc.Flush(); err != nil {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.hub.closed:
			return
		case <-tick.C:
			fmt.Fprint(w, ": ping\n\n")
		case ev := <-ch:
			data, _ := json.Marshal(ev)
			fmt.Fprintf(w, "event: article\ndata: %s\n\n", data)
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}
