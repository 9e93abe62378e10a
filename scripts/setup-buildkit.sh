#!/usr/bin/env bash
# The two BuildKit builders users run, beside the engine's own: BuildKit v0.29.0 from
# ../shared/buildkit (read its README), as
#   - a `docker-container` builder (what docker/setup-buildx-action creates on every runner), on a
#     local image `moby/buildkit:buildx-stable-1` (debian:bookworm-slim + Debian's runc + buildkitd,
#     since no container registry is reachable to pull the published one), and
#   - a `remote` builder: a buildkitd of its own on the host (OCI worker, runc, its own root dir and
#     unix socket, pid file), as on a build farm. It sees no engine image: its bases come from the
#     local registry or FROM scratch.
# Both use the host network and a buildkitd.toml that makes the local registry (127.0.0.1:5000)
# plain http, so they push to and cache in it.
#
# Usage: bash scripts/setup-buildkit.sh                  both builders, default names (below)
#        bash scripts/setup-buildkit.sh image            only the local moby/buildkit image
#        bash scripts/setup-buildkit.sh container NAME   a docker-container builder NAME
#        bash scripts/setup-buildkit.sh remote NAME      a buildkitd daemon + a remote builder NAME
#        bash scripts/setup-buildkit.sh sid [NAME]       a docker-container builder NAME (default
#                                                        stagecraft-sid-container) on the sid engine, in its
#                                                        DOCKER_CONFIG (buildx 0.29): scripts/setup-sid-engine.sh
#        bash scripts/setup-buildkit.sh classic [NAME]   a docker-container builder NAME (default
#                                                        stagecraft-classic-container) on the classic-store
#                                                        engine: scripts/setup-classic-engine.sh
#        bash scripts/setup-buildkit.sh stop NAME        stop the daemon `remote NAME` started (by its pid) and remove the builder
#        bash scripts/setup-buildkit.sh rm NAME          remove a builder (either kind) and its state
# `container NAME` works on whichever engine DOCKER_HOST / DOCKER_CONFIG name (the builder is registered
# in that DOCKER_CONFIG): on an engine other than the default one, the image is made on the default
# engine and copied over (docker save | docker load), and the bases are pushed from the default engine.
# `container`/`remote`/`sid`/`classic` print the builder name on stdout. Idempotent: what is already there and
# answers is left alone. Anything missing ends with one line on stderr, exit code 1.
# Environment: STAGECRAFT_BUILDKIT_ARCHIVE (default ../shared/buildkit/buildkit-v0.29.0-linux-amd64.tar.xz
# from the repository root), STAGECRAFT_BUILDKIT_DIR (default /var/lib/stagecraft-buildkit),
# STAGECRAFT_BUILDKIT_RUN (sockets, pid files; default /run/stagecraft-buildkit),
# STAGECRAFT_BUILDKIT_CONTAINER / STAGECRAFT_BUILDKIT_REMOTE / STAGECRAFT_BUILDKIT_SID_CONTAINER / _CLASSIC_CONTAINER
# (default names: stagecraft-container, stagecraft-remote, stagecraft-sid-container, stagecraft-classic-container),
# STAGECRAFT_BUILDKIT_BASES (engine images pushed to the local registry as docker.io's mirror;
# default "busybox:stable busybox:latest"), STAGECRAFT_REGISTRY_PORT (5000).
set -euo pipefail

ROOT_DIR=$(cd "$(dirname "$0")/.." && pwd)
VERSION=v0.29.0
ARCHIVE=${STAGECRAFT_BUILDKIT_ARCHIVE:-$ROOT_DIR/../shared/buildkit/buildkit-$VERSION-linux-amd64.tar.xz}
DIR=${STAGECRAFT_BUILDKIT_DIR:-/var/lib/stagecraft-buildkit}
RUN_DIR=${STAGECRAFT_BUILDKIT_RUN:-/run/stagecraft-buildkit}
IMAGE=moby/buildkit:buildx-stable-1
PORT=${STAGECRAFT_REGISTRY_PORT:-5000}
CONFIG=$DIR/buildkitd.toml
BIN=$DIR/bin
RECIPE_LABEL=org.stagecraft.recipe
BASES=${STAGECRAFT_BUILDKIT_BASES:-busybox:stable busybox:latest}

