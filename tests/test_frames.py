"""quantnorm.frames: to_frame, the Series accessor, and the round trip to the to_dict() records."""

from __future__ import annotations

import dataclasses
import json
import math
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quantnorm
from quantnorm import registry
from quantnorm.intervals import Interval

pd = pytest.importorskip("pandas", reason="quantnorm[pandas] is not installed (pip install -e '.[pandas]')")

from quantnorm.frames import COLUMNS, to_frame, to_records  # noqa: E402

TEXTS = [
    "Russia has deployed over 50,000 troops; the region covers more than 380 square miles.",
    "It cost $4.2bn, about 5% more; prices rose 2.1% and nearly 15,000 people left.",
    "between 5 and 10 km, thousands of troops, a third of the area, 5 ± 0.2 mm",
    "Nothing to count here.",
]


def _records(texts: list[str]) -> list[dict]:
    return [m.to_dict() for t in texts for m in quantnorm.parse(t)]


@pytest.mark.parametrize("text", TEXTS)
def test_to_frame_round_trips_to_the_records(text: str) -> None:
    mentions = quantnorm.parse(text)
    frame = quantnorm.to_frame(mentions)
    assert list(frame.columns) == list(COLUMNS)
    assert frame.index.name == "mention" and list(frame.index) == list(range(len(mentions)))
    records = to_records(frame)
    assert records == [m.to_dict() for m in mentions]
    # and as JSON, numbers included (ints stay ints)
    assert json.dumps(records) == json.dumps([m.to_dict() for m in mentions])


def test_the_seed_article(shared: Path) -> None:
    text = (shared / "data" / "seed" / "kursk.txt").read_text(encoding="utf-8")
    mentions = quantnorm.parse(text)
    frame = to_frame(mentions)
    assert to_records(frame) == [m.to_dict() for m in mentions]
    assert frame["text"].tolist() == [m.text for m in mentions]


def test_columns_and_types() -> None:
    frame = to_frame(quantnorm.parse("more than 380 square miles, between 5 and 10 km"))
    assert frame["start"].dtype == "int64" and frame["end"].dtype == "int64"
    for column in ("quantity_magnitude", "interval_low", "interval_high"):
        assert frame[column].dtype == "float64"
    assert frame["interval_low_inclusive"].dtype == bool
    assert math.isnan(frame.loc[0, "interval_high"])  # an open side
    assert frame.loc[1, "value"] == [5, 10]
    assert frame.loc[0, "quantity_magnitude"] == pytest.approx(984195481.92768)


def test_empty() -> None:
    frame = to_frame([])
    assert list(frame.columns) == list(COLUMNS) and len(frame) == 0
    assert to_records(frame) == []


def test_the_accessor_gives_one_row_per_mention_indexed_by_the_source_row() -> None:
    df = pd.DataFrame({"body": [TEXTS[0], None, TEXTS[3], TEXTS[1]]}, index=pd.Index(["a", "b", "c", "d"], name="id"))
    import quantnorm.frames  # registers the accessor

    frame = df["body"].quantnorm.mentions()
    assert frame.index.names == ["id", "mention"]
    expected = [("a", i) for i in range(len(quantnorm.parse(TEXTS[0])))] + [
        ("d", i) for i in range(len(quantnorm.parse(TEXTS[1])))]
    assert list(frame.index) == expected
    assert to_records(frame) == _records([TEXTS[0], TEXTS[1]])
    joined = df.join(frame.droplevel("mention"))
    assert joined.loc["a", "text"].tolist() == [m.text for m in quantnorm.parse(TEXTS[0])]


def test_the_accessor_passes_options_and_parses() -> None:
    import quantnorm.frames  # registers the accessor

    s = pd.Series(["It weighs 5 tons."])
    assert to_records(s.quantnorm.mentions(ton="short")) == _records_with(["It weighs 5 tons."], ton="short")
    parsed = s.quantnorm.parse()
    assert parsed.iloc[0] == quantnorm.parse("It weighs 5 tons.")
    with pytest.raises(TypeError):
        pd.Series([b"bytes"]).quantnorm.mentions()


def _records_with(texts: list[str], **options: str) -> list[dict]:
    return [m.to_dict() for t in texts for m in quantnorm.parse(t, **options)]


def test_a_pint_pandas_column_in_chosen_units() -> None:
    pytest.importorskip("pint_pandas", reason="pint-pandas is not installed")
    frame = to_frame(quantnorm.parse("more than 380 square miles and 300 troops"), units="km**2")
    assert str(frame["quantity"].dtype).startswith("pint[kilometer ** 2]")
    assert frame["quantity"].pint.magnitude.iloc[0] == pytest.approx(984.19548192768)
    assert math.isnan(frame["quantity"].pint.magnitude.iloc[1])  # a count is not an area
    assert to_records(frame) == _records(["more than 380 square miles and 300 troops"])


