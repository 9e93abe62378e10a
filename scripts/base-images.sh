#!/usr/bin/env bash
# Create the local base images that fixtures and examples build FROM, offline.
#
# No container registry is reachable here, so the images are made from Debian packages:
#   busybox   -> busybox:stable, busybox:latest
#                a rootfs holding the static /bin/busybox from busybox-static, one symlink per applet
#                in /bin, /etc/passwd + /etc/group (root, nobody), /tmp (1777); docker import, CMD ["sh"].
#   debian    -> debian:bookworm-slim, debian:bookworm
#                debootstrap --variant=minbase bookworm from deb.debian.org, slimmed like the official
#                image (no apt lists, caches, docs, man pages, locales); docker import, CMD ["bash"].
#                The finished rootfs tarball is kept in ${STAGECRAFT_CACHE:-/var/cache/stagecraft}, so a
#                re-import after `docker rmi` takes seconds.
#
# Stand-ins for the official images the examples and the audit corpus build FROM. They are NOT the
# official images: each is built offline from Debian packages (Debian's mirror inside a docker build) or
# the host's Node 20, under the official tags, so Dockerfiles read the way our users write them, and
# laid out like the official image where the audit looks: toolchains, headers, package databases,
# users. The label org.stagecraft.stand-in says so; org.stagecraft.recipe fingerprints the recipe.
#   node       -> node:20-bookworm-slim, node:20-slim; node:20-bookworm, node:20 (with the buildpack-deps
#                 toolchain: gcc, g++, make, libc6-dev, python3, -dev libraries)
#   golang     -> golang:1.19-bookworm, golang:1.19 (Go in /usr/local/go, gcc, libc6-dev, make, pkg-config)
#   python     -> python:3.11-slim-bookworm, python:3.11-slim (/usr/local layout with Python.h and
#                 python3-config, no compiler)
#   nginx      -> nginx:bookworm, nginx:latest (runs as root, `user nginx;` in nginx.conf)
#   distroless -> gcr.io/distroless/static-debian12[:latest|:nonroot], gcr.io/distroless/nodejs20-debian12
#                 [:latest|:nonroot] (status.d package database, nonroot 65532, no shell)
#   Each make_<set> below says what the official image has and what the stand-in still lacks.
#   Each needs debian:bookworm-slim, and creates it first when it is missing.
#
# Usage: bash scripts/base-images.sh [busybox] [debian] [node] [golang] [python] [nginx] [distroless]
#        (no argument: all)
#
# Idempotent: busybox and debian are left alone when their tag exists; a stand-in is left alone when
# its image carries the current recipe's fingerprint, and rebuilt (tags moved) when the recipe changed.
# Prints one line per image on stdout: "<tag> created|exists <size> [also: <tags>]".
# Anything missing ends with one line on stderr saying what, and exit code 1.
set -euo pipefail

CACHE=${STAGECRAFT_CACHE:-/var/cache/stagecraft}
MIRROR=${STAGECRAFT_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${STAGECRAFT_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
SUITE=bookworm
DEFAULT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

say() { printf 'base-images: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

usage() {
  printf 'usage: %s [busybox] [debian] [node] [golang] [python] [nginx] [distroless]   (no argument: all)\n' "$(basename "$0")" >&2
  exit 2
}

# ---- arguments ------------------------------------------------------------------------------
SETS=(busybox debian node golang python nginx distroless)
declare -A want=()
if [ $# -eq 0 ]; then
  for s in "${SETS[@]}"; do want[$s]=1; done
fi
for arg in "$@"; do
  case "$arg" in
    busybox|debian|node|golang|python|nginx|distroless) want[$arg]=1 ;;
    all) for s in "${SETS[@]}"; do want[$s]=1; done ;;
    -h|--help) usage ;;
    *) say "error: unknown image set '$arg' (expected ${SETS[*]} or nothing for all)"; exit 2 ;;
  esac
done

# ---- preconditions --------------------------------------------------------------------------
command -v docker >/dev/null 2>&1 || die "the docker CLI is missing; run scripts/setup-engine.sh first"
docker info >/dev/null 2>&1 || die "no Docker engine answers (docker info failed); run scripts/setup-engine.sh first"

exists() { docker image inspect "$1" >/dev/null 2>&1; }

size_of() {
  local s
  s=$(docker image ls --format '{{.Size}}' "$1" 2>/dev/null | head -n 1)
  [ -n "$s" ] || s="$(docker image inspect --format '{{.Size}}' "$1" 2>/dev/null | numfmt --to=si --suffix=B 2>/dev/null || echo '?')"
  printf '%s' "$s"
}

