"""spaCy stage: a spaCy ``Doc`` -> the same Doc with quantnorm's mentions as ``Span`` objects.

Install ``quantnorm[spacy]``; the ``spacy_factories`` entry point registers the factory, so
``nlp.add_pipe("quantnorm")`` works without importing this module. It needs no model:
``spacy.blank("en")`` is enough (only the tokenizer is used, to make spans).

In: a Doc. Out: the Doc, with
- ``doc._.quantities``: one Span per mention of ``quantnorm.parse(doc.text)``, in text order,
  labelled ``MONEY`` (canonical unit a currency), ``PERCENT`` (percent, percentage points) or
  ``QUANTITY`` (everything else). They are kept in ``doc.spans["quantities"]`` (the
  ``spans_key`` setting), so they survive ``Doc.to_bytes``, ``DocBin`` and ``nlp.pipe(...,
  n_process=N)``.
- ``span._.mention``: the ``quantnorm.Mention`` of a span (``None`` for other spans). The
  mention's ``start``/``end`` are the exact characters; the Span covers whole tokens.
- with ``ents=True``: the spans also go into ``doc.ents`` where they overlap no entity
  already there (earlier components, e.g. a trained NER, win); ``ent._.mention`` works on
  them too (the id travels as the tokens' ``ent_id``).

Identity: each span carries its mention's index in its ``id`` (``span.id_`` is
"quantnorm:<i>", ``<i>`` the mention's place in ``doc._.quantities``), so ``span._.mention``
is one dict look-up, and two mentions inside the same tokens ("5%/6%/7%": three mentions,
spans of the same tokens) each keep their own mention. A span made otherwise (``doc[0:3]``,
another component's span over the same tokens) has another id and gives ``None``.

Alignment: a mention's characters need not fall on token boundaries ("$4.2bn" may be one
token in one tokenizer and three in another). The span is ``doc.char_span(start, end,
alignment_mode="expand")``: the smallest run of whole tokens that covers the mention, so
``span.text`` may be longer than ``mention.text`` (never shorter). Two mentions whose tokens
overlap after expansion both stay in ``doc._.quantities``; only the first goes to ``doc.ents``.

Mentions travel with the Doc as plain data in ``doc.user_data`` (exact values as strings),
so that spaCy's msgpack serialisation keeps them; ``span._.mention`` rebuilds (and caches)
the Mention.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Iterator
from fractions import Fraction
from typing import Any

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from . import registry
from .intervals import Interval
from .mentions import Mention, Parser
from .qualifiers import Bound

__all__ = ["QuantnormComponent", "label_of", "make_quantnorm"]

_DATA_KEY = "quantnorm.mentions"
_ID_PREFIX = "quantnorm:"
_PERCENT = frozenset({"percent", "percentage_point"})


def label_of(mention: Mention) -> str:
    """The entity label of a mention: MONEY, PERCENT or QUANTITY."""
    units = str(mention.quantity.units)
    if units in registry.currency_codes():
        return "MONEY"
    if units in _PERCENT:
        return "PERCENT"
    return "QUANTITY"


def _frac(x: Fraction | None) -> str | None:
    return None if x is None else str(x)


def _unfrac(x: str | None) -> Fraction | None:
    return None if x is None else Fraction(x)


def _encode(m: Mention, span: Span) -> list[Any]:
    """A mention as msgpack-safe data (str, int, bool, None), with its span's characters."""
    value = [str(m.value[0]), str(m.value[1])] if isinstance(m.value, tuple) else str(m.value)
    iv = m.interval
    return [span.start_char, span.end_char, m.text, m.start, m.end, value, str(m.unit) or "dimensionless",
            str(Fraction(m.quantity.magnitude)), str(m.quantity.units) or "dimensionless", m.bound.value,
            _frac(iv.low), _frac(iv.high), iv.low_inclusive, iv.high_inclusive, iv.units,
            m.noun, m.change, _frac(m.precision), m.age]


def _key(record: Any) -> tuple[Any, ...]:
    return tuple(tuple(x) if isinstance(x, list) else x for x in record)


