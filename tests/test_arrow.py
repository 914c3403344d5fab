"""arrow_schema() describes to_dict() exactly; parse_arrow() maps a text column to a column of
mention lists with that type (skipped without pyarrow: the `arrow` extra)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import quantnorm

pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed: pip install -e '.[arrow]'")

NEWS = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus" / "news.txt"
TEXTS = [
    "Russia has deployed over 50,000 troops; the region covers more than 380 square miles.",
    "between 5 and 10 km, about 11,000 people, rose 2.1% to $4.2bn, nearly 15,000 tonnes",
    "No numbers at all.",
    "",
]


def _keys(t: Any) -> Any:
    """The nested key structure of an Arrow struct type."""
    return [(f.name, _keys(f.type)) for f in t] if pa.types.is_struct(t) else None


def _dict_keys(d: Any) -> Any:
    return [(k, _dict_keys(v)) for k, v in d.items()] if isinstance(d, dict) else None


def _as_arrow_record(d: dict[str, Any]) -> dict[str, Any]:
    """What a to_dict() record becomes in Arrow: floats, and value as a list."""
    def f(x: Any) -> Any:
        return None if x is None else float(x)

    value = d["value"] if isinstance(d["value"], list) else [d["value"]]
    iv = d["interval"]
    return {**d, "value": [float(v) for v in value],
            "quantity": {**d["quantity"], "magnitude": f(d["quantity"]["magnitude"])},
            "interval": {**iv, "low": f(iv["low"]), "high": f(iv["high"])}}


def test_the_schema_has_the_keys_of_to_dict_in_order() -> None:
    schema = quantnorm.arrow_schema()
    for m in quantnorm.parse(" ".join(TEXTS)):
        d = m.to_dict()
        assert [f.name for f in schema] == list(d)
        assert _keys(pa.struct(schema)) == _dict_keys(d)


def test_parse_arrow_gives_one_list_per_text_with_nulls_kept() -> None:
    column = quantnorm.parse_arrow([*TEXTS, None])
    assert column.type == pa.list_(pa.struct(quantnorm.arrow_schema()))
    rows = column.to_pylist()
    assert rows[-1] is None
    assert rows[:-1] == [[_as_arrow_record(m.to_dict()) for m in quantnorm.parse(t)] for t in TEXTS]
    assert len(rows[0]) == 2 and rows[1][0]["value"] == [5.0, 10.0]  # a range is [low, high]
    assert rows[0][1]["interval"]["high"] is None  # an open side is a null


def test_every_mention_of_the_news_corpus_fits_the_schema() -> None:
    texts = [s for s in NEWS.read_text(encoding="utf-8").splitlines() if s.strip()]
    column = quantnorm.parse_arrow(pa.array(texts))
    column.validate(full=True)
    assert sum(len(r) for r in column.to_pylist()) == sum(len(quantnorm.parse(t)) for t in texts) > 500


def test_pandas_columns_with_missing_values() -> None:
    pd = pytest.importorskip("pandas")
    for series in (pd.Series(["over 5 km", None, float("nan")], dtype=object),
                   pd.Series(["over 5 km", None, None], dtype=pd.ArrowDtype(pa.string()))):
        rows = quantnorm.parse_arrow(series).to_pylist()
        assert [None if r is None else [m["text"] for m in r] for r in rows] == [["over 5 km"], None, None]


def test_options_and_workers_pass_through() -> None:
    rows = quantnorm.parse_arrow(["It cost $5."] * 3, workers=2, dollar="CAD").to_pylist()
    assert [r[0]["unit"] for r in rows] == ["CAD"] * 3
