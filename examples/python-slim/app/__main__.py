"""python -m app: serve the API on $PORT (8000)."""
import os
import signal
import sys

from .api import make_server


def main() -> None:
    port = int(os.environ.get("PORT", "8000"))
    server = make_server("0.0.0.0", port)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"listening on :{port}", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


main()
