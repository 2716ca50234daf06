"""Run every benchmark in bench/ one after the other: ``.venv/bin/python bench/run.py``.

Each ``bench/*.py`` (but this file and files starting with ``_``) runs in its own process
with this interpreter; arguments after ``--`` are passed on to each of them, e.g.
``bench/run.py -- --small``. The exit status is non-zero when a benchmark crashed
(benchmarks print numbers; they do not assert targets).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def benchmarks() -> list[Path]:
    return sorted(
        p for p in HERE.glob("*.py") if p.name != Path(__file__).name and not p.name.startswith("_")
    )


def main(argv: list[str]) -> int:
    extra = argv[argv.index("--") + 1 :] if "--" in argv else []
    failed = []
    for path in benchmarks():
        print(f"=== {path.name} {' '.join(extra)}".rstrip(), flush=True)
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(path), *extra])
        print(f"=== {path.name}: exit {code} after {time.perf_counter() - started:.0f} s\n")
        if code:
            failed.append(path.name)
    if failed:
        print(f"crashed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