def test_import_quantnorm_does_not_import_pandas_but_registers_when_pandas_is_there() -> None:
    code = "import sys, quantnorm; quantnorm.parse('5 km'); print('pandas' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
    code = ("import pandas as pd, quantnorm; "
            "print(pd.Series(['over 5 km']).quantnorm.mentions()['text'].tolist())")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "['over 5 km']"


# --- exact round trip whatever the numbers (float64 only where it is exact) ----------------------

HUGE = [
    "The universe is 93 billion light-years across.",  # 879847933950014362732199936... m: beyond 2**53
    "12345678901234567 people",  # an int float64 rounds (to ...568)
    "9007199254740993 people and 5 km",  # 2**53 + 1 beside a small value
    "between 12345678901234567 and 12345678901234569 km",
    "nearly 4,000,000,000,000,000,000 tonnes, about 1.5e20 kg and $3 trillion",
    "0.000000000000000001 mm, 2.5 km and more than 380 square miles",
]


def _exact(records: list[dict]) -> list[str]:
    """Records as JSON text: equal only if every number has the same value and the same type."""
    return [json.dumps(r) for r in records]


@pytest.mark.parametrize("text", HUGE)
def test_huge_values_round_trip_exactly(text: str) -> None:
    mentions = quantnorm.parse(text)
    assert mentions
    expected = [m.to_dict() for m in mentions]
    records = to_records(to_frame(mentions))
    assert records == expected
    assert _exact(records) == _exact(expected)


def test_a_column_is_float64_only_where_that_is_exact() -> None:
    small = to_frame(quantnorm.parse("more than 380 square miles and 0.5 km"))
    assert all(small[c].dtype == "float64" for c in ("quantity_magnitude", "interval_low", "interval_high"))
    huge = to_frame(quantnorm.parse("12345678901234567 people and 5 km"))
    assert huge["quantity_magnitude"].dtype == object
    assert huge["quantity_magnitude"].tolist() == [12345678901234567, 5000]
    assert huge["quantity_magnitude"].astype(float).iloc[1] == 5000.0  # still usable as numbers
    # 2**53 itself is exact in float64; 2**53 + 1 is not
    assert to_frame(quantnorm.parse("9007199254740992 people"))["interval_low"].dtype == "float64"
    assert to_frame(quantnorm.parse("9007199254740993 people"))["interval_low"].dtype == object


def test_the_accessor_keeps_huge_values_exact() -> None:
    texts = ["over 5 km", "The universe is 93 billion light-years across.", None, "12345678901234567 people"]
    frame = pd.Series(texts).quantnorm.mentions()
    expected = _records([t for t in texts if t is not None])
    assert _exact(to_records(frame)) == _exact(expected)


_UNITS = ["people", "km", "light-years", "tonnes", "square miles", "percent", "kg", "mm", "dollars"]
_QUALIFIERS = ["", "about ", "more than ", "nearly ", "at least ", "up to "]


@st.composite
def _numbers(draw: st.DrawFn) -> str:
    whole = draw(st.integers(min_value=0, max_value=10**30))
    if draw(st.booleans()):
        return str(whole)
    digits = draw(st.integers(min_value=0, max_value=10**12))
    return f"{whole}.{digits}"


@given(
    st.lists(st.tuples(st.sampled_from(_QUALIFIERS), _numbers(), st.sampled_from(_UNITS)), min_size=1, max_size=4),
)
def test_generated_texts_round_trip_exactly(parts: list[tuple[str, str, str]]) -> None:
    text = ", and ".join(f"{q}{n} {u}" for q, n, u in parts) + "."
    mentions = quantnorm.parse(text)
    expected = [m.to_dict() for m in mentions]
    assert _exact(to_records(to_frame(mentions))) == _exact(expected)


_FRACTIONS = st.one_of(
    st.fractions(),
    st.integers(min_value=-(10**40), max_value=10**40).map(Fraction),
    # not whole, but the nearest float is: to_dict() gives a whole float (1.0, 1e+20)
    st.integers(min_value=1, max_value=10**30).map(lambda n: Fraction(n * 10**25 + 1, 10**25)),
)


@given(st.lists(st.tuples(_FRACTIONS, _FRACTIONS, st.booleans()), min_size=1, max_size=5))
def test_any_values_round_trip_exactly(values: list[tuple[Fraction, Fraction, bool]]) -> None:
    (template,) = quantnorm.parse("about 5 km")
    mentions = []
    for a, b, open_high in values:
        low, high = min(a, b), max(a, b)
        mentions.append(dataclasses.replace(
            template, value=(low, high), quantity=registry.quantity(a, template.quantity.units),
            interval=Interval(low, None if open_high else high, True, not open_high, "meter"),
        ))
    expected = [m.to_dict() for m in mentions]
    assert _exact(to_records(to_frame(mentions))) == _exact(expected)
