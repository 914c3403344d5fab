"""quantnorm's benchmark: throughput against the peers, growth, cold start, memory, batch.

    python benchmarks/run.py            # about 2 minutes on 2 cores; a 20 MB streaming check
    python benchmarks/run.py --full     # the acceptance run: a 100 MB streaming check too

In: the corpus of benchmarks/_sentences.py (news.txt, and the Recognizers-Text sets and the
seed article read from ../shared at run time). Out: tables on standard output (and the raw
numbers as JSON with --json FILE):

1. throughput, sentence by sentence, best of --repeat passes (runs interleaved), every
   mention fully built (quantnorm: value, canonical quantity, interval, noun; quantulum3:
   its Quantity objects): chars/s, sentences/s, mentions/s and the ratio to quantnorm;
2. growth: one text of 1x, 10x and 100x a base size, t(10x)/t(1x) and t(100x)/t(1x)
   (linear is 10 and 100; the target is <= 110), for news text and for adversarial shapes;
3. cold start: ``python -c "import quantnorm; quantnorm.parse('over 5 km')"``, best of 5;
4. peak RSS of a child process that parses the whole corpus;
5. batch: parse_many serial, with processes and with threads;
6. streaming: the CLI over a JSON-lines file of --stream-mb MB, peak RSS and time.

Ratios are measured in one process, in the same run, on the same sentences; absolute numbers
depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import gc
import importlib.metadata
import json
import os
import platform
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import _sentences

Parse = Callable[[str], Sequence[Any]]
PYTHON = sys.executable


# -- engines -------------------------------------------------------------------------------

def _quantnorm() -> Parse:
    import quantnorm

    parser = quantnorm.Parser()
    return parser.parse


def _quantulum3() -> Parse:
    warnings.filterwarnings("ignore", module="quantulum3")  # "classifier dependencies not installed"
    from quantulum3 import parser

    return parser.parse  # type: ignore[no-any-return]


# name -> (distribution, loader, cold-start snippet)
ENGINES: dict[str, tuple[str, Callable[[], Parse], str]] = {
    "quantnorm": ("quantnorm", _quantnorm, "import quantnorm; quantnorm.parse('over 5 km')"),
    "quantulum3": ("quantulum3", _quantulum3,
                   "import warnings; warnings.simplefilter('ignore'); "
                   "from quantulum3 import parser; parser.parse('over 5 km')"),
}


def installed() -> dict[str, Parse]:
    out: dict[str, Parse] = {}
    for name, (_dist, load, _snippet) in ENGINES.items():
        try:
            out[name] = load()
        except ImportError as exc:
            if name == "quantnorm":
                raise
            print(f"# {name} not installed ({exc}); pip install -e '.[bench]'")
    return out


def version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "-"


# -- measurements --------------------------------------------------------------------------

def one_pass(parse: Parse, sentences: Sequence[str]) -> tuple[float, int]:
    gc.collect()
    t = time.perf_counter()
    n = 0
    for s in sentences:
        n += len(parse(s))
    return time.perf_counter() - t, n


def throughput(engines: dict[str, Parse], sentences: Sequence[str], repeat: int) -> dict[str, dict[str, float]]:
    """Best of ``repeat`` passes per engine, passes interleaved so that load hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in engines}
    found: dict[str, int] = {}
    for _ in range(repeat):
        for name, parse in engines.items():
            dt, n = one_pass(parse, sentences)
            times[name].append(dt)
            found[name] = n
    chars = sum(map(len, sentences))
    out = {}
    for name, ts in times.items():
        best = min(ts)
        out[name] = {"seconds": best, "first_pass": ts[0], "chars_per_s": chars / best,
                     "sentences_per_s": len(sentences) / best, "mentions_per_s": found[name] / best,
                     "mentions": found[name]}
    return out


def _digits(n: int) -> str:
    rng = random.Random(1)
    return "".join(rng.choice("0123456789") for _ in range(n))


