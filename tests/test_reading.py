"""How the scan reads news text around its numbers: changes, ranges after change words, spans of
time, counted nouns, compound amounts, context rules, and the characters it folds.

Each case is a sentence (written for these tests) and every mention expected in it, in order:
(span, value, unit, bound, noun, change). A value is a Fraction-compatible string, or a
"low..high" pair for a range; the unit is the stated unit as pint names it.
"""

from __future__ import annotations

import unicodedata
from fractions import Fraction
from typing import Any

import pytest

import quantnorm
from quantnorm._scan import fold

Expected = tuple[str, str, str, str, str | None, str | None]


def _value(text: str) -> Fraction | tuple[Fraction, Fraction]:
    if ".." in text:
        low, high = text.split("..")
        return Fraction(low), Fraction(high)
    return Fraction(text)


def _check(text: str, expected: list[Expected], **options: Any) -> None:
    found = quantnorm.parse(text, **options)
    got = [(m.text, m.value, str(m.unit), m.bound.value, m.noun, m.change) for m in found]
    want = [(span, _value(value), unit, bound, noun, change) for span, value, unit, bound, noun, change in expected]
    assert got == want


# A change, then the level it reached: "to" after a change word joins no range, unless the
# first number has no unit of its own and the second does ("rise 5 to 10 percent").
CHANGE_THEN_LEVEL: list[tuple[str, list[Expected]]] = [
    ("The death toll rose by 12 to 42.",
     [("12", "12", "dimensionless", "=", None, "up"), ("42", "42", "dimensionless", "=", None, None)]),
    ("Casualties rose by 3,000 to 15,000 in a week.",
     [("3,000", "3000", "dimensionless", "=", None, "up"), ("15,000", "15000", "dimensionless", "=", None, None),
      ]),
    ("The population grew by 1.2 million to 68 million.",
     [("1.2 million", "1200000", "dimensionless", "=", None, "up"),
      ("68 million", "68000000", "dimensionless", "=", None, None)]),
    ("Sales rose 5% to 3.2 million units.",
     [("5%", "5", "percent", "=", None, "up"), ("3.2 million units", "3200000", "count", "=", "unit", None)]),
    ("Inflation rose 2% to 15%.", [("2%", "2", "percent", "=", None, "up"), ("15%", "15", "percent", "=", None, None)]),
    ("The index fell 120 points to 7,500.",
     [("120 points", "120", "count", "=", "point", "down"), ("7,500", "7500", "dimensionless", "=", None, None)]),
    ("Fares are expected to rise 5 to 10 percent.", [("5 to 10 percent", "5..10", "percent", "range", None, "up")]),
    ("The queue ran to 5 to 10 people.", [("5 to 10 people", "5..10", "count", "range", "person", None)]),
    ("Average temperatures rose 2 °C to 15 °C.",
     [("2 °C", "2", "delta_degree_Celsius", "=", None, "up"), ("15 °C", "15", "degree_Celsius", "=", None, None)]),
]

# Change words, including "by" after an object, nouns of change, and what is not a change.
CHANGES: list[tuple[str, list[Expected]]] = [
    ("The company cut emissions by 30 per cent.", [("30 per cent", "30", "percent", "=", None, "down")]),
    ("The gap narrowed by 2%.", [("2%", "2", "percent", "=", None, "down")]),
    ("The spread widened by 3 percentage points.",
     [("3 percentage points", "3", "percentage_point", "=", None, "up")]),
    ("The bank raised the rate by 0.25 points.", [("0.25 points", "1/4", "count", "=", "point", "up")]),
    ("Prices were raised by 3 percent.", [("3 percent", "3", "percent", "=", None, "up")]),
    ("They raised $5m for the hospital.", [("$5m", "5000000", "USD", "=", None, None)]),
    ("Add 2 oz of butter.", [("2 oz", "2", "ounce", "=", None, None)]),
    ("The lifter lifted 200 kg.", [("200 kg", "200", "kilogram", "=", None, None)]),
    ("A rise of 5% was forecast.", [("5%", "5", "percent", "=", None, "up")]),
    ("It predicts warming of 1.5 °C.", [("1.5 °C", "3/2", "delta_degree_Celsius", "=", None, "up")]),
    ("July was 5 °C above average.", [("5 °C", "5", "delta_degree_Celsius", "=", None, "up")]),
    ("The lake cooled by 2 °C.", [("2 °C", "2", "delta_degree_Celsius", "=", None, "down")]),
    ("The economy added 200,000 jobs.", [("200,000 jobs", "200000", "count", "=", "job", "up")]),
    ("Exports slowed by 4%.", [("4%", "4", "percent", "=", None, "down")]),
]

