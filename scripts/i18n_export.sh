#!/usr/bin/env bash
# Export the translation template of `university_supervision` with Odoo's own
# exporter and merge it into the Chinese translation.
#
#   1. setup (scripts/setup.sh: finds Odoo 18, the venv, PostgreSQL, and
#      exposes the checkout as .build/addons/university_supervision)
#   2. makes sure the database has the module installed and up to date with
#      the checkout (-i on a new database, -u otherwise): the exporter reads
#      views, fields, selections, menus... from the database and the _()
#      strings from the addon's files
#   3. python -m odoo --i18n-export=... --modules=university_supervision
#      -> i18n/university_supervision.pot
#   4. merges the template into i18n/zh_CN.po, keeping existing translations:
#      msgmerge (gettext) when available, polib (installed with Odoo)
#      otherwise. New strings come in untranslated, changed strings as
#      "fuzzy" (msgmerge only); both must be translated - and the fuzzy flag
#      removed - before tests/test_i18n.py passes.
#
# Usage: bash scripts/i18n_export.sh [DB]
#
# Knobs:
#   I18N_DB          database to export from (default: the first argument,
#                    else $TEST_DB, else supervision_test - the database of
#                    scripts/test.sh); created with the module if missing
#   I18N_UPDATE=0    do not run `-u university_supervision` before exporting
#                    (faster, but the database must already match the code)
#   I18N_LANGS       languages to merge (default "zh_CN"; i18n/<lang>.po)
#   I18N_KEEP_OBSOLETE=1  keep the strings that left the template as
#                    obsolete (#~) entries instead of dropping them
#   I18N_MERGER      msgmerge (default when installed) or polib
#   I18N_STRICT=1    exit non-zero if a .po still has untranslated or fuzzy
#                    entries after the merge
#   ADDON_SRC, ODOO_PYTHON, ODOO_SRC, SKIP_APT: see scripts/setup.sh
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/setup.sh"

I18N_DB="${1:-${I18N_DB:-${TEST_DB:-supervision_test}}}"
I18N_DIR="$ADDON_SRC/i18n"
POT_FILE="$I18N_DIR/$ADDON_NAME.pot"
read -r -a LANGS <<<"${I18N_LANGS:-zh_CN}"
EXPORT_LOG="$LOG_DIR/i18n-export.log"

i18n_log() { printf '[i18n] %s\n' "$*" >&2; }
i18n_die() {
    printf '\n[i18n] ERROR: %s\n\n' "$*" >&2
    exit 1
}

# Fails if an Odoo log has ERROR/CRITICAL lines (shows them).
i18n_check_log() {
    local log="$1" bad
    bad="$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log" || true)"
    if [ -n "$bad" ]; then
        grep -n -A 12 -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log" | head -n 120 >&2
        return 1
    fi
}

mkdir -p "$I18N_DIR"
: >"$EXPORT_LOG"

# ------------------------------------------------------------ 1. database
module_state="$(psql -d "$I18N_DB" -tAc \
    "SELECT state FROM ir_module_module WHERE name = '$ADDON_NAME'" 2>/dev/null || true)"
if ! us_db_exists "$I18N_DB" || [ "$module_state" != installed ]; then
    if us_db_exists "$I18N_DB"; then
        i18n_log "installing $ADDON_NAME into the existing database $I18N_DB (log: $EXPORT_LOG)"
    else
        i18n_log "creating database $I18N_DB with $ADDON_NAME, no demo data (log: $EXPORT_LOG)"
    fi
    "$ODOO_BIN" -c "$ODOO_CONF" --addons-path="$ADDONS_PATH" -d "$I18N_DB" \
        -i "$ADDON_NAME" --without-demo=all --stop-after-init --no-http \
        --log-level=warn --logfile="$EXPORT_LOG" </dev/null ||
        i18n_die "installing $ADDON_NAME into $I18N_DB failed (see $EXPORT_LOG)"
elif [ "${I18N_UPDATE:-1}" != 0 ]; then
    i18n_log "updating $ADDON_NAME in $I18N_DB so that it matches the checkout (log: $EXPORT_LOG)"
    "$ODOO_BIN" -c "$ODOO_CONF" --addons-path="$ADDONS_PATH" -d "$I18N_DB" \
        -u "$ADDON_NAME" --stop-after-init --no-http \
        --log-level=warn --logfile="$EXPORT_LOG" </dev/null ||
        i18n_die "updating $ADDON_NAME in $I18N_DB failed (see $EXPORT_LOG)"
fi
i18n_check_log "$EXPORT_LOG" || i18n_die "errors while installing/updating $ADDON_NAME (see $EXPORT_LOG)"