# report PRIMARY STATUS ALIAS...
report() {
  local primary=$1 status=$2
  shift 2
  local line
  line=$(printf '%-26s %-8s %s' "$primary" "$status" "$(size_of "$primary")")
  [ $# -gt 0 ] && line="$line  also: $*"
  printf '%s\n' "$line"
}

# Tag each alias that does not exist yet from PRIMARY (an existing alias is never overwritten).
tag_missing() {
  local primary=$1
  shift
  local t
  for t in "$@"; do
    exists "$t" || docker tag "$primary" "$t"
  done
}

export DEBIAN_FRONTEND=noninteractive
apt_updated=0
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "Debian packages ${missing[*]} are missing and installing them needs root"
  command -v apt-get >/dev/null 2>&1 || die "Debian packages ${missing[*]} are missing and apt-get is not available"
  if [ $apt_updated = 0 ]; then
    apt-get update -qq >/dev/null 2>&1 || die "apt-get update failed (is deb.debian.org reachable?)"
    apt_updated=1
  fi
  say "installing ${missing[*]}"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || die "apt-get install ${missing[*]} failed"
}

mkdir -p "$CACHE" 2>/dev/null || die "cannot create the cache directory $CACHE (set STAGECRAFT_CACHE)"
# Two runs at once (e.g. parallel test setups) would race on debootstrap and on the tags.
exec 9>"$CACHE/.base-images.lock"
flock 9 || die "cannot lock $CACHE/.base-images.lock"

work=$(mktemp -d "${TMPDIR:-/tmp}/stagecraft-base.XXXXXX")
# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
  # debootstrap may leave /proc or /sys mounted in the target when it fails half way.
  if [ -d "$work" ]; then
    local m
    while IFS= read -r m; do
      umount -l "$m" 2>/dev/null || true
    done < <(awk -v w="$work/" 'index($2, w) == 1 { print $2 }' /proc/mounts | sort -r)
    rm -rf "$work"
  fi
}
trap cleanup EXIT

# ---- busybox --------------------------------------------------------------------------------
busybox_binary() {
  # busybox-static conflicts with the dynamic `busybox` package: when that one is installed, take the
  # static binary out of the .deb instead of replacing the system's package.
  if dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'install ok installed'; then
    printf '/bin/busybox'
    return 0
  fi
  if dpkg-query -W -f='${Status}' busybox 2>/dev/null | grep -q 'install ok installed'; then
    local deb_dir="$work/busybox-deb"
    mkdir -p "$deb_dir/x"
    if [ $apt_updated = 0 ]; then
      apt-get update -qq >/dev/null 2>&1 || die "apt-get update failed (is deb.debian.org reachable?)"
      apt_updated=1
    fi
    (cd "$deb_dir" && apt-get download -qq busybox-static >/dev/null 2>&1) \
      || die "apt-get download busybox-static failed"
    dpkg -x "$deb_dir"/busybox-static_*.deb "$deb_dir/x"
    printf '%s' "$deb_dir/x/bin/busybox"
    return 0
  fi
  apt_install busybox-static
  printf '/bin/busybox'
}

