"""Docs that cannot rot: every code example of README.md and docs/*.md runs, every doctest in
quantnorm's docstrings runs, and the site (mkdocs.yml) builds in strict mode.

Examples are the fenced ``python``/``py``/``pycon`` blocks of a page. A block with ``>>>`` is a
doctest (expected output compared, whitespace normalised, ``...`` as ellipsis); a block
without is executed. The blocks of a page share one namespace, in order, as a reader would
run them. Markers (HTML comments, invisible on the page):

- ``<!-- doctest: requires spacy pandas -->`` anywhere in a page: its examples run only when
  those modules import (skipped with the reason otherwise);
- ``<!-- doctest: skip -->`` on the line before a fence: that block is not run (for
  illustrations that cannot run, e.g. a benchmark of many minutes).
"""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

import quantnorm

ROOT = Path(__file__).resolve().parents[1]
ALL_PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
_FENCE = re.compile(r"^(?P<indent>[ ]*)```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```[ ]*$", re.M | re.S)
_REQUIRES = re.compile(r"<!--\s*doctest:\s*requires\s+([^>]*?)\s*-->")
_SKIP = re.compile(r"<!--\s*doctest:\s*skip\s*-->\s*$")
_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _blocks(text: str) -> list[tuple[int, str]]:
    """(line number, code) of each runnable block of a page."""
    out = []
    for match in _FENCE.finditer(text):
        if match.group("lang") not in ("python", "py", "pycon"):
            continue
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        if _SKIP.search(before):
            continue
        lineno = text.count("\n", 0, match.start("body"))
        body = "\n".join(line[len(match.group("indent")):] for line in match.group("body").split("\n"))
        out.append((lineno, body))
    return out


def _missing(text: str) -> list[str]:
    names = [n for m in _REQUIRES.finditer(text) for n in m.group(1).replace(",", " ").split()]
    return [n for n in names if importlib.util.find_spec(n) is None]


def _run_doctests(tests: list[doctest.DocTest]) -> tuple[int, int, str]:
    runner = doctest.DocTestRunner(optionflags=_FLAGS)
    report = io.StringIO()
    for test in tests:
        runner.run(test, out=report.write, clear_globs=False)
    return runner.failures, runner.tries, report.getvalue()


PAGES = [p for p in ALL_PAGES if _blocks(p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(ROOT).as_posix() for p in PAGES])
def test_the_examples_of_a_page_run(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    missing = _missing(text)
    if missing:
        pytest.skip(f"{page.name} needs {', '.join(missing)} (an optional extra) for its examples")
    blocks = _blocks(text)
    globs: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    parser = doctest.DocTestParser()
    name = page.relative_to(ROOT).as_posix()
    tries = 0
    for lineno, code in blocks:
        if ">>>" in code:
            test = parser.get_doctest(code, globs, f"{name}:{lineno + 1}", str(page), lineno)
            test.globs = globs  # one namespace per page (get_doctest copies it)
            failures, n, report = _run_doctests([test])
            assert failures == 0, f"{name}, block at line {lineno + 1}:\n{report}"
            tries += n
        else:
            exec(compile(code, f"{name}:{lineno + 1}", "exec"), globs)
            tries += 1
    assert tries > 0


def _modules() -> list[str]:
    """The modules of quantnorm whose source holds a doctest (never __main__, which runs)."""
    names = []
    for path in sorted(Path(quantnorm.__file__).parent.rglob("*.py")):
        if path.name == "__main__.py" or ">>>" not in path.read_text(encoding="utf-8"):
            continue
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


@pytest.mark.parametrize("module", _modules())
def test_the_docstring_examples_of_a_module_run(module: str) -> None:
    try:
        mod = importlib.import_module(module)
    except ImportError as exc:  # an integration whose extra is not installed
        pytest.skip(f"{module} needs an optional extra: {exc}")
    tests = [t for t in doctest.DocTestFinder(exclude_empty=True).find(mod, module) if t.examples]
    if not tests:
        pytest.skip(f"{module} has no docstring examples")
    failures, tries, report = _run_doctests(tests)
    assert tries > 0
    assert failures == 0, report


_DOCS_TOOLS = ("mkdocs", "material", "mkdocstrings", "mkdocstrings_handlers.python")


def test_the_site_builds_in_strict_mode(tmp_path: Path) -> None:
    absent = [m for m in _DOCS_TOOLS if importlib.util.find_spec(m.split(".")[0]) is None]
    if absent:
        pytest.skip(f"the docs tools are not installed ({', '.join(absent)}): pip install -e '.[docs]'")
    site = tmp_path / "site"
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
                         env={**_env(), "NO_MKDOCS_2_WARNING": "1"})
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    for name in quantnorm.__all__:  # the API reference holds every public name (a heading, or named in code)
        assert f'id="quantnorm.{name}"' in api or f"<code>quantnorm.{name}</code>" in api, name
    assert (site / "seed.png").is_file()
    for page in (ROOT / "docs").glob("*.md"):
        assert (site / ("" if page.stem == "index" else page.stem) / "index.html").is_file(), page.name


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)
