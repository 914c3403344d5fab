"""The recipes of docs/scale.md, run as the scripts they are, on a local Dask cluster and a
local Spark: the same mentions as serial parse(). Each is skipped, with the reason, when its
extra (`dask`, `spark`) or Java is missing."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import quantnorm

ROOT = Path(__file__).resolve().parents[1]
SCALE = ROOT / "docs" / "scale.md"
NEWS = ROOT / "benchmarks" / "corpus" / "news.txt"
_BLOCK = re.compile(r"^```python\n(?P<body>\"\"\"(?P<name>\w+\.py):.*?)^```$", re.M | re.S)


def _missing(*modules: str) -> list[str]:
    return [m for m in modules if importlib.util.find_spec(m) is None]


def _recipe(name: str, folder: Path) -> Path:
    """The script ``name`` of docs/scale.md, written to ``folder``."""
    scripts = {m.group("name"): m.group("body") for m in _BLOCK.finditer(SCALE.read_text(encoding="utf-8"))}
    assert name in scripts, f"docs/scale.md has no {name} recipe (it has {sorted(scripts)})"
    path = folder / name
    path.write_text(scripts[name], encoding="utf-8")
    return path


def _run(*argv: str | Path, timeout: int = 600) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
           "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable}
    run = subprocess.run([sys.executable, *map(str, argv)], capture_output=True, text=True, timeout=timeout,
                         env=env, check=False)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-5000:]


@pytest.fixture(scope="module")
def texts() -> list[str | None]:
    lines = [s for s in NEWS.read_text(encoding="utf-8").splitlines() if s.strip()]
    out: list[str | None] = [" ".join(lines[i:i + 3]) for i in range(0, 300, 3)]
    out[7] = None  # a missing text
    out[8] = ""
    return out


def _arrow_records(text: str) -> list[dict[str, Any]]:
    """The mentions of serial parse(), as the Arrow column holds them."""
    def f(x: Any) -> Any:
        return None if x is None else float(x)

    out = []
    for m in quantnorm.parse(text):
        d = m.to_dict()
        iv = d["interval"]
        out.append({**d, "value": [float(v) for v in (d["value"] if isinstance(d["value"], list) else [d["value"]])],
                    "quantity": {**d["quantity"], "magnitude": f(d["quantity"]["magnitude"])},
                    "interval": {**iv, "low": f(iv["low"]), "high": f(iv["high"])}})
    return out


def _parquet(folder: Path, texts: list[str | None], files: int = 3) -> Path:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    folder.mkdir()
    step = -(-len(texts) // files)
    for k in range(files):
        ids = list(range(k * step, min(len(texts), (k + 1) * step)))
        table = pa.table({"id": pa.array(ids, pa.int64()), "text": pa.array([texts[i] for i in ids], pa.string())})
        pq.write_table(table, folder / f"part-{k}.parquet")
    return folder


def _check_parquet_output(target: Path, texts: list[str | None]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    rows = sorted(pq.read_table(target).to_pylist(), key=lambda r: r["id"])
    assert [r["id"] for r in rows] == list(range(len(texts)))
    assert [r["text"] for r in rows] == texts
    for r in rows:
        t = r["text"]
        assert r["mentions"] == (None if t is None else _arrow_records(t)), t
    assert sum(len(r["mentions"] or []) for r in rows) > 100


def test_dask_bag_recipe(tmp_path: Path, texts: list[str | None]) -> None:
    missing = _missing("dask", "distributed")
    if missing:
        pytest.skip(f"the Dask recipe needs {', '.join(missing)}: pip install -e '.[dask]'")
    script = _recipe("parse_bag.py", tmp_path)
    source = tmp_path / "in"
    source.mkdir()
    records = [{"id": i, "text": t} for i, t in enumerate(texts) if t is not None]
    for k in range(2):  # two input files, so more than one partition
        lines = [json.dumps(r) for r in records[k::2]]
        (source / f"{k}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _run(script, f"{source}/*.jsonl", tmp_path / "out")
    got = {}
    for path in sorted((tmp_path / "out").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                got[rec["id"]] = rec["mentions"]
    assert got == {r["id"]: [m.to_dict() for m in quantnorm.parse(str(r["text"]))] for r in records}
    assert sum(map(len, got.values())) > 100


def test_dask_dataframe_recipe(tmp_path: Path, texts: list[str | None]) -> None:
    missing = _missing("dask", "distributed", "pandas", "pyarrow")
    if missing:
        pytest.skip(f"the Dask recipe needs {', '.join(missing)}: pip install -e '.[dask]'")
    script = _recipe("parse_frame.py", tmp_path)
    source = _parquet(tmp_path / "in.parquet", texts)
    _run(script, source, tmp_path / "out.parquet")
    _check_parquet_output(tmp_path / "out.parquet", texts)


def _java() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


def test_pyspark_recipe(tmp_path: Path, texts: list[str | None]) -> None:
    missing = _missing("pyspark", "pandas", "pyarrow")
    if missing:
        pytest.skip(f"the PySpark recipe needs {', '.join(missing)}: pip install -e '.[spark]' (about 300 MB)")
    if _java() is None:
        pytest.skip("the PySpark recipe needs Java (17 or later) on PATH or in JAVA_HOME")
    script = _recipe("parse_spark.py", tmp_path)
    source = _parquet(tmp_path / "in.parquet", texts)
    _run(script, source, tmp_path / "out.parquet")
    _check_parquet_output(tmp_path / "out.parquet", texts)
