#!/usr/bin/env bash
# Prepare everything needed to run / test the `university_supervision` addon.
#
# Sourced by scripts/serve.sh and scripts/test.sh; may also be run alone:
# `bash scripts/setup.sh`. (Don't source it into an interactive shell: it
# turns on `set -euo pipefail` and exits on errors.)
#
# Idempotent: a second run installs nothing and takes a few seconds.
#
# What it does:
#   1. apt-get installs missing system packages (PostgreSQL, wkhtmltopdf,
#      CJK fonts, poppler-utils, chromium, rsync, ...).
#   2. Finds Odoo 18 and builds the project venv `.venv`:
#        a. $ODOO_PYTHON or python3/python3.12/python3.11/... that can import
#           Odoo 18 -> `.venv` with --system-site-packages;
#        b. else $ODOO_SRC (an Odoo 18 source tree) -> `.venv` + Odoo's
#           requirements + Odoo itself;
#        c. else downloads Odoo's official 18.0 nightly source tarball into a
#           cache dir and does (b) with it.
#      Then installs the pinned test/lint tools (scripts/requirements-dev.txt).
#   3. Starts PostgreSQL if needed and creates a superuser role for the
#      current OS user.
#   4. Copies the addon to .build/addons/university_supervision and writes
#      .build/odoo.conf + the .build/bin/odoo wrapper.
#
# Exports: ROOT_DIR ADDON_NAME ADDON_SRC ADDON_DIR ADDONS_PATH PY ODOO_BIN
#          ODOO_CONF BUILD_DIR LOG_DIR
#
# Environment knobs (all optional):
#   ODOO_PYTHON   interpreter to use (must have Odoo 18, or be used for (b))
#   ODOO_SRC      Odoo 18 Community source tree (dir with setup.py/PKG-INFO)
#   ODOO_CACHE_DIR where (c) keeps the downloaded tarball
#                 (default: ~/.cache/university_supervision)
#   ADDON_SRC     addon folder to expose instead of the checkout (for testing
#                 the tooling itself)
#   SKIP_APT=1    never call apt-get (just warn about missing packages)
#   ODOO_HTTP_PORT port written to .build/odoo.conf (default 8069); the
#                 test HTTP server of HttpCase tours uses it too, so two
#                 checkouts testing at once need different ports
set -euo pipefail

# --------------------------------------------------------------------------
# Basics
# --------------------------------------------------------------------------
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
ADDON_NAME="university_supervision"
ADDON_SRC="${ADDON_SRC:-$ROOT_DIR}"
BUILD_DIR="$ROOT_DIR/.build"
LOG_DIR="$BUILD_DIR/logs"
VENV_DIR="$ROOT_DIR/.venv"
ODOO_CONF="$BUILD_DIR/odoo.conf"
ODOO_DATA_DIR="$BUILD_DIR/data"
export DEBIAN_FRONTEND=noninteractive
export PIP_DISABLE_PIP_VERSION_CHECK=1

us_log() { printf '[setup] %s\n' "$*" >&2; }
us_warn() { printf '[setup] WARNING: %s\n' "$*" >&2; }
us_die() {
    printf '\n[setup] ERROR: %s\n\n' "$*" >&2
    exit 1
}

if [ ! -f "$ADDON_SRC/__manifest__.py" ]; then
    us_die "No __manifest__.py in $ADDON_SRC (ADDON_SRC must be the addon folder)."
fi
ADDON_SRC="$(cd "$ADDON_SRC" && pwd -P)"
mkdir -p "$BUILD_DIR" "$LOG_DIR"

# Run a command as root (directly, or via sudo when we are not root).
us_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        if [ -t 0 ]; then sudo "$@"; else sudo -n "$@"; fi
    else
        us_die "Need root (or sudo) to run: $*"
    fi
}

