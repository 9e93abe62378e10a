#!/usr/bin/env bash
# A second Docker engine beside the default one, with the classic overlay2 image store (what
# GitHub-hosted runners have), so the engine tests can run on both stores.
#
# Everything of its own: data-root, exec-root (with its own managed containerd), socket, pidfile,
# config file and bridge. The bridge is created here (`--bridge NAME` needs an existing one) and
# never `--bridge none`, which makes dockerd delete the host's docker0 and breaks the main engine.
# dockerd is started with --iptables=false so it never rewrites the main engine's chains; instead
# this script adds the three rules its bridge needs (masquerade out, forward out, replies in), as
# dockerd would, because on the classic store BuildKit runs RUN steps on the bridge network.
# Base images are copied over from the default engine (docker save | docker load), so
# scripts/base-images.sh runs once.
#
# Prints the DOCKER_HOST to use on stdout (`unix:///run/stagecraft-classic/docker.sock`).
# Idempotent: does nothing but the image copy when the engine already answers.
# `bash scripts/setup-classic-engine.sh stop` stops the daemon it started (by its pidfile).
set -euo pipefail

ENGINE_DIR=${STAGECRAFT_ENGINE_DIR:-/opt/stagecraft-engine}
ROOT=${STAGECRAFT_CLASSIC_ROOT:-/var/lib/stagecraft-classic}
RUN_DIR=/run/stagecraft-classic
SOCK=$RUN_DIR/docker.sock
PIDFILE=$RUN_DIR/dockerd.pid
LOG=${STAGECRAFT_CLASSIC_LOG:-/var/log/stagecraft-classic-dockerd.log}
BRIDGE=${STAGECRAFT_CLASSIC_BRIDGE:-stagecraft0}
BRIDGE_CIDR=${STAGECRAFT_CLASSIC_BRIDGE_CIDR:-172.31.250.1/24}
export DOCKER_HOST_CLASSIC="unix://$SOCK"

say() { printf 'setup-classic-engine: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
classic() { DOCKER_HOST="unix://$SOCK" docker "$@"; }
answers() { classic info >/dev/null 2>&1; }

if [ "${1:-}" = stop ]; then
  if [ -f "$PIDFILE" ]; then
    pid=$(cat "$PIDFILE")
    if grep -qs dockerd "/proc/$pid/comm"; then kill "$pid"; for _ in $(seq 1 30); do [ -d "/proc/$pid" ] || break; sleep 1; done; fi
    rm -f "$PIDFILE"
  fi
  say "stopped"
  exit 0
fi

[ -x "$ENGINE_DIR/bin/dockerd" ] || bash "$(dirname "$0")/setup-engine.sh"
[ -x "$ENGINE_DIR/bin/dockerd" ] || die "no dockerd under $ENGINE_DIR/bin (scripts/setup-engine.sh installs it)"

if ! answers; then
  [ "$(id -u)" = 0 ] || die "starting a second engine needs root"
  command -v ip >/dev/null 2>&1 || die "ip (iproute2) is missing"
  mkdir -p "$ROOT/data" "$RUN_DIR/exec"
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add name "$BRIDGE" type bridge
    ip addr add "$BRIDGE_CIDR" dev "$BRIDGE"
  fi
  ip link set "$BRIDGE" up
  if command -v iptables >/dev/null 2>&1; then
    subnet=$(ip -4 route show dev "$BRIDGE" proto kernel | awk '{print $1; exit}')
    iptables -t nat -C POSTROUTING -s "$subnet" ! -o "$BRIDGE" -j MASQUERADE 2>/dev/null \
      || iptables -t nat -A POSTROUTING -s "$subnet" ! -o "$BRIDGE" -j MASQUERADE
    iptables -C FORWARD -i "$BRIDGE" -j ACCEPT 2>/dev/null || iptables -I FORWARD -i "$BRIDGE" -j ACCEPT
    iptables -C FORWARD -o "$BRIDGE" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT 2>/dev/null \
      || iptables -I FORWARD -o "$BRIDGE" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
  fi
  # Its own config file: the default /etc/docker/daemon.json turns the containerd store on.
  printf '{\n  "features": { "containerd-snapshotter": false }\n}\n' > "$ROOT/daemon.json"
  # A machine handed back after a session keeps the pid files of daemons that were killed; a pid
  # now owned by another process would stop dockerd (or its containerd) from starting.
  for pf in "$PIDFILE" "$RUN_DIR/exec/containerd/containerd.pid"; do
    if [ -f "$pf" ]; then
      pid=$(cat "$pf" 2>/dev/null || true)
      if [ -z "$pid" ] || ! grep -qs -e dockerd -e containerd "/proc/$pid/comm"; then rm -f "$pf"; fi
    fi
  done
  say "starting dockerd (classic overlay2 store) on $SOCK (log: $LOG)"
  PATH="$ENGINE_DIR/bin:$PATH" nohup setsid "$ENGINE_DIR/bin/dockerd" \
    --config-file "$ROOT/daemon.json" \
    --data-root "$ROOT/data" \
    --exec-root "$RUN_DIR/exec" \
    --host "unix://$SOCK" \
    --pidfile "$PIDFILE" \
    --bridge "$BRIDGE" \
    --iptables=false --ip6tables=false --ip-masq=false \
    --storage-driver overlay2 \
    >>"$LOG" 2>&1 </dev/null &
  for _ in $(seq 1 60); do answers && break; sleep 1; done
  answers || { tail -n 20 "$LOG" >&2 || true; die "the classic dockerd did not answer within 60 s (see $LOG)"; }
fi
store=$(classic info --format '{{json .DriverStatus}}')
case "$store" in *io.containerd.snapshotter*) die "the engine on $SOCK uses the containerd store, not the classic one";; esac

# Copy the base images the default engine has and this one lacks (labelled stand-ins and busybox).
copied=0
for ref in $(docker images --format '{{.Repository}}:{{.Tag}}' --filter label=org.stagecraft.stand-in 2>/dev/null) \
           $(docker images --format '{{.Repository}}:{{.Tag}}' busybox 2>/dev/null) \
           $(docker images --format '{{.Repository}}:{{.Tag}}' debian 2>/dev/null); do
  case "$ref" in *'<none>'*|stagecraft-*) continue;; esac   # base images only, not test builds
  want=$(docker image inspect --format '{{index .Config.Labels "org.stagecraft.recipe"}}{{.Created}}' "$ref" 2>/dev/null || true)
  have=$(classic image inspect --format '{{index .Config.Labels "org.stagecraft.recipe"}}{{.Created}}' "$ref" 2>/dev/null || true)
  [ -n "$have" ] && [ "$have" = "$want" ] && continue
  docker save "$ref" | classic load -q >/dev/null || die "copying $ref to the classic engine failed"
  copied=$((copied + 1))
done
say "ready: engine $(classic version --format '{{.Server.Version}}') with the classic store on $SOCK ($copied image(s) copied)"
echo "unix://$SOCK"
