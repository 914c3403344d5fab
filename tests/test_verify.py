"""verify() and comparisons(): comparison claims checked by exact interval arithmetic.

The claims below are this module's own. Most use a small invented reference book (BOOK) so
that the arithmetic written beside each row is easy to follow; a few use the built-in book.
Widths (data/comparisons.txt [tolerance]): a bare factor f allows [0.95 f, 1.05 f], "about"
[0.9 f, 1.1 f], "almost" [0.9 f, f), "just over" (f, 1.1 f].
"""

from __future__ import annotations

import doctest
import json
import math
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quantnorm
from quantnorm import Check, QuantnormError, ReferenceValueError, Verdict
from quantnorm.comparisons import Tolerances, claimed_interval, judge
from quantnorm.intervals import Interval
from quantnorm.qualifiers import Bound
from quantnorm.references import MappingReferences, Reference, ReferenceChain, builtin

ROOT = Path(__file__).resolve().parents[1]

BOOK = {
    "Ruritania": {"area": "1000 km2", "population": "2 million"},
    "Freedonia": {"area": "2000 km2", "population": "5 million"},
    "Elbonia": {"area": "250 km2", "population": "1,000,000"},
    "Grand Spire": {"height": "200 m"},
    "Long Bridge": {"length": "1,500 metres"},
    "Test Whale": {"mass": "100 tonnes", "length": "25 m"},
    "test pitch": {"area": "5000 square metres", "length": "100 m"},
}

S, C, U, N = "supported", "contradicted", "undetermined", "unverifiable"

