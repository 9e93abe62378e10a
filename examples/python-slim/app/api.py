"""A tiny JSON API on the standard library's http.server: slugs with a stable short id."""
import json
import re
import time
import unicodedata
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from fnvhash import fnv1a_64_hex


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by dashes; blank text gives "untitled"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:64].rstrip("-") or "untitled"


def make_slug(text: str) -> dict:
    slug = slugify(text)
    return {"slug": slug, "id": fnv1a_64_hex(slug.encode())[:8]}


def make_handler(started_at: float):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlsplit(self.path)
            if url.path == "/healthz":
                return self._send(200, {"status": "ok", "uptime_s": int(time.time() - started_at)})
            if url.path == "/api/slug":
                text = parse_qs(url.query).get("text", [""])[0]
                return self._send(200, make_slug(text))
            return self._send(404, {"error": "not found"})

        def do_POST(self):
            self._send(405, {"error": "method not allowed"})

        def _send(self, status: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, fmt, *args):  # one line per request on stdout, not stderr
            print(f"{self.address_string()} {fmt % args}", flush=True)

    return Handler


def make_server(host: str, port: int, started_at: float | None = None) -> ThreadingHTTPServer:
    return ThreadingHTTPServer((host, port), make_handler(started_at or time.time()))
