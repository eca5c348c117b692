"""Static checks of the shipped translations (i18n/*.po): the header of a
Chinese file, and translations that keep the source's %-placeholders,
{{ }} expressions, QWeb attributes and tags; a translated printed report name
stays a Python expression. (Completeness is tests/test_i18n.py's job: it
needs the database.)

Usage (a pre-commit hook): check_po.py FILE.po...
"""

import re
import sys
from collections import Counter

import polib

# printf directives: %(name)s, %s, %d, %%...
PRINTF = re.compile(r"%(?:\([^)]*\))?[-+ #0]*\d*(?:\.\d+)?[a-z%]")
# inline template expressions of mail templates: {{ object.number }}
INLINE_EXPR = re.compile(r"\{\{.*?\}\}", re.S)
# QWeb directives and classes carried by the markup of a term
QWEB_ATTR = re.compile(r"""\b(?:t-[\w:-]+|class)=(?:"[^"]*"|'[^']*')""")
TAG = re.compile(r"</?\s*([A-Za-z][\w:-]*)")
CHECKS = (
    ("printf placeholders", PRINTF.findall),
    ("{{ }} expressions", INLINE_EXPR.findall),
    ("QWeb attributes", QWEB_ATTR.findall),
    ("tags", TAG.findall),
)


def check_header(path, po):
    meta = po.metadata
    if "charset=UTF-8" not in meta.get("Content-Type", ""):
        yield f"{path}: header: Content-Type must say charset=UTF-8"
    lang = path.rsplit("/", 1)[-1].removesuffix(".po")
    if meta.get("Language") != lang:
        yield f"{path}: header: Language must be {lang}"
    if lang.startswith("zh") and meta.get("Plural-Forms", "").replace(" ", "") != (
        "nplurals=1;plural=0;"
    ):
        yield f"{path}: header: Plural-Forms must be nplurals=1; plural=0;"


def check_entries(path, po):
    for entry in po:
        if entry.obsolete or not entry.msgstr:
            continue
        where = f"{path}:{entry.linenum}"
        for label, find in CHECKS:
            if Counter(find(entry.msgid)) != Counter(find(entry.msgstr)):
                yield f"{where}: {label} differ: {entry.msgid!r} -> {entry.msgstr!r}"
        if any(
            "ir.actions.report,print_report_name" in occurrence
            for occurrence, _line in entry.occurrences
        ):
            try:
                compile(entry.msgstr, "print_report_name", "eval")
            except SyntaxError as e:
                yield f"{where}: not a Python expression ({e}): {entry.msgstr!r}"


def main(paths):
    errors = []
    for path in paths:
        po = polib.pofile(path)
        errors += list(check_header(path, po)) + list(check_entries(path, po))
    print("\n".join(errors), end="\n" if errors else "")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