# ------------------------------------------------------------ 2. export
TMP_DIR="$(mktemp -d)"
trap 'rm -rf "$TMP_DIR"' EXIT
i18n_log "exporting the template from $I18N_DB"
"$ODOO_BIN" -c "$ODOO_CONF" --addons-path="$ADDONS_PATH" -d "$I18N_DB" \
    --i18n-export="$TMP_DIR/$ADDON_NAME.pot" --modules="$ADDON_NAME" \
    --stop-after-init --no-http --log-level=warn --logfile="$EXPORT_LOG" </dev/null ||
    i18n_die "the export failed (see $EXPORT_LOG)"
i18n_check_log "$EXPORT_LOG" || i18n_die "errors during the export (see $EXPORT_LOG)"
[ -s "$TMP_DIR/$ADDON_NAME.pot" ] || i18n_die "Odoo wrote no template (see $EXPORT_LOG)"
mv "$TMP_DIR/$ADDON_NAME.pot" "$POT_FILE"
n_terms="$(grep -c '^msgid ' "$POT_FILE")"
i18n_log "wrote ${POT_FILE#"$ROOT_DIR"/} ($((n_terms - 1)) terms)"

# ------------------------------------------------------------ 3. merge
# Creates a missing .po, fixes its header, drops obsolete entries (unless
# I18N_KEEP_OBSOLETE=1), writes it back in Odoo's layout and prints its
# statistics. Without msgmerge it also does the merge itself (polib).
i18n_polib() { # i18n_polib MODE(create|merge|finish) PO LANG
    "$PY" - "$1" "$2" "$3" "$POT_FILE" "${I18N_KEEP_OBSOLETE:-0}" <<'EOF'
import sys

import polib

mode, po_path, lang, pot_path, keep_obsolete = sys.argv[1:6]
pot = polib.pofile(pot_path, wrapwidth=78)
if mode == "create":
    po = polib.pofile(pot_path, wrapwidth=78)
    for entry in po:
        entry.msgstr = ""
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
else:
    po = polib.pofile(po_path, wrapwidth=78)
if mode == "merge":
    # Same as msgmerge without fuzzy matching: existing translations are kept
    # for the msgids still in the template, new msgids come in untranslated,
    # references and comments follow the template.
    po.merge(pot)
if keep_obsolete != "1":
    for entry in [e for e in po if e.obsolete]:
        po.remove(entry)
meta = dict(po.metadata)
meta.update(
    {
        "Project-Id-Version": pot.metadata.get("Project-Id-Version", "Odoo Server 18.0"),
        "POT-Creation-Date": pot.metadata.get("POT-Creation-Date", ""),
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
)
if lang.split("_")[0] in ("zh", "ja", "ko", "vi", "th", "id", "ms"):
    meta["Plural-Forms"] = "nplurals=1; plural=0;"
meta.setdefault("Language-Team", "")
meta.setdefault("Last-Translator", "")
po.metadata = meta
po.header = (
    "Translation of Odoo Server.\n"
    "This file contains the translation of the following modules:\n"
    "\t* university_supervision"
)
po.save(po_path)
live = [e for e in po if not e.obsolete]
untranslated = [e for e in live if not e.msgstr]
fuzzy = [e for e in live if "fuzzy" in e.flags]
print(f"{len(live)} {len(untranslated)} {len(fuzzy)}")
EOF
}

MERGER="${I18N_MERGER:-}"
if [ -z "$MERGER" ]; then
    if command -v msgmerge >/dev/null 2>&1; then
        MERGER=msgmerge
    else
        MERGER=polib
        i18n_log "msgmerge not found (apt-get install gettext): merging with polib, without fuzzy matching"
    fi
fi
case "$MERGER" in
msgmerge | polib) ;;
*) i18n_die "I18N_MERGER must be msgmerge or polib, not '$MERGER'" ;;
esac

status=0
for lang in "${LANGS[@]}"; do
    po="$I18N_DIR/$lang.po"
    if [ ! -f "$po" ]; then
        i18n_log "creating ${po#"$ROOT_DIR"/}"
        i18n_polib create "$po" "$lang" >/dev/null
    elif [ "$MERGER" = msgmerge ]; then
        # --previous: fuzzy entries show the old msgid they were matched with.
        msgmerge --quiet --update --backup=none --previous --width=78 "$po" "$POT_FILE"
    else
        i18n_polib merge "$po" "$lang" >/dev/null
    fi
    read -r total untranslated fuzzy < <(i18n_polib finish "$po" "$lang")
    if command -v msgfmt >/dev/null 2>&1; then
        msgfmt --check-header --check-domain -o /dev/null "$po" ||
            i18n_die "msgfmt rejects ${po#"$ROOT_DIR"/}"
    fi
    i18n_log "${po#"$ROOT_DIR"/}: $total entries, $untranslated untranslated, $fuzzy fuzzy (merged with $MERGER)"
    if [ "$untranslated" != 0 ] || [ "$fuzzy" != 0 ]; then
        i18n_log "  translate them (and remove the fuzzy flags), then run tests/test_i18n.py"
        [ "${I18N_STRICT:-0}" = 1 ] && status=1
    fi
done
exit "$status"