# (text, op, factor, entity, property, verdict, arithmetic: subject / reference vs the claimed interval)
CLAIMS = [
    # "N times the P of X"
    ("It covers 2,000 square kilometres, twice the area of Ruritania.",
     "=", 2, "Ruritania", "area", S, "2000/1000 = 2 in [1.9, 2.1]"),
    ("It covers 2,300 km2, twice the area of Ruritania.",
     "=", 2, "Ruritania", "area", C, "2.3 > 2.1"),
    ("It covers 1,500 km2, 1.5 times the area of Ruritania.",
     "=", 1.5, "Ruritania", "area", S, "1.5 in [1.425, 1.575]"),
    ("It covers 1,600 km2, 1.5 times the area of Ruritania.",
     "=", 1.5, "Ruritania", "area", C, "1.6 > 1.575"),
    ("It covers 1,550 km2, 1.5 times the area of Ruritania.",
     "=", 1.5, "Ruritania", "area", S, "1.55 <= 1.575"),
    ("It covers about 1,500 km2, 1.5 times the area of Ruritania.",
     "=", 1.5, "Ruritania", "area", S, "[1450, 1550]/1000 in [1.425, 1.575]"),
    ("It covers about 2,000 km2, twice the area of Ruritania.",
     "=", 2, "Ruritania", "area", U, "[1500, 2500]/1000 = [1.5, 2.5] vs [1.9, 2.1]"),
    ("It covers 3,000 km2, three times the area of Ruritania.",
     "=", 3, "Ruritania", "area", S, "3 in [2.85, 3.15]"),
    ("It covers 3,000 km2, 3x the area of Ruritania.",
     "=", 3, "Ruritania", "area", S, "3 in [2.85, 3.15]"),
    ("It covers 2,500 km2, two and a half times the area of Ruritania.",
     "=", 2.5, "Ruritania", "area", S, "2.5"),
    ("It covers 1,000 square kilometres, 10 times the area of Elbonia.",
     "=", 10, "Elbonia", "area", C, "1000/250 = 4 < 9.5"),
    ("It is home to 4 million people, twice the population of Ruritania.",
     "=", 2, "Ruritania", "population", S, "4M/2M = 2"),
    ("It is home to 6 million people, three times the population of Ruritania.",
     "=", 3, "Ruritania", "population", S, "3"),
    ("It is home to 6 million people, twice the population of Ruritania.",
     "=", 2, "Ruritania", "population", C, "3 > 2.1"),
    # bounds on the claim and on the subject
    ("It covers more than 2,000 km2, more than 1.5 times the area of Ruritania.",
     ">", 1.5, "Ruritania", "area", S, "(2, inf) in (1.5, inf)"),
    ("It covers more than 1,000 km2, more than 1.5 times the area of Ruritania.",
     ">", 1.5, "Ruritania", "area", U, "(1, inf) straddles 1.5"),
    ("It covers less than 1,000 km2, more than 1.5 times the area of Ruritania.",
     ">", 1.5, "Ruritania", "area", C, "(-inf, 1) misses (1.5, inf)"),
    ("It covers 1,500 km2, more than 1.5 times the area of Ruritania.",
     ">", 1.5, "Ruritania", "area", C, "1.5 is not > 1.5"),
    ("It covers 1,500 km2, at least 1.5 times the area of Ruritania.",
     ">=", 1.5, "Ruritania", "area", S, "1.5 >= 1.5"),
    ("It covers 1,400 km2, less than 1.5 times the area of Ruritania.",
     "<", 1.5, "Ruritania", "area", S, "1.4 < 1.5"),
    ("It covers 1,500 km2, up to 1.5 times the area of Ruritania.",
     "<=", 1.5, "Ruritania", "area", S, "1.5 <= 1.5"),
    ("It covers more than 2,000 km2, less than twice the area of Ruritania.",
     "<", 2, "Ruritania", "area", C, "(2, inf) vs (-inf, 2)"),
    ("It covers 2,100 km2, more than twice the area of Ruritania.",
     ">", 2, "Ruritania", "area", S, "2.1 > 2"),
    ("It covers 2,000 km2, more than twice the area of Ruritania.",
     ">", 2, "Ruritania", "area", C, "2 is not > 2"),
    ("It covers at least 2,000 km2, at least twice the area of Ruritania.",
     ">=", 2, "Ruritania", "area", S, "[2, inf) in [2, inf)"),
    ("It covers between 1,800 and 2,200 km2, about twice the area of Ruritania.",
     "~", 2, "Ruritania", "area", S, "[1.8, 2.2] in [1.8, 2.2]"),
    ("It covers between 1,700 and 2,200 km2, about twice the area of Ruritania.",
     "~", 2, "Ruritania", "area", U, "1.7 < 1.8"),
    ("It covers between 2,300 and 2,500 km2, about twice the area of Ruritania.",
     "~", 2, "Ruritania", "area", C, "[2.3, 2.5] > 2.2"),
    # "N times as A as X"
    ("It covers 3,000 km2, three times as big as Ruritania.",
     "=", 3, "Ruritania", "area", S, "3"),
    ("It covers 3,000 km2, twice as large as Ruritania.",
     "=", 2, "Ruritania", "area", C, "3 > 2.1"),
    ("The tower is 400 metres tall, twice as tall as the Grand Spire.",
     "=", 2, "Grand Spire", "height", S, "400/200 = 2"),
    ("The tower is 500 metres tall, twice as tall as the Grand Spire.",
     "=", 2, "Grand Spire", "height", C, "2.5"),
    ("The road is 3,000 metres long, twice as long as the Long Bridge.",
     "=", 2, "Long Bridge", "length", S, "3000/1500"),
    ("The animal weighs 50 tonnes, half as heavy as the Test Whale.",
     "=", 0.5, "Test Whale", "mass", S, "50/100"),
    ("It has 10 million people, twice as populous as Freedonia.",
     "=", 2, "Freedonia", "population", S, "10M/5M"),
    # "N times A-er than X", read as N times as A
    ("The tower is 600 metres tall, three times taller than the Grand Spire.",
     "=", 3, "Grand Spire", "height", S, "3"),
    ("It covers 4,000 km2, four times larger than Ruritania.",
     "=", 4, "Ruritania", "area", S, "4"),
    ("It covers 5,000 km2, four times larger than Ruritania.",
     "=", 4, "Ruritania", "area", C, "5 > 4.2"),
    ("It has 10 million people, two times more populous than Freedonia.",
     "=", 2, "Freedonia", "population", S, "2"),
    # "N times more than X", read as N times X; the property comes from the subject
    ("It has 10 million people, 2 times more than Freedonia.",
     "=", 2, "Freedonia", "population", S, "10M/5M"),
    ("It covers 3,000 km2, three times more than Ruritania.",
     "=", 3, "Ruritania", "area", S, "3"),
    ("It covers 2,000 km2, 10 times more than Elbonia.",
     "=", 10, "Elbonia", "area", C, "2000/250 = 8 < 9.5"),
    # fractions: half, a third, a quarter, two thirds
    ("It covers 500 km2, half the area of Ruritania.",
     "=", 0.5, "Ruritania", "area", S, "0.5 in [0.475, 0.525]"),
    ("It covers 600 km2, half the area of Ruritania.",
     "=", 0.5, "Ruritania", "area", C, "0.6 > 0.525"),
    ("It covers 250 km2, a quarter of the area of Ruritania.",
     "=", 0.25, "Ruritania", "area", S, "0.25"),
    ("It covers 250 km2, a quarter the size of Ruritania.",
     "=", 0.25, "Ruritania", "area", S, "0.25"),
    ("It covers 330 km2, a third the size of Ruritania.",
     "=", Fraction(1, 3), "Ruritania", "area", S, "0.33 in [0.3167, 0.35]"),
    ("It covers 400 km2, a third the size of Ruritania.",
     "=", Fraction(1, 3), "Ruritania", "area", C, "0.4 > 0.35"),
    ("It covers 1,000 km2, two-thirds the area of Freedonia.",
     "=", Fraction(2, 3), "Freedonia", "area", C, "0.5 < 0.633"),
    ("It covers 1,350 km2, two thirds the area of Freedonia.",
     "=", Fraction(2, 3), "Freedonia", "area", S, "0.675 in [0.633, 0.7]"),
    # double, triple, quadruple
    ("It covers 2,000 km2, double the area of Ruritania.",
     "=", 2, "Ruritania", "area", S, "2"),
    ("It covers 3,000 km2, triple the size of Ruritania.",
     "=", 3, "Ruritania", "area", S, "3"),
    ("It covers 4,000 km2, quadruple the size of Ruritania.",
     "=", 4, "Ruritania", "area", S, "4"),
    ("It covers 3,000 km2, double the size of Ruritania.",
     "=", 2, "Ruritania", "area", C, "3 > 2.1"),
    # "more than twice"
    ("It covers more than 2,500 km2, more than twice the size of Ruritania.",
     ">", 2, "Ruritania", "area", S, "(2.5, inf)"),
    ("It covers about 2,000 km2, more than twice the size of Ruritania.",
     ">", 2, "Ruritania", "area", U, "[1.5, 2.5] vs (2, inf)"),
    # "almost", "nearly", "just over"
    ("It covers 950 km2, almost as big as Ruritania.",
     "<", 1, "Ruritania", "area", S, "0.95 in [0.9, 1)"),
    ("It covers 500 km2, almost as big as Ruritania.",
     "<", 1, "Ruritania", "area", C, "0.5 < 0.9"),
    ("It covers 1,000 km2, almost as big as Ruritania.",
     "<", 1, "Ruritania", "area", C, "1 is not < 1"),
    ("The tower is 190 metres tall, nearly as tall as the Grand Spire.",
     "<", 1, "Grand Spire", "height", S, "0.95"),
    ("It covers 2,100 km2, just over twice the size of Ruritania.",
     ">", 2, "Ruritania", "area", S, "2.1 in (2, 2.2]"),
    # "the size of X", no factor: factor 1
    ("It covers 1,000 km2, the size of Ruritania.",
     "=", 1, "Ruritania", "area", S, "1 in [0.95, 1.05]"),
    ("It covers 1,200 km2, the size of Ruritania.",
     "=", 1, "Ruritania", "area", C, "1.2 > 1.05"),
    ("Freedonia is the size of Ruritania.",
     "=", 1, "Ruritania", "area", C, "2000/1000 = 2"),
    ("The fire destroyed an area the size of Ruritania.",
     "=", 1, "Ruritania", "area", N, "no subject"),
    ("The fire destroyed 1,020 km2, an area the size of Ruritania.",
     "=", 1, "Ruritania", "area", S, "1.02"),
    # "roughly the size of X"
    ("It covers 1,080 km2, roughly the size of Ruritania.",
     "~", 1, "Ruritania", "area", S, "1.08 in [0.9, 1.1]"),
    ("It covers 1,200 km2, roughly the size of Ruritania.",
     "~", 1, "Ruritania", "area", C, "1.2 > 1.1"),
    ("It covers about 1,000 km2, roughly the size of Ruritania.",
     "~", 1, "Ruritania", "area", U, "[500, 1500]/1000"),
    ("Elbonia is roughly the size of Ruritania.",
     "~", 1, "Ruritania", "area", C, "250/1000 = 0.25"),
    # "N% of X", "N% of X's P"
    ("It covers 300 km2, 30% of Ruritania.",
     "=", 0.3, "Ruritania", "area", S, "0.3 in [0.285, 0.315]"),
    ("It covers 300 km2, 30% of Ruritania's area.",
     "=", 0.3, "Ruritania", "area", S, "0.3"),
    ("It covers 500 km2, 30% of Ruritania's area.",
     "=", 0.3, "Ruritania", "area", C, "0.5"),
    ("It has 1 million people, half of Ruritania's population.",
     "=", 0.5, "Ruritania", "population", S, "1M/2M"),
    ("It has 1 million people, 50 per cent of Ruritania's population.",
     "=", 0.5, "Ruritania", "population", S, "0.5"),
    ("It covers 300 km2, 30% of the country's territory.",
     "=", 0.3, "the country", "area", N, "no reference"),
    ("Rebels hold 20% of Ruritania's territory.",
     "=", 0.2, "Ruritania", "area", N, "no subject"),
    # "N% bigger / smaller than X"
    ("It covers 1,300 km2, 30% bigger than Ruritania.",
     "=", 1.3, "Ruritania", "area", S, "1 + 0.3"),
    ("It covers 700 km2, 30% smaller than Ruritania.",
     "=", 0.7, "Ruritania", "area", S, "1 - 0.3"),
    ("It covers 1,000 km2, more than 30% bigger than Ruritania.",
     ">", 1.3, "Ruritania", "area", C, "1 is not > 1.3"),
    ("It covers 500 km2, 30% more than Ruritania.",
     "=", 1.3, "Ruritania", "area", C, "0.5 vs [1.235, 1.365]"),
    # "N times smaller / fewer than X", read as X / N
    ("It covers 250 km2, four times smaller than Ruritania.",
     "=", 0.25, "Ruritania", "area", S, "1/4"),
    ("It covers 500 km2, four times smaller than Ruritania.",
     "=", 0.25, "Ruritania", "area", C, "0.5"),
    ("It has 1 million people, five times fewer than Freedonia.",
     "=", 0.2, "Freedonia", "population", S, "1M/5M"),
    # "N times X's P"
    ("It covers 2,000 km2, twice Ruritania's area.",
     "=", 2, "Ruritania", "area", S, "2"),
    ("It has 6 million people, three times Ruritania's population.",
     "=", 3, "Ruritania", "population", S, "3"),
    # "the size of N Xs": factor N
    ("The field covers 10,000 square metres, the size of two test pitches.",
     "=", 2, "test pitch", "area", S, "10000/5000"),
    ("The field covers 10,000 square metres, the size of three test pitches.",
     "=", 3, "test pitch", "area", C, "2 < 2.85"),
    # "A-er than X" with no factor: more than once X
    ("Freedonia is bigger than Ruritania.",
     ">", 1, "Ruritania", "area", S, "2 > 1"),
    ("Elbonia is larger than Ruritania.",
     ">", 1, "Ruritania", "area", C, "0.25"),
    ("Elbonia is smaller than Ruritania.",
     "<", 1, "Ruritania", "area", S, "0.25 < 1"),
    # named subjects, both values from the book
    ("Freedonia is twice the size of Ruritania.",
     "=", 2, "Ruritania", "area", S, "2000/1000"),
    ("Freedonia is about 2.5 times as populous as Ruritania.",
     "~", 2.5, "Ruritania", "population", S, "5M/2M = 2.5"),
    ("Freedonia is eight times the size of Elbonia.",
     "=", 8, "Elbonia", "area", S, "2000/250 = 8"),
    ("Atlantis is twice the size of Ruritania.",
     "=", 2, "Ruritania", "area", N, "no value for Atlantis"),
    # unverifiable
    ("It covers 2,000 km2, twice the size of Atlantis.",
     "=", 2, "Atlantis", "area", N, "no reference value"),
    ("The army has 20,000 troops, twice as many troops as last year.",
     "=", 2, "last year", "number of troops", N, "no reference value for the troops of last year"),
    ("The tower is 400 metres tall, twice the height of Ruritania.",
     "=", 2, "Ruritania", "height", N, "no height"),
    # a fraction before a comparative adds to one or takes from it; a percentage too
    ("It covers 1,330 km2, a third bigger than Ruritania.",
     "=", Fraction(4, 3), "Ruritania", "area", S, "1 + 1/3: 1.33 in [1.2667, 1.4]"),
    ("It covers 1,600 km2, a third larger than Ruritania.",
     "=", Fraction(4, 3), "Ruritania", "area", C, "1.6 > 1.4"),
    ("It covers 740 km2, a quarter smaller than Ruritania.",
     "=", Fraction(3, 4), "Ruritania", "area", S, "1 - 1/4: 0.74 in [0.7125, 0.7875]"),
    ("It covers 1,240 km2, a quarter more than Ruritania.",
     "=", Fraction(5, 4), "Ruritania", "area", S, "1 + 1/4: 1.24 in [1.1875, 1.3125]"),
    ("It covers 1,480 km2, 50% bigger than Ruritania.",
     "=", 1.5, "Ruritania", "area", S, "1 + 0.5: 1.48 in [1.425, 1.575]"),
    ("It covers 1,000 km2, more than a third bigger than Ruritania.",
     ">", Fraction(4, 3), "Ruritania", "area", C, "1 is not > 4/3"),
    # "N times that of X": the property named before "that", else the subject's dimension
    ("It covers 2,150 km2, about twice that of Ruritania.",
     "~", 2, "Ruritania", "area", S, "2.15 in [1.8, 2.2]"),
    ("It covers 3,000 km2, three times that of Freedonia.",
     "=", 3, "Freedonia", "area", C, "3000/2000 = 1.5 < 2.85"),
    ("Its population, 4,000,000, is twice that of Ruritania.",
     "=", 2, "Ruritania", "population", S, "a bare number as a head count: 4M/2M"),
    ("It has a population of 5 million, half that of Ruritania.",
     "=", 0.5, "Ruritania", "population", C, "5M/2M = 2.5 > 0.525"),
    ("The tower stands 300 metres tall, one and a half times that of the Grand Spire.",
     "=", 1.5, "Grand Spire", "height", S, "300/200 = 1.5"),
    # "has" before the claim: a named subject
    ("Freedonia has 2.5 times the population of Ruritania.",
     "=", 2.5, "Ruritania", "population", S, "5M/2M = 2.5"),
    ("Freedonia has twice the population of Elbonia.",
     "=", 2, "Elbonia", "population", C, "5M/1M = 5 > 2.1"),
    # a bare number is a head count; pieces of numbers are no names
    ("The crowd of 4,000,000 was twice the population of Ruritania.",
     "=", 2, "Ruritania", "population", S, "4M/2M; not the subject '000'"),
    ("A crowd of 1,900,000 was almost the population of Ruritania.",
     "<", 1, "Ruritania", "population", S, "1.9M/2M = 0.95 in [0.9, 1)"),
    ("The crowd of 2,500,000 was less than the population of Ruritania.",
     "<", 1, "Ruritania", "population", C, "1.25 is not < 1"),
    ("Area 51 is twice the size of Ruritania.",
     "=", 2, "Ruritania", "area", N, "a label and its number: no value for 'Area 51'"),
    ("Route 66 is twice the length of the Long Bridge.",
     "=", 2, "Long Bridge", "length", N, "no value for 'Route 66', not '66'"),
    ("In 2020 Freedonia was twice the size of Ruritania.",
     "=", 2, "Ruritania", "area", S, "Freedonia, not '2020 Freedonia': 2000/1000"),
    # "the P of X" with no factor, after a bound or a stated quantity, X known
    ("The road is 1,400 metres long, about the length of the Long Bridge.",
     "~", 1, "Long Bridge", "length", S, "1400/1500 = 0.933 in [0.9, 1.1]"),
    ("The road is 3,000 metres long, roughly the length of the Long Bridge.",
     "~", 1, "Long Bridge", "length", C, "2 > 1.1"),
    ("The mast is 190 metres tall, almost the height of the Grand Spire.",
     "<", 1, "Grand Spire", "height", S, "0.95 in [0.9, 1)"),
    ("The animal weighs 95 tonnes, about the weight of the Test Whale.",
     "~", 1, "Test Whale", "mass", S, "0.95"),
    ("It covers 1,030 km2, about the area of Ruritania.",
     "~", 1, "Ruritania", "area", S, "1.03"),
    ("The city has 3 million people, more than the population of Ruritania.",
     ">", 1, "Ruritania", "population", S, "1.5 > 1"),
]