make_busybox() {
  local tags=(busybox:stable busybox:latest)
  if exists "${tags[0]}"; then
    tag_missing "${tags[@]}"
    report "${tags[0]}" exists "${tags[@]:1}"
    return 0
  fi
  local bb
  bb=$(busybox_binary)
  [ -x "$bb" ] || die "busybox binary not found at $bb"
  if ldd "$bb" >/dev/null 2>&1; then
    die "$bb is dynamically linked; the busybox image needs the static one from busybox-static"
  fi

  local root="$work/busybox-root"
  mkdir -p "$root"/{bin,etc,root,tmp,var/spool/mail,home,dev,proc,sys,usr/bin,usr/sbin,sbin}
  chmod 1777 "$root/tmp"
  chmod 0700 "$root/root"
  install -m 0755 "$bb" "$root/bin/busybox"

  local applet n=0
  while IFS= read -r applet; do
    [ -n "$applet" ] || continue
    case "$applet" in */*|.|..) continue ;; esac
    [ "$applet" = busybox ] && continue
    ln -sf busybox "$root/bin/$applet"
    n=$((n + 1))
  done < <("$root/bin/busybox" --list)
  [ "$n" -gt 50 ] || die "busybox --list gave only $n applets"
  [ -e "$root/bin/sh" ] || die "busybox has no sh applet"

  cat > "$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
EOF
  cat > "$root/etc/group" <<'EOF'
root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
wheel:x:10:root
mail:x:12:
www-data:x:33:
operator:x:37:
staff:x:50:
users:x:100:
nogroup:x:65534:
EOF
  printf 'root:*:10933:0:99999:7:::\nnobody:*:10933:0:99999:7:::\n' > "$root/etc/shadow"
  chmod 0640 "$root/etc/shadow"
  chmod 0644 "$root/etc/passwd" "$root/etc/group"

  say "importing ${tags[0]} ($n applets)"
  tar --numeric-owner --owner=0 --group=0 -C "$root" -c . \
    | docker import --change 'CMD ["sh"]' --change "ENV PATH=$DEFAULT_PATH" \
        --message "stagecraft base-images.sh: busybox-static $("$root/bin/busybox" 2>&1 | head -n 1 | awk '{print $2}')" \
        - "${tags[0]}" >/dev/null \
    || die "docker import of ${tags[0]} failed"
  tag_missing "${tags[@]}"
  report "${tags[0]}" created "${tags[@]:1}"
}

# ---- debian ---------------------------------------------------------------------------------
# Mirrors the official slim image: dpkg drops docs/man/locales at install time, apt keeps no caches.
slimify_debian() {
  local root=$1
  mkdir -p "$root/etc/dpkg/dpkg.cfg.d" "$root/etc/apt/apt.conf.d" "$root/etc/apt/sources.list.d"
  cat > "$root/etc/dpkg/dpkg.cfg.d/docker" <<'EOF'
# This is the "slim" variant: no docs, man pages or translations (as in the official debian:*-slim).
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
path-exclude /usr/share/man/*
EOF
  printf 'force-unsafe-io\n' > "$root/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
  cat > "$root/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
  printf 'Apt::AutoRemove::SuggestsImportant "false";\n' > "$root/etc/apt/apt.conf.d/docker-autoremove-suggests"
  printf 'Acquire::GzipIndexes "true";\n' > "$root/etc/apt/apt.conf.d/docker-gzip-indexes"
  printf 'Acquire::Languages "none";\n' > "$root/etc/apt/apt.conf.d/docker-no-languages"

  rm -f "$root/etc/apt/sources.list"
  cat > "$root/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $MIRROR
Suites: $SUITE $SUITE-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $SECURITY_MIRROR
Suites: $SUITE-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF

  # What dpkg would not have installed under the excludes above.
  find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
  rm -rf "$root"/usr/share/{groff,info,linda,man}/* "$root"/usr/share/lintian/overrides/* 2>/dev/null || true
  find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} + 2>/dev/null || true

  # Caches, lists, logs and host leftovers.
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin \
         "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/archives/partial/* \
         "$root"/var/cache/debconf/*-old "$root"/var/lib/dpkg/*-old \
         "$root"/var/log/apt/* "$root"/var/log/*.log "$root"/tmp/* "$root"/var/tmp/* \
         "$root"/root/.bash_history 2>/dev/null || true
  mkdir -p "$root/var/lib/apt/lists/partial"
  : > "$root/etc/resolv.conf"
  rm -f "$root/etc/hostname"
  [ -f "$root/etc/machine-id" ] && : > "$root/etc/machine-id"
  return 0
}

debian_tarball() {
  local tarball="$CACHE/debian-$SUITE-slim-rootfs.tar"
  if [ -s "$tarball" ]; then
    printf '%s' "$tarball"
    return 0
  fi
  [ "$(id -u)" = 0 ] || die "debootstrap needs root"
  apt_install debootstrap debian-archive-keyring
  local root="$work/debian-root" debs="$CACHE/debootstrap-debs"
  mkdir -p "$debs"
  say "debootstrap --variant=minbase $SUITE from $MIRROR (takes a few minutes)"
  if ! debootstrap --variant=minbase --cache-dir="$debs" \
        --keyring=/usr/share/keyrings/debian-archive-keyring.gpg \
        "$SUITE" "$root" "$MIRROR" > "$work/debootstrap.log" 2>&1; then
    tail -n 15 "$work/debootstrap.log" >&2 || true
    die "debootstrap of $SUITE from $MIRROR failed (log above)"
  fi
  slimify_debian "$root"
  tar --numeric-owner --xattrs -C "$root" -cf "$tarball.tmp" . || die "cannot write $tarball"
  mv -f "$tarball.tmp" "$tarball"
  printf '%s' "$tarball"
}

make_debian() {
  local tags=(debian:bookworm-slim debian:bookworm)
  if exists "${tags[0]}"; then
    tag_missing "${tags[@]}"
    report "${tags[0]}" exists "${tags[@]:1}"
    return 0
  fi
  local tarball
  tarball=$(debian_tarball)
  say "importing ${tags[0]} from $tarball"
  docker import --change 'CMD ["bash"]' --change "ENV PATH=$DEFAULT_PATH" \
      --message "stagecraft base-images.sh: debootstrap --variant=minbase $SUITE (slim)" \
      "$tarball" "${tags[0]}" >/dev/null \
    || die "docker import of ${tags[0]} failed (tarball $tarball; delete it to rebuild)"
  tag_missing "${tags[@]}"
  report "${tags[0]}" created "${tags[@]:1}"
}

# ---- language stand-ins ---------------------------------------------------------------------
# Each stand-in is built from a recipe directory (Dockerfile + small files) written by make_<set>. The
# sha256 of that recipe is stored in the image as the label org.stagecraft.recipe: an image whose label
# differs (an older script made it) is rebuilt and its tags moved, so a machine handed over with old
# stand-ins gets the current ones; an image with the current label is left alone (idempotent).
# Built with BuildKit on the engine's own (docker driver) builder, so the result lands in the image
# store whatever builder is current. The build log is kept in $work; a failure prints its tail.

RECIPE_LABEL=org.stagecraft.recipe

# recipe_hash DIR: the recipe's fingerprint (every file of DIR except large copied binaries, which
# the Dockerfile names by version).
recipe_hash() {
  (cd "$1" && find . -type f -size -1000k -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
}

# base_recipe TAG: the recipe fingerprint of a stand-in another one builds on (the same on every
# image store, unlike the image id).
base_recipe() {
  docker image inspect --format "{{index .Config.Labels \"$RECIPE_LABEL\"}}" "$1"
}

# current TAG HASH: the image TAG exists and was built from the recipe HASH.
current() {
  [ "$(docker image inspect --format "{{index .Config.Labels \"$RECIPE_LABEL\"}}" "$1" 2>/dev/null)" = "$2" ]
}

# Point every alias at PRIMARY (aliases left by an older recipe are moved).
tag_all() {
  local primary=$1 id t
  shift
  id=$(docker image inspect --format '{{.Id}}' "$primary")
  for t in "$@"; do
    [ "$(docker image inspect --format '{{.Id}}' "$t" 2>/dev/null)" = "$id" ] || docker tag "$primary" "$t"
  done
}

build_standin() {
  local dir=$1 tag=$2 hash=$3
  local log="$work/build-${tag//[^a-zA-Z0-9.-]/_}.log"
  if ! docker buildx build --builder default --load --provenance=false --progress=plain \
        --label "$RECIPE_LABEL=$hash" -t "$tag" "$dir" > "$log" 2>&1; then
    tail -n 15 "$log" >&2 || true
    die "docker build of the $tag stand-in failed (log above)"
  fi
}

# standin DIR TAG... : build DIR as TAG (then tag the aliases) unless TAG is current; report it.
# A function prepare_<dir name> (optional) copies large inputs into DIR only when a build is needed.
standin() {
  local dir=$1 primary=$2 hash
  shift 2
  hash=$(recipe_hash "$dir")
  if current "$primary" "$hash"; then
    tag_all "$primary" "$@"
    report "$primary" exists "$@"
    return 0
  fi
  local prep
  prep="prepare_$(basename "$dir")"
  if declare -F "$prep" >/dev/null; then "$prep" "$dir"; fi
  say "building $primary (recipe $hash)"
  build_standin "$dir" "$primary" "$hash"
  tag_all "$primary" "$@"
  report "$primary" created "$@"
}

# The stand-ins build FROM debian:bookworm-slim: create it first when it is missing.
need_debian() {
  exists debian:bookworm-slim || make_debian
}

# standin_dockerfile DIR DESCRIPTION [FROM]: start DIR/Dockerfile with the stand-in label.
standin_dockerfile() {
  mkdir -p "$1"
  printf 'FROM %s\nLABEL org.stagecraft.stand-in="%s"\n' "${3:-debian:bookworm-slim}" "$2" > "$1/Dockerfile"
}

# What the official images carry that the audit reads (toolchains, headers, package databases, users),
# and what each stand-in still lacks, is listed per image below and in the README ("Stand-in base images").

# host_node: find the host's Node 20 and npm (sets node_bin, node_version, npm_root, npm_version), or
# say why not in node_problem and return 1.
host_node() {
  node_problem=
  node_bin=$(command -v node 2>/dev/null) || { node_problem="the node stand-in copies the host's Node 20, and node is not installed here"; return 1; }
  node_bin=$(readlink -f "$node_bin")
  node_version=$("$node_bin" --version 2>/dev/null) || { node_problem="$node_bin --version failed"; return 1; }
  case "$node_version" in
    v20.*) ;;
    *) node_problem="the host's node is $node_version; the node:20 stand-in needs Node 20"; return 1 ;;
  esac
  npm_root=$(npm root -g 2>/dev/null) || { node_problem="npm root -g failed; the node stand-in copies the host's npm package"; return 1; }
  [ -f "$npm_root/npm/bin/npm-cli.js" ] || { node_problem="no npm package at $npm_root/npm (npm root -g)"; return 1; }
  npm_version=$(node "$npm_root/npm/bin/npm-cli.js" --version 2>/dev/null)
}

prepare_node-slim() {
  cp "$node_bin" "$1/node"
  cp -a "$npm_root/npm" "$1/npm"
}

# node:20-slim (= node:20-bookworm-slim): debian:bookworm-slim + node in /usr/local, user node (1000).
#   Differences: node and npm are the host's builds (same major); no yarn, no corepack.
# node:20 (= node:20-bookworm): the official image is buildpack-deps:bookworm + the same node, so it
#   carries gcc, g++, make, binutils, libc6-dev and other -dev packages, dpkg-dev, autotools, git and
#   python3, all in the dpkg database. The stand-in installs those on node:20-bookworm-slim.
#   Differences: a subset of buildpack-deps' -dev libraries (libssl, zlib, libffi, libbz2, liblzma,
#   libsqlite3, libreadline, libncurses, libyaml, libxml2 are there; imagemagick, libpq, libmysqlclient,
#   libglib, libkrb5, mercurial and subversion are not), and node's layer lies below the toolchain's.
make_node() {
  local slim=(node:20-bookworm-slim node:20-slim) full=(node:20-bookworm node:20)
  if ! host_node; then
    # Without a host Node 20 the recipe cannot be checked: keep existing stand-ins, else stop.
    if exists "${slim[0]}" && exists "${full[0]}"; then
      say "warning: $node_problem; keeping the existing node stand-ins"
      report "${slim[0]}" exists "${slim[@]:1}"
      report "${full[0]}" exists "${full[@]:1}"
      return 0
    fi
    die "$node_problem"
  fi
  need_debian
  local dir="$work/node-slim"
  standin_dockerfile "$dir" "node:20-bookworm-slim: the host's node $node_version and npm $npm_version on debian:bookworm-slim"
  cat >> "$dir/Dockerfile" <<DOCKERFILE
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \\
 && node --version && npm --version
ENV NODE_VERSION=${node_version#v}
CMD ["node"]
DOCKERFILE
  standin "$dir" "${slim[@]}"

  dir="$work/node-full"
  standin_dockerfile "$dir" "node:20-bookworm: node:20-bookworm-slim + the buildpack-deps:bookworm toolchain (gcc, g++, make, libc6-dev, python3, -dev libraries)" node:20-bookworm-slim
  # The slim stand-in's recipe is part of this one: a new slim image rebuilds the full one. (Its
  # recipe label, not its image id: ids differ between the containerd and the classic store.)
  printf '# slim: %s\n' "$(base_recipe "${slim[0]}")" >> "$dir/Dockerfile"
  cat >> "$dir/Dockerfile" <<'DOCKERFILE'
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates curl wget gnupg netbase git openssh-client procps \
      autoconf automake bzip2 dpkg-dev file g++ gcc libtool make patch unzip xz-utils pkg-config \
      libc6-dev libbz2-dev libffi-dev liblzma-dev libncurses-dev libreadline-dev libsqlite3-dev \
      libssl-dev libxml2-dev libyaml-dev zlib1g-dev python3 \
 && rm -rf /var/lib/apt/lists/* \
 && gcc --version && make --version && python3 --version
DOCKERFILE
  standin "$dir" "${full[@]}"
}

# golang:1.19 (= golang:1.19-bookworm): the official image is buildpack-deps:bookworm-scm + gcc,
#   libc6-dev, make, pkg-config and the Go toolchain in /usr/local/go (GOPATH=/go, WORKDIR /go).
#   The stand-in copies Debian's Go 1.19 tree (golang-1.19-go, dereferenced) to /usr/local/go.
#   Differences: Go 1.19 from Debian (the go packages are not in the dpkg database, as officially);
#   no git/ssh/subversion (buildpack-deps:scm).
make_golang() {
  local tags=(golang:1.19-bookworm golang:1.19) dir="$work/golang"
  need_debian
  mkdir -p "$dir"
  cat > "$dir/Dockerfile" <<DOCKERFILE
FROM debian:bookworm-slim AS go
RUN apt-get update \\
 && apt-get install -y --no-install-recommends golang-go \\
 && cp -a --dereference "\$(dirname "\$(dirname "\$(readlink -f /usr/bin/go)")")" /usr/local/go \\
 && rm -rf /var/lib/apt/lists/*

FROM debian:bookworm-slim
LABEL org.stagecraft.stand-in="golang:1.19-bookworm: Debian's Go 1.19 in /usr/local/go with gcc, libc6-dev, make and pkg-config (for cgo) on debian:bookworm-slim"
RUN apt-get update \\
 && apt-get install -y --no-install-recommends gcc libc6-dev make pkg-config ca-certificates netbase \\
 && rm -rf /var/lib/apt/lists/*
COPY --from=go /usr/local/go /usr/local/go
ENV GOPATH=/go
ENV PATH=/go/bin:/usr/local/go/bin:$DEFAULT_PATH
RUN mkdir -p /go/src /go/bin && chmod -R 1777 /go && go version && go env GOROOT
WORKDIR /go
DOCKERFILE
  standin "$dir" "${tags[@]}"
}

# python:3.11-slim (= python:3.11-slim-bookworm): the official image is CPython built into /usr/local:
#   /usr/local/bin/python3.11 (python3, python links), pip, /usr/local/include/python3.11/Python.h and
#   /usr/local/bin/python3-config, no compiler; dpkg lists only Debian's runtime libraries.
#   The stand-in runs Debian's python3.11 (+ pip, venv) and lays out /usr/local the same way: links
#   python3.11/python3/python/pip in /usr/local/bin, the headers of libpython3.11-dev copied to
#   /usr/local/include/python3.11 and python3.11-config to /usr/local/bin (python3-config -> it).
#   Differences: the interpreter and stdlib live in /usr/bin and /usr/lib/python3.11 and the dpkg
#   database lists python3.11 and python3-pip (runtime packages; no -dev package is recorded).
make_python() {
  local tags=(python:3.11-slim-bookworm python:3.11-slim) dir="$work/python"
  need_debian
  mkdir -p "$dir"
  cat > "$dir/Dockerfile" <<DOCKERFILE
FROM debian:bookworm-slim AS dev
RUN apt-get update \\
 && apt-get install -y --no-install-recommends libpython3.11-dev python3.11-dev \\
 && mkdir -p /out/include /out/bin \\
 && cp -a --dereference /usr/include/python3.11 /out/include/python3.11 \\
 && cp /usr/include/x86_64-linux-gnu/python3.11/pyconfig.h /out/include/python3.11/pyconfig.h 2>/dev/null || true \\
 && cp --dereference /usr/bin/python3.11-config /out/bin/python3.11-config

FROM debian:bookworm-slim
LABEL org.stagecraft.stand-in="python:3.11-slim-bookworm: Debian's python3.11, pip and venv laid out in /usr/local like the official image, on debian:bookworm-slim"
RUN apt-get update \\
 && apt-get install -y --no-install-recommends python3 python3-pip python3-venv python-is-python3 ca-certificates netbase tzdata \\
 && rm -rf /var/lib/apt/lists/* \\
 && rm -f /usr/lib/python3*/EXTERNALLY-MANAGED \\
 && ln -s /usr/bin/python3.11 /usr/local/bin/python3.11 \\
 && ln -s python3.11 /usr/local/bin/python3 \\
 && ln -s python3 /usr/local/bin/python \\
 && ln -s /usr/bin/pip3 /usr/local/bin/pip3 \\
 && ln -s pip3 /usr/local/bin/pip \\
 && python --version && pip --version
COPY --from=dev /out/include/ /usr/local/include/
COPY --from=dev /out/bin/python3.11-config /usr/local/bin/python3.11-config
RUN ln -s python3.11-config /usr/local/bin/python3-config
ENV LANG=C.UTF-8
CMD ["python3"]
DOCKERFILE
  standin "$dir" "${tags[@]}"
}

