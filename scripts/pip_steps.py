"""Turns pip's output (stdin) into a few short lines saying what it is doing (stdout).

scripts/install.sh sends pip's full output to a log file and through this filter, so a first
install shows its steps ("resolving…", "installing 57 packages…") instead of two lines in 1.5
minutes or pages of pip noise. Errors pass through unchanged. Standard library only: it runs
before the venv has anything in it."""
from __future__ import annotations

import re
import sys


def steps(lines):
    """Yield the short lines for pip's output ``lines``."""
    collected = 0
    building = False
    for raw in lines:
        line = raw.rstrip("\n")
        if line.startswith("Collecting "):
            collected += 1
            if collected == 1:
                yield "  resolving dependencies…"
            elif collected % 20 == 0:
                yield f"  {collected} packages found so far…"
        elif line.startswith("Installing build dependencies") and not building:
            building = True
            yield "  preparing the project's build…"
        elif line.startswith("Installing collected packages:"):
            names = [n for n in line.split(":", 1)[1].split(",") if n.strip()]
            big = [n.strip() for n in names if n.strip() in ("torch", "transformers", "scipy", "faiss-cpu")]
            extra = f" (the largest: {', '.join(big)})" if big else ""
            yield f"  unpacking {len(names)} package{'s' if len(names) != 1 else ''}{extra}…"
        elif line.startswith("Successfully installed"):
            n = len(line.split()) - 2
            yield f"  installed {n} package{'s' if n != 1 else ''}"
        elif re.match(r"\s*(ERROR|error):", line) or line.startswith("WARNING: Retrying"):
            yield line


def main() -> int:
    for out in steps(sys.stdin):
        print(out, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