def _one(text: str, references: object = None) -> Check:
    checks = quantnorm.verify(text, BOOK if references is None else references)  # type: ignore[arg-type]
    assert len(checks) == 1, [c.claim for c in checks]
    return checks[0]


def test_the_table_is_large_and_covers_every_verdict() -> None:
    assert len(CLAIMS) >= 80
    assert {row[5] for row in CLAIMS} == {S, C, U, N}
    assert all(row[6] for row in CLAIMS)  # every row shows its arithmetic
    assert {row[1] for row in CLAIMS} == {"=", "~", ">", ">=", "<", "<="}


@pytest.mark.parametrize(("text", "op", "factor", "entity", "prop", "verdict", "why"), CLAIMS)
def test_claims(text: str, op: str, factor: float | Fraction, entity: str, prop: str, verdict: str, why: str) -> None:
    check = _one(text)
    assert check.op.value == op
    assert check.factor == Fraction(str(factor)) if isinstance(factor, float) else check.factor == factor
    assert check.entity == entity
    assert check.property == prop
    assert check.verdict.value == verdict, f"expected {verdict} ({why}); got {check.reason}"
    assert text[check.start:check.end] == check.claim
    if verdict == N:
        assert check.ratio is None and check.reason
    else:
        assert check.ratio is not None and check.reference is not None
        assert judge(check.ratio, check.claimed).value == verdict


