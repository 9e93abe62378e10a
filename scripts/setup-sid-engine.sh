#!/usr/bin/env bash
# A newer Docker engine beside the default one: what GitHub-hosted runners of 2026 have.
#
#   - dockerd 28.5 + containerd 2.1 + docker-buildx 0.29 from Debian sid, fetched into a private apt
#     state (the system's sources stay untouched) and unpacked under $STAGECRAFT_SID_DIR
#     (/opt/stagecraft-engine-sid). They need glibc 2.34, so they run on bookworm's 2.36; runc comes
#     from bookworm (1.1: sid's runc needs glibc 2.38), as scripts/setup-engine.sh does.
#   - dockerd starts its own containerd 2.1 (found first on its PATH) under its own exec-root, with
#     its own data-root, socket, pidfile, config file (containerd image store on) and bridge. The
#     bridge is created here (`--bridge NAME` needs an existing one), never `--bridge none`, which
#     makes dockerd delete the host's docker0. --iptables=false so it never rewrites the main
#     engine's chains; the three rules its bridge needs are added here, as setup-classic-engine.sh does.
#   - buildx 0.29 is a per-config CLI plugin ($STAGECRAFT_SID_DIR/docker-config/cli-plugins), so the
#     system plugin (/usr/local/lib/docker/cli-plugins, buildx 0.13) stays what the other engines use.
#   - base images are copied over from the default engine (docker save | docker load).
#
# Prints the environment to use on stdout, one `NAME=value` a line:
#   DOCKER_HOST=unix:///run/stagecraft-sid/docker.sock
#   DOCKER_CONFIG=/opt/stagecraft-engine-sid/docker-config
# (`eval "$(bash scripts/setup-sid-engine.sh | sed 's/^/export /')"` sets them in a shell.)
# Idempotent: does nothing but the image copy when the engine already answers.
# `bash scripts/setup-sid-engine.sh stop` stops the daemon it started (by its pidfile; its
# containerd stops with it).
set -euo pipefail

