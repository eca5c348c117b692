"""Every ``sudo()`` of the addon's code (tests aside) says why: a comment
naming ``sudo`` on its line or one of the four lines before it.

Usage (a pre-commit hook): check_sudo_comments.py FILE.py...
"""

import re
import sys
from pathlib import Path

EXPLAINED = re.compile(r"#.*\bsudo\b")


def unexplained(path):
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if ".sudo()" not in line or line.lstrip().startswith("#"):
            continue
        if not EXPLAINED.search("\n".join(lines[max(0, number - 4) : number + 1])):
            yield f"{path}:{number + 1}: sudo() without a comment saying why"


def main(paths):
    errors = [error for path in paths for error in unexplained(path)]
    print("\n".join(errors), end="\n" if errors else "")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