# ---------------------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def kursk(shared: Path) -> str:
    return (shared / "data" / "seed" / "kursk.txt").read_text(encoding="utf-8")


def test_seed_claim_is_supported_with_the_builtin_references(kursk: str) -> None:
    checks = quantnorm.verify(kursk)
    assert len(checks) == 1
    c = checks[0]
    assert (c.claim, c.start, c.end) == ("more than 1.5 times the area of Seoul", 1525, 1562)
    assert kursk[c.start:c.end] == c.claim
    assert isinstance(c.subject, quantnorm.Mention) and c.subject.text == "more than 380 square miles"
    assert c.op == Bound.GT and c.factor == Fraction(3, 2)
    assert (c.entity, c.property) == ("Seoul", "area")
    assert c.reference is not None and c.reference.text == "605.21 km2" and c.reference.source
    assert c.ratio is not None and c.ratio.high is None and not c.ratio.low_inclusive
    # 380 sq mi = 380 * 1609.344**2 m2; / 605.21 km2
    assert c.ratio.low == Fraction(380) * Fraction(1609344, 1000) ** 2 / 605_210_000
    assert math.isclose(float(c.ratio.low), 1.626, abs_tol=5e-4)
    assert c.verdict == Verdict.SUPPORTED
    record = json.loads(json.dumps(c.to_dict()))
    assert record["verdict"] == "supported" and record["factor"] == 1.5 and record["op"] == ">"


def test_seed_claim_is_undetermined_when_seoul_is_700_km2(kursk: str) -> None:
    (c,) = quantnorm.verify(kursk, {"Seoul": {"area": "700 km**2"}})
    # 984.195 km2 / 700 km2 = 1.406 < 1.5, but the subject is only bounded below
    assert c.ratio is not None and math.isclose(float(c.ratio.low or 0), 1.406, abs_tol=5e-4)
    assert c.verdict == Verdict.UNDETERMINED


def test_seed_claim_is_contradicted_when_it_says_less_than(kursk: str) -> None:
    text = kursk.replace("(more than 1.5 times", "(less than 1.5 times")
    assert text != kursk
    (c,) = quantnorm.verify(text)
    assert c.op == Bound.LT and c.claim == "less than 1.5 times the area of Seoul"
    assert c.verdict == Verdict.CONTRADICTED  # ratio > 1.626, claim < 1.5


def test_comparisons_finds_without_checking(kursk: str) -> None:
    (found,) = quantnorm.comparisons(kursk)
    assert (found.text, found.op, found.factor, found.entity) == (
        "more than 1.5 times the area of Seoul", Bound.GT, Fraction(3, 2), "Seoul")
    assert found.properties[0] == "area"
    assert json.loads(json.dumps(found.to_dict()))["claim"] == found.text


# ---------------------------------------------------------------------------- built-in data


@pytest.mark.parametrize(
    ("text", "entity", "verdict"),
    [
        ("The fire burned 40,000 km2, twice the size of Wales.", "Wales", S),  # 40000/20779 = 1.925
        ("Belgium is about 1.5 times the size of Wales.", "Wales", S),  # 30510/20779 = 1.468 in [1.35, 1.65]
        ("It covers 480,000 km2, about twice the size of Britain.", "United Kingdom", S),  # 480000/244820 = 1.96
        ("It covers 480,000 km2, about twice the size of the UK.", "United Kingdom", S),  # alias
        ("The tank holds 5,000 cubic metres, twice the volume of an Olympic swimming pool.",
         "Olympic swimming pool", S),  # 5000/2500
        ("The ship is 300 metres long, three times the length of a football pitch.", "football pitch", S),  # 300/105
        ("Texas is more than 12 times the size of Belgium.", "Belgium", S),  # 695660 km2 / 30510 = 22.8
        ("Luxembourg is bigger than Texas.", "Texas", C),  # 2586 km2 vs 695660 km2
    ],
)
def test_builtin_references(text: str, entity: str, verdict: str) -> None:
    check = _one(text, references=builtin())
    assert check.entity == entity
    assert check.verdict.value == verdict, check.reason


def test_builtin_rows_have_sources_and_licences() -> None:
    book = builtin()
    for entity, prop in [("Seoul", "area"), ("Wales", "area"), ("Texas", "population"), ("football pitch", "area"),
                         ("Eiffel Tower", "height"), ("blue whale", "mass"), ("Belgium", "population")]:
        ref = book.lookup(entity, prop)
        assert ref is not None, (entity, prop)
        assert ref.source and ref.year and ref.licence


# (text, [(claim, subject as written, verdict)], arithmetic): texts of several claims, or whose
# subject is the point
SUBJECTS = [
    ("Freedonia is twice as big as Ruritania and eight times as big as Elbonia.",
     [("twice as big as Ruritania", "Freedonia", S), ("eight times as big as Elbonia", "Freedonia", S)],
     "the second claim shares the first one's subject: 2000/1000 = 2, 2000/250 = 8"),
    ("Freedonia is 2.5 times as populous as Ruritania, and is five times as populous as Elbonia.",
     [("2.5 times as populous as Ruritania", "Freedonia", S), ("five times as populous as Elbonia", "Freedonia", S)],
     "', and is' between them: 5M/2M = 2.5, 5M/1M = 5"),
    ("Freedonia is twice the size of Ruritania but only half the size of Elbonia.",
     [("twice the size of Ruritania", "Freedonia", S), ("half the size of Elbonia", "Freedonia", C)],
     "'but': 2000/250 = 8, not 0.5"),
    ("It covers 2,000 km2, twice the area of Ruritania and eight times the area of Elbonia.",
     [("twice the area of Ruritania", "2,000 km2", S), ("eight times the area of Elbonia", "2,000 km2", S)],
     "one stated subject for both: 2, 8"),
    ("Freedonia is twice the size of Ruritania; Elbonia is a quarter the size of Ruritania.",
     [("twice the size of Ruritania", "Freedonia", S), ("a quarter the size of Ruritania", "Elbonia", S)],
     "a new subject after ';': 250/1000 = 1/4"),
    ("Freedonia is twice the size of Ruritania and Elbonia is a quarter the size of Ruritania.",
     [("twice the size of Ruritania", "Freedonia", S), ("a quarter the size of Ruritania", "Elbonia", S)],
     "a name between the claims: its own subject"),
    ("The crowd of 4,000,000 was twice the population of Ruritania.",
     [("twice the population of Ruritania", "4,000,000", S)], "a bare number, not '000'"),
    ("It has 5 million people and 2,000 km2: 2.5 times the population of Ruritania.",
     [("2.5 times the population of Ruritania", "5 million people", S)], "a head count before a bare number"),
    ("It covers 2,000 km2 in 12 districts, twice the area of Ruritania.",
     [("twice the area of Ruritania", "2,000 km2", S)], "the compared dimension: an area"),
    ("At 3x the price, it has 4,000,000, twice the population of Ruritania.",
     [("twice the population of Ruritania", "4,000,000", S)], "'3x' is a factor, never a subject"),
    ("Area 51 is twice the size of Ruritania.",
     [("twice the size of Ruritania", "Area 51", N)], "a label with its number"),
    ("Route 66 is twice the length of the Long Bridge.",
     [("twice the length of the Long Bridge", "Route 66", N)], "a label with its number"),
    ("In 2020 Freedonia was twice the size of Ruritania.", [("twice the size of Ruritania", "Freedonia", S)],
     "digits start no name"),
    ("The reserve covers 2,000 km2. They have twice the area of Ruritania.",
     [("twice the area of Ruritania", "2,000 km2", S)], "'they' is a pronoun: the quantity of the sentence before"),
    ("The 1,000 were twice the size of Ruritania.", [("twice the size of Ruritania", "1,000", C)],
     "not '000': a size may be a population, and 1,000 a head count: 1000/2M"),
    ("The 1,000 were twice the height of the Grand Spire.", [("twice the height of the Grand Spire", None, N)],
     "not '000', and a bare number is no height: no subject"),
]


