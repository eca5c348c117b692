#!/usr/bin/env bash
# The full check of `university_supervision` (CI runs it through .ci/run).
# Stages (TEST_STAGES, default "install pytest pre-commit clones"); each runs
# even if an earlier one failed, and the exit status is non-zero if any did:
#   install     fresh database $TEST_DB, the addon without demo data; fails
#               on any WARNING/ERROR/CRITICAL line of the log
#   pytest      pytest-odoo over tests/, with an HTTP server for the tours
#   pre-commit  `pre-commit run --all-files` (.pre-commit-config.yaml: ruff,
#               pylint-odoo, OCA's module and .po checks, sudo comments)
#   clones      scripts/setup.sh run twice in temporary clones named
#               university_supervision and otherwise, from a base interpreter
#               without and with the pinned tools: nothing is written into
#               the checkout, the tools run, the second run installs nothing
# Also: ruff, pylint (the two linters alone, quick), i18n-export (exports
# i18n/university_supervision.pot from $TEST_DB, merges it into zh_CN.po).
# Knobs: TEST_DB (supervision_test), PYTEST_ARGS (e.g. "-k 'deadline or
# access' -x"), PYTEST_TIMEOUT (600 s per test), TEST_LANGS (en_US,zh_CN).
# Logs: the build folder's logs/ (printed by the setup).
# shellcheck disable=SC2317  # stages are called as "stage_$name"
set -euo pipefail
# shellcheck source=scripts/setup.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/setup.sh"

TEST_DB="${TEST_DB:-supervision_test}"
TEST_LANGS="${TEST_LANGS-en_US,zh_CN}"
read -r -a STAGES <<<"${TEST_STAGES:-install pytest pre-commit clones}"
declare -A RESULT=() DURATION=()
banner() { printf '\n==== %s ====\n' "$*"; }

stage_install() {
    local log="$LOG_DIR/test-install.log" rc=0 bad
    banner "install: fresh database $TEST_DB, -i $ADDON_NAME, no demo data, languages ${TEST_LANGS:-none}"
    us_drop_db "$TEST_DB"
    rm -f "$log"
    "$ODOO_BIN" -c "$ODOO_CONF" -d "$TEST_DB" -i "$ADDON_NAME" ${TEST_LANGS:+--load-language="$TEST_LANGS"} \
        --without-demo=all --stop-after-init --no-http --log-level=info --logfile="$log" </dev/null || rc=$?
    bad="$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' "$log" || true)"
    if [ -n "$bad" ]; then
        echo "WARNING/ERROR lines in $log:"
        grep -n -A 12 -F -f <(printf '%s\n' "$bad") "$log" | head -n 200
        return 1
    fi
    grep -q "Modules loaded" "$log" && [ "$rc" -eq 0 ] && echo "installed; the log has no WARNING/ERROR line" && return 0
    tail -n 40 "$log"
    return 1
}

stage_pytest() {
    local rc=0 extra=()
    banner "pytest (pytest-odoo) on $ADDON_DIR/tests"
    if [ "${RESULT[install]:-PASS}" != PASS ] || [ "$(psql -d "$TEST_DB" -tAc \
        "SELECT state FROM ir_module_module WHERE name = '$ADDON_NAME'" 2>/dev/null)" != installed ]; then
        echo "$ADDON_NAME is not installed in $TEST_DB: run the install stage first"
        return 1
    fi
    [ -n "${PYTEST_ARGS:-}" ] && mapfile -t extra < <(xargs -n1 printf '%s\n' <<<"$PYTEST_ARGS")
    printf '[pytest]\n' >"$BUILD_DIR/pytest.ini" # not the checkout's pyproject.toml
    (cd "$BUILD_DIR/addons" && PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 timeout --kill-after=30 3600 \
        "$PY" -m pytest -p pytest_odoo -p pytest_timeout -p no:cacheprovider -ra \
        --timeout="${PYTEST_TIMEOUT:-600}" -c "$BUILD_DIR/pytest.ini" --rootdir=. --confcutdir=. \
        --odoo-config="$ODOO_CONF" --odoo-database="$TEST_DB" --odoo-addons-path="$ADDONS_PATH" \
        --odoo-http "${extra[@]}" "$ADDON_NAME/tests" </dev/null) || rc=$?
    [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ] && echo "pytest was stopped after 60 minutes"
    return "$rc"
}

