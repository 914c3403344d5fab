"""docs/units.md is generated from the data files and must not drift from them."""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest

from quantnorm import _coverage, registry
from quantnorm.units import lexicon

DOCS = Path(__file__).resolve().parents[1] / "docs" / "units.md"
REGENERATE = "python -m quantnorm._coverage"


def test_docs_units_md_is_up_to_date() -> None:
    expected = _coverage.unit_table()
    current = DOCS.read_text(encoding="utf-8") if DOCS.exists() else ""
    made_with = re.search(r"\(pint ([^)]+)\)", current)
    here = _coverage._pint_version()
    if made_with and made_with.group(1) != here and not os.environ.get("CI"):
        # pint's own unit names are in the table: another pint lists others (pint 0.25 needs
        # Python 3.11; Python 3.10 gets 0.24). CI (CI=1, set by .ci/run) always compares.
        pytest.skip(f"docs/units.md lists the units of pint {made_with.group(1)}; this is pint {here}")
    if current != expected:
        diff = "".join(
            list(difflib.unified_diff(
                current.splitlines(keepends=True), expected.splitlines(keepends=True),
                "docs/units.md", "unit_table()", n=1,
            ))[:40]
        )
        pytest.fail(f"docs/units.md is out of date with the data files; regenerate it with `{REGENERATE}`\n{diff}")


def test_the_table_is_deterministic() -> None:
    assert _coverage.unit_table() == _coverage.unit_table()


@pytest.mark.parametrize("form", ["`sq mi`", "`km²`", "`mph`", "`kWh`ᶜ", "`°c`", "`psi`", "`ppm`", "`bpd`"])
def test_the_table_lists_common_aliases(form: str) -> None:
    assert form in _coverage.unit_table()


def test_the_table_lists_every_currency_rule_and_not_unit() -> None:
    table = _coverage.unit_table()
    lex = lexicon()
    for code in registry.currency_codes():
        assert f"| `{code}` |" in table, code
    for doc in lex.rule_docs.values():
        assert doc.replace("|", "\\|") in table
    for form in lex.not_units:
        assert f"| `{form}` |" in table, form


def test_check_mode_reports_a_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "units.md"
    stale.write_text("# out of date\n", encoding="utf-8")
    assert _coverage.main(["--check", str(stale)]) == 1
    assert _coverage.main([str(stale)]) == 0
    assert _coverage.main(["--check", str(stale)]) == 0
    assert stale.read_text(encoding="utf-8") == _coverage.unit_table()
