"""A/B: is a change to the parser faster? This checkout against another one, on the corpus.

    git worktree add ../quantnorm-base main      # the baseline, once
    python benchmarks/ab.py ../quantnorm-base    # then after each change

Each round parses the corpus of ``_sentences.py`` in a fresh interpreter for each checkout,
alternately (so that a busy machine slows both alike): CPU time, the best of ``--passes``
passes after one warm-up pass. Out: both times and the speed-up (baseline time / this
checkout's time), by the best round and by the median of the rounds' ratios. A change
worth keeping shows the same sign in both; differences under 1 % are noise on a shared machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

ROUND = r"""
import pathlib, sys, time
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
import quantnorm, _sentences
assert quantnorm.__file__.startswith(sys.argv[1]), quantnorm.__file__
parse = quantnorm.Parser().parse
texts = [s for _, ss in _sentences.load(pathlib.Path(sys.argv[3])) for s in ss]
for t in texts:
    parse(t)
best = float("inf")
for _ in range(int(sys.argv[4])):
    start = time.process_time()
    for t in texts:
        parse(t)
    best = min(best, time.process_time() - start)
print(best)
"""


def one_round(checkout: Path, shared: Path, passes: int) -> float:
    out = subprocess.run(
        [sys.executable, "-c", ROUND, str(checkout), str(HERE), str(shared), str(passes)],
        capture_output=True, text=True, check=True,
    )
    return float(out.stdout)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("base", type=Path, help="the baseline checkout (a folder holding quantnorm/)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--passes", type=int, default=7)
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    args = ap.parse_args(argv)
    base, work = args.base.resolve(), HERE.parent
    if not (base / "quantnorm" / "__init__.py").is_file():
        ap.error(f"{base} holds no quantnorm/ package")
    a: list[float] = []
    b: list[float] = []
    for _ in range(args.rounds):
        a.append(one_round(base, args.shared, args.passes))
        b.append(one_round(work, args.shared, args.passes))
    ratios = [x / y for x, y in zip(a, b, strict=True)]
    print(f"baseline {min(a) * 1e3:.1f} ms, this checkout {min(b) * 1e3:.1f} ms: "
          f"speed-up {min(a) / min(b):.3f} (best rounds), {statistics.median(ratios):.3f} (median of rounds)")


if __name__ == "__main__":
    main()