# "over" before a span of time: when, after an amount or a word of [during-after]; more
# than, elsewhere.
SPANS_OF_TIME: list[tuple[str, list[Expected]]] = [
    ("The talks took place over three days.", [("three days", "3", "day", "=", None, None)]),
    ("The bridge was built over 18 months.", [("18 months", "18", "month", "=", None, None)]),
    ("The rain fell over 3 hours.", [("3 hours", "3", "hour", "=", None, None)]),
    ("Volunteers took part over three weekends.", [("three weekends", "3", "count", "=", "weekend", None)]),
    ("Prices rose 5% over three years.",
     [("5%", "5", "percent", "=", None, "up"), ("three years", "3", "year", "=", None, None)]),
    ("The meeting lasted over three hours.", [("over three hours", "3", "hour", ">", None, None)]),
    ("Travellers faced delays of over 3 hours.", [("over 3 hours", "3", "hour", ">", None, None)]),
    ("It was the first time in over 20 years.", [("over 20 years", "20", "year", ">", None, None)]),
    ("Over 5,000 runners took part.", [("Over 5,000 runners", "5000", "count", ">", "runner", None)]),
]

# The counted noun, through adverbs, participles, abbreviations, joined adjectives,
# partitive "of", and compounds of two plural nouns.
NOUNS: list[tuple[str, list[Expected]]] = [
    ("It sent more than 3,000 of its troops.",
     [("more than 3,000 of its troops", "3000", "count", ">", "troop", None)]),
    ("Police deployed more than 500 heavily armed police officers.",
     [("more than 500 heavily armed police officers", "500", "count", ">", "officer", None)]),
    ("About 200 U.S. troops remain.", [("About 200 U.S. troops", "200", "count", "~", "troop", None)]),
    ("Over 50,000 Russian and North Korean troops massed.",
     [("Over 50,000 Russian and North Korean troops", "50000", "count", ">", "troop", None)]),
    ("Some 400 elite special forces soldiers landed.",
     [("Some 400 elite special forces soldiers", "400", "count", "~", "soldier", None)]),
    ("Witnesses saw 12 unidentified flying objects.",
     [("12 unidentified flying objects", "12", "count", "=", "object", None)]),
    ("The firm hired 20 sales people.", [("20 sales people", "20", "count", "=", "person", None)]),
    ("3 people killed in the attack were named.", [("3 people", "3", "count", "=", "person", None)]),
    ("One man killed was a farmer.", [("One man", "1", "count", "=", "man", None)]),
    ("10 of Britain's biggest companies signed.",
     [("10 of Britain's biggest companies", "10", "count", "=", "company", None)]),
    ("He ate five apples and oranges.", [("five apples", "5", "count", "=", "apple", None)]),
    # a year-like number counts after a bound phrase; elsewhere it stays a year
    ("About 1200 troops crossed.", [("About 1200 troops", "1200", "count", "~", "troop", None)]),
    ("More than 1500 people came.", [("More than 1500 people", "1500", "count", ">", "person", None)]),
    ("The 2024 elections were close.", []),
    ("In 2019 the firm grew.", []),
    ("Five were injured.", [("Five", "5", "dimensionless", "=", None, None)]),
]

