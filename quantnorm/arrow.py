"""Arrow stage: mentions -> Apache Arrow data, for dataframes and distributed engines.

In: texts (a list, a pandas Series, a pyarrow Array or ChunkedArray; None and nulls allowed).
Out: ``arrow_schema()``, the ``pyarrow.Schema`` of one ``Mention.to_dict()`` record, and
``parse_arrow(texts)``, a ``pyarrow.ListArray`` of type ``list<struct<record>>`` with one
list of mentions per text (null for a null text), ready to become a column of a pandas,
Dask or Spark dataframe (docs/scale.md).

The record has the keys of ``to_dict()`` in the same order (docs/schema.md); an Arrow column
has one type, so numbers are float64, and ``value`` is a list of one number, or of two for a
range (``[low, high]``), where the JSON record has a number or a pair.

pyarrow is an optional dependency (``pip install quantnorm[arrow]``): it is imported when
one of these functions is called, never by ``import quantnorm``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .batch import parse_many

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["arrow_schema", "parse_arrow"]


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise ImportError("quantnorm's Arrow output needs pyarrow: pip install 'quantnorm[arrow]'") from None
    return pyarrow


def arrow_schema() -> pa.Schema:
    """The Arrow schema of one mention record (``Mention.to_dict()``, docs/schema.md).

    The type of a column of mention lists is ``pa.list_(pa.struct(arrow_schema()))``.
    """
    pa = _pyarrow()
    f64, text = pa.float64(), pa.string()
    return pa.schema([
        pa.field("text", text, nullable=False),
        pa.field("start", pa.int64(), nullable=False),
        pa.field("end", pa.int64(), nullable=False),
        pa.field("value", pa.list_(pa.field("item", f64, nullable=False)), nullable=False),
        pa.field("unit", text, nullable=False),
        pa.field("quantity", pa.struct([
            pa.field("magnitude", f64, nullable=False),
            pa.field("units", text, nullable=False),
        ]), nullable=False),
        pa.field("bound", text, nullable=False),
        pa.field("interval", pa.struct([
            pa.field("low", f64),
            pa.field("high", f64),
            pa.field("low_inclusive", pa.bool_(), nullable=False),
            pa.field("high_inclusive", pa.bool_(), nullable=False),
            pa.field("units", text, nullable=False),
        ]), nullable=False),
        pa.field("noun", text),
        pa.field("change", text),
    ], metadata={"description": "quantnorm Mention.to_dict() record (docs/schema.md); value is [x] or [low, high]"})


def _record(d: dict[str, Any]) -> dict[str, Any]:
    """A to_dict() record with its numbers as floats and ``value`` as a list."""
    value = d["value"]
    iv = d["interval"]
    return {
        **d,
        "value": [float(v) for v in value] if isinstance(value, list) else [float(value)],
        "quantity": {"magnitude": float(d["quantity"]["magnitude"]), "units": d["quantity"]["units"]},
        "interval": {**iv, "low": None if iv["low"] is None else float(iv["low"]),
                     "high": None if iv["high"] is None else float(iv["high"])},
    }


def _null(t: object) -> bool:
    """None, or a pandas missing value (NaN, pd.NA) in a text column."""
    if t is None:
        return True
    if isinstance(t, float):
        return math.isnan(t)
    return type(t).__name__ == "NAType"


def parse_arrow(texts: Iterable[str | None], *, workers: int | None = None, **options: Any) -> pa.ListArray:
    """Parse each text; one list of mention records per text (null for a null text), as a
    ``pyarrow.ListArray`` of type ``pa.list_(pa.struct(arrow_schema()))``.

    ``texts`` may be a pyarrow (Chunked)Array of strings, a pandas Series or any iterable;
    ``workers`` and ``options`` are those of ``parse_many`` and ``Parser``.
    """
    pa = _pyarrow()
    if isinstance(texts, (pa.Array, pa.ChunkedArray)):
        texts = texts.to_pylist()
    items = [None if _null(t) else t for t in texts]
    parsed = iter(parse_many([t for t in items if t is not None], workers=workers, **options))
    rows = [None if t is None else [_record(m.to_dict()) for m in next(parsed)] for t in items]
    return pa.array(rows, type=pa.list_(pa.struct(arrow_schema())))
