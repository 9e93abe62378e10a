// Command server is a tiny JSON API compiled to one static binary, shipped on scratch.
//
// Run with -healthcheck it asks the running server for /healthz and exits 0 or 1: a scratch image
// has no shell or curl, so the binary is its own HEALTHCHECK.
package main

import (
	"context"
	"flag"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	healthcheck := flag.Bool("healthcheck", false, "probe http://127.0.0.1:8080/healthz and exit")
	flag.Parse()

	if *healthcheck {
		os.Exit(probe("http://127.0.0.1:8080/healthz"))
	}

	srv := &http.Server{Addr: *addr, Handler: newMux(time.Now()), ReadHeaderTimeout: 5 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	log.Printf("listening on %s", *addr)
	if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		log.Fatal(err)
	}
}

// probe returns 0 when url answers 200 within two seconds, 1 otherwise.
func probe(url string) int {
	client := http.Client{Timeout: 2 * time.Second}
	res, err := client.Get(url)
	if err != nil {
		return 1
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return 1
	}
	return 0
}