# Amounts in two units (one mention each, as the stated numbers are two: the peers' test sets
# read them so), fractions of a unit, ratios, and ranges of negative values.
AMOUNTS: list[tuple[str, list[Expected]]] = [
    ("He is 6 ft 2 in tall.", [("6 ft", "6", "foot", "=", None, None), ("2 in", "2", "inch", "=", None, None)]),
    ("The climb took 3 hours 25 minutes.",
     [("3 hours", "3", "hour", "=", None, None), ("25 minutes", "25", "minute", "=", None, None)]),
    ("Legs of 5 km and 10 km.",
     [("5 km", "5", "kilometer", "=", None, None), ("10 km", "10", "kilometer", "=", None, None)]),
    ("Rates fell half a percentage point.",
     [("half a percentage point", "1/2", "percentage_point", "=", None, "down")]),
    ("We waited half an hour.", [("half an hour", "1/2", "hour", "=", None, None)]),
    ("The shop is a quarter of a mile away.", [("a quarter of a mile", "1/4", "mile", "=", None, None)]),
    ("It took three quarters of an hour.", [("three quarters of an hour", "3/4", "hour", "=", None, None)]),
    ("Half of its territory was lost.", [("Half", "1/2", "dimensionless", "=", None, None)]),
    ("One in five adults smokes.", [("One in five adults", "1/5", "dimensionless", "=", None, None)]),
    ("Nights fell to -5 to -10 °C.", [("-5 to -10 °C", "-10..-5", "degree_Celsius", "range", None, None)]),
    ("It was 5°C/41°F outside.",
     [("5°C", "5", "degree_Celsius", "=", None, None), ("41°F", "41", "degree_Fahrenheit", "=", None, None)]),
    ("Pay 2 euros 50 cents.", [("2 euros 50 cents", "5/2", "EUR", "=", None, None)]),
]

# Context decides "°"/"degrees" (with the temperature option: temperature or angle), "pound(s)"
# (money or mass), a quote
# mark (inch or quotation), "m" (million before a unit word, else metre) and a final full stop.
CONTEXT: list[tuple[str, list[Expected]]] = [
    ("It was -5° in Moscow.", [("-5°", "-5", "degree_Celsius", "=", None, None)]),
    ("Heat the oven to 180 degrees.", [("180 degrees", "180", "degree_Celsius", "=", None, None)]),
    ("Temperatures rose by 2 degrees.", [("2 degrees", "2", "delta_degree_Celsius", "=", None, "up")]),
    ("The ship made a 180-degree turn.", [("180-degree", "180", "degree", "=", None, None)]),
    ("The axis is tilted 23.5 degrees.", [("23.5 degrees", "47/2", "degree", "=", None, None)]),
    ("The fine was 200 pounds.", [("200 pounds", "200", "GBP", "=", None, None)]),
    ("Tickets cost 30 pounds each.", [("30 pounds", "30", "GBP", "=", None, None)]),
    ("He carried a 200-pound bag.", [("200-pound", "200", "pound", "=", None, None)]),
    ("It weighs 5 pounds and cost a lot.", [("5 pounds", "5", "pound", "=", None, None)]),
    ('Officials counted 40 "fighters" there.', [("40", "40", "dimensionless", "=", None, None)]),
    ('He said "40" twice.', [("40", "40", "dimensionless", "=", None, None)]),
    ('She bought a 10" pan.', [('10"', "10", "inch", "=", None, None)]),
    ("Output of 3m tonnes.", [("3m tonnes", "3000000", "metric_ton", "=", None, None)]),
    ("It pumps 1.2m barrels a day.", [("1.2m barrels a day", "1200000", "barrel / day", "=", None, None)]),
    ("They farm 10m acres.", [("10m acres", "10000000", "acre", "=", None, None)]),
    ("A 10m yacht.", [("10m", "10", "meter", "=", None, None)]),
    ("The rod is 5 m.", [("5 m", "5", "meter", "=", None, None)]),
    ("The tower is 300 m. It is tall.", [("300 m", "300", "meter", "=", None, None)]),
    ("It took 20 min.", [("20 min", "20", "minute", "=", None, None)]),
    ("It is 10 in.", [("10 in", "10", "inch", "=", None, None)]),
]