# Run a command as the `postgres` OS user.
us_as_postgres() {
    (
        cd / # the postgres user may not be allowed into the checkout
        if [ "$(id -un)" = "postgres" ]; then
            "$@"
        elif [ "$(id -u)" -eq 0 ]; then
            if command -v runuser >/dev/null 2>&1; then
                runuser -u postgres -- "$@"
            else
                su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
            fi
        elif command -v sudo >/dev/null 2>&1; then
            if [ -t 0 ]; then sudo -u postgres "$@"; else sudo -n -u postgres "$@"; fi
        else
            us_die "Need root or sudo to run as the postgres user: $*"
        fi
    )
}

us_sha() { sha256sum | cut -c1-16; }

# --------------------------------------------------------------------------
# 1. System packages
# --------------------------------------------------------------------------
us_pkg_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'
}

US_APT_UPDATED=0
us_apt_install() { # us_apt_install [--optional] pkg...
    local optional=0 missing=() p
    if [ "${1:-}" = "--optional" ]; then
        optional=1
        shift
    fi
    for p in "$@"; do
        us_pkg_installed "$p" && continue
        # optional packages that failed once are not retried on every run
        if [ "$optional" = 1 ] && grep -qx "$p" "$BUILD_DIR/.apt-unavailable" 2>/dev/null; then
            continue
        fi
        missing+=("$p")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    if [ "${SKIP_APT:-0}" = "1" ] || ! command -v apt-get >/dev/null 2>&1; then
        us_warn "missing system packages (not installed: SKIP_APT=1 or no apt-get): ${missing[*]}"
        return 0
    fi
    if [ "$US_APT_UPDATED" = 0 ]; then
        us_log "apt-get update (missing: ${missing[*]})"
        us_as_root apt-get update -qq >"$LOG_DIR/apt-update.log" 2>&1 ||
            us_warn "apt-get update failed (see $LOG_DIR/apt-update.log)"
        US_APT_UPDATED=1
    fi
    if [ "$optional" = 1 ]; then
        for p in "${missing[@]}"; do
            us_log "apt-get install $p"
            if ! us_as_root apt-get install -y -qq --no-install-recommends "$p" \
                >>"$LOG_DIR/apt-install.log" 2>&1; then
                us_warn "could not install optional package '$p' (see $LOG_DIR/apt-install.log;" \
                    "not retried until .build/.apt-unavailable is removed)"
                echo "$p" >>"$BUILD_DIR/.apt-unavailable"
            fi
        done
    else
        us_log "apt-get install ${missing[*]}"
        us_as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" \
            >>"$LOG_DIR/apt-install.log" 2>&1 ||
            us_die "apt-get install ${missing[*]} failed; see $LOG_DIR/apt-install.log"
    fi
}

us_have_chrome() {
    local b
    for b in chromium chromium-browser google-chrome google-chrome-stable; do
        command -v "$b" >/dev/null 2>&1 && return 0
    done
    return 1
}

us_system_packages() {
    us_apt_install postgresql postgresql-client poppler-utils fonts-noto-cjk rsync
    # Not available on every distribution/release (e.g. wkhtmltopdf is gone
    # from Debian 13, chromium is a snap on Ubuntu): warn, don't fail.
    us_apt_install --optional wkhtmltopdf
    us_have_chrome || us_apt_install --optional chromium
}

# --------------------------------------------------------------------------
# 2. Odoo + venv
# --------------------------------------------------------------------------
# us_odoo_probe PY: succeeds if PY imports Odoo 18, and prints 3 lines:
#   1. its prefix (realpath), 2. the interpreter to build .venv from,
#   3. site dirs to expose through a .pth file ("" when PY is not itself a
#      virtualenv: then --system-site-packages is enough).
us_odoo_probe() {
    "$1" - <<'EOF' 2>/dev/null
import os, sys, sysconfig
try:
    import odoo.release as r
except Exception:
    sys.exit(1)
if r.version_info[0] != 18:
    sys.exit(1)
print(os.path.realpath(sys.prefix))
if sys.prefix == sys.base_prefix:
    print(os.path.realpath(sys.executable))
    print("")
else:  # a virtualenv: build ours from its base, add its site dirs via .pth
    base = getattr(sys, "_base_executable", "") or os.path.join(
        sys.base_prefix, "bin", "python%d.%d" % sys.version_info[:2])
    print(os.path.realpath(base))
    paths = sysconfig.get_paths()
    print(os.pathsep.join(sorted({paths["purelib"], paths["platlib"]})))
EOF
}

