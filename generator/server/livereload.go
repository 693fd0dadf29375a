package server

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"strings"
	"sync"
	"time"
)

// hub fans build events out to every open browser over server-sent events.
type hub struct {
	mu      sync.Mutex
	clients map[chan event]bool
}

type event struct{ name, data string }

func newHub() *hub { return &hub{clients: map[chan event]bool{}} }

func (h *hub) broadcast(name, data string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c <- event{name, data}:
		default: // a slow browser misses an event, not the server
		}
	}
}

// ServeHTTP streams events to one browser until it goes away.
func (h *hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	// The stream lasts as long as the page is open: the server's write timeout, which
	// guards against clients that never read, would cut it.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Time{})
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	c := make(chan event, 4)
	h.mu.Lock()
	h.clients[c] = true
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.clients, c)
		h.mu.Unlock()
	}()
	fmt.Fprint(w, "retry: 1000\n\n")
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case e := <-c:
			fmt.Fprintf(w, "event: %s\n", e.name)
			for _, line := range strings.Split(e.data, "\n") {
				fmt.Fprintf(w, "data: %s\n", line)
			}
			fmt.Fprint(w, "\n")
			flusher.Flush()
		}
	}
}

// reloadScript reloads the page after a rebuild and shows a build error over the page.
const reloadScript = `<script>(function(){var es=new EventSource("/_gongkai/events");
es.addEventListener("reload",function(){location.reload()});
es.addEventListener("builderror",function(e){var d=document.getElementById("gongkai-error");if(!d){d=document.createElement("pre");d.id="gongkai-error";d.setAttribute("role","alert");d.style.cssText="position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;margin:0;padding:1rem;background:#fff0f0;color:#7a0000;border-top:4px solid #9b1c1c;font:14px/1.5 monospace;white-space:pre-wrap;z-index:99999";document.body.appendChild(d)}d.textContent="构建失败 Build failed (the last good site is still shown):\n"+e.data})})();</script>`

// errorBox is the build error written into pages served while the last build failed, so that
// the error shows even on a fresh load.
func errorBox(msg string) string {
	return `<pre id="gongkai-error" role="alert" style="position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;margin:0;padding:1rem;background:#fff0f0;color:#7a0000;border-top:4px solid #9b1c1c;font:14px/1.5 monospace;white-space:pre-wrap;z-index:99999">构建失败 Build failed (the last good site is still shown):
` + html.EscapeString(msg) + `</pre>`
}

// inject adds snippets before </body> of an HTML page.
func inject(page []byte, snippets ...string) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	var b bytes.Buffer
	b.Write(page[:i])
	for _, s := range snippets {
		b.WriteString(s)
	}
	b.Write(page[i:])
	return b.Bytes()
}
