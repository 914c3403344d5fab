"""quantnorm.frames: to_frame, the Series accessor, and the round trip to the to_dict() records."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

import quantnorm

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
