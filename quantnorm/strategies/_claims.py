"""Claim generator: a quantity, a comparison and a reference value -> a claim and its verdict.

In: which properties to compare (area, population, length), which claim bounds, and the
quantities strategy's options for the subject.
Out: ``GeneratedClaim`` objects: a sentence ("The reserve covers 2 km², about twice the area
of Norland."), the reference values to check it against (a mapping for
``quantnorm.verify``), the relative tolerances to pass (``exact``, ``approx``), and the
``ExpectedClaim``: span, bound, exact factor, entity, property, the ratio interval
subject/reference, the claimed interval and the verdict. The expectation is worked out here
with exact interval arithmetic on Fractions (docs/verification.md: supported when the
claimed interval holds every ratio the text allows, contradicted when it holds none,
undetermined otherwise), never by calling ``verify``.

The reference value is chosen from the ratio it should give (the factor itself, the edges
of the claimed interval, just inside or outside them, far off), so that every verdict and
every boundary case comes up. Shrinks to "The district is home to 2 people, twice the
population of Norland." with a reference population of 1 (supported).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from fractions import Fraction

from hypothesis import assume
from hypothesis import strategies as st

from ..comparisons import Check
from ..intervals import Interval
from ..qualifiers import Bound
from ._expected import ExpectedMention
from ._numbers import say
from ._quantities import quantities
from ._vocabulary import vocabulary

__all__ = ["PROPERTIES", "ExpectedClaim", "GeneratedClaim", "claims"]

PROPERTIES = ("area", "population", "length")
"""The properties ``claims()`` compares (docs/verification.md)."""

_SUBJECT_BOUNDS = ("=", "~", ">", ">=", "<", "<=")

_Side = tuple[Fraction | None, bool]  # (value or None for unbounded, inclusive)


def _claimed(bound: str, f: Fraction, exact: Fraction, approx: Fraction) -> Interval:
    """The ratios a claim "bound f" allows (docs/verification.md)."""
    table = {
        "=": Interval(f * (1 - exact), f * (1 + exact)),
        "~": Interval(f * (1 - approx), f * (1 + approx)),
        ">": Interval(f, None, False, False),
        ">~": Interval(f, f * (1 + approx), False, True),
        ">=": Interval(f, None, True, False),
        "<": Interval(None, f, False, False),
        "<~": Interval(f * (1 - approx), f, True, False),
        "<=": Interval(None, f, False, True),
    }
    return table[bound]


def _holds(outer: Interval, inner: Interval) -> bool:
    """Every value of ``inner`` lies in ``outer`` (worked out here, not by Interval.contains)."""
    if outer.low is not None:
        if inner.low is None or inner.low < outer.low:
            return False
        if inner.low == outer.low and inner.low_inclusive and not outer.low_inclusive:
            return False
    if outer.high is not None:
        if inner.high is None or inner.high > outer.high:
            return False
        if inner.high == outer.high and inner.high_inclusive and not outer.high_inclusive:
            return False
    return True


def _meet(a: Interval, b: Interval) -> bool:
    """Some value lies in both."""
    lows = [(x.low, x.low_inclusive) for x in (a, b) if x.low is not None]
    highs = [(x.high, x.high_inclusive) for x in (a, b) if x.high is not None]
    if not lows or not highs:
        return True
    lo = max(v for v, _ in lows)
    hi = min(v for v, _ in highs)
    lo_inc = all(inc for v, inc in lows if v == lo)
    hi_inc = all(inc for v, inc in highs if v == hi)
    return lo < hi or (lo == hi and lo_inc and hi_inc)


def _verdict(ratio: Interval, claimed: Interval) -> str:
    if _holds(claimed, ratio):
        return "supported"
    if not _meet(claimed, ratio):
        return "contradicted"
    return "undetermined"


@dataclass(frozen=True)
class ExpectedClaim:
    """The ``quantnorm.Check`` a generated claim must yield: ``claim``/``start``/``end`` the
    span of the claim words ("about twice the area of Norland"), ``op`` and exact ``factor``,
    ``entity`` and ``property``, ``subject`` the expected subject mention, ``ratio`` (subject
    / reference) and ``claimed`` intervals, and the ``verdict`` ("supported",
    "contradicted", "undetermined")."""

    claim: str
    start: int
    end: int
    op: Bound
    factor: Fraction
    entity: str
    property: str
    subject: ExpectedMention
    ratio: Interval
    claimed: Interval
    verdict: str

    def mismatches(self, check: Check) -> list[str]:
        """What differs between ``check`` and this expectation; empty when they agree."""
        subject = getattr(check.subject, "text", None), getattr(check.subject, "start", None)
        got = {
            "claim": check.claim, "start": check.start, "end": check.end, "op": check.op,
            "factor": check.factor, "entity": check.entity, "property": check.property,
            "subject": subject, "ratio": _plain(check.ratio), "claimed": _plain(check.claimed),
            "verdict": check.verdict.value,
        }
        want = {
            "claim": self.claim, "start": self.start, "end": self.end, "op": self.op,
            "factor": self.factor, "entity": self.entity, "property": self.property,
            "subject": (self.subject.text, self.subject.start), "ratio": _plain(self.ratio),
            "claimed": _plain(self.claimed), "verdict": self.verdict,
        }
        return [f"{k}: expected {want[k]!r}, got {got[k]!r}" for k in want if want[k] != got[k]]


def _plain(iv: Interval | None) -> tuple[object, ...] | None:
    """An interval without its units (a ratio's units are not part of the claim)."""
    return None if iv is None else (iv.low, iv.high, iv.low_inclusive, iv.high_inclusive)


@dataclass(frozen=True)
class GeneratedClaim:
    """A sentence with one comparison claim, what to check it against, and the answer:
    ``quantnorm.verify(c.text, c.references, exact=c.exact, approx=c.approx)`` must give
    one Check matching ``c.expected``."""

    text: str
    references: Mapping[str, Mapping[str, Fraction]]
    exact: Fraction
    approx: Fraction
    expected: ExpectedClaim


@st.composite
def _factor(draw: st.DrawFn) -> tuple[str, Fraction]:
    """"twice", "half", "three times", "1.5 times", "2x", "30% of"."""
    v = vocabulary()
    kind = draw(st.sampled_from(["word", "times", "x", "percent"]))
    if kind == "word":
        return draw(st.sampled_from(v.claim_factors))
    if kind == "percent":
        p = draw(st.integers(1, 400))
        return f"{p}% of", Fraction(p, 100)
    whole = draw(st.integers(2, 10))
    tenth = draw(st.integers(0, 9))
    value = whole + Fraction(tenth, 10)
    if kind == "x":
        return (f"{whole}x" if not tenth else f"{whole}.{tenth}x"), value
    if tenth == 0 and draw(st.booleans()):
        return f"{say(whole)} times", value
    return (f"{whole} times" if not tenth else f"{whole}.{tenth} times"), value


def _ratio_targets(factor: Fraction, bound: str, exact: Fraction, approx: Fraction) -> list[Fraction]:
    """Ratios that put the subject at the factor, on the edges of the claimed interval,
    just inside and outside them, and far off."""
    w = exact if bound == "=" else approx
    tiny = Fraction(1, 1000)
    one = Fraction(1)
    multipliers = [one, one - w, one + w, one - w - tiny, one + w + tiny, one - w + tiny, one + w - tiny,
                   Fraction(2), Fraction(1, 2)]
    return [factor * m for m in multipliers if m > 0]


@st.composite
def _claim(draw: st.DrawFn, properties: Collection[str], bounds: Collection[str],
           subject_bounds: Collection[str]) -> GeneratedClaim:
    v = vocabulary()
    prop, opener, units = draw(st.sampled_from([o for o in v.claim_openers if o[0] in properties]))
    unit = draw(st.sampled_from(units))
    text_q, subject = draw(quantities(
        units=[unit], bounds=list(subject_bounds), forms=("integers", "decimals", "words", "scaled"),
        separators=(",",), vague=False, nouns=["person"],
    ))
    assume(subject.magnitude > 0)
    qualifiers = [(q, b) for q, b in v.claim_qualifiers if b.rstrip("~") in bounds or (b == "<~" and "<" in bounds)]
    assume(bool(qualifiers))
    qualifier, bound = draw(st.sampled_from(qualifiers))
    words, factor = draw(_factor())
    noun = draw(st.sampled_from(v.claim_nouns[prop]))
    entity = draw(st.sampled_from(v.entities))
    exact = draw(st.sampled_from([Fraction(1, 20), Fraction(0), Fraction(1, 10)]))
    approx = draw(st.sampled_from([Fraction(1, 10), Fraction(1, 20), Fraction(1, 5)]))
    target = draw(st.sampled_from(_ratio_targets(factor, bound, exact, approx)))
    reference = subject.magnitude / target
    claimed = _claimed(bound, factor, exact, approx)
    s = subject.interval
    ratio = Interval(None if s.low is None else s.low / reference, None if s.high is None else s.high / reference,
                     s.low_inclusive, s.high_inclusive, "dimensionless")
    head = f"{opener} "
    claim_text = f"{qualifier + ' ' if qualifier else ''}{words} the {noun} of {entity}"
    text = f"{head}{text_q}, {claim_text}."
    start = len(head) + len(text_q) + 2
    expected = ExpectedClaim(
        claim=claim_text, start=start, end=start + len(claim_text), op=Bound(bound.rstrip("~") or "~"),
        factor=factor, entity=entity, property=prop, subject=subject.shifted(len(head)), ratio=ratio,
        claimed=claimed, verdict=_verdict(ratio, claimed),
    )
    return GeneratedClaim(text, {entity: {prop: reference}}, exact, approx, expected)


def claims(
    *,
    properties: Collection[str] = PROPERTIES,
    bounds: Collection[str] = _SUBJECT_BOUNDS,
    subject_bounds: Collection[str] = _SUBJECT_BOUNDS,
) -> st.SearchStrategy[GeneratedClaim]:
    """Comparison claims with their reference values and expected verdicts.

    ``properties``: which of PROPERTIES to compare; ``bounds``: the claim's bound ("=" a
    bare factor, "~" "about", ">" "more than" and "just over", ">=", "<" "less than" and
    "almost", "<="); ``subject_bounds``: the bounds of the subject quantity ("more than
    2 km², twice ..."), as for ``quantities()``. Use as ``quantnorm.verify(c.text, c.references, exact=c.exact,
    approx=c.approx)`` and compare with ``c.expected.mismatches(check)``."""
    bad = set(properties) - set(PROPERTIES)
    if bad or not properties:
        raise ValueError(f"properties must be some of {PROPERTIES}, not {sorted(properties)}")
    for name, given in (("bounds", bounds), ("subject_bounds", subject_bounds)):
        bad = set(given) - set(_SUBJECT_BOUNDS)
        if bad or not given:
            raise ValueError(f"{name} must be some of {_SUBJECT_BOUNDS}, not {sorted(given)}")
    return _claim(tuple(properties), tuple(bounds), tuple(subject_bounds))
