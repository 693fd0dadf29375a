package server

import (
	"net/http"
)

// Health answers a load balancer's or an orchestrator's probes before h sees the request:
//
//	/healthz  200 while the process serves requests at all (liveness: restart it otherwise)
//	/readyz   200 when ready returns nil, else 503 with the reason (send it no traffic yet)
//
// A site page at these addresses would be hidden; the build makes none (pages end in /).
func Health(h http.Handler, ready func() error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/healthz":
			probe(w, http.StatusOK, "ok")
		case "/readyz":
			if err := ready(); err != nil {
				probe(w, http.StatusServiceUnavailable, "not ready: "+err.Error())
				return
			}
			probe(w, http.StatusOK, "ready")
		default:
			h.ServeHTTP(w, r)
		}
	})
}

func probe(w http.ResponseWriter, status int, msg string) {
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(msg + "\n"))
}
