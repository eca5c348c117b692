#!/usr/bin/env bash
# Prepare what running and testing `university_supervision` needs. Sourced by
# serve.sh, test.sh and bench.sh; `bash scripts/setup.sh` runs it alone.
# Idempotent: a second run installs nothing and takes a few seconds.
#
#  1. apt-get installs missing system packages (PostgreSQL, wkhtmltopdf, CJK
#     fonts, poppler-utils, chromium, rsync).
#  2. Finds Odoo 18: (a) $ODOO_PYTHON, else python3 (or another 3.10-3.13)
#     that imports Odoo 18; (b) else the source tree $ODOO_SRC; (c) else
#     Odoo's official 18.0 source archive, downloaded. Builds the venv from it
#     and installs the pinned tools of requirements-dev.txt.
#  3. Starts PostgreSQL and creates a superuser role for the current user.
#  4. Copies the addon (files git does not ignore) into the build folder and
#     writes odoo.conf there.
#
# Nothing is written into the checkout: everything lives in
#   STATE_DIR = ${XDG_CACHE_HOME:-~/.cache}/university_supervision/<checkout hash>/
#     venv/  the virtualenv (its .us-* files say how it was made)
#     build/ addons/university_supervision (the copy Odoo loads), odoo.conf,
#            logs/, data/ (filestore)
# US_CACHE_DIR moves the whole cache (also the downloaded Odoo source).
# Exports: ROOT_DIR ADDON_NAME ADDON_DIR ADDONS_PATH PY ODOO_BIN ODOO_CONF
#          STATE_DIR BUILD_DIR LOG_DIR
# Knobs: ODOO_PYTHON, ODOO_SRC, SKIP_APT=1 (never call apt-get),
#        ODOO_HTTP_PORT (default 8069; also the port of the tours' server)
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
ADDON_NAME="university_supervision"
US_CACHE_DIR="${US_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/university_supervision}"
STATE_DIR="$US_CACHE_DIR/$(printf '%s' "$ROOT_DIR" | sha256sum | cut -c1-12)"
VENV_DIR="$STATE_DIR/venv"
BUILD_DIR="$STATE_DIR/build"
LOG_DIR="$BUILD_DIR/logs"
ODOO_CONF="$BUILD_DIR/odoo.conf"
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1