@functools.lru_cache(maxsize=4096)
def _decode(record: tuple[Any, ...]) -> Mention:
    (_s, _e, text, start, end, value, unit, magnitude, units, bound,
     low, high, low_inc, high_inc, iv_units, noun, change, precision, age) = record
    ureg = registry.get_registry()
    return Mention(
        text=text, start=start, end=end,
        value=(Fraction(value[0]), Fraction(value[1])) if isinstance(value, tuple) else Fraction(value),
        unit=registry.unit(unit), quantity=ureg.Quantity(Fraction(magnitude), registry.unit(units)),
        bound=Bound(bound), interval=Interval(_unfrac(low), _unfrac(high), low_inc, high_inc, iv_units),
        noun=noun, change=change, precision=_unfrac(precision), age=age,
    )


# span id (the hash of "quantnorm:<i>") -> i; grown on demand to the most mentions one doc had
_INDEX: dict[int, int] = {}
_INDEX_LOCK = threading.Lock()


def _span_id(i: int) -> str:
    return f"{_ID_PREFIX}{i}"


def _grow_index(n: int) -> None:
    """Make ``_INDEX`` know the ids of mentions 0..n-1 (amortised: each id is hashed once)."""
    with _INDEX_LOCK:
        for i in range(len(_INDEX), n):
            _INDEX[get_string_id(_span_id(i))] = i


def _span_mention(span: Span) -> Mention | None:
    """The mention a span of this component carries: found by the span's id, in O(1)."""
    records = span.doc.user_data.get(_DATA_KEY)
    if not records:
        return None
    if len(_INDEX) < len(records):
        _grow_index(len(records))
    i = _INDEX.get(span.id)
    if i is None or i >= len(records):
        return None
    record = records[i]
    if record[0] != span.start_char or record[1] != span.end_char:  # the id, on another span
        return None
    return _decode(_key(record))


def _doc_quantities(doc: Doc) -> list[Span]:
    key = doc.user_data.get(_DATA_KEY + ".spans_key", "quantities")
    return list(doc.spans[key]) if key in doc.spans else []


def _register_extensions() -> None:
    if not Doc.has_extension("quantities"):
        Doc.set_extension("quantities", getter=_doc_quantities)
    if not Span.has_extension("mention"):
        Span.set_extension("mention", getter=_span_mention)


class QuantnormComponent:
    """The pipeline component: ``nlp.add_pipe("quantnorm", config={...})`` makes one.

    Config: the ``Parser`` options (``dollar``, ``ton``, ``gallon``, ``approx``,
    ``widen_exact``), ``ents`` (also write ``doc.ents``; default False) and ``spans_key``
    (the ``doc.spans`` group; default "quantities")."""

    def __init__(self, *, ents: bool = False, spans_key: str = "quantities", **options: Any) -> None:
        self.parser = Parser(**options)
        self.ents = ents
        self.spans_key = spans_key
        _register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.parser.parse(doc.text)
        spans: list[Span] = []
        records: list[list[Any]] = []
        for m in mentions:
            span = doc.char_span(m.start, m.end, label=label_of(m), alignment_mode="expand",
                                 span_id=_span_id(len(spans)))
            if span is None:  # pragma: no cover - a mention never lies within whitespace only
                continue
            spans.append(span)
            records.append(_encode(m, span))
        doc.spans[self.spans_key] = spans
        doc.user_data[_DATA_KEY] = records
        if self.spans_key != "quantities":
            doc.user_data[_DATA_KEY + ".spans_key"] = self.spans_key
        if self.ents:
            doc.ents = _merge_ents(doc.ents, spans)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _merge_ents(existing: Iterable[Span], new: Iterable[Span]) -> list[Span]:
    taken = [(e.start, e.end) for e in existing]
    merged = list(existing)
    for span in new:
        if any(span.start < e and s < span.end for s, e in taken):
            continue
        taken.append((span.start, span.end))
        merged.append(span)
    return sorted(merged, key=lambda s: s.start)


def make_quantnorm(nlp: Language, name: str, ents: bool, spans_key: str, dollar: str, ton: str, gallon: str,
                   approx: float | None, widen_exact: bool) -> QuantnormComponent:
    """The ``quantnorm`` factory (entry point ``spacy_factories``)."""
    return QuantnormComponent(ents=ents, spans_key=spans_key, dollar=dollar, ton=ton, gallon=gallon,
                              approx=approx, widen_exact=widen_exact)


Language.factory(
    "quantnorm",
    default_config={"ents": False, "spans_key": "quantities", "dollar": "USD", "ton": "metric", "gallon": "US",
                    "approx": None, "widen_exact": False},
    assigns=["doc._.quantities", "doc.spans", "span._.mention"],
    func=make_quantnorm,
)