@pytest.mark.parametrize(("text", "expected", "why"), SUBJECTS)
def test_subjects(text: str, expected: list[tuple[str, str | None, str]], why: str) -> None:
    checks = quantnorm.verify(text, BOOK)  # type: ignore[arg-type]
    got = [(c.claim, None if c.subject is None else c.subject.text, c.verdict.value) for c in checks]
    assert got == expected, why
    for c in checks:
        assert text[c.start:c.end] == c.claim
        if c.subject is not None:
            assert text[c.subject.start:c.subject.end] == c.subject.text


# (text, subject, property, entity, verdict, ratio low or None, arithmetic), with the built-in book
BUILTIN_CLAIMS = [
    ("The crowd of 80,000 was twice the population of Monaco.",
     "80,000", "population", "Monaco", S, 80000 / 38682, "80,000 / 38,682 = 2.07 in [1.9, 2.1]"),
    ("Its population, 80,000, is twice that of Monaco.",
     "80,000", "population", "Monaco", S, 80000 / 38682, "'that' is the population"),
    ("Area 51 is twice the size of Wales.", "Area 51", "area", "Wales", N, None, "no value for 'Area 51'"),
    ("Route 66 is three times the length of the Golden Gate Bridge.",
     "Route 66", "length", "Golden Gate Bridge", N, None, "no value for 'Route 66'"),
    ("The park covers 900 km², a third bigger than Seoul.",
     "900 km²", "area", "Seoul", C, 900 / 605.21, "900 / 605.21 = 1.487 > 4/3 * 1.05 = 1.4"),
    ("The park covers 800 km², a third bigger than Seoul.",
     "800 km²", "area", "Seoul", S, 800 / 605.21, "1.322 in [1.267, 1.4]"),
    ("The park covers 900 km², 50% bigger than Seoul.",
     "900 km²", "area", "Seoul", S, 900 / 605.21, "1.487 in [1.425, 1.575]"),
    ("Belgium has twice the population of Wales.",
     "Belgium", "population", "Wales", C, 11422068 / 3107500, "11.42M / 3.11M = 3.68"),
    ("The lake covers 200,000 km2, about 7 times that of Belgium.",
     "200,000 km2", "area", "Belgium", S, 200000 / 30510, "6.56 in [6.3, 7.7]"),
    ("The creature is 30 m long, about the length of a blue whale.",
     "30 m", "length", "blue whale", S, 30 / 29.9, "1.003 in [0.9, 1.1]"),
    ("Kursk is 1.5 times the size of Seoul.",
     "Kursk", "area", "Seoul", C, 29997 / 605.21, "Kursk Oblast: 29,997 / 605.21 = 49.6"),
    ("It covers 420,000 km2, twice the size of Great Britain.",
     "420,000 km2", "area", "Great Britain", S, 420000 / 209331, "the island: 2.006"),
    ("It covers 490,000 km2, twice the size of Britain.",
     "490,000 km2", "area", "United Kingdom", S, 490000 / 244820, "the UK: 2.001"),
    ("The lawn covers 5,000 square metres, about the size of a football field.",
     "5,000 square metres", "area", "American football field", S, 5000 / (6400 * 0.9144 ** 2),
     "US usage: 5000 / 5351 = 0.934"),
    ("The lawn covers 7,000 square metres, about the size of a football pitch.",
     "7,000 square metres", "area", "football pitch", S, 7000 / 7140, "the soccer pitch: 0.98"),
    ("The river is 12,800 km long, twice the length of the Amazon River.",
     "12,800 km", "length", "Amazon River", S, 2.0, "12800 / 6400"),
    ("Its metro has 1,694,251 riders, the population of Manhattan.",
     "1,694,251 riders", "population", "Manhattan", S, 1.0, "a head count the size of the 2020 census"),
]


@pytest.mark.parametrize(("text", "subject", "prop", "entity", "verdict", "ratio", "why"), BUILTIN_CLAIMS)
def test_builtin_claims(text: str, subject: str, prop: str, entity: str, verdict: str, ratio: float | None,
                        why: str) -> None:
    (check,) = quantnorm.verify(text)
    assert check.subject is not None and check.subject.text == subject, why
    assert (check.property, check.entity, check.verdict.value) == (prop, entity, verdict), check.reason
    if ratio is None:
        assert check.ratio is None and subject in check.reason
    else:
        assert check.ratio is not None and check.ratio.low is not None
        assert math.isclose(float(check.ratio.low), ratio, rel_tol=1e-6)


@pytest.mark.parametrize(
    "text",
    [
        "Its delivery network is 13,000 km long, twice that of Amazon.",  # the company: no value
        "The warehouse is 600 m long, twice the length of Amazon's.",  # no length of the company
        "Amazon is twice the size of Walmart.",
    ],
)
def test_amazon_alone_is_no_river(text: str) -> None:
    assert all(c.verdict == Verdict.UNVERIFIABLE for c in quantnorm.verify(text))
    assert builtin().lookup("Amazon", "length") is None
    river = builtin().lookup("the Amazon River", "length")
    assert river is not None and river.entity == "Amazon River"


def test_builtin_names_that_mean_two_things() -> None:
    book = builtin()
    for name, prop, entity in [("Great Britain", "area", "Great Britain"), ("Britain", "area", "United Kingdom"),
                               ("the UK", "area", "United Kingdom"), ("a football field", "area",
                                                                     "American football field"),
                               ("a football pitch", "area", "football pitch"), ("soccer field", "length",
                                                                                "football pitch")]:
        ref = book.lookup(name, prop)
        assert ref is not None and ref.entity == entity, name
        assert ref.source and ref.year and ref.licence
    gb, uk = book.lookup("Great Britain", "area"), book.lookup("United Kingdom", "area")
    assert gb is not None and uk is not None and gb.interval.low is not None and uk.interval.low is not None
    assert gb.interval.low < uk.interval.low  # the island is smaller than the kingdom