# A currency carried from a mention of money to a bare scaled amount after "up from",
# "versus"... (data/qualifiers.txt [currency-carry]); nothing else carries.
CARRIED_CURRENCY: list[tuple[str, list[Expected]]] = [
    ("Turnover reached $7bn, up from 6.2bn.",
     [("$7bn", "7000000000", "USD", "=", None, None), ("6.2bn", "6200000000", "USD", "=", None, None)]),
    ("The club spent €40 million, down from 55 million.",
     [("€40 million", "40000000", "EUR", "=", None, None), ("55 million", "55000000", "EUR", "=", None, None)]),
    ("Costs were £8m compared with 7.5m.",
     [("£8m", "8000000", "GBP", "=", None, None), ("7.5m", "7500000", "GBP", "=", None, None)]),
    ("Bids of $2.1bn versus 1.9bn were made.",
     [("$2.1bn", "2100000000", "USD", "=", None, None), ("1.9bn", "1900000000", "USD", "=", None, None)]),
    ("The deal rose to $4bn from 3bn.",
     [("$4bn", "4000000000", "USD", "=", None, None), ("3bn", "3000000000", "USD", "=", None, None)]),
    ("The fee is $900, up from 750.",
     [("$900", "900", "USD", "=", None, None), ("750", "750", "dimensionless", "=", None, None)]),
    ("Sales hit $3bn in 2023, up from 2.5bn.",
     [("$3bn", "3000000000", "USD", "=", None, None), ("2.5bn", "2500000000", "dimensionless", "=", None, None)]),
    ("It raised $3bn from 2.5m donors.",
     [("$3bn", "3000000000", "USD", "=", None, None), ("2.5m donors", "2500000", "count", "=", "donor", None)]),
    ("Oil cost $80 a barrel, up from 70 million.",
     [("$80 a barrel", "80", "USD / barrel", "=", None, None),
      ("70 million", "70000000", "dimensionless", "=", None, None)]),
]

# Dimensions: the unit written once after the last of "A x B (x C)", "A by B" applies to each
# number, each its own mention (the first spans the number alone).
DIMENSIONS: list[tuple[str, list[Expected]]] = [
    ("The pool measures 25 x 12 m.",
     [("25", "25", "meter", "=", None, None), ("12 m", "12", "meter", "=", None, None)]),
    ("They rented a 4 by 6 metres stall.",
     [("4", "4", "meter", "=", None, None), ("6 metres", "6", "meter", "=", None, None)]),
    ("A 3-by-5-foot flag hung there.",
     [("3", "3", "foot", "=", None, None), ("5-foot", "5", "foot", "=", None, None)]),
    ("Each crate is 2 × 1.5 × 0.8 m.",
     [("2", "2", "meter", "=", None, None), ("1.5", "3/2", "meter", "=", None, None),
      ("0.8 m", "4/5", "meter", "=", None, None)]),
    ("Buy a 2x3m tarp.", [("2", "2", "meter", "=", None, None), ("3m", "3", "meter", "=", None, None)]),
    ("Screens of 1280 x 720 pixels sold.",
     [("1280", "1280", "pixel", "=", None, None), ("720 pixels", "720", "pixel", "=", None, None)]),
    ("Two by three metres is small.",
     [("Two", "2", "meter", "=", None, None), ("three metres", "3", "meter", "=", None, None)]),
    ("The 4 x 400 m relay was last.",
     [("4", "4", "dimensionless", "=", None, None), ("400 m", "400", "meter", "=", None, None)]),
    ("He won the 4x100m relay.", []),
    ("She drives a 4x4 daily.", []),
    ("They built 3 x 4 cabins.",
     [("3", "3", "dimensionless", "=", None, None), ("4 cabins", "4", "count", "=", "cabin", None)]),
    ("Output fell by 5 by 2030.", [("5", "5", "dimensionless", "=", None, "down")]),
    ("The flag 0x1F was set.", []),
]

