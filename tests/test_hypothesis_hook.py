"""quantnorm.strategies._hook, hypothesis's entry point: cheap, and never breaks hypothesis.

Each test runs in a fresh interpreter: the hook runs once, when hypothesis is first imported.
"""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys

import pytest

pytest.importorskip("hypothesis", reason="quantnorm[hypothesis] is not installed")

_ENTRY = "quantnorm.strategies._hook:_hypothesis_setup_hook"
installed = pytest.mark.skipif(
    not any(e.value == _ENTRY for e in importlib.metadata.entry_points(group="hypothesis")),
    reason="quantnorm is not installed with its entry points (pip install -e '.[hypothesis]')",
)


def _run(code: str) -> dict[str, object]:
    run = subprocess.run([sys.executable, "-W", "default", "-c", code], capture_output=True, text=True,
                         check=False, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    out: dict[str, object] = json.loads(run.stdout.strip().splitlines()[-1])
    return out


@installed
def test_import_hypothesis_registers_mention_without_pint() -> None:
    out = _run(
        "import json, sys\n"
        "import hypothesis\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('pint', 'spacy', 'pandas', 'numpy'))\n"
        "import quantnorm\n"
        "from hypothesis import given, settings, strategies as st\n"
        "drawn = []\n"
        "@settings(max_examples=5, database=None)\n"
        "@given(st.from_type(quantnorm.Mention), st.from_type(quantnorm.Interval))\n"
        "def t(m, iv): drawn.append((type(m).__name__, type(iv).__name__, m.text == m.text[m.start:m.end]))\n"
        "t()\n"
        "print(json.dumps({'loaded': loaded, 'drawn': sorted(set(map(str, drawn)))}))\n"
    )
    assert out["loaded"] == []  # nothing heavy at hook time: the strategies are built on the first draw
    assert out["drawn"] == [str(("Mention", "Interval", True))]


# hypothesis runs the hook on import (if installed); then the test breaks something only the
# hook's body uses and runs the hook again, as hypothesis would in a fresh interpreter
_FAIL = (
    "import json, sys, warnings\n"
    "import hypothesis\n"
    "from quantnorm.strategies._hook import _hypothesis_setup_hook\n"
    "{setup}\n"
    "with warnings.catch_warnings(record=True) as caught:\n"
    "    warnings.simplefilter('always')\n"
    "    _hypothesis_setup_hook()\n"
    "from hypothesis import given, settings, strategies as st\n"
    "seen = []\n"
    "@settings(max_examples=3, database=None)\n"
    "@given(st.integers())\n"
    "def t(n): seen.append(n)\n"
    "t()\n"
    "msgs = [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]\n"
    "print(json.dumps({{'works': len(seen) > 0, 'warnings': msgs}}))\n"
)


def test_a_quantnorm_module_that_fails_to_import_gives_a_warning_not_an_error() -> None:
    # None in sys.modules makes `from ..intervals import Interval` raise ImportError inside the hook
    out = _run(_FAIL.format(setup="sys.modules['quantnorm.intervals'] = None"))
    assert out["works"] is True  # hypothesis itself still runs tests
    messages = out["warnings"]
    assert isinstance(messages, list) and messages
    assert all("quantnorm could not register its hypothesis strategies (ModuleNotFoundError" in m for m in messages)
    assert len(messages) == 1


def test_an_error_while_registering_gives_a_warning_not_an_error() -> None:
    setup = ("import hypothesis.strategies as _st\n"
             "def _boom(*a, **k): raise TypeError('no registration today')\n"
             "_st.register_type_strategy = _boom")
    out = _run(_FAIL.format(setup=setup))
    assert out["works"] is True
    messages = out["warnings"]
    assert isinstance(messages, list) and len(messages) == 1
    assert "(TypeError: no registration today)" in messages[0], messages