def test_builtin_notes_describe_their_own_row() -> None:
    book = builtin()
    area, people = book.lookup("Manhattan", "population"), book.lookup("Manhattan", "area")
    assert area is not None and people is not None
    for ref in (book.lookup(c, "population") for c in ("Manhattan", "Brooklyn", "New York City", "Chicago")):
        assert ref is not None and "area" not in (ref.note or ""), ref


def test_every_builtin_row_has_a_source_a_year_and_a_licence() -> None:
    import csv

    rows = [line for line in (ROOT / "quantnorm" / "data" / "references.csv").read_text(encoding="utf-8")
            .splitlines() if line.strip() and not line.startswith("#")]
    records = list(csv.DictReader(rows))
    assert len(records) > 600
    pairs = [(r["entity"], r["property"]) for r in records]
    assert len(pairs) == len(set(pairs))  # one row per value
    for r in records:
        assert r["source"].strip() and r["year"].strip().isdigit() and r["licence"].strip(), r


def test_builtin_us_states_add_up_to_the_2020_census() -> None:
    from quantnorm.references import _builtin

    table = _builtin().table
    census = "US Census Bureau, 2010 Census (total area)"
    states = {e for (e, p), r in table.values.items() if p == "area" and r.source == census}
    assert len(states) == 51  # 50 states and DC
    total = sum(table.values[(e, "population")].interval.low or 0 for e in states)
    assert total == 331_449_281


# ---------------------------------------------------------------------------- references


def test_reference_strings_quantities_and_numbers_are_read_exactly() -> None:
    ureg = quantnorm.ureg
    book = MappingReferences({
        "Seoul": {"area": "605.2 km**2", "population": "9.4 million"},
        "A": {"area": ureg.Quantity(2.5, "km**2"), "Population": 1200},
        "B": {"surface area": "3 square miles", "weight": "2 tonnes"},
    })
    seoul = book.lookup("seoul", "area")
    assert seoul is not None and seoul.interval.low == 605_200_000 and seoul.interval.units == "meter ** 2"
    pop = book.lookup("SEOUL", "population")
    assert pop is not None and pop.interval.low == 9_400_000 and pop.interval.units == "count"
    a = book.lookup("the A", "area")
    assert a is not None and a.interval.low == 2_500_000
    assert book.lookup("A", "population") is not None
    b = book.lookup("B", "area")
    assert b is not None and b.interval.low == 3 * Fraction(1609344, 1000) ** 2
    mass = book.lookup("B", "mass")
    assert mass is not None and mass.interval.low == 2000 and mass.interval.units == "kilogram"


def test_aliases_of_the_builtin_book_serve_a_callers_mapping() -> None:
    book = MappingReferences({"United Kingdom": {"area": "243,610 km2"}}, aliases={"Blighty": "United Kingdom"})
    for name in ("the UK", "Britain", "U.K.", "Blighty", "united kingdom"):
        ref = book.lookup(name, "area")
        assert ref is not None and ref.entity == "United Kingdom", name
    assert MappingReferences({"UK": {"area": 1}}, builtin_aliases=False).lookup("Britain", "area") is None


def test_a_chain_asks_books_in_order() -> None:
    chain = ReferenceChain({"Seoul": {"area": "700 km2"}}, builtin())
    seoul = chain.lookup("Seoul", "area")
    wales = chain.lookup("Wales", "area")
    assert seoul is not None and seoul.interval.low == 700_000_000
    assert wales is not None and wales.interval.low == 20_779_000_000


@pytest.mark.parametrize(
    "bad",
    [
        {"Seoul": {"area": "lots"}},  # not a number
        {"Seoul": {"area": "605 km"}},  # a length, not an area
        {"Seoul": {"area": "605 parsecs**7 of cheese"}},  # not a unit
        {"Seoul": {"area": -605}},  # not positive
        {"Seoul": {"area": "0 km2"}},  # not positive
        {"Seoul": {"area": float("nan")}},  # not finite
        {"Seoul": {"area": [605, "km2"]}},  # not a quantity
        {"Seoul": "605 km2"},  # not a mapping of properties
        {"": {"area": "605 km2"}},  # no name
        {"Seoul": {"population": "9.4 million km2"}},  # a population is a count
    ],
)
def test_bad_references_raise_a_quantnorm_error_naming_the_value(bad: dict[str, object]) -> None:
    with pytest.raises(ReferenceValueError) as info:
        quantnorm.verify("It covers 1,000 km2, about twice the area of Seoul.", bad)  # type: ignore[arg-type]
    assert isinstance(info.value, QuantnormError)
    assert "Traceback" not in str(info.value)
    values = next(iter(bad.values()))
    shown = values if not isinstance(values, dict) else next(iter(values.values()))
    if isinstance(shown, str) and bad.get("Seoul") is not None and isinstance(bad["Seoul"], dict):
        assert repr(shown) in str(info.value)


class _BrokenBook:
    def lookup(self, entity: str, property: str) -> Reference | None:
        raise RuntimeError("database is down")


class _WrongBook:
    def lookup(self, entity: str, property: str) -> object:
        return ["605", "km2"]  # no quantity


class _WrongDimensionBook:
    def lookup(self, entity: str, property: str) -> object:
        return "605 km"  # a length for every property


@pytest.mark.parametrize("book", [_BrokenBook(), _WrongBook(), _WrongDimensionBook()])
def test_a_failing_book_raises_a_quantnorm_error(book: object) -> None:
    with pytest.raises(ReferenceValueError):
        quantnorm.verify("It covers 1,000 km2, twice the area of Seoul.", book)  # type: ignore[arg-type]


class _DictBook:
    """A caller's book over a dict, answering with strings and Quantities, as a database might."""

    source = "city archive"

    def __init__(self, values: dict[tuple[str, str], object]) -> None:
        self.values = {(e.casefold(), p): v for (e, p), v in values.items()}

    def lookup(self, entity: str, property: str) -> object:
        return self.values.get((entity.casefold().removeprefix("the "), property))


class _ComputedBook:
    """A caller's book that computes its values: the area of a rectangle from its sides."""

    def __init__(self) -> None:
        m = quantnorm.ureg.meter
        self.sides = {"north field": (120 * m, 80 * m)}

    def lookup(self, entity: str, property: str) -> Reference | None:
        sides = self.sides.get(entity.casefold().removeprefix("the "))
        if sides is None:
            return None
        if property == "area":
            return quantnorm.make_reference(entity, "area", sides[0] * sides[1], source="survey", year="2024",
                                            licence="CC0", note="length x width")
        if property == "length":
            return quantnorm.make_reference(entity, "length", max(sides), source="survey")
        return None


