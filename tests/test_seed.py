"""The seed article (../shared/data/seed): the eight gold mentions, exactly."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import quantnorm


@pytest.fixture(scope="module")
def seed(shared: Path) -> tuple[str, dict]:
    folder = shared / "data" / "seed"
    text = (folder / "kursk.txt").read_text(encoding="utf-8")
    gold = json.loads((folder / "kursk.gold.json").read_text(encoding="utf-8"))
    return text, gold


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def test_exactly_the_gold_mentions(seed: tuple[str, dict]) -> None:
    text, gold = seed
    found = quantnorm.parse(text)
    assert [(m.start, m.end) for m in found] == [(g["start"], g["end"]) for g in gold["mentions"]]
    for m, g in zip(found, gold["mentions"], strict=True):
        assert m.text == g["text"] == text[m.start:m.end]
        value = [float(v) for v in m.value] if isinstance(m.value, tuple) else float(m.value)
        assert value == g["value"]
        assert m.bound.value == g["bound"]
        assert m.noun == g["noun"]
        assert _close(None if m.interval.low is None else float(m.interval.low), g["low"]), g["text"]
        assert _close(None if m.interval.high is None else float(m.interval.high), g["high"]), g["text"]
        assert m.interval.low_inclusive == g["low_inclusive"]
        assert m.interval.high_inclusive == g["high_inclusive"]
        assert m.interval.units == g["canonical_units"]


def test_nothing_for_the_listed_non_quantities(seed: tuple[str, dict]) -> None:
    text, gold = seed
    spans = [(m.start, m.end) for m in quantnorm.parse(text)]
    for phrase in gold["not_quantities"]:
        at = text.index(phrase)
        assert not any(s < at + len(phrase) and e > at for s, e in spans), phrase


def test_to_dict_is_json_and_matches_the_schema(seed: tuple[str, dict]) -> None:
    text, _ = seed
    for m in quantnorm.parse(text):
        record = json.loads(json.dumps(m.to_dict()))
        assert list(record) == [
            "text", "start", "end", "value", "unit", "quantity", "bound", "interval", "noun", "change"
        ]
        assert list(record["quantity"]) == ["magnitude", "units"]
        assert list(record["interval"]) == ["low", "high", "low_inclusive", "high_inclusive", "units"]