say() { printf 'setup-buildkit: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# `sid [NAME]`: the sid engine's DOCKER_HOST and DOCKER_CONFIG (setup-sid-engine.sh prints them),
# then `container NAME` there.
if [ "${1:-}" = sid ]; then
  sid_env=$(bash "$ROOT_DIR/scripts/setup-sid-engine.sh") || die "the sid engine does not start (scripts/setup-sid-engine.sh)"
  while IFS= read -r line; do [ -n "$line" ] && export "${line?}"; done <<<"$sid_env"
  exec bash "$0" container "${2:-${STAGECRAFT_BUILDKIT_SID_CONTAINER:-stagecraft-sid-container}}"
fi
# `classic [NAME]`: the same on the classic-store engine (scripts/setup-classic-engine.sh prints its
# DOCKER_HOST; buildx 0.13 and the default DOCKER_CONFIG, as on a runner whose dockerd has no
# containerd store).
if [ "${1:-}" = classic ]; then
  DOCKER_HOST=$(bash "$ROOT_DIR/scripts/setup-classic-engine.sh") || die "the classic engine does not start (scripts/setup-classic-engine.sh)"
  export DOCKER_HOST
  exec bash "$0" container "${2:-${STAGECRAFT_BUILDKIT_CLASSIC_CONTAINER:-stagecraft-classic-container}}"
fi

command -v docker >/dev/null 2>&1 || die "the docker CLI is missing; run scripts/setup-engine.sh first"
docker buildx version >/dev/null 2>&1 || die "docker buildx does not run; run scripts/setup-engine.sh first"

# ---- engines ------------------------------------------------------------------------------------
# The default engine (no DOCKER_HOST / DOCKER_CONTEXT / DOCKER_CONFIG) holds the image and the bases;
# `docker` is the engine this run targets, which may be another one (the sid engine).
main_docker() { env -u DOCKER_HOST -u DOCKER_CONTEXT -u DOCKER_CONFIG docker "$@"; }
engine_id() { "$@" info --format '{{.ID}}' 2>/dev/null || true; }
OTHER_ENGINE=
if [ -n "${DOCKER_HOST:-}${DOCKER_CONTEXT:-}" ]; then
  here=$(engine_id docker)
  [ -n "$here" ] || die "the engine at ${DOCKER_HOST:-context $DOCKER_CONTEXT} does not answer (docker info)"
  main=$(engine_id main_docker)
  if [ -n "$main" ] && [ "$main" != "$here" ]; then OTHER_ENGINE=$here; fi
fi

# ---- binaries and config ---------------------------------------------------------------------
unpack() {
  if [ -x "$BIN/buildkitd" ] && "$BIN/buildkitd" --version 2>/dev/null | grep -q " $VERSION "; then return 0; fi
  [ -f "$ARCHIVE" ] || die "no BuildKit archive at $ARCHIVE (set STAGECRAFT_BUILDKIT_ARCHIVE)"
  mkdir -p "$BIN" || die "cannot create $BIN (set STAGECRAFT_BUILDKIT_DIR)"
  tar -xJf "$ARCHIVE" -C "$BIN" buildkitd buildctl || die "cannot unpack $ARCHIVE"
  "$BIN/buildkitd" --version | grep -q " $VERSION " || die "$BIN/buildkitd is not BuildKit $VERSION"
  say "unpacked buildkitd and buildctl $VERSION to $BIN"
}

write_config() {
  local want
  # The local registry speaks plain http; it also stands in for Docker Hub (unreachable here), as
  # a pull-through mirror holding the base images push_bases puts there.
  want=$(printf '# Written by scripts/setup-buildkit.sh.\n[registry."docker.io"]\n  mirrors = ["127.0.0.1:%s"]\n[registry."127.0.0.1:%s"]\n  http = true\n  insecure = true\n[registry."localhost:%s"]\n  http = true\n  insecure = true\n' "$PORT" "$PORT" "$PORT")
  if [ ! -f "$CONFIG" ] || [ "$(cat "$CONFIG")" != "$want" ]; then
    mkdir -p "$DIR"
    printf '%s\n' "$want" > "$CONFIG"
  fi
}

# ---- the moby/buildkit:buildx-stable-1 image ---------------------------------------------------
make_image() {
  if [ -n "$OTHER_ENGINE" ]; then copy_image; return 0; fi
  unpack
  local work hash
  work=$(mktemp -d "${TMPDIR:-/tmp}/stagecraft-buildkit.XXXXXX")
  # shellcheck disable=SC2064  # expand now: $work is local
  trap "rm -rf '$work'" RETURN
  cat > "$work/Dockerfile" <<'EOF'
# A stand-in for the published moby/buildkit:buildx-stable-1 (no registry is reachable here):
# buildkitd as the entrypoint, Debian bookworm's runc (with libseccomp2) as its OCI runtime.
FROM debian:bookworm-slim
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends runc ca-certificates >/dev/null \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*
COPY buildkitd buildctl /usr/bin/
VOLUME /var/lib/buildkit
ENTRYPOINT ["buildkitd"]
EOF
  hash=$( { cat "$work/Dockerfile"; sha256sum < "$BIN/buildkitd"; sha256sum < "$BIN/buildctl"; } | sha256sum | cut -c1-16)
  if [ "$(docker image inspect --format "{{index .Config.Labels \"$RECIPE_LABEL\"}}" "$IMAGE" 2>/dev/null || true)" = "$hash" ]; then
    return 0
  fi
  docker image inspect debian:bookworm-slim >/dev/null 2>&1 || bash "$ROOT_DIR/scripts/base-images.sh" debian >/dev/null \
    || die "debian:bookworm-slim is missing (scripts/base-images.sh debian creates it)"
  cp "$BIN/buildkitd" "$BIN/buildctl" "$work/"
  say "building $IMAGE (BuildKit $VERSION, recipe $hash)"
  docker buildx build --builder default --load --provenance=false --progress=quiet \
    --label "$RECIPE_LABEL=$hash" --label org.stagecraft.stand-in=moby/buildkit -t "$IMAGE" "$work" >/dev/null \
    || die "docker build of $IMAGE failed"
}

# On another engine: the image made on the default engine, copied over when this one lacks that recipe.
copy_image() {
  local want have
  main_make_image
  want=$(main_docker image inspect --format "{{index .Config.Labels \"$RECIPE_LABEL\"}}" "$IMAGE" 2>/dev/null) || die "$IMAGE is missing on the default engine"
  have=$(docker image inspect --format "{{index .Config.Labels \"$RECIPE_LABEL\"}}" "$IMAGE" 2>/dev/null || true)
  [ "$have" = "$want" ] && return 0
  say "copying $IMAGE (recipe $want) from the default engine to ${DOCKER_HOST:-context $DOCKER_CONTEXT}"
  main_docker save "$IMAGE" | docker load -q >/dev/null || die "copying $IMAGE to ${DOCKER_HOST:-context $DOCKER_CONTEXT} failed (docker save | docker load)"
}
# make_image on the default engine.
main_make_image() { (unset DOCKER_HOST DOCKER_CONTEXT DOCKER_CONFIG; OTHER_ENGINE=; make_image) || exit 1; }

# ---- base images in the local registry ------------------------------------------------------------
# A builder that is not the engine's own sees no engine image. Users' builders pull `FROM busybox`
# from Docker Hub; here the local registry holds the stand-ins under Docker Hub's names
# (library/NAME:TAG) and each builder's buildkitd.toml names it docker.io's mirror, so Dockerfiles
# read as users write them. Pushed only when the registry lacks the engine's digest.
push_bases() {
  local ref repo tag have want d=docker
  # On another engine, the default engine's bases: what the other builders already pull.
  [ -z "$OTHER_ENGINE" ] || d=main_docker
  for ref in $BASES; do
    repo=${ref%%:*} tag=${ref#*:}
    case "$repo" in */*) ;; *) repo=library/$repo ;; esac
    want=$("$d" image inspect --format '{{.Id}}' "$ref" 2>/dev/null) || die "base image $ref is missing (scripts/base-images.sh creates it)"
    have=$(curl -fsSI --max-time 5 -H 'Accept: application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.distribution.manifest.list.v2+json' \
      "http://127.0.0.1:$PORT/v2/$repo/manifests/$tag" 2>/dev/null | tr -d '\r' | awk -F': ' 'tolower($1) == "docker-content-digest" { print $2 }' || true)
    [ -n "$have" ] && [ "$have" = "$want" ] && continue
    "$d" tag "$ref" "127.0.0.1:$PORT/$repo:$tag"
    "$d" push -q "127.0.0.1:$PORT/$repo:$tag" >/dev/null || { "$d" rmi "127.0.0.1:$PORT/$repo:$tag" >/dev/null 2>&1; die "docker push of $ref to 127.0.0.1:$PORT failed (scripts/setup-registry.sh starts the registry)"; }
    "$d" rmi "127.0.0.1:$PORT/$repo:$tag" >/dev/null
    say "pushed $ref to 127.0.0.1:$PORT/$repo:$tag (docker.io's mirror for the builders)"
  done
}

# ---- builders ----------------------------------------------------------------------------------
builder_answers() { # NAME: the builder exists and its BuildKit is $VERSION
  docker buildx inspect --bootstrap "$1" 2>/dev/null | grep -Eq "BuildKit version: +$VERSION\b"
}
# A builder just created may take a moment to answer: a few tries before giving up.
builder_ready() { for _ in 1 2 3 4 5 6 7 8 9 10; do builder_answers "$1" && return 0; sleep 0.5; done; return 1; }
builder_exists() { docker buildx inspect "$1" >/dev/null 2>&1; }
# A builder keeps the buildkitd.toml it started with: a stamp per builder says which one, so a
# changed config recreates the builder (restarts the daemon).
# A remote daemon's stamp is its name; a docker-container builder's on another engine names the engine
# too (a builder of the same name in another DOCKER_CONFIG is another container).
config_sum() { sha256sum < "$CONFIG" | cut -c1-16; }
container_key() { printf '%s%s' "$1" "${OTHER_ENGINE:+@${OTHER_ENGINE:0:12}}"; }
stamp_ok() { [ "$(cat "$DIR/stamps/$1" 2>/dev/null || true)" = "$(config_sum)" ]; }
stamp() { mkdir -p "$DIR/stamps" && config_sum > "$DIR/stamps/$1"; }

check_name() {
  [ -n "${1:-}" ] || die "a builder NAME is expected"
  [[ "$1" =~ ^[A-Za-z0-9][A-Za-z0-9_.-]*$ ]] || die "builder name '$1' must be letters, digits, '.', '_' or '-'"
}

container_builder() {
  local name=$1
  check_name "$name"
  make_image
  write_config
  push_bases
  if stamp_ok "$(container_key "$name")" && builder_answers "$name"; then echo "$name"; return 0; fi
  builder_exists "$name" && docker buildx rm -f "$name" >/dev/null 2>&1
  # buildx first tries to pull the image and, when that fails, uses the local one.
  docker buildx create --name "$name" --driver docker-container \
    --driver-opt "image=$IMAGE" --driver-opt network=host \
    --config "$CONFIG" >/dev/null || die "docker buildx create --driver docker-container $name failed"
  builder_ready "$name" || die "the docker-container builder $name does not start (docker buildx inspect --bootstrap $name)"
  stamp "$(container_key "$name")"
  say "ready: docker-container builder $name (BuildKit $VERSION, host network)"
  echo "$name"
}

daemon_paths() { # NAME -> sets sock, pidfile, root, log
  sock=$RUN_DIR/$1/buildkitd.sock
  pidfile=$RUN_DIR/$1/buildkitd.pid
  root=$DIR/remote/$1
  log=$DIR/remote/$1.log
}
daemon_pid() { # the pid of the buildkitd this script started for NAME, if it still runs
  [ -f "$pidfile" ] || return 1
  local pid
  pid=$(cat "$pidfile" 2>/dev/null || true)
  [ -n "$pid" ] && grep -qs buildkitd "/proc/$pid/comm" && printf '%s' "$pid"
}
daemon_answers() { "$BIN/buildctl" --addr "unix://$sock" debug workers >/dev/null 2>&1; }

remote_builder() {
  local name=$1 sock pidfile root log
  check_name "$name"
  daemon_paths "$name"
  unpack
  write_config
  push_bases
  if ! stamp_ok "$name" || ! daemon_pid >/dev/null || ! daemon_answers; then
    [ "$(id -u)" = 0 ] || die "a buildkitd with the OCI worker runs as root"
    command -v runc >/dev/null 2>&1 || die "runc is not on PATH (apt-get install runc)"
    if pid=$(daemon_pid); then
      kill "$pid"
      for _ in $(seq 1 30); do [ -d "/proc/$pid" ] || break; sleep 0.5; done
    fi
    rm -f "$pidfile" "$sock"
    mkdir -p "$(dirname "$sock")" "$root"
    say "starting buildkitd $VERSION on unix://$sock (root $root, log $log)"
    nohup setsid "$BIN/buildkitd" --addr "unix://$sock" --root "$root" --config "$CONFIG" \
      --oci-worker=true --containerd-worker=false --oci-worker-net=host >>"$log" 2>&1 </dev/null &
    echo $! > "$pidfile"
    for _ in $(seq 1 60); do daemon_answers && break; sleep 0.5; done
    daemon_answers || { tail -n 20 "$log" >&2 || true; die "buildkitd did not answer on $sock within 30 s (see $log)"; }
    stamp "$name"
  fi
  if builder_answers "$name"; then echo "$name"; return 0; fi
  builder_exists "$name" && docker buildx rm -f "$name" >/dev/null 2>&1
  docker buildx create --name "$name" --driver remote "unix://$sock" >/dev/null \
    || die "docker buildx create --driver remote $name failed"
  builder_ready "$name" || { docker buildx inspect --bootstrap "$name" >&2 || true; die "the remote builder $name does not answer (docker buildx inspect --bootstrap $name)"; }
  say "ready: remote builder $name (BuildKit $VERSION on unix://$sock)"
  echo "$name"
}

stop_remote() {
  local name=$1 sock pidfile root log pid
  check_name "$name"
  daemon_paths "$name"
  builder_exists "$name" && docker buildx rm -f "$name" >/dev/null 2>&1
  if pid=$(daemon_pid); then
    kill "$pid"
    for _ in $(seq 1 30); do [ -d "/proc/$pid" ] || break; sleep 0.5; done
  fi
  rm -f "$pidfile" "$sock" "$DIR/stamps/$name"
  rmdir "$(dirname "$sock")" 2>/dev/null || true
  say "stopped $name"
}

remove() {
  local name=$1 sock pidfile root log
  check_name "$name"
  daemon_paths "$name"
  if [ -f "$pidfile" ]; then stop_remote "$name"; rm -rf "$root" "$log"; return 0; fi
  builder_exists "$name" && docker buildx rm -f "$name" >/dev/null 2>&1
  rm -f "$DIR/stamps/$(container_key "$name")"
  say "removed $name"
}

case "${1:-}" in
  '')
    container_builder "${STAGECRAFT_BUILDKIT_CONTAINER:-stagecraft-container}" >/dev/null
    remote_builder "${STAGECRAFT_BUILDKIT_REMOTE:-stagecraft-remote}" >/dev/null
    ;;
  image) make_image; say "ready: $IMAGE" ;;
  container) container_builder "${2:-}" ;;
  remote) remote_builder "${2:-}" ;;
  stop) stop_remote "${2:-}" ;;
  rm) remove "${2:-}" ;;
  -h|--help) sed -n '2,33p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) die "unknown command '$1' (expected image, container NAME, remote NAME, sid [NAME], stop NAME, rm NAME or nothing)" ;;
esac
