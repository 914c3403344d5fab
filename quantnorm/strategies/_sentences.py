"""Sentence generator: quantities and distractors -> a news-like paragraph and its mentions.

In: a strategy of (text, ``ExpectedMention``) quantities (``quantities()``), how many of
them, which kinds of distractor (numbers that are not quantities: years, decades, dates,
clock times, ordinals, model and product names, sports scores) and whether change words
("rose", "fell by") may precede a quantity.
Out: (paragraph, expected mentions) with every expected span shifted to where its quantity
sits in the paragraph, in text order. The filler (vocabulary.txt [openers], [closers],
[subjects], [lead-ins], [distractors]) was written for this project.

A paragraph is a list of sentences; the list shrinks to one quantity sentence
("Officials said 0."), distractor sentences shrink away first.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from fractions import Fraction

from hypothesis import strategies as st

from ..intervals import Interval
from ._expected import ExpectedMention
from ._vocabulary import vocabulary

__all__ = ["DISTRACTORS", "distractor", "sentences"]

DISTRACTORS = ("year", "decade", "date", "time", "ordinal", "model", "score")
"""Kinds of number that are not quantities, as vocabulary.txt [distractors] names them."""

_SLOT = re.compile(r"\{(\w+)\}")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _slot(name: str) -> st.SearchStrategy[str]:
    v = vocabulary()
    slots: dict[str, st.SearchStrategy[str]] = {
        "year": st.integers(1900, 2099).map(str),
        "decade": st.integers(190, 209).map(lambda d: str(d * 10)),
        "month": st.sampled_from(v.months),
        "monthnum": st.integers(1, 12).map(str),
        "mm": st.integers(1, 12).map(lambda n: f"{n:02d}"),
        "day": st.integers(1, 28).map(str),
        "dd": st.integers(1, 28).map(lambda n: f"{n:02d}"),
        "hour": st.integers(1, 12).map(str),
        "minute": st.integers(0, 59).map(lambda n: f"{n:02d}"),
        "ordinal": st.integers(1, 99).map(_ordinal),
        "small": st.integers(2, 16).map(str),
        "boeing": st.sampled_from(["707", "727", "737", "747", "757", "767", "777", "787"]),
        "goals": st.integers(0, 5).map(str),
        "goals2": st.integers(0, 5).map(str),
    }
    return slots[name]


@st.composite
def _fill(draw: st.DrawFn, template: str) -> str:
    return _SLOT.sub(lambda m: draw(_slot(m.group(1))), template)


def distractor(kinds: Collection[str] = DISTRACTORS) -> st.SearchStrategy[str]:
    """A sentence whose numbers are not quantities ("The vote is set for March 5.")."""
    unknown = set(kinds) - set(DISTRACTORS)
    if unknown:
        raise ValueError(f"unknown distractor kinds {sorted(unknown)}; the kinds are {DISTRACTORS}")
    templates = [t for k, t in vocabulary().distractors if k in kinds]
    if not templates:
        raise ValueError("no distractor kind chosen")
    return st.sampled_from(templates).flatmap(_fill)


def _as_change(e: ExpectedMention, direction: str) -> ExpectedMention:
    """A mention after a change word: a change of temperature is a difference, so its unit
    is the delta unit and the offset of the scale does not apply (docs/qualifiers.md)."""
    offset = Fraction(0)
    unit = e.unit
    if e.unit not in ("count", "dimensionless"):
        m = vocabulary().measure(e.unit)
        if m.offset:
            offset, unit = m.offset, "delta_" + e.unit
    iv = e.interval
    interval = Interval(
        None if iv.low is None else iv.low - offset, None if iv.high is None else iv.high - offset,
        iv.low_inclusive, iv.high_inclusive, iv.units,
    )
    return ExpectedMention(e.text, e.start, e.end, e.value, unit, e.magnitude - offset, e.bound, interval,
                           e.noun, direction, e.precision)


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text if first.isupper() or not first[:1].isupper() else text[:1].lower() + text[1:]


@st.composite
def _quantity_sentence(
    draw: st.DrawFn,
    plain: st.SearchStrategy[tuple[str, ExpectedMention]],
    changed: st.SearchStrategy[tuple[str, ExpectedMention]] | None,
    lead_ins: bool,
) -> tuple[str, ExpectedMention]:
    v = vocabulary()
    if changed is not None and draw(st.booleans()):
        word, direction = draw(st.sampled_from(v.changes))
        text, e = draw(changed)
        e = _as_change(e, direction)
        head = f"{draw(st.sampled_from(v.subjects))} {word} "
    else:
        text, e = draw(plain)
        head = draw(st.sampled_from(v.openers)) + " "
    if lead_ins and draw(st.booleans()):
        head = draw(_fill(draw(st.sampled_from(v.lead_ins)))) + " " + _lower_first(head)
    closer = draw(st.sampled_from(v.closers))
    return head + text + closer, e.shifted(len(head))


@st.composite
def _paragraph(
    draw: st.DrawFn,
    plain: st.SearchStrategy[tuple[str, ExpectedMention]],
    changed: st.SearchStrategy[tuple[str, ExpectedMention]] | None,
    min_quantities: int,
    max_quantities: int,
    kinds: Collection[str],
    max_distractors: int,
) -> tuple[str, tuple[ExpectedMention, ...]]:
    lead_ins = bool(kinds)
    quantity_sentences = draw(st.lists(_quantity_sentence(plain, changed, lead_ins),
                                       min_size=min_quantities, max_size=max_quantities))
    others: list[str] = []
    if kinds and max_distractors:
        others = draw(st.lists(distractor(kinds), max_size=max_distractors))
    # Where each distractor goes among the quantity sentences (0 = first).
    slots = [draw(st.integers(0, len(quantity_sentences))) for _ in others]
    parts: list[tuple[str, ExpectedMention | None]] = [(t, e) for t, e in quantity_sentences]
    for slot, sentence in sorted(zip(slots, others, strict=True), key=lambda p: -p[0]):
        parts.insert(slot, (sentence, None))
    text = ""
    expected: list[ExpectedMention] = []
    for i, (sentence, e) in enumerate(parts):
        if i:
            text += draw(st.sampled_from([" ", "\n", "\n\n"]))
        if e is not None:
            expected.append(e.shifted(len(text)))
        text += sentence
    return text, tuple(expected)


def sentences(
    quantities: st.SearchStrategy[tuple[str, ExpectedMention]] | None = None,
    *,
    min_quantities: int = 1,
    max_quantities: int = 4,
    distractors: Collection[str] = DISTRACTORS,
    max_distractors: int = 3,
    changes: bool = True,
) -> st.SearchStrategy[tuple[str, tuple[ExpectedMention, ...]]]:
    """(paragraph, expected mentions in text order).

    ``quantities``: the strategy for the quantities (default ``quantities()``; pass
    ``quantities(units=[...])`` to narrow it). ``distractors``: which kinds of non-quantity
    number to mix in (DISTRACTORS; empty for none). ``changes``: let a change word precede
    some quantities ("Prices rose 5%": ``change`` "up"); these come from
    ``quantities(change=True)`` whatever ``quantities`` is.
    Shrinks to ("Officials said 0.", (the bare 0,))."""
    from ._quantities import quantities as make_quantities

    if not 0 <= min_quantities <= max_quantities:
        raise ValueError(f"need 0 <= min_quantities <= max_quantities, not {min_quantities}, {max_quantities}")
    if max_distractors < 0:
        raise ValueError(f"max_distractors must be >= 0, not {max_distractors}")
    if distractors:
        distractor(distractors)  # raises for an unknown kind
    plain = quantities if quantities is not None else make_quantities()
    changed = make_quantities(change=True) if changes else None
    return _paragraph(plain, changed, min_quantities, max_quantities, tuple(distractors), max_distractors)
