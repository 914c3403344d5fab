"""quantnorm.strategies itself: its vocabulary is right, its examples mean what they say,
they shrink to what the docstrings promise, and hypothesis finds it through the entry point.

These tests check the generators against pint and quantnorm's own data files, never
against ``quantnorm.parse`` (tests/test_properties.py does that).
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import pickle
import subprocess
import sys
from dataclasses import FrozenInstanceError
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

import quantnorm
from quantnorm import _data
from quantnorm import strategies as qst
from quantnorm.strategies._hook import _hypothesis_setup_hook
from quantnorm.strategies._numbers import digits, say
from quantnorm.strategies._vocabulary import vocabulary

ROOT = Path(__file__).resolve().parents[1]
# Shrinking is checked with a fixed search, whatever the profile: the result of find() is the
# simplest example that search reaches.
_FIND = settings(derandomize=True, database=None, max_examples=200)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    return env


# ------------------------------------------------------------------ the renderer's tables


@pytest.mark.parametrize(
    ("n", "options", "words"),
    [
        (0, {}, "zero"),
        (7, {}, "seven"),
        (19, {}, "nineteen"),
        (42, {}, "forty-two"),
        (95, {"hyphen": False}, "ninety five"),
        (100, {"article": True}, "a hundred"),
        (342, {"use_and": True}, "three hundred and forty-two"),
        (342, {}, "three hundred forty-two"),
        (2005, {"use_and": True}, "two thousand and five"),
        (11000, {}, "eleven thousand"),
        (1000, {"article": True}, "a thousand"),
        (1_000_000, {"article": True}, "a million"),
        (105_012, {"use_and": True}, "one hundred and five thousand and twelve"),
        (3_200_000_000, {}, "three billion two hundred million"),
        (10**15 - 1, {"use_and": True},
         "nine hundred and ninety-nine trillion nine hundred and ninety-nine billion nine hundred and ninety-nine "
         "million nine hundred and ninety-nine thousand nine hundred and ninety-nine"),
    ],
)
def test_say_writes_english_cardinals(n: int, options: dict[str, bool], words: str) -> None:
    assert say(n, **options) == words


@pytest.mark.parametrize("n", [-1, 10**15])
def test_say_refuses_numbers_it_cannot_write(n: int) -> None:
    with pytest.raises(ValueError, match=str(n)):
        say(n)


@pytest.mark.parametrize(
    ("n", "sep", "text"),
    [(0, ",", "0"), (999, ",", "999"), (1000, ",", "1,000"), (1234567, " ", "1 234 567"),
     (1234567, "\u2009", "1\u2009234\u2009567"), (50000, "'", "50'000"), (1000, "", "1000")],
)
def test_digits_groups_by_three(n: int, sep: str, text: str) -> None:
    assert digits(n, sep) == text


def test_unit_factors_agree_with_pint() -> None:
    """Every exact factor and offset of vocabulary.txt, against pint's own definitions."""
    ureg = quantnorm.ureg
    for m in vocabulary().measures:
        one = ureg.Quantity(1, m.unit).to(m.canonical).magnitude
        zero = ureg.Quantity(0, m.unit).to(m.canonical).magnitude
        assert float(zero) == pytest.approx(float(m.offset), abs=1e-9), m.unit
        assert float(one - zero) == pytest.approx(float(m.factor), rel=1e-12), m.unit


def test_every_unit_is_one_quantnorm_knows() -> None:
    for m in vocabulary().measures:
        assert str(quantnorm.ureg.Unit(m.unit)) == m.unit  # the name parse() gives it


def _data_phrases(file: str, *sections: str) -> set[str]:
    out: set[str] = set()
    for line in _data.lines(file):
        if line.section in sections:
            text = line.text.split("#")[0]
            text = text.split(" = ")[0] if " = " in text else text
            out.update(p.strip().lower() for p in text.split(",") if p.strip())
    return out


def test_openers_end_with_no_word_that_changes_a_number() -> None:
    """An opener stands right before a quantity: it must not end with a bound phrase, a
    change word, a range opener, a label ("page 5") or a determiner ("the 737")."""
    bad = _data_phrases("qualifiers.txt", "before", "range-open", "change-up", "change-down")
    bad |= _data_phrases("not_quantities.txt", "labels", "determiners", "score-words")
    capitalised = {w.strip() for line in _data.lines("not_quantities.txt") if line.section == "sentence-words"
                   for w in line.text.split(",")}
    v = vocabulary()
    for head in [*v.openers, *(o for _, o, _ in v.claim_openers)]:
        words = head.lower().split()
        for k in range(1, len(words) + 1):
            assert " ".join(words[-k:]) not in bad, head
        assert head.split()[-1] not in capitalised, head