# (book, text, verdict, the reference's text and source, arithmetic)
CUSTOM_BOOKS = [
    (_DictBook({("Ruritania", "area"): "1,000 km2"}), "It covers 2,000 km2, twice the area of Ruritania.", S,
     ("1,000 km2", "city archive"), "a string: 2000/1000"),
    (_DictBook({("Ruritania", "population"): "2 million"}), "It has 3 million people, twice the population of "
     "Ruritania.", C, ("2 million", "city archive"), "a string without a unit is a count: 1.5"),
    (_DictBook({("Grand Spire", "height"): quantnorm.ureg.Quantity(200, "m")}),
     "The mast is 400 metres tall, twice the height of the Grand Spire.", S, ("200 meter", "city archive"),
     "a Quantity: 400/200"),
    (_DictBook({("Ruritania", "area"): 1000 * quantnorm.ureg.km ** 2}),
     "It covers 1,500 km2, 1.5 times the area of Ruritania.", S, ("1000 kilometer ** 2", "city archive"),
     "a Quantity: 1.5"),
    (_DictBook({("Ruritania", "population"): 2_000_000}), "Freedonia is 2.5 times as populous as Ruritania.", N,
     ("2000000", "city archive"), "a number is read in the property's unit; no value for Freedonia"),
    (_ComputedBook(), "The car park covers 19,200 square metres, twice the area of the north field.", S,
     ("9600 meter ** 2", "survey"), "120 m x 80 m = 9600 m2: 2"),
    (_ComputedBook(), "The runway is 240 metres long, twice the length of the north field.", S,
     ("120 meter", "survey"), "240/120"),
    (ReferenceChain(_DictBook({("Seoul", "population"): "9 million"}), _ComputedBook(), builtin()),
     "It covers 1,210 km2, twice the area of Seoul.", S,
     ("605.21 km2", "Seoul Metropolitan Government (via Wikipedia: Seoul)"), "the chain asks the built-in book last"),
    (ReferenceChain(_DictBook({("Seoul", "area"): "700 km2"}), builtin()),
     "It covers 1,400 km2, twice the area of Seoul.", S, ("700 km2", "city archive"), "the caller's value first"),
]


@pytest.mark.parametrize(("book", "text", "verdict", "reference", "why"), CUSTOM_BOOKS)
def test_a_callers_book_may_answer_with_a_value_or_a_reference(
    book: object, text: str, verdict: str, reference: tuple[str, str], why: str
) -> None:
    (check,) = quantnorm.verify(text, book)  # type: ignore[arg-type]
    assert check.verdict.value == verdict, (why, check.reason)
    assert check.reference is not None
    assert (check.reference.text, check.reference.source) == reference, why


def test_make_reference_builds_a_reference_with_its_source() -> None:
    ref = quantnorm.make_reference("Ruritania", "surface area", "1,000 km2", source="survey", year="2024",
                                   licence="CC0", note="land only")
    assert isinstance(ref, Reference)
    assert (ref.entity, ref.property, ref.text) == ("Ruritania", "area", "1,000 km2")
    assert (ref.source, ref.year, ref.licence, ref.note) == ("survey", "2024", "CC0", "land only")
    assert ref.interval == Interval.point(Fraction(10 ** 9), "meter ** 2")
    assert ref.quantity.magnitude == 10 ** 9
    assert quantnorm.make_reference("X", "population", 1200).interval.units == "count"
    with pytest.raises(ReferenceValueError):
        quantnorm.make_reference("X", "area", "12 km")
    # a book that answers with a Reference made this way
    book = _ComputedBook()
    assert isinstance(book, quantnorm.ReferenceBook)
    found = book.lookup("the north field", "area")
    assert found is not None and found.interval.low == 9600


def test_references_of_the_wrong_type_are_a_type_error() -> None:
    with pytest.raises(TypeError):
        quantnorm.verify("It covers 1,000 km2, twice the area of Seoul.", 42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        quantnorm.verify(b"bytes")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- semantics


def test_tolerances_can_be_changed_per_call() -> None:
    text = "It covers 1,600 km2, 1.5 times the area of Ruritania."  # 1.6
    assert _one(text).verdict == Verdict.CONTRADICTED  # [1.425, 1.575]
    (wide,) = quantnorm.verify(text, BOOK, exact=0.1)  # type: ignore[arg-type]
    assert wide.verdict == Verdict.SUPPORTED  # [1.35, 1.65]
    with pytest.raises(QuantnormError):
        quantnorm.verify(text, BOOK, approx=1.5)  # type: ignore[arg-type]


def test_claimed_intervals() -> None:
    tol = Tolerances(Fraction(1, 20), Fraction(1, 10), Fraction(1, 10))
    two = Fraction(2)
    assert claimed_interval(Bound.EQ, two, tolerances=tol) == Interval(Fraction(19, 10), Fraction(21, 10))
    assert claimed_interval(Bound.APPROX, two, tolerances=tol) == Interval(Fraction(9, 5), Fraction(11, 5))
    assert claimed_interval(Bound.GT, two, tolerances=tol) == Interval(two, None, False, False)
    assert claimed_interval(Bound.GE, two, tolerances=tol) == Interval(two, None, True, False)
    assert claimed_interval(Bound.LT, two, tolerances=tol) == Interval(None, two, False, False)
    assert claimed_interval(Bound.LE, two, tolerances=tol) == Interval(None, two, False, True)
    assert claimed_interval(Bound.LT, two, near=True, tolerances=tol) == Interval(Fraction(9, 5), two, True, False)
    assert claimed_interval(Bound.GT, two, near=True, tolerances=tol) == Interval(two, Fraction(11, 5), False, True)
    with pytest.raises(QuantnormError):
        claimed_interval(Bound.RANGE, two)
    with pytest.raises(QuantnormError):
        claimed_interval(Bound.EQ, Fraction(0))


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine has lost half of its occupied territory.",  # a proportion of a pronoun's territory
        "The size of Ruritania is 1,000 km2.",  # a statement of the size, not a comparison
        "They will stay as long as Ruritania pays.",  # a conjunction
        "As many as 50,000 troops were sent.",  # a bound on a count
        "Prices rose 10 times more than wages.",  # "wages" is no entity the book knows
        "A third of the troops left.",  # a proportion
        "Freedonia is bigger than Ruritania and Elbonia combined.",  # a sum: not checked
        "Prices rose as long as the size of the market grew.",  # "as long as": a conjunction
        "Freedonia is the area of Ruritania that voted no.",  # "the area of" after a verb alone: no claim
        "Officials talked about the population of Ruritania.",  # "about" with no subject to check
        "Route 66 is about the length of the Long Bridge.",  # "the length of": the subject must be known
        "Wages grew twice that of inflation.",  # "that of X": X must be one the book knows
        "Its revenue is twice that of Atlantis.",  # the same
    ],
)
def test_not_claims(text: str) -> None:
    assert quantnorm.comparisons(text, BOOK) == []  # type: ignore[arg-type]


def test_checks_are_frozen_and_in_text_order() -> None:
    text = ("It covers 2,000 km2, twice the area of Ruritania; it has 6 million people, "
            "three times the population of Ruritania.")
    checks = quantnorm.verify(text, BOOK)  # type: ignore[arg-type]
    assert [c.property for c in checks] == ["area", "population"]
    assert [c.verdict for c in checks] == [Verdict.SUPPORTED, Verdict.SUPPORTED]
    assert checks[0].start < checks[1].start
    with pytest.raises(AttributeError):
        checks[0].verdict = Verdict.CONTRADICTED  # type: ignore[misc]


# ---------------------------------------------------------------------------- property


