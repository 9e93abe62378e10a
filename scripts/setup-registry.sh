#!/usr/bin/env bash
# A real local registry for push tests: Debian's docker-registry (distribution 2.8) on
# 127.0.0.1:${STAGECRAFT_REGISTRY_PORT:-5000}, storage under /var/lib/stagecraft-registry.
# Idempotent: does nothing when the registry answers. The engine treats 127.0.0.0/8 registries
# as insecure by default, so no TLS and no daemon change are needed.
set -euo pipefail
PORT=${STAGECRAFT_REGISTRY_PORT:-5000}
URL="http://127.0.0.1:$PORT/v2/"
say() { printf 'setup-registry: %s\n' "$*" >&2; }
answers() { curl -fsS -o /dev/null --max-time 2 "$URL" 2>/dev/null; }

if answers; then say "registry answers on 127.0.0.1:$PORT; nothing to do"; exit 0; fi
if ! command -v docker-registry >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || { say "error: docker-registry is not installed and installing it needs root"; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-registry >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-registry >/dev/null; } \
    || { say "error: apt-get install docker-registry failed"; exit 1; }
fi
dir=/var/lib/stagecraft-registry
mkdir -p "$dir"
cat > "$dir/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$PORT
YAML
# The Debian package starts its own service on :5000 with its config when systemd runs it; here
# nothing does, so start it in the background with ours.
nohup setsid docker-registry serve "$dir/config.yml" >>/var/log/stagecraft-registry.log 2>&1 </dev/null &
for _ in $(seq 1 30); do answers && break; sleep 0.5; done
answers || { tail -n 5 /var/log/stagecraft-registry.log >&2 || true; say "error: the registry did not answer on 127.0.0.1:$PORT"; exit 1; }
say "ready: registry on 127.0.0.1:$PORT"