stage_pre-commit() {
    banner "pre-commit run --all-files"
    if ! git -C "$ROOT_DIR" rev-parse --git-dir >/dev/null 2>&1; then
        echo "not a git checkout: pre-commit needs one"
        return 1
    fi
    (cd "$ROOT_DIR" && PRE_COMMIT_HOME="$US_CACHE_DIR/pre-commit" "$PY" -m pre_commit run \
        --all-files --show-diff-on-failure --color=never </dev/null)
}
stage_ruff() {
    banner "ruff check + ruff format --check"
    (cd "$ROOT_DIR" && "$PY" -m ruff check --no-cache . && "$PY" -m ruff format --check --no-cache .)
}
stage_pylint() {
    banner "pylint-odoo (.pylintrc-mandatory)"
    (cd "$BUILD_DIR/addons" && "$PY" -m pylint --rcfile="$ROOT_DIR/.pylintrc-mandatory" "$ADDON_NAME")
}

stage_clones() {
    local tmp base kind name n rc=0 out
    banner "setup in temporary clones (named $ADDON_NAME and otherwise; base interpreter without and with the tools)"
    git -C "$ROOT_DIR" rev-parse HEAD >/dev/null 2>&1 || { echo "not a git checkout: nothing to clone" && return 1; }
    tmp="$(mktemp -d)"
    # A base without the tools: the interpreter the venv was made from, when
    # it imports Odoo and has none of them. A base with them: the venv itself.
    base="$(cut -d' ' -f1 "$VENV_DIR/.us-base")"
    declare -A bases=([with-tools]="$PY")
    if "$base" -c 'import odoo' 2>/dev/null && ! "$base" -c 'import ruff' 2>/dev/null &&
        ! "$base" -c 'import pylint' 2>/dev/null; then
        bases[no-tools]="$base"
    else
        echo "note: $base already has the tools or no Odoo: the case without tools is not run here"
    fi
    for kind in "${!bases[@]}"; do
        for name in "$ADDON_NAME" checkout; do
            git clone -q "$ROOT_DIR" "$tmp/$kind/$name"
            for n in 1 2; do
                out="$(US_CACHE_DIR="$tmp/cache" ODOO_PYTHON="${bases[$kind]}" SKIP_APT=1 bash -c '
                    source "$1/scripts/setup.sh" && cd "$1" &&
                    "$PY" -m ruff check --no-cache -q . && "$PY" -m pylint --version >/dev/null &&
                    "$PY" -m pre_commit --version && "$PY" -m pytest --version &&
                    [ "$(find "$ADDON_DIR" -name "*.py" | wc -l)" = "$(git ls-files "*.py" | wc -l)" ]' \
                    _ "$tmp/$kind/$name" 2>&1)" || { echo "$out" && echo "FAIL: $kind/$name run $n" && rc=1; }
                if [ "$n" = 2 ] && grep -E '\] (creating|installing)' <<<"$out"; then
                    echo "FAIL: $kind/$name: the second run set things up again" && rc=1
                fi
            done
            if [ -n "$(git -C "$tmp/$kind/$name" status --porcelain --ignored)" ]; then
                git -C "$tmp/$kind/$name" status --porcelain --ignored
                echo "FAIL: $kind/$name: the setup wrote into the checkout" && rc=1
            fi
            [ "$rc" = 0 ] && echo "ok: $kind/$name (first and second run)"
        done
    done
    rm -rf "$tmp"
    return "$rc"
}

stage_i18n-export() {
    local pot="$ROOT_DIR/i18n/$ADDON_NAME.pot" po="$ROOT_DIR/i18n/zh_CN.po"
    banner "export $pot from $TEST_DB and merge it into $po"
    "$ODOO_BIN" -c "$ODOO_CONF" -d "$TEST_DB" -u "$ADDON_NAME" --stop-after-init --no-http --log-level=warn &&
        "$ODOO_BIN" -c "$ODOO_CONF" -d "$TEST_DB" --i18n-export="$pot" --modules="$ADDON_NAME" \
            --stop-after-init --no-http --log-level=warn </dev/null || return 1
    us_apt_install gettext
    msgmerge --quiet --update --backup=none --previous --width=78 "$po" "$pot" && msgfmt -c -o /dev/null "$po" &&
        msgfmt --statistics -o /dev/null "$po"
}

overall=0
for stage in "${STAGES[@]}"; do
    declare -F "stage_$stage" >/dev/null || { echo "unknown stage '$stage' in TEST_STAGES" >&2 && exit 2; }
done
for stage in "${STAGES[@]}"; do
    t0=$SECONDS
    RESULT[$stage]=PASS
    "stage_$stage" || { RESULT[$stage]=FAIL && overall=1; }
    DURATION[$stage]=$((SECONDS - t0))
done
banner summary
for stage in "${STAGES[@]}"; do
    printf '  %-11s %s  (%ss)\n' "$stage" "${RESULT[$stage]}" "${DURATION[$stage]}"
done
[ "$overall" = 0 ] && echo "test.sh: all stages OK" || echo "test.sh: FAILED (logs in $LOG_DIR)"
exit "$overall"
