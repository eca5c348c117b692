#!/usr/bin/env bash
# Benchmark at university scale (`make bench`): creates the throwaway database
# $BENCH_DB, installs the addon without demo data, populates it and prints one
# line per figure with its hand-written SQL baseline and the ratio
# (scripts/bench.py). The database is dropped at the end unless BENCH_KEEP=1.
#
# Knobs:
#   BENCH_ITEMS   items to populate (default 100000)
#   BENCH_UNITS   units (default 60)
#   BENCH_CREATE  items created through the ORM for the create figure
#                 (default 10000, at most BENCH_ITEMS)
#   BENCH_DB      database name (default supervision_bench)
#   BENCH_JIT     PostgreSQL's jit for the database (default off, as advised
#                 for Odoo in README.md; "on" measures with the server's default)
#   BENCH_KEEP    1 keeps the database afterwards (to profile it)
#   BENCH_STEPS   figures to measure, comma-separated (default
#                 daily_check,list_page,read_groups,create; "none" only populates)
# Output: stdout and .build/logs/bench.log (figures), .build/logs/bench-install.log.
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/setup.sh"

BENCH_DB="${BENCH_DB:-supervision_bench}"
export BENCH_ITEMS="${BENCH_ITEMS:-100000}" BENCH_UNITS="${BENCH_UNITS:-60}"

drop_db() {
    dropdb --if-exists --force "$BENCH_DB" 2>/dev/null || dropdb --if-exists "$BENCH_DB"
    rm -rf "$BUILD_DIR/data/filestore/$BENCH_DB"
}
if [ "${BENCH_KEEP:-0}" != 1 ]; then
    trap drop_db EXIT
fi
drop_db
t0=$SECONDS
us_log "installing $ADDON_NAME into $BENCH_DB (log: $LOG_DIR/bench-install.log)"
rm -f "$LOG_DIR/bench-install.log"
"$ODOO_BIN" -c "$ODOO_CONF" -d "$BENCH_DB" -i "$ADDON_NAME" --without-demo=all \
    --stop-after-init --no-http --log-level=warn \
    --logfile="$LOG_DIR/bench-install.log" </dev/null
# Odoo's record rules make the planner's cost estimates exceed
# jit_above_cost, and JIT compiling then costs about a second per query.
psql -q -d "$BENCH_DB" -c "ALTER DATABASE \"$BENCH_DB\" SET jit = ${BENCH_JIT:-off}"
us_log "installed in $((SECONDS - t0))s; populating $BENCH_ITEMS items over $BENCH_UNITS units"
"$PY" "$ROOT_DIR/scripts/bench.py" -c "$ODOO_CONF" -d "$BENCH_DB" </dev/null |
    tee "$LOG_DIR/bench.log"
us_log "benchmark done in $((SECONDS - t0))s"
