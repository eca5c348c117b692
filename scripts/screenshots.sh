#!/usr/bin/env bash
# Re-take the README's screenshots (readme/screenshot_*.png) in Chinese:
#   1. serves a demo database (scripts/serve.sh: module + demo data + zh_CN,
#      created on first run) on a spare port, in the background;
#   2. runs the daily check, logs in as an office staff demo user and shoots
#      the item kanban (with its lights), an item form and the supervision
#      dashboard (Dashboards app) with headless
#      Chromium (scripts/screenshots.py);
#   3. stops the server it started.
#
# Knobs:
#   SHOTS_DB    demo database to use (default supervision_shots)
#   HTTP_PORT   port of the temporary server (default 8070)
#   RESET=1     recreate the demo database first (see serve.sh)
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/setup.sh"

SHOTS_DB="${SHOTS_DB:-supervision_shots}"
HTTP_PORT="${HTTP_PORT:-8070}"
SERVE_LOG="$LOG_DIR/screenshots-serve.log"

echo "[shots] serving $SHOTS_DB on port $HTTP_PORT (log: $SERVE_LOG)"
DEMO_DB="$SHOTS_DB" HTTP_PORT="$HTTP_PORT" bash "$ROOT_DIR/scripts/serve.sh" >"$SERVE_LOG" 2>&1 &
SERVER_PID=$!
stop_server() {
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
}
trap stop_server EXIT

# A new demo database takes a few minutes to install before the port opens.
for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "http://127.0.0.1:$HTTP_PORT/web/login"; then
        break
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        tail -n 30 "$SERVE_LOG" >&2
        echo "[shots] ERROR: the demo server stopped (log: $SERVE_LOG)" >&2
        exit 1
    fi
    sleep 2
done

"$PY" "$ROOT_DIR/scripts/screenshots.py" --url "http://127.0.0.1:$HTTP_PORT" \
    --db "$SHOTS_DB" --out "$ADDON_SRC/readme"