# Lists: bare numbers joined by ", ", " and ", " or " share the unit after the last one,
# each its own mention; counted nouns are not shared; years, dates and labels take nothing.
LISTS: list[tuple[str, list[Expected]]] = [
    ("Runners chose 21 and 42 km.",
     [("21", "21", "kilometer", "=", None, None), ("42 km", "42", "kilometer", "=", None, None)]),
    ("Bags of 5, 10 and 25 kg were sold.",
     [("5", "5", "kilogram", "=", None, None), ("10", "10", "kilogram", "=", None, None),
      ("25 kg", "25", "kilogram", "=", None, None)]),
    ("Rates of 3, 4, and 6% apply.",
     [("3", "3", "percent", "=", None, None), ("4", "4", "percent", "=", None, None),
      ("6%", "6", "percent", "=", None, None)]),
    ("Coins of 1, 2 or 5 euros circulate.",
     [("1", "1", "EUR", "=", None, None), ("2 or 5 euros", "2..5", "EUR", "range", None, None)]),
    ("A club for 4 and 5 year olds opened.",
     [("4", "4", "year", "=", None, None), ("5 year olds", "5", "year", "=", None, None)]),
    ("Teams of 5 and 11 players met.",
     [("5", "5", "dimensionless", "=", None, None), ("11 players", "11", "count", "=", "player", None)]),
    ("Sales in 2019 and 2020 rose.", []),
    ("Shows ran on 4, 5 and 6 June.",
     [("4", "4", "dimensionless", "=", None, None), ("5", "5", "dimensionless", "=", None, None)]),
    ("See pages 4 and 9 km on.", [("9 km", "9", "kilometer", "=", None, None)]),
    ("It is between 5 and 8 km.", [("between 5 and 8 km", "5..8", "kilometer", "range", None, None)]),
]

# Tolerances in brackets, the unit after them: the stated width, bound "~".
BRACKETED_TOLERANCES: list[tuple[str, list[Expected]]] = [
    ("The bolt is (8 ± 0.5) mm long.", [("(8 ± 0.5) mm", "8", "millimeter", "~", None, None)]),
    ("The route runs 40 (±3) km north.", [("40 (±3) km", "40", "kilometer", "~", None, None)]),
    ("Each sack holds 25 (+/- 1) kg.", [("25 (+/- 1) kg", "25", "kilogram", "~", None, None)]),
    ("Keep it at (4 ± 1) °C overnight.", [("(4 ± 1) °C", "4", "degree_Celsius", "~", None, None)]),
    ("Its gain was 30 (± 2 dB) then.", [("30 (± 2 dB)", "30", "decibel", "~", None, None)]),
    ("The score was (70 ± 5) overall.", [("70 ± 5", "70", "dimensionless", "~", None, None)]),
    ("It scored 12 (±1) today.", [("12 (±1)", "12", "dimensionless", "~", None, None)]),
]

# A name and its model go with the counted noun ("Boeing 737" is no count); an amount inside
# the noun phrase ("ten-tonne") is a mention of its own, and the count keeps its noun with its
# span stopping at its number.
NAMES_AND_INNER_AMOUNTS: list[tuple[str, list[Expected]]] = [
    ("The carrier ordered 40 Airbus A321 jets.",
     [("40 Airbus A321 jets", "40", "count", "=", "jet", None)]),
    ("Norway bought 14 Boeing 777 freighters.",
     [("14 Boeing 777 freighters", "14", "count", "=", "freighter", None)]),
    ("The air force flies 32 F-35 fighters.", [("32 F-35 fighters", "32", "count", "=", "fighter", None)]),
    ("Poland sent 14 Leopard 2 tanks.", [("14 Leopard 2 tanks", "14", "count", "=", "tank", None)]),
    ("The fleet has 60 Boeing 787s.", [("60 Boeing 787s", "60", "count", "=", "787", None)]),
    ("Three of the ten-tonne trucks broke down.",
     [("Three", "3", "count", "=", "truck", None), ("ten-tonne", "10", "metric_ton", "=", None, None)]),
    ("They ran two five-mile loops.",
     [("two", "2", "count", "=", "loop", None), ("five-mile", "5", "mile", "=", None, None)]),
    ("Four zero-emission ferries sail.", [("Four zero-emission ferries", "4", "count", "=", "ferry", None)]),
    # hyphen compounds count their noun, whether the number is a word or digits
    ("It sells a two-door version.", [("two-door", "2", "count", "=", "door", None)]),
    ("They rent a 4-bedroom flat.", [("4-bedroom", "4", "count", "=", "bedroom", None)]),
]