def test_change_words_are_quantnorms_change_words() -> None:
    for direction in ("up", "down"):
        known = _data_phrases("qualifiers.txt", f"change-{direction}")
        skips = _data_phrases("qualifiers.txt", "change-skip")
        for words, d in vocabulary().changes:
            if d == direction:
                first, *rest = words.split()
                assert first in known and all(w in skips for w in rest), words
    assert set(vocabulary().change_bounds) <= _data_phrases("qualifiers.txt", "change-skip")


def test_closers_start_with_no_word_that_joins_a_number() -> None:
    """A closer follows a quantity: not a unit, a rate word, an after-phrase, a range word."""
    joins = _data_phrases("qualifiers.txt", "after", "range-join", "tolerance", "change-noun-up", "change-noun-down")
    joins |= {"a", "an", "per", "each", "every", "of", "old", "times", "in.", "ft."}
    for closer in vocabulary().closers:
        words = closer.strip(" ,.").lower().split()
        for k in range(1, len(words) + 1):
            assert " ".join(words[:k]) not in joins, closer
        if closer.startswith(" "):
            assert quantnorm.parse("5" + closer) == quantnorm.parse("5."), closer


# ------------------------------------------------------------------ what the examples mean


@given(qst.quantities())
def test_an_expected_interval_holds_what_its_bound_says(example: tuple[str, qst.ExpectedMention]) -> None:
    text, e = example
    assert (e.text, e.start, e.end) == (text, 0, len(text))
    iv = e.interval
    low = e.value[0] if isinstance(e.value, tuple) else e.value
    if e.bound.value in ("=", "~", "range"):
        assert iv.low is not None and iv.high is not None
        assert iv.low <= e.magnitude <= iv.high
    if e.bound.value == "=":
        assert iv.low == iv.high == e.magnitude
    if e.bound.value in (">", ">="):
        assert iv.low is not None and (iv.high is None or iv.high > iv.low)
        assert iv.low_inclusive == (e.bound.value == ">=")
    if e.bound.value in ("<", "<="):
        assert iv.high is not None and iv.high_inclusive == (e.bound.value == "<=")
    if e.noun is not None:
        assert e.unit == "count" and iv.units == "count"
    assert low >= 0


@given(qst.quantities(units=["kilometer", "USD"], bounds=["=", ">"], forms=["integers"], separators=[","]))
def test_quantities_keeps_to_its_options(example: tuple[str, qst.ExpectedMention]) -> None:
    text, e = example
    assert e.unit in ("kilometer", "USD")
    assert e.bound.value in ("=", ">")
    assert not any(sep in text for sep in qst.SEPARATORS if sep not in (",", " "))


@given(qst.numbers(forms=["integers"], separators=[], min_value=5, max_value=50))
def test_numbers_keeps_to_its_range(example: tuple[str, Fraction]) -> None:
    text, value = example
    assert 5 <= value <= 50
    assert text == str(value)


@pytest.mark.parametrize(
    ("make", "bad"),
    [
        (lambda: qst.numbers(forms=["roman"]), "roman"),
        (lambda: qst.numbers(separators=["_"]), "_"),
        (lambda: qst.numbers(min_value=5, max_value=2), "5"),
        (lambda: qst.quantities(units=["furlong"]), "furlong"),
        (lambda: qst.quantities(bounds=["!="]), "!="),
        (lambda: qst.quantities(nouns=["unicorn"]), "unicorn"),
        (lambda: qst.sentences(distractors=["weather"]), "weather"),
        (lambda: qst.sentences(min_quantities=3, max_quantities=1), "3"),
        (lambda: qst.claims(properties=["colour"]), "colour"),
    ],
)
def test_bad_options_name_the_bad_value(make: object, bad: str) -> None:
    with pytest.raises(ValueError, match=bad):
        make()  # type: ignore[operator]


# ------------------------------------------------------------------ shrinking


def test_numbers_shrink_to_zero() -> None:
    assert find(qst.numbers(), lambda _: True, settings=_FIND) == ("0", Fraction(0))


def test_numbers_shrink_within_their_options() -> None:
    assert find(qst.numbers(forms=["words"]), lambda _: True, settings=_FIND) == ("zero", Fraction(0))
    assert find(qst.numbers(min_value=12), lambda _: True, settings=_FIND) == ("12", Fraction(12))


