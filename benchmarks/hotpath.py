"""Where quantnorm's time goes: a cProfile of the hot path, by function and by module, the time
spent in each regular expression, and the stages of a cold start.

    python benchmarks/hotpath.py                 # the corpus, sentence by sentence
    python benchmarks/hotpath.py --shape "5 to 10 to 15 km and " --size 64000   # one long text

In: the corpus of benchmarks/_sentences.py (or one text repeating --shape). Out: tables on
standard output. The regular-expression table wraps every compiled pattern that quantnorm's
modules and readers hold, so its times include a small wrapper overhead; the cProfile
tables are for the same work without the wrappers.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import importlib
import pstats
import re
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import _sentences

MODULES = ("_scan", "numbers", "units", "nouns", "filters", "qualifiers", "mentions", "registry", "intervals")


def workload(args: argparse.Namespace) -> Callable[[], int]:
    import quantnorm

    parse = quantnorm.Parser().parse
    if args.shape:
        text = (args.shape * (args.size // len(args.shape) + 1))[: args.size]
        return lambda: len(parse(text))
    sentences = [s for _, ss in _sentences.load(args.shared) for s in ss]
    return lambda: sum(len(parse(s)) for s in sentences)


def by_module(stats: pstats.Stats) -> list[tuple[str, float]]:
    """Own time (tottime) summed by file: quantnorm's modules by name, the rest by package."""
    totals: collections.defaultdict[str, float] = collections.defaultdict(float)
    for (filename, _line, func), (_cc, _nc, tt, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if filename == "~":
            key = "builtins: " + (func.split(" of ")[0].strip("<>") if "regex" not in func else "regex (C)")
        elif "/quantnorm/" in filename:
            key = "quantnorm/" + filename.rsplit("/quantnorm/", 1)[1]
        elif "site-packages/" in filename:
            key = filename.split("site-packages/", 1)[1].split("/", 1)[0]
        elif "/lib/python3" in filename or filename.startswith("<frozen"):
            key = "stdlib: " + Path(filename).name
        else:
            key = "other: " + Path(filename).name
        totals[key] += tt
    return sorted(totals.items(), key=lambda kv: -kv[1])


class _Timed:
    """A compiled pattern that adds the time of each call to ``times[name]``."""

    def __init__(self, pattern: Any, name: str, times: dict[str, float], calls: dict[str, int]) -> None:
        self._pattern, self._name, self._times, self._calls = pattern, name, times, calls

    def __getattr__(self, attr: str) -> Any:
        method = getattr(self._pattern, attr)
        if attr not in ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
            return method

        def timed(*a: Any, **kw: Any) -> Any:
            t = time.perf_counter()
            out = method(*a, **kw)
            if attr == "finditer":
                out = iter(list(out))
            self._times[self._name] = self._times.get(self._name, 0.0) + time.perf_counter() - t
            self._calls[self._name] = self._calls.get(self._name, 0) + 1
            return out

        return timed


def wrap_patterns(times: dict[str, float], calls: dict[str, int]) -> int:
    """Replace the compiled patterns of quantnorm's modules and of their cached readers."""
    import regex

    import quantnorm
    from quantnorm._patterns import Near

    quantnorm.parse("over 5 km")  # build the readers first
    holders: list[tuple[str, Any]] = []
    for name in MODULES:
        module = importlib.import_module(f"quantnorm.{name}")
        holders.append((name, module))
        for attr in ("reader", "lexicon", "filters", "tables"):
            factory = getattr(module, attr, None)
            if callable(factory) and hasattr(factory, "cache_info"):
                holders.append((f"{name}.{attr}()", factory()))
    wrapped = 0
    seen: set[int] = set()  # a reader that two modules import is wrapped once
    for prefix, obj in holders:
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        for key, value in list(vars(obj).items()):
            if isinstance(value, (regex.Pattern, re.Pattern)):
                setattr(obj, key, _Timed(value, f"{prefix}.{key}", times, calls))
                wrapped += 1
            elif isinstance(value, Near):  # a pattern matched at a position: time its match
                value._match = _timed_call(value._match, f"{prefix}.{key}", times, calls)
                wrapped += 1
    return wrapped


def _timed_call(method: Callable[..., Any], name: str, times: dict[str, float],
                calls: dict[str, int]) -> Callable[..., Any]:
    def timed(*a: Any) -> Any:
        t = time.perf_counter()
        out = method(*a)
        times[name] = times.get(name, 0.0) + time.perf_counter() - t
        calls[name] = calls.get(name, 0) + 1
        return out

    return timed


def cold_start_stages() -> list[tuple[str, float]]:
    """A new interpreter: import pint, import quantnorm, the first parse (registry, lexicons)."""
    code = (
        "import time; t0 = time.perf_counter(); import pint; t1 = time.perf_counter(); import quantnorm; "
        "t2 = time.perf_counter(); quantnorm.ureg; t3 = time.perf_counter(); quantnorm.parse('over 5 km'); "
        "t4 = time.perf_counter(); print(t1 - t0, t2 - t1, t3 - t2, t4 - t3)"
    )
    best: list[float] | None = None
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
        row = [float(x) for x in out.split()]
        best = row if best is None or sum(row) < sum(best) else best
    assert best is not None
    names = ("import pint", "import quantnorm (the rest)", "build the registry (quantnorm.ureg)",
             "first parse: lexicons, patterns, conversions")
    return list(zip(names, best, strict=True))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=_sentences.DEFAULT_SHARED)
    ap.add_argument("--shape", help="profile one text made of this string repeated")
    ap.add_argument("--size", type=int, default=64000, help="characters of the --shape text")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args(argv)
    run = workload(args)
    run()  # warm: caches, readers, registry
    t = time.perf_counter()
    mentions = run()
    plain = time.perf_counter() - t

    profile = cProfile.Profile()
    profile.enable()
    run()
    profile.disable()
    stats = pstats.Stats(profile)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"# {mentions} mentions in {plain:.3f} s without the profiler ({total:.3f} s with it)\n")
    print("## Own time by module or package\n")
    print("| module | own time s | share |\n|---|---|---|")
    for key, tt in by_module(stats)[: args.top]:
        print(f"| {key} | {tt:.3f} | {tt / total:.0%} |")
    print("\n## Functions by own time\n")
    print("| function | calls | own s | cumulative s |\n|---|---|---|---|")
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])  # type: ignore[attr-defined]
    for (filename, line, func), (_cc, nc, tt, ct, _callers) in rows[: args.top]:
        where = func if filename == "~" else f"{Path(filename).name}:{line} {func}"
        print(f"| {where} | {nc} | {tt:.3f} | {ct:.3f} |")

    times: dict[str, float] = {}
    calls: dict[str, int] = {}
    n = wrap_patterns(times, calls)
    t = time.perf_counter()
    run()
    wrapped_total = time.perf_counter() - t
    print(f"\n## Regular expressions ({n} patterns wrapped; the run took {wrapped_total:.3f} s)\n")
    print("| pattern | calls | s | us per call |\n|---|---|---|---|")
    for name, s in sorted(times.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"| {name} | {calls[name]} | {s:.3f} | {s / calls[name] * 1e6:.2f} |")
    print(f"| all patterns | {sum(calls.values())} | {sum(times.values()):.3f} | |")

    print("\n## Cold start, by stage (a new interpreter, best of 5)\n")
    print("| stage | s |\n|---|---|")
    stages = cold_start_stages()
    for name, s in stages:
        print(f"| {name} | {s:.3f} |")
    print(f"| total (without the interpreter's own start) | {sum(s for _, s in stages):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