# A magnitude is a bare value (data/nouns.txt [dimensionless]); "under 9s" after "in" is
# still a time, "5K" before a race noun still five thousand.
SCALES_WITHOUT_UNITS: list[tuple[str, list[Expected]]] = [
    ("A 6.4-magnitude quake struck.", [("6.4-magnitude", "32/5", "dimensionless", "=", None, None)]),
    ("A magnitude 5.9 tremor followed.", [("5.9", "59/10", "dimensionless", "=", None, None)]),
    ("She finished in under 9s.", [("under 9s", "9", "second", "<", None, None)]),
    ("He won a 5K race.", [("5K", "5000", "dimensionless", "=", None, None)]),
]

# One line break inside a sentence is white space after a currency too; a blank line is not.
CURRENCY_LINE_BREAKS: list[tuple[str, list[Expected]]] = [
    ("The bill came to GBP\n120 in all.", [("GBP\n120", "120", "GBP", "=", None, None)]),
    ("Fees rose to USD\n  35 a head.", [("USD\n  35 a head", "35", "USD / person", "=", None, None)]),
    ("It cost CHF \n7.5m.", [("CHF \n7.5m", "7500000", "CHF", "=", None, None)]),
    ("Prices in EUR\n\n12 shops fell.", [("12 shops", "12", "count", "=", "shop", None)]),
]

# Not quantities: the second end of a range is a clock time or a date, "50-50", a list item.
NOT_QUANTITIES = [
    "The shop opens from 7 to 10 p.m. daily.",
    "Polls close between 2 and 4 p.m. there.",
    "The curfew runs between 10 and 6 a.m. nightly.",
    "The festival runs from 1 to 3 May.",
    "It is a 50-50 chance.",
    "Rule 4(b) applies.",
    "A Formula 1 driver won.",
]


@pytest.mark.parametrize(("text", "expected"), CHANGE_THEN_LEVEL + CHANGES)
def test_changes(text: str, expected: list[Expected]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), SPANS_OF_TIME)
def test_spans_of_time(text: str, expected: list[Expected]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), NOUNS)
def test_counted_nouns(text: str, expected: list[Expected]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), AMOUNTS)
def test_amounts(text: str, expected: list[Expected]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), CARRIED_CURRENCY)
def test_carried_currency(text: str, expected: list[Expected]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), DIMENSIONS)
def test_dimensions_share_the_unit_written_last(text: str, expected: list[Expected]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_lists_share_the_unit_written_last(text: str, expected: list[Expected]) -> None:
    _check(text, expected)


def test_a_shared_age_is_an_age() -> None:
    assert [m.age for m in quantnorm.parse("A club for 4 and 5 year olds opened.")] == [True, True]


@pytest.mark.parametrize(("text", "expected"), BRACKETED_TOLERANCES)
def test_bracketed_tolerances(text: str, expected: list[Expected]) -> None:
    _check(text, expected)


def test_a_bracketed_tolerance_is_the_stated_width() -> None:
    [bolt] = quantnorm.parse("The bolt is (8 ± 0.5) mm long.")
    assert (bolt.interval.low, bolt.interval.high) == (Fraction(75, 10000), Fraction(85, 10000))
    [route] = quantnorm.parse("The route runs 40 (±3) km north.")
    assert (route.interval.low, route.interval.high) == (37000, 43000)


@pytest.mark.parametrize(("text", "expected"), NAMES_AND_INNER_AMOUNTS)
def test_names_and_inner_amounts(text: str, expected: list[Expected]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), SCALES_WITHOUT_UNITS)
def test_scales_without_units(text: str, expected: list[Expected]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), CURRENCY_LINE_BREAKS)
def test_a_currency_before_a_line_break(text: str, expected: list[Expected]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), CONTEXT)
def test_context(text: str, expected: list[Expected]) -> None:
    _check(text, expected, temperature="celsius")