def test_quantities_shrink_to_a_bare_zero() -> None:
    text, e = find(qst.quantities(), lambda _: True, settings=_FIND)
    assert text == "0"
    assert (e.value, e.unit, e.bound.value, e.noun) == (Fraction(0), "dimensionless", "=", None)


def test_a_failing_quantity_shrinks_to_the_simplest_that_fails() -> None:
    text, _ = find(qst.quantities(), lambda ex: ex[1].unit == "kilometer" and ex[1].bound.value == ">",
                   settings=_FIND)
    assert text == "more than 0 km"


def test_sentences_shrink_to_one_plain_sentence() -> None:
    text, expected = find(qst.sentences(), lambda _: True, settings=_FIND)
    assert text == "Officials said 0."
    assert [(e.text, e.start, e.end) for e in expected] == [("0", 15, 16)]


def test_claims_shrink_to_the_documented_claim() -> None:
    c = find(qst.claims(), lambda _: True, settings=_FIND)
    assert c.text == "The district is home to 2 people, twice the population of Norland."
    assert c.references == {"Norland": {"population": Fraction(1)}}
    assert c.expected.verdict == "supported"


# ------------------------------------------------------------------ Mention objects


@given(qst.mentions())
def test_generated_mentions_are_real_mentions(m: quantnorm.Mention) -> None:
    assert isinstance(m, quantnorm.Mention)
    assert m.start == 0 and m.end == len(m.text)
    record = m.to_dict()
    assert record["text"] == m.text and record["bound"] == m.bound.value
    assert pickle.loads(pickle.dumps(m)) == m
    with pytest.raises(FrozenInstanceError):
        m.text = "x"  # type: ignore[misc]


@given(qst.quantities())
def test_an_expectation_and_its_mention_agree(example: tuple[str, qst.ExpectedMention]) -> None:
    _, e = example
    assert e.mismatches(e.mention()) == []


def test_the_hook_registers_mention_and_interval() -> None:
    _hypothesis_setup_hook()
    assert isinstance(find(st.from_type(quantnorm.Mention), lambda _: True, settings=_FIND), quantnorm.Mention)
    assert isinstance(find(st.from_type(quantnorm.Interval), lambda _: True, settings=_FIND), quantnorm.Interval)


def test_pyproject_declares_the_entry_point() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    target = meta["project"]["entry-points"]["hypothesis"]["quantnorm"]
    module, _, name = target.partition(":")
    assert module.startswith("quantnorm.strategies")
    assert getattr(importlib.import_module(module), name) is _hypothesis_setup_hook
    assert "hypothesis" in meta["project"]["optional-dependencies"]


def _installed_entry_point() -> bool:
    eps = importlib.metadata.entry_points(group="hypothesis")
    return any(ep.value.startswith("quantnorm.strategies") for ep in eps)


@pytest.mark.skipif(not _installed_entry_point(), reason="quantnorm is not installed (pip install -e .)")
def test_from_type_works_through_the_installed_entry_point() -> None:
    code = (
        "import warnings; warnings.simplefilter('ignore')\n"
        "import quantnorm\n"
        "from hypothesis import strategies as st\n"
        "m = st.from_type(quantnorm.Mention).example()\n"
        "assert isinstance(m, quantnorm.Mention), m\n"
        "print(type(m).__name__)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "Mention"


@pytest.mark.skipif(not _installed_entry_point(), reason="quantnorm is not installed (pip install -e .)")
@pytest.mark.parametrize("first", ["import quantnorm.strategies", "import hypothesis", "import quantnorm"])
def test_any_import_order_works_with_the_entry_point(first: str) -> None:
    """hypothesis runs the hook while it is imported, maybe from inside quantnorm.strategies."""
    code = f"{first}\nimport quantnorm.strategies, hypothesis.strategies as st, quantnorm\n" \
           "assert isinstance(st.from_type(quantnorm.Interval).example(), quantnorm.Interval)\n"
    run = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, timeout=300,
                         check=False)
    assert run.returncode == 0, run.stderr


def test_import_quantnorm_does_not_import_hypothesis() -> None:
    code = (
        "import sys, quantnorm\n"
        "quantnorm.parse('more than 5 km'); quantnorm.verify('It is twice the size of Wales.')\n"
        "loaded = sorted(m for m in sys.modules if m == 'hypothesis' or m.startswith('hypothesis.'))\n"
        "assert not loaded, loaded\n"
        "assert 'quantnorm.strategies' not in sys.modules\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                         env=_env(), check=False)
    assert run.returncode == 0, run.stderr