def _direct(s_lo: Fraction | None, s_hi: Fraction | None, s_lo_in: bool, s_hi_in: bool, ref: Fraction,
            c_lo: Fraction | None, c_hi: Fraction | None, c_lo_in: bool, c_hi_in: bool) -> str:
    """The verdict computed directly: ratio = subject / ref (ref > 0 exact, so the ratio
    interval is the subject interval divided through), then containment and overlap."""
    r_lo = None if s_lo is None else s_lo / ref
    r_hi = None if s_hi is None else s_hi / ref

    def below_ok(lo: Fraction | None, lo_in: bool) -> bool:  # does the claim's low bound admit all of R?
        if c_lo is None:
            return True
        if lo is None:
            return False
        return lo > c_lo or (lo == c_lo and (c_lo_in or not lo_in))

    def above_ok(hi: Fraction | None, hi_in: bool) -> bool:
        if c_hi is None:
            return True
        if hi is None:
            return False
        return hi < c_hi or (hi == c_hi and (c_hi_in or not hi_in))

    if below_ok(r_lo, s_lo_in) and above_ok(r_hi, s_hi_in):
        return S
    # overlap: the larger low must not pass the smaller high
    lows = [(v, inc) for v, inc in ((r_lo, s_lo_in), (c_lo, c_lo_in)) if v is not None]
    highs = [(v, inc) for v, inc in ((r_hi, s_hi_in), (c_hi, c_hi_in)) if v is not None]
    if lows and highs:
        lo_v = max(v for v, _ in lows)
        lo_in = all(inc for v, inc in lows if v == lo_v)
        hi_v = min(v for v, _ in highs)
        hi_in = all(inc for v, inc in highs if v == hi_v)
        if lo_v > hi_v or (lo_v == hi_v and not (lo_in and hi_in)):
            return C
    return U


SUBJECT_BOUNDS = {"": "=", "more than ": ">", "at least ": ">=", "less than ": "<", "up to ": "<="}
CLAIM_BOUNDS = {"": "=", "about ": "~", "more than ": ">", "at least ": ">=", "less than ": "<", "up to ": "<=",
                "almost ": "<~", "just over ": ">~"}


@st.composite
def _subject_and_reference(draw: st.DrawFn) -> tuple[int, int, int]:
    """(subject value, tenths of the factor, reference): half the time the subject sits
    exactly on an edge of a claimed interval (f, 0.9 f, 0.95 f, 1.05 f, 1.1 f times the
    reference), where open and closed bounds differ."""
    tenths = draw(st.integers(1, 60))
    if draw(st.booleans()):
        return draw(st.integers(1, 2_000_000)), tenths, draw(st.integers(1, 2_000_000))
    k = draw(st.integers(1, 500))
    edge = draw(st.sampled_from([Fraction(1), Fraction(9, 10), Fraction(19, 20), Fraction(21, 20), Fraction(11, 10)]))
    reference = 200 * k
    value = reference * Fraction(tenths, 10) * edge
    assert value.denominator == 1
    return int(value), tenths, reference


def _verify_against_direct(value: int, tenths: int, reference: int, subject_bound: str, claim_bound: str) -> None:
    factor = Fraction(tenths, 10)
    factor_text = f"{float(factor):g}"
    text = f"It covers {subject_bound}{value:,} km2, {claim_bound}{factor_text} times the area of Ruritania."
    (check,) = quantnorm.verify(text, {"Ruritania": {"area": f"{reference} km2"}})
    v, r = Fraction(value), Fraction(reference)
    sb = SUBJECT_BOUNDS[subject_bound]
    s_lo, s_hi, s_lo_in, s_hi_in = {
        "=": (v, v, True, True), ">": (v, None, False, False), ">=": (v, None, True, False),
        "<": (None, v, False, False), "<=": (None, v, False, True),
    }[sb]
    f, w = factor, {"=": Fraction(1, 20), "~": Fraction(1, 10)}
    cb = CLAIM_BOUNDS[claim_bound]
    c_lo, c_hi, c_lo_in, c_hi_in = {
        "=": (f * (1 - w["="]), f * (1 + w["="]), True, True),
        "~": (f * (1 - w["~"]), f * (1 + w["~"]), True, True),
        ">": (f, None, False, False), ">=": (f, None, True, False),
        "<": (None, f, False, False), "<=": (None, f, False, True),
        "<~": (f * Fraction(9, 10), f, True, False), ">~": (f, f * Fraction(11, 10), False, True),
    }[cb]
    assert check.factor == factor
    assert check.verdict.value == _direct(s_lo, s_hi, s_lo_in, s_hi_in, r, c_lo, c_hi, c_lo_in, c_hi_in), check.reason


@given(
    drawn=_subject_and_reference(),
    subject_bound=st.sampled_from(sorted(SUBJECT_BOUNDS)),
    claim_bound=st.sampled_from(sorted(CLAIM_BOUNDS)),
)
def test_verdict_agrees_with_a_direct_interval_computation(
    drawn: tuple[int, int, int], subject_bound: str, claim_bound: str
) -> None:
    value, tenths, reference = drawn
    _verify_against_direct(value, tenths, reference, subject_bound, claim_bound)


@pytest.mark.parametrize("subject_bound", sorted(SUBJECT_BOUNDS))
@pytest.mark.parametrize("claim_bound", sorted(CLAIM_BOUNDS))
def test_verdict_on_the_edges_agrees_with_a_direct_interval_computation(subject_bound: str, claim_bound: str) -> None:
    # factor 1.5 (tenths 15), reference 2,000 km2: subjects at 0.9, 0.95, 1, 1.05, 1.1 times 3,000 km2,
    # exactly on the edges of every claimed interval, and between them
    for value in (2700, 2800, 2850, 2900, 3000, 3100, 3150, 3200, 3300, 3400):
        _verify_against_direct(value, 15, 2000, subject_bound, claim_bound)


@given(st.text(max_size=200))
def test_any_text_gives_checks_or_nothing(text: str) -> None:
    for check in quantnorm.verify(text, BOOK):  # type: ignore[arg-type]
        assert text[check.start:check.end] == check.claim
        json.dumps(check.to_dict())


# ---------------------------------------------------------------------------- docs


def test_docs_verification_examples_run() -> None:
    failures, tried = doctest.testfile(
        str(ROOT / "docs" / "verification.md"), module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert tried > 10
    assert failures == 0


def test_cli_verify_prints_one_json_object_per_check(
    kursk: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from quantnorm.cli import main

    seed = tmp_path / "seed.txt"
    seed.write_text(kursk, encoding="utf-8")
    assert main(["verify", str(seed)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["verdict"] == "supported" and record["file"] == str(seed)
    refs = tmp_path / "refs.json"
    refs.write_text(json.dumps({"Seoul": {"area": "700 km**2"}}), encoding="utf-8")
    assert main(["verify", "--references", str(refs), "--format", "table", str(seed)]) == 0
    assert "undetermined" in capsys.readouterr().out
    refs.write_text(json.dumps({"Seoul": {"area": "lots"}}), encoding="utf-8")
    assert main(["verify", "--references", str(refs), str(seed)]) == 2
    assert "'lots'" in capsys.readouterr().err
    assert main(["-t", "over 5 km"]) == 0  # the mention command is unchanged
    assert json.loads(capsys.readouterr().out.splitlines()[0])["text"] == "over 5 km"