# Print the real executable of a usable interpreter (3.10 <= v < 3.14).
us_python_usable() {
    "$1" - <<'EOF' 2>/dev/null
import os, sys
if not ((3, 10) <= sys.version_info[:2] < (3, 14)):
    sys.exit(1)
if sys.prefix != sys.base_prefix:
    print(os.path.realpath(getattr(sys, "_base_executable", sys.executable)))
else:
    print(os.path.realpath(sys.executable))
EOF
}

# An explicit ODOO_PYTHON is the only candidate (for (a), and for (b)/(c)).
if [ -n "${ODOO_PYTHON:-}" ]; then
    US_CANDIDATES=("$ODOO_PYTHON")
else
    US_CANDIDATES=(python3 python3.12 python3.11 python3.10 python3.13)
    # Also pyenv interpreters, in case PATH lacks the shims (non-login shells).
    for _us_p in "${PYENV_ROOT:-${HOME:-/root}/.pyenv}"/versions/3.1[0-3]*/bin/python3; do
        [ -x "$_us_p" ] && US_CANDIDATES+=("$_us_p")
    done
    unset _us_p
fi

# Make sure `$1 -m venv` works (Debian needs python3-venv / python3.X-venv).
us_ensure_venv_module() {
    local py="$1" ver
    "$py" -c 'import venv, ensurepip' >/dev/null 2>&1 && return 0
    ver="$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    us_apt_install python3-venv "python${ver}-venv"
    "$py" -c 'import venv, ensurepip' >/dev/null 2>&1 ||
        us_die "$py cannot create virtualenvs (install python${ver}-venv)."
}

# us_make_venv BASE_PY SSP(0|1) [EXTRA_SITE_DIRS]: (re)create .venv if it was
# not made the same way.
us_make_venv() {
    local base="$1" ssp="$2" extra="${3:-}" want
    want="$base ssp=$ssp extra=$extra"
    if [ -x "$VENV_DIR/bin/python" ] && "$VENV_DIR/bin/python" -c '' >/dev/null 2>&1 &&
        [ "$(cat "$VENV_DIR/.us-base" 2>/dev/null)" = "$want" ]; then
        return 0
    fi
    us_ensure_venv_module "$base"
    us_log "creating $VENV_DIR from $base (system-site-packages=$ssp${extra:+, +$extra})"
    rm -rf "$VENV_DIR"
    if [ "$ssp" = 1 ]; then
        "$base" -m venv --system-site-packages "$VENV_DIR" >/dev/null
    else
        "$base" -m venv "$VENV_DIR" >/dev/null
    fi
    if [ -n "$extra" ]; then
        local sp
        sp="$("$VENV_DIR/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
        tr ':' '\n' <<<"$extra" >"$sp/_us_odoo_site.pth"
    fi
    printf '%s\n' "$want" >"$VENV_DIR/.us-base"
}

us_pip() { "$VENV_DIR/bin/python" -m pip --disable-pip-version-check "$@"; }