SID_DIR=${STAGECRAFT_SID_DIR:-/opt/stagecraft-engine-sid}
ROOT=${STAGECRAFT_SID_ROOT:-/var/lib/stagecraft-sid}
RUN_DIR=/run/stagecraft-sid
SOCK=$RUN_DIR/docker.sock
PIDFILE=$RUN_DIR/dockerd.pid
LOG=${STAGECRAFT_SID_LOG:-/var/log/stagecraft-sid-dockerd.log}
BRIDGE=${STAGECRAFT_SID_BRIDGE:-stagecraft1}
BRIDGE_CIDR=${STAGECRAFT_SID_BRIDGE_CIDR:-172.31.251.1/24}
SUITE=${STAGECRAFT_SID_SUITE:-sid}
MIRROR=${STAGECRAFT_DEBIAN_MIRROR:-http://deb.debian.org/debian}
CONFIG_DIR=$SID_DIR/docker-config

say() { printf 'setup-sid-engine: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
sid() { DOCKER_HOST="unix://$SOCK" DOCKER_CONFIG="$CONFIG_DIR" docker "$@"; }
answers() { sid info >/dev/null 2>&1; }

if [ "${1:-}" = stop ]; then
  if [ -f "$PIDFILE" ]; then
    pid=$(cat "$PIDFILE")
    if grep -qs dockerd "/proc/$pid/comm"; then kill "$pid"; for _ in $(seq 1 30); do [ -d "/proc/$pid" ] || break; sleep 1; done; fi
    rm -f "$PIDFILE"
  fi
  say "stopped"
  exit 0
fi

command -v docker >/dev/null 2>&1 || die "the docker CLI is missing; install docker-ce-cli or docker.io"

# Engine pieces from sid, fetched into a private apt state.
if [ ! -x "$SID_DIR/bin/dockerd" ] || [ ! -x "$CONFIG_DIR/cli-plugins/docker-buildx" ]; then
  [ "$(id -u)" = 0 ] || die "installing the sid engine needs root"
  command -v apt-get >/dev/null 2>&1 && [ -f /etc/debian_version ] || die "installing the sid engine needs Debian with apt-get"
  state=$(mktemp -d)
  trap 'rm -rf "$state"' EXIT
  mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/debs" "$state/root"
  printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s %s main\n' "$MIRROR" "$SUITE" >"$state/sources.list"
  aptopts=(-o Dir::Etc::SourceList="$state/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o Dir::State::Lists="$state/lists" -o Dir::Cache="$state/cache" -o Dir::State::Status=/dev/null
    -o APT::Get::List-Cleanup=0)
  say "fetching docker.io, containerd, docker-buildx from $SUITE"
  apt-get "${aptopts[@]}" update -qq >/dev/null 2>&1 || die "cannot read the $SUITE package index from $MIRROR"
  (cd "$state/debs" && chmod 0777 . && apt-get "${aptopts[@]}" download docker.io containerd docker-buildx >/dev/null 2>&1) \
    || die "apt-get download of docker.io/containerd/docker-buildx from $SUITE failed"
  for d in "$state"/debs/*.deb; do dpkg -x "$d" "$state/root"; done
  mkdir -p "$SID_DIR/bin" "$CONFIG_DIR/cli-plugins"
  for f in usr/sbin/dockerd usr/sbin/docker-proxy usr/bin/containerd usr/bin/containerd-shim-runc-v2 usr/bin/ctr; do
    [ -f "$state/root/$f" ] || die "$f not found in the $SUITE packages"
    install -m 0755 "$state/root/$f" "$SID_DIR/bin/$(basename "$f")"
  done
  f=usr/libexec/docker/cli-plugins/docker-buildx
  [ -f "$state/root/$f" ] || die "$f not found in the $SUITE packages"
  install -m 0755 "$state/root/$f" "$CONFIG_DIR/cli-plugins/docker-buildx"
  [ -f "$CONFIG_DIR/config.json" ] || printf '{}\n' >"$CONFIG_DIR/config.json"
  # The binaries link glibc dynamically: say so plainly if this system's is too old for them.
  "$SID_DIR/bin/dockerd" --version >/dev/null 2>&1 || die "sid's dockerd does not run here (glibc $(ldd --version | awk 'NR==1{print $NF}'); it needs 2.34)"
fi
command -v runc >/dev/null 2>&1 || die "runc is missing (apt-get install runc; scripts/setup-engine.sh installs it)"
command -v tini >/dev/null 2>&1 || die "tini is missing (apt-get install tini; scripts/setup-engine.sh installs it)"
ln -sf "$(command -v tini)" "$SID_DIR/bin/docker-init"
DOCKER_CONFIG="$CONFIG_DIR" docker buildx version >/dev/null 2>&1 || die "buildx does not run (plugin at $CONFIG_DIR/cli-plugins/docker-buildx)"

if ! answers; then
  [ "$(id -u)" = 0 ] || die "starting the sid engine needs root"
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
  # Its own config file (the default /etc/docker/daemon.json belongs to the main engine).
  printf '{\n  "features": { "containerd-snapshotter": true }\n}\n' >"$ROOT/daemon.json"
  # Pid files of daemons killed in an earlier session: a pid now owned by another process would
  # stop dockerd (or its containerd) from starting.
  for pf in "$PIDFILE" "$RUN_DIR/exec/containerd/containerd.pid"; do
    if [ -f "$pf" ]; then
      pid=$(cat "$pf" 2>/dev/null || true)
      if [ -z "$pid" ] || ! grep -qs -e dockerd -e containerd "/proc/$pid/comm"; then rm -f "$pf"; fi
    fi
  done
  say "starting dockerd (sid) on $SOCK (log: $LOG)"
  # $SID_DIR/bin first: dockerd starts the containerd 2.1 (and its shim) it finds on PATH.
  PATH="$SID_DIR/bin:$PATH" nohup setsid "$SID_DIR/bin/dockerd" \
    --config-file "$ROOT/daemon.json" \
    --data-root "$ROOT/data" \
    --exec-root "$RUN_DIR/exec" \
    --host "unix://$SOCK" \
    --pidfile "$PIDFILE" \
    --bridge "$BRIDGE" \
    --iptables=false --ip6tables=false --ip-masq=false \
    >>"$LOG" 2>&1 </dev/null &
  for _ in $(seq 1 60); do answers && break; sleep 1; done
  answers || { tail -n 20 "$LOG" >&2 || true; die "the sid dockerd did not answer within 60 s (see $LOG)"; }
fi
store=$(sid info --format '{{json .DriverStatus}}')
case "$store" in *io.containerd.snapshotter*) ;; *) die "the engine on $SOCK does not use the containerd image store";; esac

# Copy the base images the default engine has and this one lacks (labelled stand-ins and busybox).
copied=0
for ref in $(docker images --format '{{.Repository}}:{{.Tag}}' --filter label=org.stagecraft.stand-in 2>/dev/null) \
  $(docker images --format '{{.Repository}}:{{.Tag}}' busybox 2>/dev/null) \
  $(docker images --format '{{.Repository}}:{{.Tag}}' debian 2>/dev/null); do
  case "$ref" in *'<none>'* | stagecraft-*) continue ;; esac # base images only, not test builds
  want=$(docker image inspect --format '{{index .Config.Labels "org.stagecraft.recipe"}}{{.Created}}' "$ref" 2>/dev/null || true)
  have=$(sid image inspect --format '{{index .Config.Labels "org.stagecraft.recipe"}}{{.Created}}' "$ref" 2>/dev/null || true)
  [ -n "$have" ] && [ "$have" = "$want" ] && continue
  docker save "$ref" | sid load -q >/dev/null || die "copying $ref to the sid engine failed"
  copied=$((copied + 1))
done
say "ready: engine $(sid version --format '{{.Server.Version}}'), containerd $("$SID_DIR/bin/containerd" --version | awk '{print $3}'), buildx $(sid buildx version | awk '{print $2}') on $SOCK ($copied image(s) copied)"
echo "DOCKER_HOST=unix://$SOCK"
echo "DOCKER_CONFIG=$CONFIG_DIR"