# nginx:bookworm: Debian's nginx (1.22) laid out like the official image: /etc/nginx/conf.d/default.conf
#   serving /usr/share/nginx/html on port 80, `user nginx;` (101:101) in nginx.conf, no USER (the master
#   process runs as root, as officially), logs to stdout/stderr, curl and envsubst present.
#   Differences: nginx.org's single `nginx` package is Debian's nginx + nginx-common here; no njs module.
make_nginx() {
  local tags=(nginx:bookworm nginx:latest) dir="$work/nginx"
  need_debian
  standin_dockerfile "$dir" "nginx:bookworm: Debian's nginx on debian:bookworm-slim, laid out like the official image"
  mkdir -p "$dir/html"
  cat > "$dir/default.conf" <<'CONF'
server {
    listen 80;
    listen [::]:80;
    server_name localhost;

    location / {
        root /usr/share/nginx/html;
        index index.html index.htm;
    }

    error_page 500 502 503 504 /50x.html;
    location = /50x.html {
        root /usr/share/nginx/html;
    }
}
CONF
  printf '<!doctype html>\n<title>nginx stand-in</title>\n<p>nginx (stagecraft stand-in for nginx:bookworm) is serving this page.</p>\n' > "$dir/html/index.html"
  printf '<!doctype html>\n<title>Error</title>\n<p>An error occurred.</p>\n' > "$dir/html/50x.html"
  cat >> "$dir/Dockerfile" <<DOCKERFILE
RUN apt-get update \\
 && apt-get install -y --no-install-recommends nginx gettext-base curl ca-certificates \\
 && rm -rf /var/lib/apt/lists/* \\
 && groupadd --system --gid 101 nginx \\
 && useradd --system --uid 101 --gid nginx --no-create-home --home-dir /nonexistent --shell /bin/false nginx \\
 && sed -i 's/^user www-data;/user nginx;/' /etc/nginx/nginx.conf \\
 && rm -f /etc/nginx/sites-enabled/default \\
 && ln -sf /dev/stdout /var/log/nginx/access.log \\
 && ln -sf /dev/stderr /var/log/nginx/error.log \\
 && nginx -v
COPY default.conf /etc/nginx/conf.d/default.conf
COPY html/ /usr/share/nginx/html/
EXPOSE 80
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
DOCKERFILE
  standin "$dir" "${tags[@]}"
}

# Distroless-like images (gcr.io/distroless/*-debian12): no shell, no package manager; /etc/passwd with
#   root (0), nobody (65534) and nonroot (65532); the package database as /var/lib/dpkg/status.d/<pkg>
#   stanzas (no status file); :latest runs as root, :nonroot as 65532:65532 with WORKDIR /home/nonroot.
#   static-debian12: base-files, netbase, tzdata, ca-certificates. nodejs20-debian12: static + the glibc,
#   libgcc, libstdc++ and libssl node needs + /nodejs/bin/node, ENTRYPOINT ["/nodejs/bin/node"].
#   Differences: files and stanzas are taken from Debian bookworm packages in debian:bookworm-slim
#   (distroless builds them from the same .debs); node is the node:20-slim stand-in's binary; no
#   os-release from distroless (Debian's), no /etc/nsswitch.conf tweaks.
make_distroless() {
  local dir="$work/distroless-static"
  need_debian
  mkdir -p "$dir"
  cat > "$dir/rootfs.sh" <<'ROOTFS'
#!/bin/sh
# Assemble a distroless-like rootfs in /out from the installed packages named as arguments.
set -eu
mkdir -p /out/etc /out/var/lib/dpkg/status.d /out/tmp /out/root /out/home/nonroot /out/etc/ssl/certs /out/usr/share
chmod 1777 /out/tmp
chmod 0700 /out/root
chown 65532:65532 /out/home/nonroot
cat > /out/etc/passwd <<EOF
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
EOF
printf 'root:x:0:\nnobody:x:65534:\ntty:x:5:\nstaff:x:50:\nnonroot:x:65532:\n' > /out/etc/group
# Debian 12's merged /usr: the top-level lib, lib64, bin and sbin are links into /usr.
mkdir -p /out/usr/lib /out/usr/lib64 /out/usr/bin /out/usr/sbin
for d in lib lib64 bin sbin; do ln -s "usr/$d" "/out/$d"; done
for p in "$@"; do
  dpkg-query -s "$p" | grep -v '^Status:' > "/out/var/lib/dpkg/status.d/$p"
  dpkg-query -L "$p" | while read -r f; do
    case "$f" in /usr/share/doc/*|/usr/share/man/*|/usr/share/lintian/*|/usr/sbin/*|/usr/bin/*|/bin/*|/sbin/*) continue ;; esac
    [ -d "$f" ] && continue
    [ -f "$f" ] || [ -L "$f" ] || continue
    # The file's real directory (through the merged-/usr links), so nothing lands beside a link.
    dir=$(readlink -f "$(dirname "$f")")
    mkdir -p "/out$dir" && cp -a "$f" "/out$dir/"
  done
done
cp /etc/ssl/certs/ca-certificates.crt /out/etc/ssl/certs/ca-certificates.crt
cp /etc/os-release /out/etc/os-release 2>/dev/null || cp /usr/lib/os-release /out/etc/os-release
ROOTFS
  cat > "$dir/Dockerfile" <<'DOCKERFILE'
FROM debian:bookworm-slim AS rootfs
COPY rootfs.sh /rootfs.sh
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates netbase tzdata \
 && sh /rootfs.sh base-files netbase tzdata ca-certificates

FROM scratch
LABEL org.stagecraft.stand-in="gcr.io/distroless/static-debian12: distroless-like rootfs from Debian bookworm packages"
COPY --from=rootfs /out/ /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
DOCKERFILE
  standin "$dir" gcr.io/distroless/static-debian12:latest gcr.io/distroless/static-debian12 gcr.io/distroless/static:latest

  local nr="$work/distroless-static-nonroot"
  mkdir -p "$nr"
  printf 'FROM gcr.io/distroless/static-debian12:latest\n# base: %s\nUSER 65532:65532\nWORKDIR /home/nonroot\n' \
    "$(base_recipe gcr.io/distroless/static-debian12:latest)" > "$nr/Dockerfile"
  standin "$nr" gcr.io/distroless/static-debian12:nonroot gcr.io/distroless/static:nonroot

  local nd="$work/distroless-nodejs"
  mkdir -p "$nd"
  cp "$dir/rootfs.sh" "$nd/rootfs.sh"
  cat > "$nd/Dockerfile" <<DOCKERFILE
# node: $(base_recipe node:20-bookworm-slim)
FROM debian:bookworm-slim AS rootfs
COPY rootfs.sh /rootfs.sh
RUN apt-get update \\
 && apt-get install -y --no-install-recommends ca-certificates netbase tzdata libssl3 libstdc++6 \\
 && sh /rootfs.sh base-files netbase tzdata ca-certificates libc6 libgcc-s1 libstdc++6 libssl3 zlib1g
COPY --from=node:20-bookworm-slim /usr/local/bin/node /out/nodejs/bin/node

FROM scratch AS latest
LABEL org.stagecraft.stand-in="gcr.io/distroless/nodejs20-debian12: distroless-like rootfs from Debian bookworm packages + the node:20-slim stand-in's node"
COPY --from=rootfs /out/ /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
ENTRYPOINT ["/nodejs/bin/node"]
DOCKERFILE
  exists node:20-bookworm-slim || make_node
  standin "$nd" gcr.io/distroless/nodejs20-debian12:latest gcr.io/distroless/nodejs20-debian12
  local ndn="$work/distroless-nodejs-nonroot"
  mkdir -p "$ndn"
  printf 'FROM gcr.io/distroless/nodejs20-debian12:latest\n# base: %s\nUSER 65532:65532\nWORKDIR /home/nonroot\n' \
    "$(base_recipe gcr.io/distroless/nodejs20-debian12:latest)" > "$ndn/Dockerfile"
  standin "$ndn" gcr.io/distroless/nodejs20-debian12:nonroot
}

[ "${want[busybox]:-0}" = 1 ] && make_busybox
[ "${want[debian]:-0}" = 1 ] && make_debian
[ "${want[node]:-0}" = 1 ] && make_node
[ "${want[golang]:-0}" = 1 ] && make_golang
[ "${want[python]:-0}" = 1 ] && make_python
[ "${want[nginx]:-0}" = 1 ] && make_nginx
[ "${want[distroless]:-0}" = 1 ] && make_distroless
exit 0
