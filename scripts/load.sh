#!/usr/bin/env bash
# Load test (`make load`): Locust (scripts/load.py) drives Odoo's prefork server (127.0.0.1) on
# $LOAD_DB, populated by scripts/bench.sh (an existing one is reused); the cron worker runs the
# daily check meanwhile. Knobs: LOAD_USERS (20), LOAD_TIME (2m), LOAD_PORT (8090), LOAD_DB
# (supervision_load), BENCH_ITEMS (20000), LOAD_KEEP=1 keeps the database. Logs: logs/load*.
set -euo pipefail
# shellcheck source=scripts/setup.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/setup.sh"

export LOAD_DB="${LOAD_DB:-supervision_load}" LOAD_USERS="${LOAD_USERS:-20}" LOAD_FIGURES="$LOG_DIR/load.log"
export LOAD_ACCOUNTS="$BUILD_DIR/load-accounts.json" PORT="${LOAD_PORT:-8090}" LOCUST="$STATE_DIR/locust-venv"
SQL() { psql -qtA -d "$LOAD_DB" -c "$1"; }
trap '[ -z "${SERVER:-}" ] || kill "$SERVER" || true; wait; [ "${LOAD_KEEP:-0}" = 1 ] || us_drop_db "$LOAD_DB"' EXIT
[ -x "$LOCUST/bin/locust" ] || { python3 -m venv "$LOCUST" && # its own gevent, not Odoo's
    "$LOCUST/bin/pip" install -q locust==2.47.0 >"$LOG_DIR/locust-install.log" 2>&1; }
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then us_die "port $PORT is in use (LOAD_PORT)"; fi
us_db_exists "$LOAD_DB" || BENCH_DB="$LOAD_DB" BENCH_ITEMS="${BENCH_ITEMS:-20000}" BENCH_STEPS=none \
    BENCH_KEEP=1 BENCH_JIT=off bash "$ROOT_DIR/scripts/bench.sh" >"$LOG_DIR/load-populate.log"
# The benchmark's users get a password (Odoo hashes it at the first login) and
# an email; load.py learns each unit's users and the items it may see.
SQL "UPDATE res_users SET password = 'load-supervision' WHERE login LIKE 'bench%';
    UPDATE res_partner p SET email = u.login || '@example.edu' FROM res_users u
     WHERE u.partner_id = p.id AND u.login LIKE 'bench%'"
SQL "SELECT json_agg(json_build_object('id', u.id, 'head', h.login, 'leader', l.login, 'liaison',
    (SELECT min(r.login) FROM res_users r JOIN supervision_unit_liaison_rel ul ON ul.user_id = r.id
      WHERE ul.unit_id = u.id), 'visible', (SELECT json_agg(id) FROM supervision_item WHERE lead_unit_id = u.id
      OR id IN (SELECT item_id FROM supervision_item_assist_unit_rel WHERE unit_id = u.id))) ORDER BY u.code)
    FROM supervision_unit u JOIN res_users h ON h.id = u.head_id JOIN res_users l ON l.id = u.leader_in_charge_id" >"$LOAD_ACCOUNTS"
CRON=$(SQL "SELECT res_id FROM ir_model_data WHERE module = '$ADDON_NAME' AND name = 'ir_cron_check_deadlines'")
# Prefork re-runs argv[0] for the websocket (bus) process, which the load does
# not use: a placeholder stands in (gevent's plugins need a newer setuptools).
rm -f "$LOG_DIR/load-server.log"; printf 'import sys, time\nif sys.argv[1:2] == ["gevent"]:\n    time.sleep(86400)\nfrom odoo.cli.command import main\nmain()\n' >"$BUILD_DIR/odoo-prefork.py"
"$PY" "$BUILD_DIR/odoo-prefork.py" -c "$ODOO_CONF" -d "$LOAD_DB" --db-filter="^$LOAD_DB\$" --workers=4 \
    --max-cron-threads=1 --http-interface=127.0.0.1 --http-port="$PORT" --gevent-port="$((PORT + 1))" \
    --logfile="$LOG_DIR/load-server.log" </dev/null >"$LOG_DIR/load-server.out" 2>&1 & SERVER=$!
for _i in $(seq 120); do curl -sfo /dev/null "http://127.0.0.1:$PORT/web/login" && break || sleep 1; done
(sleep "${LOAD_CRON_AFTER:-30}" && SQL "UPDATE ir_cron SET nextcall = now() AT TIME ZONE 'UTC' WHERE id = $CRON" &&
    psql -qd postgres -c "NOTIFY cron_trigger, '$LOAD_DB'") & # the daily check, by the cron worker
"$LOCUST/bin/locust" -f "$ROOT_DIR/scripts/load.py" --headless -u "$LOAD_USERS" -r 2 -t "${LOAD_TIME:-2m}" \
    -H "http://127.0.0.1:$PORT" >"$LOG_DIR/load-locust.log" 2>&1 || true
echo "# university_supervision load test: $LOAD_USERS users, ${LOAD_TIME:-2m}, $(nproc) cores, $(date -u +%F)"
cat "$LOAD_FIGURES"
grep -E "Job .*\($CRON\) (done in|processed)" "$LOG_DIR/load-server.log" | sed 's/^.*Job/# daily check: Job/' ||
    echo "# daily check: did not run during the load"
