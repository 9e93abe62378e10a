"""HEALTHCHECK without curl: exit 0 when /healthz answers 200."""
import os
import sys
import urllib.request

try:
    with urllib.request.urlopen(f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/healthz", timeout=2) as res:
        sys.exit(0 if res.status == 200 else 1)
except Exception:
    sys.exit(1)
