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
# Stand-ins for the official language images the examples/ build FROM. They are NOT the official
# images: each is debian:bookworm-slim plus what the official image is for, installed offline (from
# the host or from Debian's apt mirror inside a docker build), under the official tag so the
# examples' Dockerfiles read the way our users write them. The label org.stagecraft.stand-in says so.
#   node      -> node:20-bookworm-slim, node:20
#                the host's Node 20 binary and npm package (command -v node, npm root -g) copied in,
#                /usr/local/bin/{node,npm,npx}, user node (1000:1000), CMD ["node"]. No yarn, no corepack.
#   golang    -> golang:1.19-bookworm, golang:1.19
#                Debian's golang-go (Go 1.19) with gcc, libc6-dev, make and pkg-config for cgo, as in the
#                official image (which also has git: without a reachable VCS it is left out here);
#                GOPATH=/go, WORKDIR /go.
#   python    -> python:3.11-slim-bookworm, python:3.11-slim
#                Debian's python3 (3.11), python3-pip, python3-venv, python-is-python3; the PEP 668
#                EXTERNALLY-MANAGED marker removed, so `pip install --user` works as in the official image.
#   nginx     -> nginx:bookworm
#                Debian's nginx (1.22) laid out like the official image: /etc/nginx/conf.d/default.conf
#                serving /usr/share/nginx/html on port 80, user nginx (101:101), logs to stdout/stderr,
#                curl and envsubst (gettext-base) present, CMD ["nginx", "-g", "daemon off;"].
#   Each needs debian:bookworm-slim, and creates it first when it is missing.
#
# Usage: bash scripts/base-images.sh [busybox] [debian] [node] [golang] [python] [nginx]   (no argument: all)
#
# Idempotent: an image tag that already exists (`docker image inspect TAG` succeeds) is left alone.
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
  printf 'usage: %s [busybox] [debian] [node] [golang] [python] [nginx]   (no argument: all)\n' "$(basename "$0")" >&2
  exit 2
}

# ---- arguments ------------------------------------------------------------------------------
SETS=(busybox debian node golang python nginx)
declare -A want=()
if [ $# -eq 0 ]; then
  for s in "${SETS[@]}"; do want[$s]=1; done
fi
for arg in "$@"; do
  case "$arg" in
    busybox|debian|node|golang|python|nginx) want[$arg]=1 ;;
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
# Built with BuildKit on the engine's own (docker driver) builder, so the result lands in the image
# store whatever builder is current. The build log is kept in $work; a failure prints its tail.
build_standin() {
  local dir=$1 tag=$2
  local log="$work/build-${tag//[^a-zA-Z0-9.-]/_}.log"
  if ! docker buildx build --builder default --load --provenance=false --progress=plain -t "$tag" "$dir" > "$log" 2>&1; then
    tail -n 15 "$log" >&2 || true
    die "docker build of the $tag stand-in failed (log above)"
  fi
}

# The stand-ins build FROM debian:bookworm-slim: create it first when it is missing.
need_debian() {
  exists debian:bookworm-slim || make_debian
}

# standin_dockerfile DIR DESCRIPTION: start DIR/Dockerfile FROM debian:bookworm-slim with the label.
standin_dockerfile() {
  mkdir -p "$1"
  printf 'FROM debian:bookworm-slim\nLABEL org.stagecraft.stand-in="%s"\n' "$2" > "$1/Dockerfile"
}

make_node() {
  local tags=(node:20-bookworm-slim node:20)
  if exists "${tags[0]}"; then
    tag_missing "${tags[@]}"
    report "${tags[0]}" exists "${tags[@]:1}"
    return 0
  fi
  local node_bin npm_root version dir="$work/node"
  node_bin=$(command -v node 2>/dev/null) || die "the node stand-in copies the host's Node 20, and node is not installed here"
  node_bin=$(readlink -f "$node_bin")
  version=$("$node_bin" --version 2>/dev/null) || die "$node_bin --version failed"
  case "$version" in
    v20.*) ;;
    *) die "the host's node is $version; the node:20 stand-in needs Node 20" ;;
  esac
  npm_root=$(npm root -g 2>/dev/null) || die "npm root -g failed; the node stand-in copies the host's npm package"
  [ -f "$npm_root/npm/bin/npm-cli.js" ] || die "no npm package at $npm_root/npm (npm root -g)"
  need_debian
  standin_dockerfile "$dir" "node:20-bookworm-slim: the host's node $version and npm $(node "$npm_root/npm/bin/npm-cli.js" --version 2>/dev/null) on debian:bookworm-slim"
  cp "$node_bin" "$dir/node"
  cp -a "$npm_root/npm" "$dir/npm"
  cat >> "$dir/Dockerfile" <<DOCKERFILE
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \\
 && node --version && npm --version
