#!/usr/bin/env bash
# Full check of the `university_supervision` addon (this is what CI runs):
#   0. setup (scripts/setup.sh)
#   1. install: fresh database `supervision_test`, module installed WITHOUT
#      demo data; fails on any ERROR/WARNING/CRITICAL line in the log
#   2. pytest (pytest-odoo) over the addon's tests/, with an Odoo HTTP server
#      so HttpCase tours can run
#   3. ruff check + ruff format --check
#   4. pylint with pylint-odoo (OCA mandatory checks, .pylintrc)
# Every stage runs even if an earlier one failed; exit status is non-zero if
# any failed. Logs: .build/logs/.
#
# Knobs:
#   PYTEST_ARGS   extra pytest arguments, e.g. PYTEST_ARGS="-k 'deadline or access' -x"
#   PYTEST_TIMEOUT  per-test time limit in seconds (default 600); the whole
#                 pytest stage is also stopped after 60 minutes
#   TEST_STAGES   stages to run (default "install pytest ruff pylint"); e.g.
#                 TEST_STAGES=pytest re-runs the tests against the existing
#                 database without reinstalling (fast TDD loop)
#   TEST_DB       database name (default supervision_test)
#   TEST_LANGS    languages loaded into the test database, comma-separated
#                 (default en_US,zh_CN: the i18n tests need zh_CN; the FIRST
#                 one becomes the database's default language, as in Odoo's
#                 own test databases); "" for none
#   ADDON_SRC     see setup.sh
# Stage functions are called indirectly ("stage_$name").
# shellcheck disable=SC2317
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/setup.sh"

TEST_DB="${TEST_DB:-supervision_test}"
TEST_LANGS="${TEST_LANGS-en_US,zh_CN}"
INSTALL_LOG="$LOG_DIR/test-install.log"
IGNORE_FILE="$ROOT_DIR/scripts/install-log-ignore.txt"

declare -A RESULT=()
declare -A DURATION=()
read -r -a STAGES <<<"${TEST_STAGES:-install pytest ruff pylint}"
banner() { printf '\n==== %s ====\n' "$*"; }

# ---------------------------------------------------------------- install
stage_install() {
    banner "install: fresh database $TEST_DB, -i $ADDON_NAME, no demo data${TEST_LANGS:+, languages $TEST_LANGS}"
    if us_db_exists "$TEST_DB"; then
        dropdb --if-exists --force "$TEST_DB" 2>/dev/null || dropdb --if-exists "$TEST_DB"
    fi
    rm -rf "$BUILD_DIR/data/filestore/$TEST_DB"
    rm -f "$INSTALL_LOG" # Odoo appends to --logfile
    local rc=0 lang_args=()
    if [ -n "$TEST_LANGS" ]; then
        lang_args=(--load-language="$TEST_LANGS")
    fi
    "$ODOO_BIN" -c "$ODOO_CONF" -d "$TEST_DB" -i "$ADDON_NAME" "${lang_args[@]}" \
        --without-demo=all --stop-after-init --no-http \
        --log-level=info --logfile="$INSTALL_LOG" </dev/null || rc=$?
    # Lines like "2026-11-21 10:00:00,123 4242 WARNING db logger: message".
    local bad
    bad="$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' "$INSTALL_LOG" || true)"
    if [ -n "$bad" ] && [ -f "$IGNORE_FILE" ]; then
        bad="$(grep -v -E -f <(grep -v -E '^\s*(#|$)' "$IGNORE_FILE") <<<"$bad" || true)"
    fi
    if ! grep -q "Modules loaded" "$INSTALL_LOG" 2>/dev/null; then
        [ "$rc" -ne 0 ] || rc=1
    fi
    if [ -n "$bad" ]; then
        echo "ERROR/WARNING lines in the install log ($INSTALL_LOG):"
        # Show each offending line with what follows it (tracebacks).
        grep -n -A 12 -F -f <(printf '%s\n' "$bad") "$INSTALL_LOG" | head -n 200
        [ "$rc" -ne 0 ] || rc=1
    fi
    if [ "$rc" -ne 0 ]; then
        if [ -z "$bad" ]; then
            echo "Odoo exited with status $rc; last lines of $INSTALL_LOG:"
            tail -n 40 "$INSTALL_LOG" 2>/dev/null || true
        fi
        return 1
    fi
    echo "module installed; log has no WARNING/ERROR lines ($INSTALL_LOG)"
}

