#!/usr/bin/env bash
# Run the `university_supervision` addon locally with demo data:
#   http://127.0.0.1:8069  (database supervision_demo)
# The database is created on first run (module + demo data + zh_CN).
#
# Knobs:
#   UPDATE=1     upgrade the module (-u university_supervision) at start; done
#                anyway when the addon's files changed since the last run
#   RESET=1      drop and recreate the demo database
#   HTTP_PORT    port to listen on (default 8069)
#   DEMO_LANGS   languages of a new demo database (default zh_CN,en_US: the
#                first one is the default language of users and partners)
#   ADDON_SRC    see setup.sh
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/setup.sh"

DEMO_DB="${DEMO_DB:-supervision_demo}"
DEMO_LANGS="${DEMO_LANGS:-zh_CN,en_US}"
HTTP_PORT="${HTTP_PORT:-8069}"
INSTALL_LOG="$LOG_DIR/serve-install.log"

module_state() {
    psql -d "$DEMO_DB" -tAc \
        "SELECT state FROM ir_module_module WHERE name = '$ADDON_NAME'" 2>/dev/null || true
}

if (exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT") 2>/dev/null; then
    echo "[serve] ERROR: port $HTTP_PORT is already in use (another Odoo? note that" \
        "'odoo --test-tags' runs listen on 8069 even with --no-http)." >&2
    echo "[serve] Stop it, or use another port: HTTP_PORT=8070 bash scripts/serve.sh" >&2
    exit 1
fi

if [ "${RESET:-0}" = "1" ] && us_db_exists "$DEMO_DB"; then
    echo "[serve] RESET=1: dropping database $DEMO_DB"
    dropdb --if-exists --force "$DEMO_DB" 2>/dev/null || dropdb --if-exists "$DEMO_DB"
    rm -rf "$BUILD_DIR/data/filestore/$DEMO_DB"
fi

if ! us_db_exists "$DEMO_DB" || [ "$(module_state)" != "installed" ]; then
    if us_db_exists "$DEMO_DB"; then
        echo "[serve] $DEMO_DB exists but $ADDON_NAME is not installed in it: recreating it"
        dropdb --if-exists --force "$DEMO_DB" 2>/dev/null || dropdb --if-exists "$DEMO_DB"
        rm -rf "$BUILD_DIR/data/filestore/$DEMO_DB"
    fi
    echo "[serve] creating database $DEMO_DB with $ADDON_NAME + demo data + $DEMO_LANGS" \
        "(a few minutes; log: $INSTALL_LOG)"
    t0=$SECONDS
    JUST_CREATED=1
    rm -f "$INSTALL_LOG" # Odoo appends to --logfile
    rc=0
    "$ODOO_BIN" -c "$ODOO_CONF" -d "$DEMO_DB" -i "$ADDON_NAME" \
        --load-language="$DEMO_LANGS" --stop-after-init --no-http \
        --log-level=info --logfile="$INSTALL_LOG" </dev/null || rc=$?
    if [ "$rc" -ne 0 ] || [ "$(module_state)" != "installed" ]; then
        grep -n -A 12 -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$INSTALL_LOG" | head -n 80 || true
        tail -n 20 "$INSTALL_LOG" || true
        echo "[serve] ERROR: installing $ADDON_NAME into $DEMO_DB failed (log: $INSTALL_LOG)." >&2
        dropdb --if-exists "$DEMO_DB" 2>/dev/null || true
        exit 1
    fi
    echo "[serve] database ready in $((SECONDS - t0))s"
fi

# Upgrade the module when the addon's files changed since the database was
# last brought up to date (or always with UPDATE=1): a reused database must
# match the code it is served with.
addon_hash() {
    (cd "$ADDON_DIR" && find . -type f ! -path './.*' ! -name '*.pyc' -print0 \
        | sort -z | xargs -0 sha1sum | sha1sum | cut -d' ' -f1)
}
HASH_FILE="$BUILD_DIR/serve-$DEMO_DB.hash"
CURRENT_HASH="$(addon_hash)"
if [ "${JUST_CREATED:-0}" = "1" ]; then
    echo "$CURRENT_HASH" >"$HASH_FILE" # just installed from these files
elif [ "${UPDATE:-0}" = "1" ] || [ "$(cat "$HASH_FILE" 2>/dev/null)" != "$CURRENT_HASH" ]; then
    echo "[serve] upgrading $ADDON_NAME in $DEMO_DB to the checkout (log: $INSTALL_LOG)"
    rm -f "$INSTALL_LOG"
    if ! "$ODOO_BIN" -c "$ODOO_CONF" -d "$DEMO_DB" -u "$ADDON_NAME" --stop-after-init \
        --no-http --log-level=info --logfile="$INSTALL_LOG" </dev/null; then
        tail -n 30 "$INSTALL_LOG" || true
        echo "[serve] ERROR: upgrading $ADDON_NAME failed; RESET=1 recreates $DEMO_DB." >&2
        exit 1
    fi
    echo "$CURRENT_HASH" >"$HASH_FILE"
fi

cat <<EOF

==================================================================
  University Supervision demo:  http://127.0.0.1:$HTTP_PORT
  database: $DEMO_DB   (stop with Ctrl-C)
EOF
if [ -s "$ROOT_DIR/scripts/demo_logins.txt" ]; then
    echo "  demo logins:"
    sed 's/^/    /' "$ROOT_DIR/scripts/demo_logins.txt"
fi
echo "=================================================================="
echo

exec "$ODOO_BIN" -c "$ODOO_CONF" -d "$DEMO_DB" --db-filter="^${DEMO_DB}\$" \
    --http-interface=127.0.0.1 --http-port="$HTTP_PORT"
