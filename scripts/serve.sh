#!/usr/bin/env bash
# Serve the addon with demo data: http://127.0.0.1:8069, database
# supervision_demo, created on the first run (addon + demo data + zh_CN).
# Safe defaults (see README, Production): no database manager or list
# (list_db = False in odoo.conf), no sign-up without an invitation, only
# 127.0.0.1 listens, proxy_mode off.
# Knobs: RESET=1 recreates the database; UPDATE=1 upgrades the addon (done
# anyway when its files changed since the last run); HTTP_PORT (8069);
# DEMO_DB (supervision_demo); DEMO_LANGS (zh_CN,en_US: the first is the
# users' language).
set -euo pipefail
# shellcheck source=scripts/setup.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/setup.sh"

DEMO_DB="${DEMO_DB:-supervision_demo}"
HTTP_PORT="${HTTP_PORT:-8069}"
LOG="$LOG_DIR/serve-install.log"
HASH_FILE="$BUILD_DIR/serve-$DEMO_DB.hash"
odoo_init() { # odoo_init ARGS...: install or upgrade, stop; fail on errors
    rm -f "$LOG"
    if ! "$ODOO_BIN" -c "$ODOO_CONF" -d "$DEMO_DB" "$@" --stop-after-init --no-http \
        --log-level=info --logfile="$LOG" </dev/null || grep -qE '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$LOG"; then
        grep -n -A 12 -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$LOG" | head -n 80 || tail -n 30 "$LOG"
        echo "[serve] ERROR: Odoo failed (log: $LOG); RESET=1 recreates $DEMO_DB." >&2
        exit 1
    fi
}
module_state() { psql -d "$DEMO_DB" -tAc "SELECT state FROM ir_module_module WHERE name = '$1'" 2>/dev/null || true; }

if (exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT") 2>/dev/null; then
    echo "[serve] ERROR: port $HTTP_PORT is in use; stop that server or use HTTP_PORT=8070." >&2
    exit 1
fi
if [ "${RESET:-0}" = 1 ] || { us_db_exists "$DEMO_DB" && [ "$(module_state "$ADDON_NAME")" != installed ]; }; then
    echo "[serve] dropping database $DEMO_DB"
    us_drop_db "$DEMO_DB"
fi
addon_hash() { (cd "$ADDON_DIR" && find . -type f ! -path '*/__pycache__/*' -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-40); }
if ! us_db_exists "$DEMO_DB"; then
    echo "[serve] creating $DEMO_DB with $ADDON_NAME and demo data (a few minutes; log: $LOG)"
    odoo_init -i "$ADDON_NAME" --load-language="${DEMO_LANGS:-zh_CN,en_US}"
    addon_hash >"$HASH_FILE"
elif [ "${UPDATE:-0}" = 1 ] || [ "$(cat "$HASH_FILE" 2>/dev/null)" != "$(addon_hash)" ]; then
    echo "[serve] upgrading $ADDON_NAME in $DEMO_DB to the checkout (log: $LOG)"
    odoo_init -u "$ADDON_NAME"
    addon_hash >"$HASH_FILE"
fi
if [ "$(module_state auth_signup)" = installed ]; then
    # sign-up only through an invitation (Settings > Permissions)
    psql -q -d "$DEMO_DB" -c "INSERT INTO ir_config_parameter (key, value, create_date, write_date)
        VALUES ('auth_signup.invitation_scope', 'b2b', now(), now())
        ON CONFLICT (key) DO UPDATE SET value = 'b2b'"
fi

printf '\n  University Supervision demo: http://127.0.0.1:%s  (database %s; Ctrl-C stops)\n' "$HTTP_PORT" "$DEMO_DB"
sed 's/^/    /' "$ROOT_DIR/demo/demo_logins.txt"
echo
exec "$ODOO_BIN" -c "$ODOO_CONF" -d "$DEMO_DB" --db-filter="^${DEMO_DB}\$" --http-port="$HTTP_PORT"
