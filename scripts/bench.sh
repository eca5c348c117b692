#!/usr/bin/env bash
# Benchmark at university scale (`make bench`): installs the addon without
# demo data into the throwaway database $BENCH_DB, then scripts/bench.py
# populates it and prints one line per figure with its SQL baseline. The
# database is dropped at the end unless BENCH_KEEP=1.
# Knobs: BENCH_ITEMS (100000), BENCH_UNITS (60), BENCH_CREATE (items created
# for the create figure, 10000 at most BENCH_ITEMS), BENCH_DB
# (supervision_bench), BENCH_JIT (off, as README advises; "on" keeps the
# server's default), BENCH_KEEP=1, BENCH_STEPS (daily_check,list_page,
# read_groups,create; "none" only populates).
# Output: stdout and the build folder's logs/bench.log.
set -euo pipefail
# shellcheck source=scripts/setup.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/setup.sh"

BENCH_DB="${BENCH_DB:-supervision_bench}"
export BENCH_ITEMS="${BENCH_ITEMS:-100000}" BENCH_UNITS="${BENCH_UNITS:-60}"
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'us_drop_db "$BENCH_DB"' EXIT
us_drop_db "$BENCH_DB"
t0=$SECONDS
us_log "installing $ADDON_NAME into $BENCH_DB (log: $LOG_DIR/bench-install.log)"
rm -f "$LOG_DIR/bench-install.log"
"$ODOO_BIN" -c "$ODOO_CONF" -d "$BENCH_DB" -i "$ADDON_NAME" --without-demo=all \
    --stop-after-init --no-http --log-level=warn --logfile="$LOG_DIR/bench-install.log" </dev/null
# With jit on, compiling each query that goes through the record rules costs
# about a second (README, Benchmark).
psql -q -d "$BENCH_DB" -c "ALTER DATABASE \"$BENCH_DB\" SET jit = ${BENCH_JIT:-off}"
us_log "installed in $((SECONDS - t0))s; populating $BENCH_ITEMS items over $BENCH_UNITS units"
"$PY" "$ROOT_DIR/scripts/bench.py" -c "$ODOO_CONF" -d "$BENCH_DB" </dev/null | tee "$LOG_DIR/bench.log"
us_log "benchmark done in $((SECONDS - t0))s"
