"""The streaming CLI (--input-format jsonl, --jobs) and what `import quantnorm` costs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import quantnorm
from quantnorm.cli import main

NEWS = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus" / "news.txt"


@pytest.fixture(scope="module")
def records() -> list[dict[str, object]]:
    lines = [s for s in NEWS.read_text(encoding="utf-8").splitlines() if s.strip()]
    return [{"id": i, "body": " ".join(lines[i * 3:i * 3 + 3])} for i in range(60)]


@pytest.fixture()
def jsonl(tmp_path: Path, records: list[dict[str, object]]) -> Path:
    path = tmp_path / "in.jsonl"
    lines = [json.dumps(r) for r in records]
    lines.insert(10, "")  # a blank line is not a record
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_output_record_per_input_record(capsys: pytest.CaptureFixture[str], jsonl: Path,
                                            records: list[dict[str, object]], jobs: str) -> None:
    status, out, err = _run(capsys, "--jobs", jobs, "--input-format", "jsonl", "--text-field", "body", str(jsonl))
    assert status == 0
    assert err == ""  # standard error is not a terminal here: no progress bar
    got = [json.loads(line) for line in out.splitlines()]
    assert len(got) == len(records)
    assert [g["line"] for g in got] == [n for n in range(1, len(records) + 2) if n != 11]
    assert {g["file"] for g in got} == {str(jsonl)}
    for g, r in zip(got, records, strict=True):
        assert g["mentions"] == [m.to_dict() for m in quantnorm.parse(str(r["body"]))]
    assert sum(len(g["mentions"]) for g in got) > 60


@pytest.mark.parametrize(("line", "message"), [
    ("not json", "in.jsonl:2: not a JSON object"),
    ('{"text": "5 km"}', "in.jsonl:2: no string under 'body'"),
    ('["5 km"]', "in.jsonl:2: no string under 'body'"),
])
def test_a_bad_record_stops_with_its_line(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                          line: str, message: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"body": "over 5 km"}\n' + line + "\n", encoding="utf-8")
    status, _out, err = _run(capsys, "--input-format", "jsonl", "--text-field", "body", str(path))
    assert status == 2
    assert message in err


def test_plain_text_output_is_unchanged_by_jobs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    files = []
    for i, text in enumerate(["over 5 km and 3 kg", "no numbers", "It rose 2.1% to $4.2bn."]):
        files.append(tmp_path / f"{i}.txt")
        files[-1].write_text(text, encoding="utf-8")
    _, one, _ = _run(capsys, *map(str, files))
    status, two, _ = _run(capsys, "--jobs", "2", *map(str, files))
    assert status == 0
    assert two == one
    assert [json.loads(line)["text"] for line in one.splitlines()] == ["over 5 km", "3 kg", "2.1%", "$4.2bn"]


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--jobs", "0", "--text", "5 km"])
    assert "positive" in capsys.readouterr().err


def test_import_quantnorm_loads_no_optional_package() -> None:
    # pint itself may import numpy or dask when they are installed: compare with pint alone
    code = (
        "import sys, pint; before = set(sys.modules); import quantnorm; quantnorm.parse('over 5 km'); "
        "print(' '.join(sorted(m.split('.')[0] for m in set(sys.modules) - before)))"
    )
    new = set(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split())
    assert "quantnorm" in new
    assert not new & {"pyarrow", "pandas", "dask", "distributed", "tqdm", "pyspark"}


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal (POSIX)")
def test_a_progress_bar_on_a_terminal_only(jsonl: Path, tmp_path: Path) -> None:
    pytest.importorskip("tqdm", reason="the progress bar is the `progress` extra (tqdm)")
    import fcntl
    import pty
    import struct
    import termios

    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    cmd = [sys.executable, "-m", "quantnorm", "--input-format", "jsonl", "--text-field", "body", str(jsonl)]
    with (tmp_path / "out.jsonl").open("wb") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, stderr=secondary)
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        shown += chunk
    proc.wait(timeout=60)
    os.close(primary)
    assert proc.returncode == 0
    assert b"100%" in shown and b"quantnorm" in shown
    out = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(out) == 60 and all(line.startswith('{"file"') for line in out)  # records: standard output only
