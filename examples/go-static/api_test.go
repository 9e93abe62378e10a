package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestGreet(t *testing.T) {
	cases := map[string]string{"Ada": "hello, Ada", "": "hello, world", "   ": "hello, world"}
	for name, want := range cases {
		if got := greet(name).Message; got != want {
			t.Errorf("greet(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestRoutes(t *testing.T) {
	srv := httptest.NewServer(newMux(time.Now().Add(-90 * time.Second)))
	defer srv.Close()

	var health map[string]string
	getJSON(t, srv.URL+"/healthz", http.StatusOK, &health)
	if health["status"] != "ok" || health["uptime"] != "1m30s" {
		t.Errorf("/healthz = %v", health)
	}
	var g greeting
	getJSON(t, srv.URL+"/api/greeting?name=Grace", http.StatusOK, &g)
	if g.Message != "hello, Grace" {
		t.Errorf("/api/greeting = %q", g.Message)
	}
	res, err := http.Post(srv.URL+"/api/greeting", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /api/greeting = %d", res.StatusCode)
	}
}

func TestProbe(t *testing.T) {
	srv := httptest.NewServer(newMux(time.Now()))
	defer srv.Close()
	if code := probe(srv.URL + "/healthz"); code != 0 {
		t.Errorf("probe of a healthy server = %d", code)
	}
	if code := probe(srv.URL + "/missing"); code != 1 {
		t.Errorf("probe of a 404 = %d", code)
	}
}

func getJSON(t *testing.T, url string, status int, into any) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != status {
		t.Fatalf("GET %s = %d, want %d", url, res.StatusCode, status)
	}
	if err := json.NewDecoder(res.Body).Decode(into); err != nil {
		t.Fatal(err)
	}
}