ENV NODE_VERSION=${version#v}
CMD ["node"]
DOCKERFILE
  say "building ${tags[0]} from the host's node $version"
  build_standin "$dir" "${tags[0]}"
  tag_missing "${tags[@]}"
  report "${tags[0]}" created "${tags[@]:1}"
}

make_golang() {
  local tags=(golang:1.19-bookworm golang:1.19) dir="$work/golang"
  if exists "${tags[0]}"; then
    tag_missing "${tags[@]}"
    report "${tags[0]}" exists "${tags[@]:1}"
    return 0
  fi
  need_debian
  standin_dockerfile "$dir" "golang:1.19-bookworm: Debian's golang-go with gcc, libc6-dev, make and pkg-config (for cgo) on debian:bookworm-slim"
  cat >> "$dir/Dockerfile" <<DOCKERFILE
RUN apt-get update \\
 && apt-get install -y --no-install-recommends golang-go gcc libc6-dev make pkg-config ca-certificates \\
 && rm -rf /var/lib/apt/lists/* \\
 && mkdir -p /go/src /go/bin && chmod -R 1777 /go \\
 && go version
ENV GOPATH=/go
ENV PATH=/go/bin:/usr/lib/go/bin:$DEFAULT_PATH
WORKDIR /go
DOCKERFILE
  say "building ${tags[0]} (golang-go from $MIRROR)"
  build_standin "$dir" "${tags[0]}"
  tag_missing "${tags[@]}"
  report "${tags[0]}" created "${tags[@]:1}"
}

make_python() {
  local tags=(python:3.11-slim-bookworm python:3.11-slim) dir="$work/python"
  if exists "${tags[0]}"; then
    tag_missing "${tags[@]}"
    report "${tags[0]}" exists "${tags[@]:1}"
    return 0
  fi
  need_debian
  standin_dockerfile "$dir" "python:3.11-slim-bookworm: Debian's python3, python3-pip and python3-venv on debian:bookworm-slim"
  # The official image's python lives in /usr/local and has no PEP 668 marker: pip install --user works.
  cat >> "$dir/Dockerfile" <<DOCKERFILE
RUN apt-get update \\
 && apt-get install -y --no-install-recommends python3 python3-pip python3-venv python-is-python3 ca-certificates \\
 && rm -rf /var/lib/apt/lists/* \\
 && rm -f /usr/lib/python3*/EXTERNALLY-MANAGED \\
 && python --version && pip --version
ENV LANG=C.UTF-8
CMD ["python3"]
DOCKERFILE
  say "building ${tags[0]} (python3 from $MIRROR)"
  build_standin "$dir" "${tags[0]}"
  tag_missing "${tags[@]}"
  report "${tags[0]}" created "${tags[@]:1}"
}

make_nginx() {
  local tags=(nginx:bookworm) dir="$work/nginx"
  if exists "${tags[0]}"; then
    report "${tags[0]}" exists
    return 0
  fi
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
  say "building ${tags[0]} (nginx from $MIRROR)"
  build_standin "$dir" "${tags[0]}"
  report "${tags[0]}" created
}

[ "${want[busybox]:-0}" = 1 ] && make_busybox
[ "${want[debian]:-0}" = 1 ] && make_debian
[ "${want[node]:-0}" = 1 ] && make_node
[ "${want[golang]:-0}" = 1 ] && make_golang
[ "${want[python]:-0}" = 1 ] && make_python
[ "${want[nginx]:-0}" = 1 ] && make_nginx
exit 0
