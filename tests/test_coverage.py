"""docs/units.md is generated from the data files and must not drift from them."""

from __future__ import annotations

import difflib
import logging
import os
import re
from pathlib import Path
from typing import Any

import pytest

from quantnorm import _coverage, registry
from quantnorm.units import lexicon, pint_constants

DOCS = Path(__file__).resolve().parents[1] / "docs" / "units.md"
REGENERATE = "python -m quantnorm._coverage"


def _skip_on_another_pint(current: str) -> None:
    made_with = re.search(r"\(pint ([^)]+)\)", current)
    here = _coverage._pint_version()
    if made_with and made_with.group(1) != here and not os.environ.get("CI"):
        # pint's own unit names are in the table: another pint lists others (pint 0.25 needs
        # Python 3.11; Python 3.10 gets 0.24). CI (CI=1, set by .ci/run) always compares.
        pytest.skip(f"docs/units.md lists the units of pint {made_with.group(1)}; this is pint {here}")


def test_docs_units_md_is_up_to_date() -> None:
    expected = _coverage.unit_table()
    current = DOCS.read_text(encoding="utf-8") if DOCS.exists() else ""
    _skip_on_another_pint(current)
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


def test_every_not_unit_says_why() -> None:
    reasons = _coverage._not_unit_reasons()
    assert set(reasons) == lexicon().not_units
    missing = sorted(form for form, why in reasons.items() if not why)
    assert not missing, f"[not-units] entries without a reason after '#': {missing}"


def test_every_pint_symbol_and_name_is_read_or_a_not_unit() -> None:
    """Each unit of pint's default registry, by its name and its standard symbol, is either a
    form quantnorm reads (any table of the lexicon; "_" read as a space) or a [not-units]
    entry with its reason: no pint unit is left undecided."""
    _skip_on_another_pint(DOCS.read_text(encoding="utf-8") if DOCS.exists() else "")
    import pint

    lex = lexicon()
    ureg: pint.UnitRegistry[Any]
    try:  # pint's default registry, without quantnorm's own units and currencies
        ureg = pint.UnitRegistry(cache_folder=":auto:")
    except Exception:  # an unwritable cache folder
        ureg = pint.UnitRegistry()
    constants = pint_constants()
    quiet = logging.getLogger("pint.util")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # pint logs the keys it finds ambiguous
    try:
        names = {ureg.get_name(key) for key in ureg}
        forms = {(form, name) for name in names for form in (name, ureg.get_symbol(name))}
    finally:
        quiet.setLevel(level)

    def decided(form: str) -> bool:
        spaced = form.replace("_", " ")
        return any(f in lex.exact or f.casefold() in lex.folded or f in lex.not_units for f in (form, spaced))

    undecided = sorted(
        form for form, name in forms if form and name not in constants and form not in constants and not decided(form)
    )
    assert not undecided, (
        f"{len(undecided)} pint symbols or names are neither read nor listed in units.txt "
        f"[not-units]: {undecided}"
    )
