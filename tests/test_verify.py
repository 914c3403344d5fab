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
        return "605 km2"


@pytest.mark.parametrize("book", [_BrokenBook(), _WrongBook()])
def test_a_failing_book_raises_a_quantnorm_error(book: object) -> None:
    with pytest.raises(ReferenceValueError):
        quantnorm.verify("It covers 1,000 km2, twice the area of Seoul.", book)  # type: ignore[arg-type]


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
