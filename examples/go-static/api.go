package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// greeting is the body of GET /api/greeting.
type greeting struct {
	Message string `json:"message"`
}

// greet returns the greeting for name; a blank name greets the world.
func greet(name string) greeting {
	name = strings.TrimSpace(name)
	if name == "" {
		name = "world"
	}
	if len(name) > 64 {
		name = name[:64]
	}
	return greeting{Message: "hello, " + name}
}

// newMux wires the routes; startedAt feeds the uptime in /healthz.
func newMux(startedAt time.Time) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{
			"status": "ok",
			"uptime": time.Since(startedAt).Round(time.Second).String(),
		})
	})
	mux.HandleFunc("/api/greeting", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "method not allowed"})
			return
		}
		writeJSON(w, http.StatusOK, greet(r.URL.Query().Get("name")))
	})
	return mux
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}