def shapes(sentences: Sequence[str]) -> dict[str, Callable[[int], str]]:
    """Text generators: size in characters -> one text of about that size."""
    news = " ".join(sentences)

    def cycle(unit: str) -> Callable[[int], str]:
        return lambda n: (unit * (n // len(unit) + 1))[:n]

    return {
        "news, one line": lambda n: (news * (n // len(news) + 1))[:n],
        "one digit run": _digits,
        "digit runs + spaces": cycle("1234567 89012 345678901 "),
        "repeated qualifiers": lambda n: cycle("more than about nearly up to over ")(n - 5) + " 5 km",
        "many separators": cycle("1,000,000.5-2,3/4 - "),
        "range chains": cycle("5 to 10 to 15 km and "),
    }


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: Any) -> None:
    raise _Timeout


def growth(parse: Parse, make: Callable[[int], str], base: int, limit: float) -> dict[str, float | None]:
    """Seconds for one text of base, 10x and 100x characters, best of 3 at each size (the same
    estimator at each size: a single run of the large text against the best of several small
    ones would count the machine's noise as growth); ratios to 1x. ``r100_no_gc``: the 100x
    ratio with Python's cyclic collector off, which separates the parser's own growth from the
    collector's full passes over the heap, which grow in number with what the parse keeps. A
    parse that takes more than ``limit`` seconds is stopped (SIGALRM) and reported as None."""
    def timed(text: str, reps: int, collector: bool = True) -> float | None:
        best = float("inf")
        for _ in range(reps):
            if 8 < best < float("inf"):  # a slow size is not repeated
                break
            gc.collect()
            if not collector:
                gc.disable()
            signal.setitimer(signal.ITIMER_REAL, limit)
            t = time.perf_counter()
            try:
                parse(text)
            except _Timeout:
                return None
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                gc.enable()
            best = min(best, time.perf_counter() - t)
        return best

    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        t1 = timed(make(base), 5)
        t10 = timed(make(10 * base), 3) if t1 is not None else None
        large = t10 is not None and t10 * 10 <= 4 * limit
        t100 = timed(make(100 * base), 3) if large else None
        t1_no_gc = timed(make(base), 5, collector=False) if t100 is not None else None
        t100_no_gc = timed(make(100 * base), 2, collector=False) if t100 is not None else None
    finally:
        signal.signal(signal.SIGALRM, previous)
    return {"t1": t1, "t10": t10, "t100": t100, "r10": None if t1 is None or t10 is None else t10 / t1,
            "r100": None if t1 is None or t100 is None else t100 / t1,
            "r100_no_gc": None if t1_no_gc is None or t100_no_gc is None else t100_no_gc / t1_no_gc}


def cold_start(snippet: str, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([PYTHON, "-c", snippet], check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t)
    return best


class TreeRSS:
    """Peak of the summed RSS and of the summed PSS (shared pages divided between the processes
    that share them: forked workers share much) of a process and its descendants, from /proc."""

    def __init__(self, pid: int, interval: float = 0.05, skip_root: bool = False) -> None:
        self.pid, self.interval, self.peak_kb, self.skip_root = pid, interval, 0, skip_root
        self.peak_pss_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        pids, frontier = [self.pid], [self.pid]
        while frontier:
            p = frontier.pop()
            try:
                tasks = Path(f"/proc/{p}/task").iterdir()
                kids = [int(c) for t in tasks for c in (t / "children").read_text().split()]
            except OSError:
                continue
            pids += kids
            frontier += kids
        return pids

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = pss = 0
            for p in self._tree()[1 if self.skip_root else 0:]:
                try:
                    for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                        if line.startswith("Rss:"):
                            rss += int(line.split()[1])
                        elif line.startswith("Pss:"):
                            pss += int(line.split()[1])
                except OSError:
                    pass
            self.peak_kb, self.peak_pss_kb = max(self.peak_kb, rss), max(self.peak_pss_kb, pss)
            self._stop.wait(self.interval)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak_kb


# Linux keeps a process's peak RSS across fork and exec, so a child started from this (large)
# process would report at least this process's size: children start from a small launcher.
_LAUNCHER = """
import json, os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(proc.pid, 0)
with open(sys.argv[1], "w") as fh:
    json.dump({"status": os.waitstatus_to_exitcode(status), "max_rss_kb": usage.ru_maxrss,
               "cpu_s": usage.ru_utime + usage.ru_stime}, fh)
"""


def run_child(cmd: list[str], stdin: Any = None, stdout: Any = subprocess.DEVNULL) -> dict[str, float]:
    """Run ``cmd``; its wall time, its peak RSS (wait4: the largest of the process and its
    children) and the peak of the summed RSS of it and its children (sampled from /proc)."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "rusage.json"
        t = time.perf_counter()
        launcher = subprocess.Popen([PYTHON, "-c", _LAUNCHER, str(report), *cmd], stdin=stdin, stdout=stdout)
        tree = TreeRSS(launcher.pid, skip_root=True) if Path("/proc").is_dir() else None
        launcher.wait()
        seconds = time.perf_counter() - t
        tree_kb = tree.stop() if tree else 0
        usage = json.loads(report.read_text())
    if launcher.returncode or usage["status"]:
        raise RuntimeError(f"{cmd} failed with status {usage['status']}")
    return {"seconds": seconds, "cpu_seconds": usage["cpu_s"], "max_rss_mb": usage["max_rss_kb"] / 1024,
            "tree_rss_mb": tree_kb / 1024,
            "tree_pss_mb": (tree.peak_pss_kb if tree else 0) / 1024}


_MEMORY_CHILD = """
import json, sys, warnings
warnings.simplefilter("ignore")
sys.path.insert(0, {here!r})
import run
parse = run.ENGINES[{name!r}][1]()
for s in json.load(open({path!r}, encoding="utf-8")):
    parse(s)
"""


def peak_memory(name: str, corpus_file: str) -> float:
    code = _MEMORY_CHILD.format(here=str(_sentences.HERE), name=name, path=corpus_file)
    return run_child([PYTHON, "-c", code])["max_rss_mb"]


BATCH_MODES: dict[str, dict[str, Any]] = {
    "serial": {}, "processes x2": {"workers": 2}, "threads x2": {"workers": 2, "pool": "thread"},
}


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def batch(sentences: Sequence[str], copies: int, repeat: int) -> dict[str, dict[str, float]]:
    """parse_many over ``copies`` x the corpus, serial, 2 processes, 2 threads, interleaved, best
    of ``repeat``: chars/s (wall) and CPU seconds (this process and its pool's processes)."""
    import quantnorm

    texts = list(sentences) * copies
    chars = sum(map(len, texts))
    out: dict[str, dict[str, float]] = {label: {"seconds": float("inf")} for label in BATCH_MODES}
    for _ in range(repeat):
        for label, kwargs in BATCH_MODES.items():
            gc.collect()
            t, c = time.perf_counter(), _cpu()
            n = sum(len(ms) for ms in quantnorm.parse_many(texts, **kwargs))
            wall, cpu = time.perf_counter() - t, _cpu() - c
            if wall < out[label]["seconds"]:
                out[label] = {"seconds": wall, "cpu_seconds": cpu, "chars_per_s": chars / wall, "mentions": n}
    return out


def make_jsonl(path: Path, sentences: Sequence[str], megabytes: float) -> int:
    """Records {"id": i, "body": 1 to 8 corpus sentences} up to ``megabytes``; returns the count."""
    rng = random.Random(8)
    limit, size, i = int(megabytes * 1024 * 1024), 0, 0
    with path.open("w", encoding="utf-8") as fh:
        while size < limit:
            body = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 8)))
            line = json.dumps({"id": i, "body": body}, ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            i += 1
    return i


def streaming(sentences: Sequence[str], megabytes: float, jobs: Sequence[int]) -> dict[str, Any]:
    out: dict[str, Any] = {"megabytes": megabytes}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.jsonl"
        out["records"] = make_jsonl(path, sentences, megabytes)
        for j in jobs:
            cmd = [PYTHON, "-m", "quantnorm", "--jobs", str(j), "--input-format", "jsonl", "--text-field", "body",
                   str(path)]
            with (Path(tmp) / "out.jsonl").open("wb") as sink:
                res = run_child(cmd, stdout=sink)
            res["out_lines"] = sum(1 for _ in (Path(tmp) / "out.jsonl").open("rb"))
            res["mb_per_s"] = megabytes / res["seconds"]
            out[f"jobs={j}"] = res
    return out


# -- report --------------------------------------------------------------------------------

def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def load_average() -> str:
    """The 1-minute load average: timings are only comparable on an otherwise idle machine."""
    return f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores" if hasattr(os, "getloadavg") else ""


def fmt(x: float | None, digits: int = 0) -> str:
    return "-" if x is None else f"{x:,.{digits}f}"


def machine() -> dict[str, str]:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info = {"python": platform.python_version(), "platform": platform.platform(), "cpu": cpu,
            "cores": str(os.cpu_count())}
    for dist in ("quantnorm", "pint", "regex", "simplemma", "quantulum3"):
        info[dist] = version(dist)
    return info


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--shared", type=Path, default=_sentences.DEFAULT_SHARED, help="the ../shared folder")
    ap.add_argument("--repeat", type=int, default=3, help="passes per engine; the best counts (default: 3)")
    ap.add_argument("--base", type=int, default=8000, help="growth: characters in the 1x text (default: 8000)")
    ap.add_argument("--limit", type=float, default=30, help="growth: stop one parse after this many seconds")
    ap.add_argument("--batch-copies", type=int, default=10, help="parse_many: copies of the corpus (default: 10)")
    ap.add_argument("--stream-mb", type=float, default=20, help="size of the streaming check's file (default: 20)")
    ap.add_argument("--stream-jobs", default="1,2", help="--jobs values for the streaming check (default: 1,2)")
    ap.add_argument("--full", action="store_true", help="the acceptance run: --stream-mb 100")
    ap.add_argument("--skip", default="", help="comma-separated sections to skip: "
                    "throughput,growth,cold,memory,batch,stream")
    ap.add_argument("--json", type=Path, help="also write the raw numbers to this file")
    args = ap.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    skip = set(filter(None, args.skip.split(",")))
    if args.full:
        args.stream_mb = 100
    results: dict[str, Any] = {"machine": machine()}

    sets = _sentences.load(args.shared)
    sentences = [s for _, ss in sets for s in ss]
    results["corpus"] = {name: {"sentences": len(ss), "chars": sum(map(len, ss))} for name, ss in sets}
    print("# quantnorm benchmark")
    print(" ".join(f"{k}={v}" for k, v in results["machine"].items()))
    print(f"corpus: {len(sentences)} sentences, {sum(map(len, sentences)):,} characters ("
          + ", ".join(f"{n} {len(ss)}" for n, ss in sets) + ")")
    if not args.shared.is_dir():
        print(f"# {args.shared} not found: news.txt only")
    engines = installed()

    if "throughput" not in skip:
        tp = results["throughput"] = throughput(engines, sentences, args.repeat)
        per_set = {name: throughput(engines, ss, args.repeat) for name, ss in sets}
        results["throughput_by_set"] = per_set
        qn = tp["quantnorm"]["chars_per_s"]
        rows = [["engine", "chars/s", "sentences/s", "mentions/s", "mentions", "1st pass chars/s",
                 "quantnorm / engine"]]
        for name, r in tp.items():
            rows.append([name, fmt(r["chars_per_s"]), fmt(r["sentences_per_s"]), fmt(r["mentions_per_s"]),
                         str(r["mentions"]), fmt(sum(map(len, sentences)) / r["first_pass"]),
                         fmt(qn / r["chars_per_s"], 2)])
        print(f"\n## Throughput, sentence by sentence, best of {args.repeat} ({load_average()})\n")
        print(table(rows))
        rows = [["set", *[f"{n} chars/s" for n in engines], *[f"qn / {n}" for n in engines if n != "quantnorm"]]]
        for name, by_engine in per_set.items():
            q = by_engine["quantnorm"]["chars_per_s"]
            rows.append([name, *[fmt(by_engine[n]["chars_per_s"]) for n in engines],
                         *[fmt(q / by_engine[n]["chars_per_s"], 2) for n in engines if n != "quantnorm"]])
        print()
        print(table(rows))

    if "growth" not in skip:
        gr: dict[str, Any] = {}
        rows = [["engine", "shape", "1x s", "10x s", "100x s", "t10/t1", "t100/t1", "t100/t1, collector off"]]
        news = [s for n, ss in sets if n == "news" for s in ss]
        for name, parse in engines.items():
            for shape, make in shapes(news).items():
                if name != "quantnorm" and shape != "news, one line":
                    continue
                try:
                    g = gr[f"{name}: {shape}"] = growth(parse, make, args.base, limit=args.limit)
                except Exception as exc:  # a crash on some shape is a finding, not the end of the run
                    gr[f"{name}: {shape}"] = {"error": f"{type(exc).__name__}: {exc}"}
                    rows.append([name, shape, "error", f"{type(exc).__name__}: {str(exc)[:60]}", "", "", "", ""])
                    continue
                over = f"> {args.limit:g} s"
                rows.append([name, shape, fmt(g["t1"], 4) if g["t1"] is not None else over,
                             fmt(g["t10"], 3) if g["t10"] is not None else over,
                             fmt(g["t100"], 2) if g["t100"] is not None else over,
                             fmt(g["r10"], 1), fmt(g["r100"], 1), fmt(g["r100_no_gc"], 1)])
                print(f"# growth {name}, {shape}: {' '.join(rows[-1][2:])}", file=sys.stderr)
        results["growth"] = gr
        print(f"\n## Growth: one text of 1x, 10x, 100x {args.base:,} characters, best of 3 (linear: 10, 100)\n")
        print(table(rows))

    if "cold" not in skip:
        cs = results["cold_start"] = {name: cold_start(ENGINES[name][2]) for name in engines}
        print("\n## Cold start: import and parse 'over 5 km' in a new interpreter, best of 5\n")
        print(table([["engine", "seconds"], *[[n, fmt(s, 3)] for n, s in cs.items()]]))
        results["cold_start_python"] = cold_start("pass")
        results["cold_start_pint"] = cold_start("import pint")
        print(f"(an empty `python -c pass`: {results['cold_start_python']:.3f} s; `import pint` alone: "
              f"{results['cold_start_pint']:.3f} s, more where numpy or dask is installed, which pint imports)")

    if "memory" not in skip:
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
            json.dump(sentences, fh)
        try:
            mem = results["memory"] = {name: peak_memory(name, fh.name) for name in engines}
            mem["python -c pass"] = run_child([PYTHON, "-c", "pass"])["max_rss_mb"]
        finally:
            os.unlink(fh.name)
        print("\n## Peak RSS of a process that parses the whole corpus\n")
        print(table([["engine", "peak RSS MB"], *[[n, fmt(m, 1)] for n, m in mem.items()]]))

    if "batch" not in skip:
        b = results["batch"] = batch(sentences, args.batch_copies, args.repeat)
        print(f"\n## parse_many over {args.batch_copies} x the corpus, best of {args.repeat} ({load_average()})\n")
        rows = [["mode", "chars/s", "wall vs serial", "CPU s", "CPU vs serial"]]
        for label, r in b.items():
            rows.append([label, fmt(r["chars_per_s"]), fmt(r["chars_per_s"] / b["serial"]["chars_per_s"], 2),
                         fmt(r["cpu_seconds"], 2), fmt(r["cpu_seconds"] / b["serial"]["cpu_seconds"], 2)])
        print(table(rows))
        print("(wall time gains need idle cores: compare the load average; CPU vs serial is the overhead)")

    if "stream" not in skip:
        jobs = [int(j) for j in args.stream_jobs.split(",") if j]
        st = results["streaming"] = streaming(sentences, args.stream_mb, jobs)
        print(f"\n## Streaming CLI: {args.stream_mb:g} MB of JSON lines ({st['records']:,} records; "
              f"{load_average()})\n")
        rows = [["jobs", "seconds", "MB/s", "CPU s", "peak RSS, largest process MB", "peak RSS, all processes MB",
                 "peak PSS, all processes MB"]]
        for j in jobs:
            r = st[f"jobs={j}"]
            rows.append([str(j), fmt(r["seconds"], 1), fmt(r["mb_per_s"], 2), fmt(r["cpu_seconds"], 1),
                         fmt(r["max_rss_mb"], 1), fmt(r["tree_rss_mb"], 1), fmt(r["tree_pss_mb"], 1)])
        print(table(rows))

    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