@pytest.mark.parametrize("text", ["It was -5° in Moscow.", "Heat the oven to 180 degrees.", "a 180-degree turn"])
def test_a_degree_without_scale_is_pints_degree_by_default(text: str) -> None:
    [m] = quantnorm.parse(text)
    assert str(m.unit) == "degree"  # the text names no scale: no guess


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_quantities(text: str) -> None:
    assert quantnorm.parse(text) == []


def test_temperature_option_sets_the_scale_of_a_context_degree() -> None:
    _check("Temperatures reached 100 degrees.", [("100 degrees", "100", "degree_Fahrenheit", "=", None, None)],
           temperature="fahrenheit")
    with pytest.raises(quantnorm.OptionError, match="kelvin"):
        quantnorm.Parser(temperature="kelvin")


def test_scaled_range_precision_is_the_scaled_digit() -> None:
    m = quantnorm.parse("about 2-3 million people")[0]
    assert m.interval.low == 1_500_000 and m.interval.high == 3_500_000  # half a million each side


# Characters folded before reading, one for one: offsets stay the text's.
FOLDED = [
    ("١٬٠٠٠ km", "١٬٠٠٠ km", "1000", "kilometer"),
    ("١٫٥ km", "١٫٥ km", "3/2", "kilometer"),
    ("５．５ km", "５．５ km", "11/2", "kilometer"),
    ("more than １，０００ troops", "more than １，０００ troops", "1000", "count"),
    ("３％", "３％", "3", "percent"),
    ("more than\r\n50,000 troops", "more than\r\n50,000 troops", "50000", "count"),
    ("more than 380\r\nsquare miles", "more than 380\r\nsquare miles", "380", "mile ** 2"),
    ("over\u202f50,000 troops", "over\u202f50,000 troops", "50000", "count"),
    ("10\u2009000 people", "10\u2009000 people", "10000", "count"),
    ("𝟓 km", "𝟓 km", "5", "kilometer"),
]


@pytest.mark.parametrize(("text", "span", "value", "unit"), FOLDED)
def test_folded_characters(text: str, span: str, value: str, unit: str) -> None:
    [m] = quantnorm.parse(text)
    assert (m.text, m.value, str(m.unit)) == (span, Fraction(value), unit)
    assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(
    ("text", "spans"),
    [("It is 5 km\u0301 away.", ["5 km\u0301"]), ("It is 5\u0301 km away.", ["5\u0301"]),
     ("Some 40 troops\u0308\u0301 left.", ["Some 40 troops\u0308\u0301"]),
     ("We saw 3\ufe0f\u20e3 then.", ["3\ufe0f\u20e3"]),
     ("It is 5 km \u0301away.", ["5 km"])],
)
def test_a_span_never_cuts_a_combining_mark(text: str, spans: list[str]) -> None:
    found = quantnorm.parse(text)
    assert [m.text for m in found] == spans
    for m in found:
        assert m.text == text[m.start:m.end]
        assert m.end == len(text) or not unicodedata.category(text[m.end]).startswith("M")


def test_fold_keeps_offsets_and_most_texts() -> None:
    plain = "Over 50,000 troops — and ‘more’ — crossed 380 sq mi."
    assert fold(plain) is plain  # nothing to fold: the same object, no copy
    for text in ("a\r\nb", "١٢٣", "５ｋｍ", "a\u2009b", "x\u3000y"):
        assert len(fold(text)) == len(text)
    assert fold("５ｋｍ\u2009١٢") == "5km\u00a012"