us_log() { printf '[setup] %s\n' "$*" >&2; }
us_die() {
    printf '\n[setup] ERROR: %s\n\n' "$*" >&2
    exit 1
}
case "$STATE_DIR/" in
"$ROOT_DIR"/*) us_die "the cache $STATE_DIR is inside the checkout; set US_CACHE_DIR elsewhere." ;;
esac
mkdir -p "$LOG_DIR"
printf '%s\n' "$ROOT_DIR" >"$STATE_DIR/checkout"

us_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        us_die "need root (or sudo) to run: $*"
    fi
}
us_as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && sudo -n -u postgres "$@")
    fi
}
us_sha() { sha256sum | cut -c1-16; }

# ------------------------------------------------------------ 1. packages
US_APT_UPDATED=0
us_apt_install() { # us_apt_install [--optional] pkg...
    local optional=0 missing=() p
    [ "${1:-}" = "--optional" ] && optional=1 && shift
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' && continue
        grep -qx "$p" "$STATE_DIR/apt-unavailable" 2>/dev/null && continue
        missing+=("$p")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    if [ "${SKIP_APT:-0}" = 1 ] || ! command -v apt-get >/dev/null 2>&1; then
        us_log "WARNING: missing system packages (SKIP_APT=1 or no apt-get): ${missing[*]}"
        return 0
    fi
    if [ "$US_APT_UPDATED" = 0 ]; then
        us_as_root apt-get update -qq >"$LOG_DIR/apt.log" 2>&1 || true
        US_APT_UPDATED=1
    fi
    for p in "${missing[@]}"; do
        us_log "apt-get install $p"
        us_as_root apt-get install -y -qq --no-install-recommends "$p" >>"$LOG_DIR/apt.log" 2>&1 && continue
        [ "$optional" = 1 ] || us_die "apt-get install $p failed; see $LOG_DIR/apt.log"
        # e.g. wkhtmltopdf is gone from Debian 13, chromium is a snap on Ubuntu
        us_log "WARNING: optional package $p is not available (not retried)"
        echo "$p" >>"$STATE_DIR/apt-unavailable"
    done
}
us_apt_install postgresql postgresql-client poppler-utils fonts-noto-cjk rsync
us_apt_install --optional wkhtmltopdf
command -v chromium >/dev/null || command -v google-chrome >/dev/null || us_apt_install --optional chromium

# ------------------------------------------------------------ 2. Odoo + venv
# us_odoo_probe PY: succeeds if PY imports Odoo 18; prints the interpreter to
# build the venv from and, when PY is itself a virtualenv, its site dirs.
us_odoo_probe() {
    "$1" - <<'EOF' 2>/dev/null
import os, site, sys
import odoo.release as r
assert r.version_info[0] == 18 and r.version_info[5] == ""  # Community 18
if sys.prefix == sys.base_prefix:
    print(os.path.realpath(sys.executable)); print("")
else:  # a virtualenv: ours is built from its base, and sees its site dirs
    print(os.path.realpath(getattr(sys, "_base_executable", sys.executable)))
    print(os.pathsep.join(p for p in site.getsitepackages() if os.path.isdir(p)))
EOF
}
if [ -n "${ODOO_PYTHON:-}" ]; then
    US_CANDIDATES=("$ODOO_PYTHON")
else
    US_CANDIDATES=(python3 python3.12 python3.11 python3.10 python3.13)
fi

# us_make_venv BASE SSP(0|1) [EXTRA_SITE_DIRS]: (re)create the venv unless it
# was made the same way; a new venv starts without any stamp.
us_make_venv() {
    local want="$1 ssp=$2 extra=${3:-}" ver
    if "$VENV_DIR/bin/python" -c '' 2>/dev/null && [ "$(cat "$VENV_DIR/.us-base" 2>/dev/null)" = "$want" ]; then
        return 0
    fi
    if ! "$1" -c 'import venv, ensurepip' 2>/dev/null; then
        ver="$("$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
        us_apt_install python3-venv "python$ver-venv"
    fi
    us_log "creating $VENV_DIR from $1"
    rm -rf "$VENV_DIR"
    if [ "$2" = 1 ]; then "$1" -m venv --system-site-packages "$VENV_DIR"; else "$1" -m venv "$VENV_DIR"; fi
    if [ -n "${3:-}" ]; then
        tr ':' '\n' <<<"$3" >"$("$VENV_DIR/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/_us_odoo_site.pth"
    fi
    printf '%s\n' "$want" >"$VENV_DIR/.us-base"
}
us_pip() { "$VENV_DIR/bin/python" -m pip "$@"; }

# (b) install Odoo from a source tree into the venv
us_install_odoo_from_src() {
    local src c base="" key
    src="$(cd "$1" && pwd -P)"
    [ -f "$src/setup.py" ] && [ -f "$src/requirements.txt" ] && grep -q "^version_info = (18, 0" "$src/odoo/release.py" ||
        us_die "$src is not an Odoo 18 source tree."
    for c in "${US_CANDIDATES[@]}"; do
        base="$("$c" -c 'import os, sys; assert (3, 10) <= sys.version_info[:2] < (3, 14)
print(os.path.realpath(getattr(sys, "_base_executable", sys.executable)))' 2>/dev/null)" && break
    done
    [ -n "$base" ] || us_die "no Python 3.10-3.13 found to install Odoo 18 with (set ODOO_PYTHON)."
    us_make_venv "$base" 0
    key="$(cat "$src/requirements.txt" <(echo "$src")| us_sha)"
    [ "$(cat "$VENV_DIR/.us-odoo-stamp" 2>/dev/null)" = "$key" ] && us_odoo_probe "$PY" >/dev/null && return 0
    us_apt_install build-essential libpq-dev python3-dev
    us_log "installing Odoo from $src into the venv (a few minutes; log: $LOG_DIR/odoo-install.log)"
    sed -e 's/^cbor2==5\.4\.2/cbor2==5.4.6/' -e '/^python-ldap/d' "$src/requirements.txt" >"$BUILD_DIR/odoo-requirements.txt"
    { us_pip install 'setuptools<70' wheel && us_pip install --no-build-isolation -r "$BUILD_DIR/odoo-requirements.txt" &&
        us_pip install --no-build-isolation --no-deps "$src"; } >"$LOG_DIR/odoo-install.log" 2>&1 ||
        us_die "installing Odoo from $src failed (log: $LOG_DIR/odoo-install.log)."
    printf '%s\n' "$key" >"$VENV_DIR/.us-odoo-stamp"
}

# (c) download Odoo's official source archive; prints the unpacked tree
US_ODOO_URL="https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz"
us_download_odoo_src() {
    local tree="$US_CACHE_DIR/odoo-18.0-src" tgz="$US_CACHE_DIR/odoo_18.0.latest.tar.gz" top
    if [ ! -f "$tree/setup.py" ]; then
        us_log "downloading $US_ODOO_URL"
        curl -fsSL --retry 2 --connect-timeout 20 -o "$tgz" "$US_ODOO_URL" || return 1
        rm -rf "$tree.tmp" && mkdir -p "$tree.tmp" && tar -xzf "$tgz" -C "$tree.tmp" || return 1
        top="$(find "$tree.tmp" -mindepth 2 -maxdepth 2 -name setup.py -printf '%h\n' | head -n1)"
        [ -n "$top" ] && rm -rf "$tree" && mv "$top" "$tree" && rm -rf "$tree.tmp" "$tgz" || return 1
    fi
    printf '%s\n' "$tree"
}

us_setup_odoo() {
    local c probe="" tree
    PY="$VENV_DIR/bin/python"
    # A venv that (b)/(c) made is kept unless something else is asked for.
    if [ -z "${ODOO_PYTHON:-}${ODOO_SRC:-}" ] && [ -f "$VENV_DIR/.us-odoo-stamp" ] && us_odoo_probe "$PY" >/dev/null; then
        return 0
    fi
    for c in "${US_CANDIDATES[@]}"; do # never the venv itself (when it is activated)
        [ "$("$c" -c 'import sys; print(sys.prefix)' 2>/dev/null)" = "$VENV_DIR" ] && continue
        probe="$(us_odoo_probe "$c")" && break
    done
    if [ -n "$probe" ]; then # (a)
        mapfile -t probe <<<"$probe"
        if [ -n "${probe[1]:-}" ]; then us_make_venv "${probe[0]}" 0 "${probe[1]}"; else us_make_venv "${probe[0]}" 1; fi
        us_odoo_probe "$PY" >/dev/null || us_die "Odoo 18 is importable from $c but not from $PY."
    elif [ -n "${ODOO_SRC:-}" ]; then # (b)
        us_install_odoo_from_src "$ODOO_SRC"
    elif tree="$(us_download_odoo_src)"; then # (c)
        us_install_odoo_from_src "$tree"
    else
        us_die "Odoo 18 was not found and could not be downloaded from $US_ODOO_URL.
Either point ODOO_PYTHON at a Python that imports Odoo 18 Community,
or ODOO_SRC at an Odoo 18 Community source tree (the 18.0 branch of odoo/odoo)."
    fi
}

# The pinned tools go into the venv itself (--ignore-installed), even when
# the base interpreter has them, and are always called as "$PY" -m TOOL.
us_dev_tools() {
    local req="$ROOT_DIR/requirements-dev.txt" eff="$VENV_DIR/.us-requirements.txt" key
    # Odoo's own freezegun is kept: decided once per venv.
    if [ ! -f "$VENV_DIR/.us-freezegun" ]; then
        if "$PY" -c 'import freezegun' 2>/dev/null; then echo keep; else echo install; fi >"$VENV_DIR/.us-freezegun"
    fi
    if [ "$(cat "$VENV_DIR/.us-freezegun")" = keep ]; then grep -vi '^freezegun' "$req" >"$eff"; else cp "$req" "$eff"; fi
    key="$(cat "$eff" "$VENV_DIR/.us-base" | us_sha)"
    if [ "$(cat "$VENV_DIR/.us-dev-stamp" 2>/dev/null)" = "$key" ] &&
        "$PY" -m ruff --version >/dev/null 2>&1 && "$PY" -c 'import pylint_odoo, pre_commit, pytest_odoo' 2>/dev/null; then
        return 0
    fi
    us_log "installing the pinned test and lint tools into the venv (log: $LOG_DIR/dev-tools.log)"
    us_pip install --ignore-installed -r "$eff" >"$LOG_DIR/dev-tools.log" 2>&1 ||
        us_die "pip install -r requirements-dev.txt failed (log: $LOG_DIR/dev-tools.log)."
    "$PY" -m ruff --version >/dev/null || us_die "ruff does not run from $PY"
    printf '%s\n' "$key" >"$VENV_DIR/.us-dev-stamp"
}

# ------------------------------------------------------------ 3. PostgreSQL
us_postgres() {
    local v n me
    if ! pg_isready -q 2>/dev/null; then
        read -r v n < <(pg_lsclusters -h 2>/dev/null | awk -v p="${PGPORT:-5432}" '$3 == p {print $1, $2}') || true
        if [ -z "${v:-}" ]; then
            v="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -n | tail -n1)"
            n=main
            [ -n "$v" ] || us_die "no PostgreSQL server installed (apt-get install postgresql)."
            us_as_root pg_createcluster "$v" "$n" >/dev/null
        fi
        us_log "starting PostgreSQL $v/$n"
        us_as_root pg_ctlcluster "$v" "$n" start || true
        for _ in $(seq 30); do pg_isready -q && break || sleep 1; done
        pg_isready -q || us_die "PostgreSQL did not start (see /var/log/postgresql/)."
    fi
    me="$(id -un)"
    if [ "$(us_as_postgres psql -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$me'")" != 1 ]; then
        us_log "creating PostgreSQL superuser role $me"
        us_as_postgres createuser -s "$me"
    fi
}

# ------------------------------------------------------------ 4. addon, config
us_expose_addon() {
    ADDON_DIR="$BUILD_DIR/addons/$ADDON_NAME"
    mkdir -p "$ADDON_DIR"
    rsync -a --delete --delete-excluded --exclude=.git --exclude=__pycache__ \
        --filter=':- .gitignore' "$ROOT_DIR/" "$ADDON_DIR/"
}

us_write_config() {
    local core
    core="$("$PY" -c 'import os, odoo.addons as a
print(",".join(p for p in a.__path__ if os.path.isdir(os.path.join(p, "web"))))')" ||
        us_die "could not locate Odoo's addons."
    ADDONS_PATH="$core,$BUILD_DIR/addons"
    mkdir -p "$BUILD_DIR/data"
    cat >"$ODOO_CONF" <<EOF
; generated by scripts/setup.sh (see README, Production, for a server's settings)
[options]
addons_path = $ADDONS_PATH
data_dir = $BUILD_DIR/data
http_interface = 127.0.0.1
http_port = ${ODOO_HTTP_PORT:-8069}
; no database manager or list on the login page
list_db = False
; behind a reverse proxy that sets X-Forwarded-*: proxy_mode = True
proxy_mode = False
EOF
    ODOO_BIN="$BUILD_DIR/odoo"
    printf '#!/bin/sh\nexec "%s" -m odoo "$@"\n' "$PY" >"$ODOO_BIN"
    chmod +x "$ODOO_BIN"
}

US_T0=$SECONDS
us_setup_odoo
us_dev_tools
us_postgres
us_expose_addon
us_write_config
export ROOT_DIR ADDON_NAME ADDON_DIR ADDONS_PATH PY ODOO_BIN ODOO_CONF STATE_DIR BUILD_DIR LOG_DIR
us_log "ready in $((SECONDS - US_T0))s: PY=$PY, build in $BUILD_DIR"

us_db_exists() { [ "$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]; }
us_drop_db() {
    ! us_db_exists "$1" || dropdb --force "$1"
    rm -rf "$BUILD_DIR/data/filestore/$1"
}