# ---------------------------------------------------------------- pytest
stage_pytest() {
    banner "pytest (pytest-odoo) on $ADDON_DIR/tests"
    local tests_dir="$ADDON_DIR/tests"
    local have_tests=0
    if compgen -G "$tests_dir/test_*.py" >/dev/null; then
        have_tests=1
    fi
    if [ -n "${RESULT[install]:-}" ] && [ "${RESULT[install]}" != PASS ]; then
        echo "skipped: the module did not install cleanly into $TEST_DB"
        return 1
    fi
    if [ -z "${RESULT[install]:-}" ] && [ "$(psql -d "$TEST_DB" -tAc \
        "SELECT state FROM ir_module_module WHERE name = '$ADDON_NAME'" 2>/dev/null)" != installed ]; then
        echo "$ADDON_NAME is not installed in $TEST_DB: run the install stage first"
        return 1
    fi
    if [ ! -d "$tests_dir" ]; then
        echo "no tests/ folder yet: nothing to run"
        return 0
    fi
    # Own (empty) ini file + confcutdir: otherwise pytest adopts the
    # checkout's pyproject.toml and walks up into the checkout (which is
    # itself a package) when collecting.
    printf '[pytest]\n' >"$BUILD_DIR/pytest.ini"
    local rc=0 extra=()
    # PYTEST_ARGS is split like a shell would (quotes kept together), e.g.
    # PYTEST_ARGS="-k 'access or deadline'"
    if [ -n "${PYTEST_ARGS:-}" ]; then
        mapfile -t extra < <(xargs -n1 printf '%s\n' <<<"$PYTEST_ARGS")
    fi
    # Plugins are loaded explicitly (the venv may see unrelated system ones).
    (cd "$ADDON_DIR/.." && PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 \
        timeout --kill-after=30 3600 "$PY" -m pytest \
        -p pytest_odoo -p pytest_timeout -p no:cacheprovider -ra \
        --timeout="${PYTEST_TIMEOUT:-600}" \
        -c "$BUILD_DIR/pytest.ini" --rootdir="$ADDON_DIR/.." --confcutdir="$ADDON_DIR/.." \
        --odoo-config="$ODOO_CONF" \
        --odoo-database="$TEST_DB" \
        --odoo-addons-path="$ADDONS_PATH" \
        --odoo-http \
        "${extra[@]}" \
        "$ADDON_NAME/tests" </dev/null) || rc=$?
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
        echo "pytest was stopped after 60 minutes"
        return 1
    fi
    if [ "$rc" -eq 5 ]; then
        if [ "$have_tests" -eq 0 ]; then
            echo "no tests collected and tests/ has no test_*.py yet: OK for now"
            return 0
        fi
        echo "pytest collected no tests although tests/test_*.py exist: failure"
        return 1
    fi
    return "$rc"
}

# ---------------------------------------------------------------- ruff
stage_ruff() {
    banner "ruff check + ruff format --check"
    local cfg=() rc=0
    if [ "$ADDON_SRC" != "$ROOT_DIR" ]; then
        cfg=(--config "$ROOT_DIR/pyproject.toml")
    fi
    (cd "$ADDON_SRC" && "$VENV_DIR/bin/ruff" check --no-cache "${cfg[@]}" .) || rc=1
    (cd "$ADDON_SRC" && "$VENV_DIR/bin/ruff" format --check --no-cache "${cfg[@]}" .) || rc=1
    if [ "$rc" -ne 0 ]; then
        echo "fix with: .venv/bin/ruff format . && .venv/bin/ruff check --fix ."
    fi
    return "$rc"
}

# ---------------------------------------------------------------- pylint
stage_pylint() {
    banner "pylint + pylint-odoo (OCA mandatory checks, .pylintrc)"
    (cd "$ADDON_DIR/.." && "$PY" -m pylint --rcfile="$ROOT_DIR/.pylintrc" \
        --load-plugins=pylint_odoo "$ADDON_NAME" </dev/null)
}

# ---------------------------------------------------------------- main
overall=0
for stage in "${STAGES[@]}"; do
    if ! declare -F "stage_$stage" >/dev/null; then
        echo "unknown stage '$stage' in TEST_STAGES (known: install pytest ruff pylint)" >&2
        exit 2
    fi
done
for stage in "${STAGES[@]}"; do
    t0=$SECONDS
    RESULT[$stage]=PASS
    if ! "stage_$stage"; then
        RESULT[$stage]=FAIL
        overall=1
    fi
    DURATION[$stage]=$((SECONDS - t0))
done

banner "summary"
for stage in "${STAGES[@]}"; do
    printf '  %-8s %s  (%ss)\n' "$stage" "${RESULT[$stage]}" "${DURATION[$stage]}"
done
if [ "$overall" -eq 0 ]; then
    echo "test.sh: all stages OK"
else
    echo "test.sh: FAILED (see the stages marked FAIL above; logs in .build/logs/)"
fi
exit "$overall"