# Check an Odoo source tree; prints its version.
us_check_odoo_src() {
    local src="$1" ver=""
    [ -f "$src/setup.py" ] && [ -d "$src/odoo" ] && [ -f "$src/requirements.txt" ] ||
        us_die "ODOO_SRC=$src is not an Odoo source tree (expected setup.py, odoo/, requirements.txt)."
    if [ -f "$src/PKG-INFO" ]; then
        ver="$(sed -n 's/^Version: *//p' "$src/PKG-INFO" | head -n1)"
    fi
    if [ -z "$ver" ]; then
        ver="$(sed -n "s/^version_info = (\([0-9]*\), *\([0-9]*\).*/\1.\2/p" \
            "$src/odoo/release.py" | head -n1)"
    fi
    case "$ver" in
    *+e*) us_die "$src is Odoo Enterprise ($ver); this project needs Odoo 18 Community." ;;
    18.*) ;;
    *) us_die "$src is Odoo '$ver', not Odoo 18." ;;
    esac
    if grep -q "^version_info = .*'e'" "$src/odoo/release.py" 2>/dev/null; then
        us_die "$src is Odoo Enterprise; this project needs Odoo 18 Community."
    fi
    printf '%s\n' "$ver"
}

# (b): install Odoo from a source tree into .venv.
us_install_odoo_from_src() {
    local src base ver req filtered stamp_key
    src="$(cd "$1" && pwd -P)"
    ver="$(us_check_odoo_src "$src")"
    base=""
    local c
    for c in "${US_CANDIDATES[@]}"; do
        command -v "$c" >/dev/null 2>&1 || continue
        base="$(us_python_usable "$c")" || base=""
        [ -n "$base" ] && break
    done
    [ -n "$base" ] || us_die "No Python 3.10-3.13 found to install Odoo 18 with (set ODOO_PYTHON)."

    filtered="$BUILD_DIR/odoo-requirements.txt"
    sed -e 's/^cbor2==5\.4\.2/cbor2==5.4.6/' -e '/^python-ldap/d' \
        "$src/requirements.txt" >"$filtered"
    stamp_key="$(
        {
            echo "$src $ver $base"
            cat "$filtered"
        } | us_sha
    )"
    us_make_venv "$base" 0
    if [ "$(cat "$VENV_DIR/.us-odoo-stamp" 2>/dev/null)" = "$stamp_key" ] &&
        us_odoo_probe "$VENV_DIR/bin/python" >/dev/null; then
        return 0
    fi
    # Build dependencies (psycopg2 is built from source; python-ldap is dropped).
    local pyver
    pyver="$("$base" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    us_apt_install build-essential libpq-dev
    case "$base" in
    /usr/bin/*) us_apt_install "python${pyver}-dev" ;;
    esac
    us_log "installing Odoo $ver from $src into $VENV_DIR (takes a few minutes; log: $LOG_DIR/odoo-install.log)"
    local t0=$SECONDS
    {
        us_pip install 'setuptools<70' wheel &&
            us_pip install --no-build-isolation -r "$filtered" &&
            us_pip install --no-build-isolation --no-deps "$src"
    } >"$LOG_DIR/odoo-install.log" 2>&1 || {
        tail -n 30 "$LOG_DIR/odoo-install.log" >&2
        us_die "Installing Odoo from $src failed (full log: $LOG_DIR/odoo-install.log)."
    }
    us_odoo_probe "$VENV_DIR/bin/python" >/dev/null ||
        us_die "Odoo was installed from $src but cannot be imported from $VENV_DIR."
    printf '%s\n' "$stamp_key" >"$VENV_DIR/.us-odoo-stamp"
    printf '%s\n' "$src" >"$VENV_DIR/.us-odoo-src"
    us_log "Odoo installed in $((SECONDS - t0))s"
}

# (c): download the official nightly source tarball; prints the tree path.
US_ODOO_TARBALL_URL="https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz"
us_download_odoo_src() {
    local cache="${ODOO_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/university_supervision}"
    local tgz="$cache/odoo_18.0.latest.tar.gz" tree="$cache/odoo-18.0-src" py=""
    mkdir -p "$cache"
    if [ -f "$tree/setup.py" ]; then
        printf '%s\n' "$tree"
        return 0
    fi
    if [ ! -s "$tgz" ]; then
        us_log "downloading $US_ODOO_TARBALL_URL"
        if command -v curl >/dev/null 2>&1; then
            curl -fsSL --retry 2 --connect-timeout 20 -o "$tgz.part" "$US_ODOO_TARBALL_URL" || true
        elif command -v wget >/dev/null 2>&1; then
            wget -q -T 20 -O "$tgz.part" "$US_ODOO_TARBALL_URL" || true
        else
            for py in python3 python3.12 python3.11 python3.10; do
                command -v "$py" >/dev/null 2>&1 || continue
                "$py" - "$US_ODOO_TARBALL_URL" "$tgz.part" <<'EOF' 2>/dev/null || true
import sys, urllib.request, shutil
try:
    with urllib.request.urlopen(sys.argv[1], timeout=60) as r, open(sys.argv[2], "wb") as f:
        shutil.copyfileobj(r, f)
except Exception:
    sys.exit(1)
EOF
                break
            done
        fi
        if [ -s "$tgz.part" ] && tar -tzf "$tgz.part" >/dev/null 2>&1; then
            mv "$tgz.part" "$tgz"
        else
            rm -f "$tgz.part"
            return 1
        fi
    fi
    us_log "unpacking $tgz"
    rm -rf "$tree.tmp"
    mkdir -p "$tree.tmp"
    tar -xzf "$tgz" -C "$tree.tmp" || return 1
    local top
    top="$(find "$tree.tmp" -mindepth 2 -maxdepth 2 -name setup.py -printf '%h\n' | head -n1)"
    [ -n "$top" ] || return 1
    rm -rf "$tree"
    mv "$top" "$tree"
    rm -rf "$tree.tmp"
    printf '%s\n' "$tree"
}

us_setup_odoo() {
    local c probe="" prefix own
    own="$(cd "$VENV_DIR" 2>/dev/null && pwd -P || true)"
    # Nothing explicit asked for and .venv holds an Odoo that (b)/(c) installed
    # earlier: keep it (don't trade it for whatever python3 is found now).
    if [ -z "${ODOO_PYTHON:-}" ] && [ -z "${ODOO_SRC:-}" ] && [ -f "$VENV_DIR/.us-odoo-stamp" ] &&
        us_odoo_probe "$VENV_DIR/bin/python" >/dev/null; then
        US_ODOO_ORIGIN="$(cat "$VENV_DIR/.us-odoo-src" 2>/dev/null || echo "$VENV_DIR")"
        return 0
    fi
    for c in "${US_CANDIDATES[@]}"; do
        command -v "$c" >/dev/null 2>&1 || continue
        probe="$(us_odoo_probe "$c")" || probe=""
        prefix="$(sed -n 1p <<<"$probe")"
        # Never build .venv from .venv itself (e.g. when it is activated).
        if [ -n "$probe" ] && [ "$prefix" != "$own" ]; then
            break
        fi
        probe=""
    done
    if [ -n "$probe" ]; then
        # (a) an interpreter that already has Odoo 18.
        local base extra
        base="$(sed -n 2p <<<"$probe")"
        extra="$(sed -n 3p <<<"$probe")"
        if [ -n "$extra" ]; then
            us_make_venv "$base" 0 "$extra"
        else
            us_make_venv "$base" 1
        fi
        us_odoo_probe "$VENV_DIR/bin/python" >/dev/null ||
            us_die "Odoo 18 is importable from $c but not from $VENV_DIR; remove .venv and retry."
        US_ODOO_ORIGIN="$c ($prefix)"
    elif [ -n "${ODOO_SRC:-}" ]; then
        # (b) a source tree.
        [ -d "$ODOO_SRC" ] || us_die "ODOO_SRC=$ODOO_SRC does not exist."
        us_install_odoo_from_src "$ODOO_SRC"
        US_ODOO_ORIGIN="$ODOO_SRC"
    else
        # (c) download the official source tarball.
        local tree
        if tree="$(us_download_odoo_src)"; then
            us_install_odoo_from_src "$tree"
            US_ODOO_ORIGIN="$tree"
        else
            us_die "Odoo 18 was not found and could not be downloaded from
  $US_ODOO_TARBALL_URL
What to do (either one):
  * point ODOO_PYTHON at a Python interpreter that can 'import odoo' (Odoo 18):
      ODOO_PYTHON=/path/to/python3 bash scripts/test.sh
  * or point ODOO_SRC at an Odoo 18 Community source tree (a clone of the
    18.0 branch of github.com/odoo/odoo, or an unpacked nightly tarball):
      ODOO_SRC=/path/to/odoo-18.0 bash scripts/test.sh"
        fi
    fi
}

us_dev_tools() {
    local req="$ROOT_DIR/scripts/requirements-dev.txt" eff fz="$VENV_DIR/.us-freezegun" key
    eff="$BUILD_DIR/requirements-dev.effective.txt"
    # freezegun: only when the venv (i.e. Odoo's environment) lacks it.
    # Decided once per venv, so installing it does not flip the decision.
    if [ ! -f "$fz" ]; then
        if "$VENV_DIR/bin/python" -c 'import freezegun' >/dev/null 2>&1; then
            echo preinstalled >"$fz"
        else
            echo install >"$fz"
        fi
    fi
    if [ "$(cat "$fz")" = preinstalled ]; then
        grep -v -i '^freezegun' "$req" >"$eff"
    else
        cp "$req" "$eff"
    fi
    key="$(cat "$eff" "$VENV_DIR/.us-base" | us_sha)"
    if [ "$(cat "$VENV_DIR/.us-dev-stamp" 2>/dev/null)" = "$key" ] &&
        [ -x "$VENV_DIR/bin/ruff" ] && [ -x "$VENV_DIR/bin/pylint" ]; then
        return 0
    fi
    us_log "installing test/lint tools into $VENV_DIR (log: $LOG_DIR/dev-tools.log)"
    local t0=$SECONDS
    us_pip install -r "$eff" >"$LOG_DIR/dev-tools.log" 2>&1 || {
        tail -n 30 "$LOG_DIR/dev-tools.log" >&2
        us_die "pip install -r scripts/requirements-dev.txt failed (log: $LOG_DIR/dev-tools.log)."
    }
    printf '%s\n' "$key" >"$VENV_DIR/.us-dev-stamp"
    us_log "test/lint tools installed in $((SECONDS - t0))s"
}

# --------------------------------------------------------------------------
# 3. PostgreSQL
# --------------------------------------------------------------------------
us_postgres() {
    if ! pg_isready -q 2>/dev/null; then
        if ! command -v pg_lsclusters >/dev/null 2>&1; then
            us_die "PostgreSQL is not running and pg_lsclusters is missing (install postgresql-common)."
        fi
        # Start the cluster serving ${PGPORT:-5432} (else the first one);
        # create one if there is none.
        local port="${PGPORT:-5432}" clusters
        clusters="$(pg_lsclusters -h 2>/dev/null | awk -v p="$port" '$3 == p {print $1" "$2}')"
        [ -n "$clusters" ] || clusters="$(pg_lsclusters -h 2>/dev/null | awk 'NR == 1 {print $1" "$2}')"
        if [ -z "$clusters" ]; then
            local ver
            ver="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -n | tail -n1)"
            [ -n "$ver" ] || us_die "No PostgreSQL server installed (apt-get install postgresql)."
            us_log "creating PostgreSQL cluster $ver/main"
            us_as_root pg_createcluster "$ver" main >/dev/null
            clusters="$ver main"
        fi
        local v n
        read -r v n <<<"$clusters"
        us_log "starting PostgreSQL cluster $v/$n"
        us_as_root pg_ctlcluster "$v" "$n" start || true

        for _ in $(seq 1 30); do
            pg_isready -q 2>/dev/null && break
            sleep 1
        done
        pg_isready -q 2>/dev/null || us_die "PostgreSQL did not start (see /var/log/postgresql/)."
    fi
    local me
    me="$(id -un)"
    if [ "$me" != "postgres" ] &&
        [ "$(us_as_postgres psql -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$me'" 2>/dev/null)" != "1" ]; then
        us_log "creating PostgreSQL superuser role '$me'"
        us_as_postgres createuser -s "$me"
    fi
}

# --------------------------------------------------------------------------
# 4. Addons path, config, wrapper
# --------------------------------------------------------------------------
us_expose_addon() {
    if [ "$(basename "$ADDON_SRC")" = "$ADDON_NAME" ]; then
        # The checkout already has the right (real, symlink-free) name.
        ADDON_DIR="$ADDON_SRC"
        US_EXTRA_ADDONS="$(dirname "$ADDON_SRC")"
        return 0
    fi
    US_EXTRA_ADDONS="$BUILD_DIR/addons"
    ADDON_DIR="$US_EXTRA_ADDONS/$ADDON_NAME"
    mkdir -p "$ADDON_DIR"
    local excl=(.git .venv .build __pycache__ '*.pyc' .ruff_cache .pytest_cache)
    if command -v rsync >/dev/null 2>&1; then
        local args=() e
        for e in "${excl[@]}"; do args+=("--exclude=$e"); done
        rsync -a --delete --delete-excluded "${args[@]}" "$ADDON_SRC/" "$ADDON_DIR/"
    else
        local args=() e
        for e in "${excl[@]}"; do args+=("--exclude=$e"); done
        find "$ADDON_DIR" -mindepth 1 -delete
        tar -C "$ADDON_SRC" "${args[@]}" -cf - . | tar -C "$ADDON_DIR" -xf -
    fi
}

us_write_config() {
    local odoo_addons
    odoo_addons="$("$PY" - <<'EOF' 2>/dev/null
import os
import odoo.addons
paths = [p for p in odoo.addons.__path__ if os.path.isdir(os.path.join(p, "base"))]
import odoo
root = os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__)))
extra = os.path.join(root, "addons")
if os.path.isdir(os.path.join(extra, "web")) and extra not in paths:
    paths.append(extra)
print(",".join(paths))
EOF
    )" || us_die "Could not locate Odoo's addons directory."
    [ -n "$odoo_addons" ] || us_die "Could not locate Odoo's addons directory."
    ADDONS_PATH="$odoo_addons,$US_EXTRA_ADDONS"
    mkdir -p "$ODOO_DATA_DIR" "$BUILD_DIR/bin"
    cat >"$ODOO_CONF.tmp" <<EOF
; generated by scripts/setup.sh - do not edit
[options]
addons_path = $ADDONS_PATH
data_dir = $ODOO_DATA_DIR
http_interface = 127.0.0.1
http_port = ${ODOO_HTTP_PORT:-8069}
list_db = True
EOF
    mv "$ODOO_CONF.tmp" "$ODOO_CONF"
    cat >"$BUILD_DIR/bin/odoo.tmp" <<EOF
#!/bin/sh
# generated by scripts/setup.sh: runs Odoo 18 from the project venv
exec "$PY" -m odoo "\$@"
EOF
    chmod +x "$BUILD_DIR/bin/odoo.tmp"
    mv "$BUILD_DIR/bin/odoo.tmp" "$BUILD_DIR/bin/odoo"
}

# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------
US_T0=$SECONDS
us_system_packages
us_setup_odoo
us_dev_tools
PY="$VENV_DIR/bin/python"
us_postgres
us_expose_addon
us_write_config
ODOO_BIN="$BUILD_DIR/bin/odoo"
export ROOT_DIR ADDON_NAME ADDON_SRC ADDON_DIR ADDONS_PATH PY ODOO_BIN ODOO_CONF BUILD_DIR LOG_DIR
us_log "ready in $((SECONDS - US_T0))s: Odoo from ${US_ODOO_ORIGIN}, PY=$PY"
us_log "ADDONS_PATH=$ADDONS_PATH"

# Helpers for the scripts that source this file.
us_db_exists() {
    [ "$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" 2>/dev/null)" = "1" ]
}
