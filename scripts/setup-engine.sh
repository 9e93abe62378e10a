#!/usr/bin/env bash
# Make sure a Docker engine with buildx answers on this machine.
#
# Idempotent: when `docker info` and `docker buildx version` already answer, it does nothing.
# Otherwise, on Debian as root, it installs a BuildKit-capable engine without touching the
# system's apt sources:
#   - dockerd 26 + containerd 1.7 + docker-buildx 0.13 from Debian trixie (apt-get download with a
#     private sources list and state dir, unpacked with dpkg -x under $STAGECRAFT_ENGINE_DIR);
#   - runc 1.1 from bookworm (trixie's runc needs glibc 2.38);
#   - dockerd with the containerd image store, so `--cache-to type=local`, heredocs and
#     `COPY --link` work without a `# syntax=` image (no registry is reachable here).
# It starts dockerd in the background and waits until it answers.
# Anything it cannot do ends with one line saying what is missing, and exit code 1.
set -euo pipefail

ENGINE_DIR=${STAGECRAFT_ENGINE_DIR:-/opt/stagecraft-engine}
LOG=${STAGECRAFT_ENGINE_LOG:-/var/log/stagecraft-dockerd.log}
SUITE=${STAGECRAFT_ENGINE_SUITE:-trixie}
MIRROR=${STAGECRAFT_DEBIAN_MIRROR:-http://deb.debian.org/debian}
PLUGIN_DIR=/usr/local/lib/docker/cli-plugins

say() { printf 'setup-engine: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

engine_ok() { docker info >/dev/null 2>&1; }
buildx_ok() { docker buildx version >/dev/null 2>&1; }

if engine_ok && buildx_ok; then
  say "engine and buildx answer ($(docker version --format '{{.Server.Version}}' 2>/dev/null), $(docker buildx version | awk '{print $2}')); nothing to do"
  exit 0
fi

command -v docker >/dev/null 2>&1 || die "the docker CLI is missing; install docker-ce-cli or docker.io"
[ "$(id -u)" = 0 ] || die "no engine answers and installing one needs root (run as root, or start a Docker engine with buildx yourself)"
command -v apt-get >/dev/null 2>&1 && [ -f /etc/debian_version ] \
  || die "no engine answers and this is not Debian with apt-get; start a Docker engine with buildx yourself"

export DEBIAN_FRONTEND=noninteractive
apt_updated=0
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ $apt_updated = 0 ]; then apt-get update -qq >/dev/null || die "apt-get update failed"; apt_updated=1; fi
  say "installing ${missing[*]} (bookworm)"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
}

# Host pieces from the system's own suite.
apt_install runc iptables ca-certificates tini

# Engine pieces from trixie, fetched into a private apt state so the system's sources are untouched.
if [ ! -x "$ENGINE_DIR/bin/dockerd" ] || [ ! -x "$ENGINE_DIR/bin/docker-buildx" ]; then
  state=$(mktemp -d)
  trap 'rm -rf "$state"' EXIT
  mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/debs" "$state/root"
  printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s %s main\n' "$MIRROR" "$SUITE" > "$state/sources.list"
  aptopts=(-o Dir::Etc::SourceList="$state/sources.list" -o Dir::Etc::SourceParts=/dev/null
           -o Dir::State::Lists="$state/lists" -o Dir::Cache="$state/cache" -o Dir::State::Status=/dev/null
           -o APT::Get::List-Cleanup=0)
  say "fetching docker.io, containerd, docker-buildx from $SUITE"
  apt-get "${aptopts[@]}" update -qq >/dev/null 2>&1 || die "cannot read the $SUITE package index from $MIRROR"
  (cd "$state/debs" && chmod 0777 . && apt-get "${aptopts[@]}" download docker.io containerd docker-buildx >/dev/null 2>&1) \
    || die "apt-get download of docker.io/containerd/docker-buildx from $SUITE failed"
  for d in "$state"/debs/*.deb; do dpkg -x "$d" "$state/root"; done
  mkdir -p "$ENGINE_DIR/bin"
  for f in usr/sbin/dockerd usr/sbin/docker-proxy usr/bin/containerd usr/bin/containerd-shim-runc-v2 \
           usr/bin/ctr usr/libexec/docker/cli-plugins/docker-buildx; do
    [ -f "$state/root/$f" ] || die "$f not found in the $SUITE packages"
    install -m 0755 "$state/root/$f" "$ENGINE_DIR/bin/$(basename "$f")"
  done
fi

mkdir -p "$PLUGIN_DIR"
ln -sf "$ENGINE_DIR/bin/docker-buildx" "$PLUGIN_DIR/docker-buildx"
ln -sf "$(command -v tini)" "$ENGINE_DIR/bin/docker-init"
buildx_ok || die "docker buildx does not run (plugin at $PLUGIN_DIR/docker-buildx)"

if ! engine_ok; then
  mkdir -p /etc/docker
  if [ ! -f /etc/docker/daemon.json ]; then
    printf '{\n  "features": { "containerd-snapshotter": true }\n}\n' > /etc/docker/daemon.json
  fi
  # A machine handed back after a session keeps dockerd's pid files; if their pid now belongs to
  # another process, dockerd would refuse to start. No engine answers, so they are stale.
  for pidfile in /var/run/docker.pid /var/run/docker/containerd/containerd.pid; do
    if [ -f "$pidfile" ]; then
      pid=$(cat "$pidfile" 2>/dev/null || true)
      if [ -z "$pid" ] || ! grep -qs -e dockerd -e containerd "/proc/$pid/comm"; then rm -f "$pidfile"; fi
    fi
  done
  say "starting dockerd (log: $LOG)"
  PATH="$ENGINE_DIR/bin:$PATH" nohup setsid "$ENGINE_DIR/bin/dockerd" >>"$LOG" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do
    engine_ok && break
    sleep 1
  done
  engine_ok || { tail -n 20 "$LOG" >&2 || true; die "dockerd did not answer within 60 s (see $LOG)"; }
fi

say "ready: engine $(docker version --format '{{.Server.Version}}'), buildx $(docker buildx version | awk '{print $2}')"
