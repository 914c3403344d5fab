"""docs/testing.md runs: its examples execute, and the property tests they define pass.

tests/test_docs.py executes every page's examples; a property test defined in an example is
only a definition there. Here each test function that docs/testing.md defines is also run
(with the profile of tests/conftest.py), as a reader who copies the page into a test file
would run it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parents[1] / "docs" / "testing.md"
_FENCE = re.compile(r"^```python\n(.*?)^```", re.M | re.S)


def _namespace() -> dict[str, object]:
    namespace: dict[str, object] = {"__name__": "docs_testing"}
    for number, code in enumerate(_FENCE.findall(PAGE.read_text(encoding="utf-8")), 1):
        exec(compile(code, f"docs/testing.md (block {number})", "exec"), namespace)
    return namespace


def _tests() -> list[str]:
    return sorted(name for name, value in _namespace().items() if name.startswith("test_") and callable(value))


def test_the_page_defines_property_tests() -> None:
    assert len(_tests()) >= 3


@pytest.mark.parametrize("name", _tests())
def test_a_property_test_of_the_page_passes(name: str) -> None:
    test = _namespace()[name]
    assert callable(test)
    run: Callable[[], None] = test
    run()
