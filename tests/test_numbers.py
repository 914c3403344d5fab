"""Issue 4's case tables: every way English writes a number, and the numbers that are not quantities.

Each number case is a short sentence of our own and the one mention expected in it: its exact
text (and so its span), its stated value (exact), its bound and the interval it allows in
canonical units. Expected canonical bounds are computed from exact conversion factors
(1 mile = 201168/125 m, 1 lb = 45359237/10^8 kg...), never from floats.

The conventions are those of docs/qualifiers.md: "about x" widens by half the last stated
digit; vague plurals S-s are [S, 10 S]; "dozens" [24, 144]; "several S" [3 S, 9 S]; "a few S"
[2 S, 5 S]; "nearly x" is [x - w, x); "just over x" is (x, x + w]; a tolerance "x ± t" is
[x - t, x + t] with bound "~"; a mention covers its bound words, number and unit or counted
noun ("more than 3,000 homes"); a fraction of something covers the fraction ("a third").

Non-quantity cases give a sentence and a phrase that no mention may overlap.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

import pytest

import quantnorm
from quantnorm import Mention
from quantnorm.numbers import reader

Num = int | str | Fraction
Value = Fraction | tuple[Fraction, Fraction]

@dataclass(frozen=True)
class Unit:
    """A stated unit as the tables see it: its canonical units and the exact factor into them.
    ``canonical`` None: the canonical units are not checked."""

    canonical: str | None
    factor: Fraction = Fraction(1)


# Stated units, with exact factors into canonical units.
METRE = Unit("meter")
KM = Unit("meter", Fraction(1000))
MM = Unit("meter", Fraction(1, 1000))
MILE = Unit("meter", Fraction(201168, 125))  # 1609.344 m
FOOT = Unit("meter", Fraction(381, 1250))  # 0.3048 m
INCH = Unit("meter", Fraction(127, 5000))  # 0.0254 m
SQ_MILE = Unit("meter ** 2", MILE.factor**2)
HECTARE = Unit("meter ** 2", Fraction(10000))
KG = Unit("kilogram")
GRAM = Unit("kilogram", Fraction(1, 1000))
TONNE = Unit("kilogram", Fraction(1000))
POUND = Unit("kilogram", Fraction(45359237, 10**8))
LITRE = Unit("meter ** 3", Fraction(1, 1000))
ML = Unit("meter ** 3", Fraction(1, 10**6))
US_CUP = Unit("meter ** 3", Fraction(2365882365, 10**13))  # 236.5882365 mL
US_GALLON = Unit("meter ** 3", Fraction(3785411784, 10**12))  # 3.785411784 L
SECOND = Unit("second")
MINUTE = Unit("second", Fraction(60))
HOUR = Unit("second", Fraction(3600))
DAY = Unit("second", Fraction(86400))
WEEK = Unit("second", Fraction(604800))
MPH = Unit("meter / second", MILE.factor / 3600)
KMH = Unit("meter / second", Fraction(5, 18))
USD, GBP, EUR, JPY, KRW = Unit("USD"), Unit("GBP"), Unit("EUR"), Unit("JPY"), Unit("KRW")
COUNT = Unit("count")
PCT = Unit("percent")
NONE = Unit("dimensionless")
UNCHECKED = Unit(None)
KELVIN = "kelvin"
ZERO_C = Fraction(27315, 100)  # kelvin at 0 °C


def q(x: Num) -> Fraction:
    """An exact number from an int, a Fraction or a string ("1/2", "3.2e6")."""
    return x if isinstance(x, Fraction) else Fraction(x)


@dataclass(frozen=True)
class Case:
    """One expected mention. ``units`` None: the canonical units are not checked."""

    sentence: str
    text: str
    value: Value
    bound: str
    low: Fraction | None
    high: Fraction | None
    low_inclusive: bool
    high_inclusive: bool
    units: str | None

    @property
    def start(self) -> int:
        return self.sentence.index(self.text)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Seen:
    """What a mention says, in the shape the test compares."""

    text: str
    start: int
    end: int
    value: Value
    bound: str
    low: Fraction | None
    high: Fraction | None
    low_inclusive: bool
    high_inclusive: bool
    units: str | None


def exact(sentence: str, text: str, value: Num, unit: Unit = NONE) -> Case:
    """An exact statement: bound '=', the point interval [x, x] in canonical units."""
    v = q(value)
    return Case(sentence, text, v, "=", v * unit.factor, v * unit.factor, True, True, unit.canonical)


def celsius(sentence: str, text: str, value: Num) -> Case:
    """An exact temperature in °C: the point interval in kelvin."""
    v = q(value)
    return Case(sentence, text, v, "=", v + ZERO_C, v + ZERO_C, True, True, KELVIN)


def span(sentence: str, text: str, low: Num, high: Num, unit: Unit = NONE) -> Case:
    """A range (also vague plurals): value (low, high), bound 'range', [low, high]."""
    lo, hi, f = q(low), q(high), unit.factor
    return Case(sentence, text, (lo, hi), "range", lo * f, hi * f, True, True, unit.canonical)


def approx(sentence: str, text: str, value: Num, between: tuple[Num, Num], unit: Unit = NONE) -> Case:
    """An approximation: bound '~', the interval [low, high] given in the stated unit."""
    f = unit.factor
    return Case(sentence, text, q(value), "~", q(between[0]) * f, q(between[1]) * f, True, True, unit.canonical)


def widened(sentence: str, text: str, value: Num, between: tuple[Num, Num], unit: Unit = NONE) -> Case:
    """An exact statement widened by its stated precision (widen_exact=True): bound '=', [low, high]."""
    return replace(approx(sentence, text, value, between, unit), bound="=")


def more(sentence: str, text: str, value: Num, unit: Unit = NONE, *, inclusive: bool = False) -> Case:
    """'more than x' (x, +inf); with inclusive=True 'at least x' [x, +inf)."""
    v = q(value)
    return Case(sentence, text, v, ">=" if inclusive else ">", v * unit.factor, None, inclusive, False,
                unit.canonical)


def less(sentence: str, text: str, value: Num, unit: Unit = NONE, *, inclusive: bool = False) -> Case:
    """'less than x' (-inf, x); with inclusive=True 'up to x' (-inf, x]."""
    v = q(value)
    return Case(sentence, text, v, "<=" if inclusive else "<", None, v * unit.factor, False, inclusive,
                unit.canonical)


def nearly(sentence: str, text: str, value: Num, low: Num, unit: Unit = NONE) -> Case:
    """'nearly x': bound '<', [low, x) with low = x - w (in the stated unit)."""
    f = unit.factor
    return Case(sentence, text, q(value), "<", q(low) * f, q(value) * f, True, False, unit.canonical)


def just_over(sentence: str, text: str, value: Num, high: Num, unit: Unit = NONE) -> Case:
    """'just over x': bound '>', (x, high] with high = x + w (in the stated unit)."""
    f = unit.factor
    return Case(sentence, text, q(value), ">", q(value) * f, q(high) * f, False, True, unit.canonical)


# ---------------------------------------------------------------------------------------------
# Number cases, grouped by form.
# ---------------------------------------------------------------------------------------------

DIGITS: list[Case] = [
    exact("The final tally reached 42.", "42", 42),
    exact("Police made 7 arrests overnight.", "7 arrests", 7, COUNT),
    exact("There were 0 casualties in the blaze.", "0 casualties", 0, COUNT),
    exact("Organisers counted 12,500 fans at the gate.", "12,500 fans", 12500, COUNT),
    exact("The town has 1,234,567 residents.", "1,234,567 residents", 1234567, COUNT),
    exact("The firm shipped 100,000,000 phones last year.", "100,000,000 phones", 10**8, COUNT),
    exact("The bridge cost 250,000,000 dollars.", "250,000,000 dollars", 250_000_000, USD),
    exact("The register lists 48213 voters.", "48213 voters", 48213, COUNT),
    exact("The bridge spans 1,000 metres.", "1,000 metres", 1000, METRE),
    exact("The flight took 3 hours.", "3 hours", 3, HOUR),
    exact("The lake is 9 metres deep at its centre.", "9 metres", 9, METRE),
    # a plain space groups exactly three digits
    exact("Turnout was 1 234 567 voters.", "1 234 567 voters", 1234567, COUNT),
    exact("A crowd of 45 000 fans filled the stadium.", "45 000 fans", 45000, COUNT),
    exact("In 2019 500 people were evacuated from the valley.", "500 people", 500, COUNT),
    # thin space U+2009
    exact("The dam holds back 12\u2009500 tonnes of silt.", "12\u2009500 tonnes", 12500, TONNE),
    exact("The reservoir holds 1\u2009250\u2009000 litres.", "1\u2009250\u2009000 litres", 1250000, LITRE),
    # no-break space U+00A0
    exact("The appeal raised 75\u00a0000 euros.", "75\u00a0000 euros", 75000, EUR),
    exact("The agency registered 18\u00a0000 refugees.", "18\u00a0000 refugees", 18000, COUNT),
    # narrow no-break space U+202F
    exact("The plant employs 3\u202f400 workers.", "3\u202f400 workers", 3400, COUNT),
    exact("The rally covered 9\u202f999 kilometres.", "9\u202f999 kilometres", 9999, KM),
    # apostrophe and right single quote
    exact("The club has 1'000 members.", "1'000 members", 1000, COUNT),
    exact("The survey reached 2'500'000 households.", "2'500'000 households", 2500000, COUNT),
    exact("The choir has 1\u2019200 singers.", "1\u2019200 singers", 1200, COUNT),
    # decimals
    exact("The index closed at 1,234.56 on Friday.", "1,234.56", "1234.56"),
    exact("The shares closed at 12.50 dollars.", "12.50 dollars", "12.5", USD),
    exact("The rod measures 0.25 metres.", "0.25 metres", "1/4", METRE),
    exact("The sprinter finished in 9.58 seconds.", "9.58 seconds", "9.58", SECOND),
    exact("The sample weighed 0.003 kilograms.", "0.003 kilograms", "0.003", KG),
    exact("Growth slowed to 2.75% in May.", "2.75%", "2.75", PCT),
    exact("The lens is 1.5 mm thick.", "1.5 mm", "1.5", MM),
    exact("The loan carries 4.125 percent interest.", "4.125 percent", "4.125", PCT),
    exact("The tanker carried 12,345.5 tonnes of fuel.", "12,345.5 tonnes", "12345.5", TONNE),
    # signs and the unicode minus
    exact("The account fell to -250 dollars.", "-250 dollars", -250, USD),
    exact("The index stood at \u22123.5 at noon.", "\u22123.5", "-3.5"),
    exact("Its net worth was \u22121,200 euros.", "\u22121,200 euros", -1200, EUR),
    exact("A reading of +7 was logged at the station.", "+7", 7),
    exact("Growth came in at negative 0.4 percent.", "negative 0.4 percent", "-0.4", PCT),
    celsius("Temperatures dropped to \u221212 \u00b0C overnight.", "\u221212 \u00b0C", -12),
    celsius("The probe recorded -40.5 \u00b0C on the ridge.", "-40.5 \u00b0C", "-40.5"),
    celsius("By dawn it was minus 5 \u00b0C in the capital.", "minus 5 \u00b0C", -5),
    celsius("Forecasters expect +5 \u00b0C at the coast.", "+5 \u00b0C", 5),
    # scientific forms
    exact("The harvest reached 1.2e6 tonnes.", "1.2e6 tonnes", 1200000, TONNE),
    exact("The culture held 3E4 cells.", "3E4 cells", 30000, COUNT),
    exact("The probe is now 1.2 \u00d7 10^6 km away.", "1.2 \u00d7 10^6 km", 1200000, KM),
    exact("Farms produced 1.2\u00d710\u2076 tonnes of grain.", "1.2\u00d710\u2076 tonnes", 1200000, TONNE),
    exact("A mole holds 6.022 \u00d7 10^23 atoms.", "6.022 \u00d7 10^23 atoms", 6022 * 10**20, COUNT),
    exact("The droplet measured 5 \u00d7 10\u207b\u00b3 m across.", "5 \u00d7 10\u207b\u00b3 m", "1/200", METRE),
    exact("The switch flips in 2.5e-3 seconds.", "2.5e-3 seconds", "1/400", SECOND),
    exact("The cluster contains 4.5 x 10^5 stars.", "4.5 x 10^5 stars", 450000, COUNT),
    exact("The virus is 1e-7 metres wide.", "1e-7 metres", "1e-7", METRE),
    # leading-dot decimals
    exact("The bank added .5 percent to its rate.", ".5 percent", "1/2", PCT),
    exact("The gap was .25 inches wide.", ".25 inches", "1/4", INCH),
    exact("She lost the race by .3 seconds.", ".3 seconds", "3/10", SECOND),
    exact("Stir in .5 litres of stock.", ".5 litres", "1/2", LITRE),
    exact("The tide reached .75 metres above the wall.", ".75 metres", "3/4", METRE),
]

WORDS: list[Case] = [
    exact("The side recorded zero wins this season.", "zero wins", 0, COUNT),
    exact("She has one brother.", "one brother", 1, COUNT),
    exact("They adopted two cats from the shelter.", "two cats", 2, COUNT),
    exact("The river is crossed by three bridges.", "three bridges", 3, COUNT),
    exact("He grew up with four sisters.", "four sisters", 4, COUNT),
    exact("The cabinet lost five ministers in a week.", "five ministers", 5, COUNT),
    exact("The navy sent seven ships to the strait.", "seven ships", 7, COUNT),
    exact("The panel has eight judges.", "eight judges", 8, COUNT),
    exact("The probe flew past nine moons.", "nine moons", 9, COUNT),
    exact("The patrol lost ten soldiers in the ambush.", "ten soldiers", 10, COUNT),
    exact("A side fields eleven players.", "eleven players", 11, COUNT),
    exact("Twelve jurors heard the case.", "Twelve jurors", 12, COUNT),
    exact("The union was formed by thirteen colonies.", "thirteen colonies", 13, COUNT),
    exact("The quarantine lasts fourteen days.", "fourteen days", 14, DAY),
    exact("The speech ran for fifteen minutes.", "fifteen minutes", 15, MINUTE),
    exact("The race drew sixteen candidates.", "sixteen candidates", 16, COUNT),
    exact("Floods cut off seventeen villages.", "seventeen villages", 17, COUNT),
    exact("The storm closed nineteen schools.", "nineteen schools", 19, COUNT),
    exact("The school hired twenty teachers.", "twenty teachers", 20, COUNT),
    exact("The fire destroyed thirty homes.", "thirty homes", 30, COUNT),
    exact("The airline cancelled forty flights.", "forty flights", 40, COUNT),
    exact("The pier stretches fifty metres into the bay.", "fifty metres", 50, METRE),
    exact("The charity fed sixty families.", "sixty families", 60, COUNT),
    exact("The orchard has seventy trees.", "seventy trees", 70, COUNT),
    exact("The ferry carried eighty passengers.", "eighty passengers", 80, COUNT),
    exact("The museum returned ninety paintings.", "ninety paintings", 90, COUNT),
    # compounds, with and without hyphens
    exact("The ship fired twenty-one guns.", "twenty-one guns", 21, COUNT),
    exact("The cup has thirty two teams.", "thirty two teams", 32, COUNT),
    exact("The hearing lasted forty-five minutes.", "forty-five minutes", 45, MINUTE),
    exact("Fifty-six lawmakers backed the motion.", "Fifty-six lawmakers", 56, COUNT),
    exact("The index lists sixty-seven species.", "sixty-seven species", 67, COUNT),
    exact("The list names seventy-eight suspects.", "seventy-eight suspects", 78, COUNT),
    exact("The hospital treated eighty-nine patients.", "eighty-nine patients", 89, COUNT),
    exact("The fund covers ninety five clinics.", "ninety five clinics", 95, COUNT),
    exact("The bill survived ninety-nine amendments.", "ninety-nine amendments", 99, COUNT),
    # hundreds
    exact("The siege lasted one hundred days.", "one hundred days", 100, DAY),
    exact("The ranch keeps a hundred horses.", "a hundred horses", 100, COUNT),
    exact("The ward needs two hundred nurses.", "two hundred nurses", 200, COUNT),
    exact("The ferry held three hundred and forty-two people.", "three hundred and forty-two people", 342, COUNT),
    exact("The ferry held three hundred forty-two people.", "three hundred forty-two people", 342, COUNT),
    exact("The council approved five hundred and five permits.", "five hundred and five permits", 505, COUNT),
    exact("The archive holds nine hundred ninety-nine letters.", "nine hundred ninety-nine letters", 999, COUNT),
    exact("The village has a hundred and twenty residents.", "a hundred and twenty residents", 120, COUNT),
    # thousands
    exact("The march drew one thousand people.", "one thousand people", 1000, COUNT),
    exact("The firm sold a thousand cars.", "a thousand cars", 1000, COUNT),
    exact("The park welcomed eleven thousand visitors.", "eleven thousand visitors", 11000, COUNT),
    exact("The library lent twelve thousand five hundred books.", "twelve thousand five hundred books", 12500, COUNT),
    exact("The stadium seats forty-two thousand fans.", "forty-two thousand fans", 42000, COUNT),
    exact("The tale spans one thousand and one nights.", "one thousand and one nights", 1001, COUNT),
    exact("The census found seven thousand two hundred and six households.",
          "seven thousand two hundred and six households", 7206, COUNT),
    exact("The counter stopped at nine hundred ninety-nine thousand nine hundred ninety-nine.",
          "nine hundred ninety-nine thousand nine hundred ninety-nine", 999999),
    # millions, billions, trillions
    exact("The city has one million residents.", "one million residents", 10**6, COUNT),
    exact("The war displaced six million people.", "six million people", 6 * 10**6, COUNT),
    exact("The show drew twenty-five million viewers.", "twenty-five million viewers", 25 * 10**6, COUNT),
    exact("The region has three hundred million hectares of forest.", "three hundred million hectares", 3 * 10**8,
          HECTARE),
    exact("The state hired two million three hundred thousand workers.",
          "two million three hundred thousand workers", 2300000, COUNT),
    exact("The company is worth four billion dollars.", "four billion dollars", 4 * 10**9, USD),
    exact("The plan costs seven hundred and fifty billion euros.", "seven hundred and fifty billion euros",
          750 * 10**9, EUR),
    exact("The debt reached two trillion dollars.", "two trillion dollars", 2 * 10**12, USD),
    exact("The bill is nine hundred ninety-nine trillion dollars.", "nine hundred ninety-nine trillion dollars",
          999 * 10**12, USD),
    exact("The bill is nine hundred and ninety-nine trillion dollars.",
          "nine hundred and ninety-nine trillion dollars", 999 * 10**12, USD),
    exact("The odometer can show nine hundred ninety-nine trillion nine hundred ninety-nine billion nine hundred "
          "ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine.",
          "nine hundred ninety-nine trillion nine hundred ninety-nine billion nine hundred ninety-nine million "
          "nine hundred ninety-nine thousand nine hundred ninety-nine", 10**15 - 1),
    exact("Forty-two delegates signed the letter.", "Forty-two delegates", 42, COUNT),
]

MIXED: list[Case] = [
    exact("The region has 3.2 million people.", "3.2 million people", 3200000, COUNT),
    exact("The count reached 2 million 500 thousand people.", "2 million 500 thousand people", 2500000, COUNT),
    exact("The channel has a million subscribers.", "a million subscribers", 10**6, COUNT),
    exact("The clinic vaccinated half a million people.", "half a million people", 500000, COUNT),
    exact("The meeting lasted one and a half hours.", "one and a half hours", "3/2", HOUR),
    exact("The derby drew two and a half thousand fans.", "two and a half thousand fans", 2500, COUNT),
    exact("The deal was worth $3.2 million.", "$3.2 million", 3200000, USD),
    exact("The bank set aside 1.5 billion euros.", "1.5 billion euros", 1500 * 10**6, EUR),
    exact("The race attracted 4 thousand runners.", "4 thousand runners", 4000, COUNT),
    exact("The stimulus added 2.5 trillion yen.", "2.5 trillion yen", 2500 * 10**9, JPY),
    exact("The studio spent a billion dollars on the film.", "a billion dollars", 10**9, USD),
    exact("The harbour handled three and a half million containers.", "three and a half million containers",
          3500000, COUNT),
    exact("The region lost a quarter of a million jobs.", "a quarter of a million jobs", 250000, COUNT),
    exact("The walk took one and a quarter hours.", "one and a quarter hours", "5/4", HOUR),
    exact("The capital has 10 million residents.", "10 million residents", 10**7, COUNT),
    exact("The mine produced 1.75 million tonnes of ore.", "1.75 million tonnes", 1750000, TONNE),
    exact("The ministry ordered 0.5 million doses.", "0.5 million doses", 500000, COUNT),
    exact("The festival drew a million and a half people.", "a million and a half people", 1500000, COUNT),
    exact("The tower cost \u00a31.2 billion to build.", "\u00a31.2 billion", 1200 * 10**6, GBP),
    exact("The state owes twenty billion dollars.", "twenty billion dollars", 20 * 10**9, USD),
]

PHRASES: list[Case] = [
    exact("She bought a dozen eggs.", "a dozen eggs", 12, COUNT),
    exact("Police questioned half a dozen witnesses.", "half a dozen witnesses", 6, COUNT),
    exact("He sent two dozen roses.", "two dozen roses", 24, COUNT),
    exact("The bakery sold three dozen loaves.", "three dozen loaves", 36, COUNT),
    exact("The talks stalled for a couple of days.", "a couple of days", 2, DAY),
    exact("A couple of reporters stayed behind.", "A couple of reporters", 2, COUNT),
    exact("The port sheltered a score of ships.", "a score of ships", 20, COUNT),
    exact("He packed a pair of boots.", "a pair of boots", 2, COUNT),
    exact("A pair of eagles nested on the cliff.", "A pair of eagles", 2, COUNT),
    exact("The striker scored a brace of goals.", "a brace of goals", 2, COUNT),
    exact("The club signed a dozen players in the summer.", "a dozen players", 12, COUNT),
    exact("The village lost a couple of hundred sheep.", "a couple of hundred sheep", 200, COUNT),
]

SCALES: list[Case] = [
    # suffixes attached
    exact("The deal is worth $5bn.", "$5bn", 5 * 10**9, USD),
    exact("The club paid \u00a33.2m for the striker.", "\u00a33.2m", 3200000, GBP),
    exact("The marathon drew 10k runners.", "10k runners", 10000, COUNT),
    exact("Her channel passed 10K followers.", "10K followers", 10000, COUNT),
    exact("The fund raised \u20ac2.5mn.", "\u20ac2.5mn", 2500000, EUR),
    exact("The airline lost $40mln last quarter.", "$40mln", 40 * 10**6, USD),
    exact("The merger was valued at $3b.", "$3b", 3 * 10**9, USD),
    exact("The country owes $1.5tn.", "$1.5tn", 1500 * 10**9, USD),
    exact("The club paid \u00a3450k for the keeper.", "\u00a3450k", 450000, GBP),
    exact("The software costs $2.5K per seat.", "$2.5K", 2500, USD),
    exact("The protests drew 250k people.", "250k people", 250000, COUNT),
    exact("The refinery stores 3.5mn tonnes of crude.", "3.5mn tonnes", 3500000, TONNE),
    exact("The app has 1.2bn users.", "1.2bn users", 1200 * 10**6, COUNT),
    exact("The grant is 5m euros.", "5m euros", 5 * 10**6, EUR),
    exact("The bailout topped $30bn.", "$30bn", 30 * 10**9, USD),
    exact("Investors put \u20ac2bn into the scheme.", "\u20ac2bn", 2 * 10**9, EUR),
    exact("The company is worth $2tn.", "$2tn", 2 * 10**12, USD),
    # suffixes spaced
    exact("The deal is worth $7 bn.", "$7 bn", 7 * 10**9, USD),
    exact("The fund raised \u20ac2 mn.", "\u20ac2 mn", 2 * 10**6, EUR),
    exact("The firm lost $40 mln.", "$40 mln", 40 * 10**6, USD),
    exact("The plan costs $1.2 tn.", "$1.2 tn", 1200 * 10**9, USD),
    exact("The sale raised \u00a34 bn.", "\u00a34 bn", 4 * 10**9, GBP),
    exact("The reserve holds 5 mln tonnes of grain.", "5 mln tonnes", 5 * 10**6, TONNE),
    # scale words
    exact("The franchise sold for $5 million.", "$5 million", 5 * 10**6, USD),
    exact("The rescue cost $5 billion.", "$5 billion", 5 * 10**9, USD),
    exact("The programme costs \u00a31.5 trillion.", "\u00a31.5 trillion", 1500 * 10**9, GBP),
    exact("The final drew 20 million viewers.", "20 million viewers", 20 * 10**6, COUNT),
    exact("The country has 1.4 billion people.", "1.4 billion people", 1400 * 10**6, COUNT),
    exact("The ministry bought 600 thousand masks.", "600 thousand masks", 600000, COUNT),
    exact("The port moved 2.3 trillion won of goods.", "2.3 trillion won", 2300 * 10**9, KRW),
]

FRACTIONS: list[Case] = [
    exact("The trail is 1/2 mile long.", "1/2 mile", "1/2", MILE),
    exact("The walk is 3 1/2 miles long.", "3 1/2 miles", "7/2", MILE),
    exact("Add 3/4 cup of flour.", "3/4 cup", "3/4", US_CUP),
    exact("The shelter is \u00bd mile away.", "\u00bd mile", "1/2", MILE),
    exact("The pipe is \u00be inch wide.", "\u00be inch", "3/4", INCH),
    exact("The delay lasted 2\u00bd hours.", "2\u00bd hours", "5/2", HOUR),
    exact("The course is 1\u00bc miles long.", "1\u00bc miles", "5/4", MILE),
    exact("Stir in \u2153 cup of milk.", "\u2153 cup", "1/3", US_CUP),
    exact("The bolt is 5/8 inch thick.", "5/8 inch", "5/8", INCH),
    exact("The ceiling is 10 1/2 feet high.", "10 1/2 feet", "21/2", FOOT),
    exact("Only 1/4 of the budget was spent.", "1/4", "1/4"),
    exact("Output fell by a half.", "a half", "1/2"),
    exact("The party won a third of the vote.", "a third", "1/3"),
    exact("The plan needs two-thirds of members to agree.", "two-thirds", "2/3"),
    exact("Drought has hit three quarters of the land.", "three quarters", "3/4"),
    exact("The risk was put at one in five.", "one in five", "1/5"),
    exact("Doctors put the odds at one in ten.", "one in ten", "1/10"),
    exact("The approval rate was three out of four.", "three out of four", "3/4"),
    exact("Rebels held half of the town.", "half", "1/2"),
    exact("The cuts fell on one-third of the budget.", "one-third", "1/3"),
    exact("The firm laid off a quarter of its staff.", "a quarter", "1/4"),
    exact("Farmers sold two fifths of the harvest.", "two fifths", "2/5"),
    exact("Rain fell on nine-tenths of the county.", "nine-tenths", "9/10"),
    exact("The tank was two-thirds full.", "two-thirds", "2/3"),
    exact("The road is one and three quarter miles long.", "one and three quarter miles", "7/4", MILE),
]

VAGUE: list[Case] = [
    span("The floods damaged hundreds of homes.", "hundreds of homes", 100, 1000, COUNT),
    span("Thousands of workers walked out.", "Thousands of workers", 1000, 10000, COUNT),
    span("The march drew tens of thousands of people.", "tens of thousands of people", 10**4, 10**5, COUNT),
    span("The war created hundreds of thousands of refugees.", "hundreds of thousands of refugees",
         10**5, 10**6, COUNT),
    span("The final drew millions of viewers.", "millions of viewers", 10**6, 10**7, COUNT),
    span("Shelling hit dozens of villages.", "dozens of villages", 24, 144, COUNT),
    span("Several hundred protesters gathered.", "Several hundred protesters", 300, 900, COUNT),
    span("The match drew a few thousand spectators.", "a few thousand spectators", 2000, 5000, COUNT),
    span("The scheme wasted billions of dollars.", "billions of dollars", 10**9, 10**10, USD),
    span("Lobbyists spent tens of millions of dollars.", "tens of millions of dollars", 10**7, 10**8, USD),
    span("The vaccine reached hundreds of millions of people.", "hundreds of millions of people",
         10**8, 10**9, COUNT),
    span("The strike idled several thousand workers.", "several thousand workers", 3000, 9000, COUNT),
    span("The camp holds a few hundred families.", "a few hundred families", 200, 500, COUNT),
    span("Several million people watched the launch.", "Several million people", 3 * 10**6, 9 * 10**6, COUNT),
    span("Scores of people were hurt.", "Scores of people", 40, 240, COUNT),  # two to twelve score, like dozens
    span("Thousands gathered in the square.", "Thousands", 1000, 10000, UNCHECKED),
    span("The pipeline runs several hundred kilometres.", "several hundred kilometres", 300, 900, KM),
    span("The river carries thousands of tonnes of silt.", "thousands of tonnes", 1000, 10000, TONNE),
    span("The upgrade will cost a few million dollars.", "a few million dollars", 2 * 10**6, 5 * 10**6, USD),
    span("Dozens of firefighters fought the blaze.", "Dozens of firefighters", 24, 144, COUNT),
]

RANGES: list[Case] = [
    span("The index should settle between 5 and 10.", "between 5 and 10", 5, 10),
    span("The scale runs from 5 to 10.", "from 5 to 10", 5, 10),
    span("The detour adds 5-10 km to the trip.", "5-10 km", 5, 10, KM),
    span("The detour adds 5\u201310 km to the trip.", "5\u201310 km", 5, 10, KM),
    span("The detour adds 5 to 10 km to the trip.", "5 to 10 km", 5, 10, KM),
    span("The route runs from 5 to 10 km inland.", "from 5 to 10 km", 5, 10, KM),
    span("The camp lies between 5 and 10 km from the border.", "between 5 and 10 km", 5, 10, KM),
    span("The queue stretched 5 km to 10 km.", "5 km to 10 km", 5, 10, KM),
    span("The camp lies between 5 km and 10 km from the border.", "between 5 km and 10 km", 5, 10, KM),
    span("The contract is worth $5m-$10m.", "$5m-$10m", 5 * 10**6, 10**7, USD),
    span("The contract is worth $5m to $10m.", "$5m to $10m", 5 * 10**6, 10**7, USD),
    span("The contract is worth between $5m and $10m.", "between $5m and $10m", 5 * 10**6, 10**7, USD),
    span("Each cell holds 5 or 6 people.", "5 or 6 people", 5, 6, COUNT),
    span("Each cell holds five or six people.", "five or six people", 5, 6, COUNT),
    span("Each tent sleeps 5-10 people.", "5-10 people", 5, 10, COUNT),
    span("Prices rose 20-30% in a year.", "20-30%", 20, 30, PCT),
    span("Rents are 20% to 30% higher.", "20% to 30%", 20, 30, PCT),
    span("The repair takes 3-4 hours.", "3-4 hours", 3, 4, HOUR),
    span("The hall holds between 200 and 300 people.", "between 200 and 300 people", 200, 300, COUNT),
    span("Each garrison held from 10,000 to 12,000 troops.", "from 10,000 to 12,000 troops", 10000, 12000,
         COUNT),
    span("Recovery takes two to three weeks.", "two to three weeks", 2, 3, WEEK),
    span("The waves reached between 10 and 12 feet.", "between 10 and 12 feet", 10, 12, FOOT),
    span("The snow lay 1.5\u20132 metres deep.", "1.5\u20132 metres", "1.5", 2, METRE),
    span("The region has between two and three million people.", "between two and three million people",
         2 * 10**6, 3 * 10**6, COUNT),
    span("The film cost $5-10 million.", "$5-10 million", 5 * 10**6, 10**7, USD),
    span("Delivery takes 5 to 10 days.", "5 to 10 days", 5, 10, DAY),
    span("Fees rose between 5 and 10 per cent.", "between 5 and 10 per cent", 5, 10, PCT),
    span("Gusts hit 40 to 50 mph on the coast.", "40 to 50 mph", 40, 50, MPH),
    span("The wait is 10\u201415 minutes.", "10\u201415 minutes", 10, 15, MINUTE),
    span("Each bag weighs from 3 to 4 kg.", "from 3 to 4 kg", 3, 4, KG),
    span("The rebuild will take six to eight weeks.", "six to eight weeks", 6, 8, WEEK),
    span("The unit has between 1,000 and 1,500 soldiers.", "between 1,000 and 1,500 soldiers", 1000, 1500, COUNT),
    span("The bid was \u20ac2bn-\u20ac3bn.", "\u20ac2bn-\u20ac3bn", 2 * 10**9, 3 * 10**9, EUR),
    span("Tickets cost \u00a310-\u00a320.", "\u00a310-\u00a320", 10, 20, GBP),
    span("The trek covers 10 or 12 miles.", "10 or 12 miles", 10, 12, MILE),
    span("Trains run at 100-150 km/h.", "100-150 km/h", 100, 150, KMH),
    span("The job pays between $40,000 and $50,000.", "between $40,000 and $50,000", 40000, 50000, USD),
]

TOLERANCES: list[Case] = [
    approx("The shaft is 5 \u00b1 0.2 mm wide.", "5 \u00b1 0.2 mm", 5, ("4.8", "5.2"), MM),
    approx("The shaft is 5 +/- 0.2 mm wide.", "5 +/- 0.2 mm", 5, ("4.8", "5.2"), MM),
    approx("Each bag holds 12.5 \u00b1 0.5 kg.", "12.5 \u00b1 0.5 kg", "12.5", (12, 13), KG),
    approx("The gap is 5 plus or minus 0.2 mm.", "5 plus or minus 0.2 mm", 5, ("4.8", "5.2"), MM),
    approx("Support stands at 20 \u00b1 2%.", "20 \u00b1 2%", 20, (18, 22), PCT),
    approx("The beam is 3.0 \u00b1 0.1 m long.", "3.0 \u00b1 0.1 m", 3, ("2.9", "3.1"), METRE),
    approx("Each coin weighs 100 +- 5 g.", "100 +- 5 g", 100, (95, 105), GRAM),
    Case("The bath is kept at 37 \u00b1 0.5 \u00b0C.", "37 \u00b1 0.5 \u00b0C", q(37), "~",
         q("36.5") + ZERO_C, q("37.5") + ZERO_C, True, True, KELVIN),
]

BOUNDS: list[Case] = [
    # '>' more than: an open lower bound
    more("The storm left more than 3,000 homes without power.", "more than 3,000 homes", 3000, COUNT),
    more("Over 50,000 troops took part.", "Over 50,000 troops", 50000, COUNT),
    Case("Temperatures stayed above 30 \u00b0C all week.", "above 30 \u00b0C", q(30), ">", 30 + ZERO_C, None,
         False, False, KELVIN),
    more("The fund faces a deficit greater than $2bn.", "greater than $2bn", 2 * 10**9, USD),
    more("Winds in excess of 100 mph hit the coast.", "in excess of 100 mph", 100, MPH),
    more("Fines exceeding \u00a310,000 were issued.", "exceeding \u00a310,000", 10000, GBP),
    more("Upwards of 200 volunteers turned up.", "Upwards of 200 volunteers", 200, COUNT),
    more("The stake is worth north of $500 million.", "north of $500 million", 500 * 10**6, USD),
    more("The concert drew well over 1,000 people.", "well over 1,000 people", 1000, COUNT),
    more("Inflation stayed well above 5%.", "well above 5%", 5, PCT),
    more("The reserve spans more than 250 square miles.", "more than 250 square miles", 250, SQ_MILE),
    # '>' just over: (x, x + w]
    just_over("The hall seated just over 200 people.", "just over 200 people", 200, 250, COUNT),
    just_over("Unemployment is just above 3%.", "just above 3%", 3, "3.5", PCT),
    just_over("The parcel weighs slightly more than 5 kg.", "slightly more than 5 kg", 5, "5.5", KG),
    just_over("They drove a little over 60 miles.", "a little over 60 miles", 60, 65, MILE),
    just_over("The march drew slightly over 1,500 people.", "slightly over 1,500 people", 1500, 1550, COUNT),
    just_over("The film runs a little more than 2 hours.", "a little more than 2 hours", 2, "2.5", HOUR),
    # '>=' at least: a closed lower bound
    more("At least 3,000 people fled.", "At least 3,000 people", 3000, COUNT, inclusive=True),
    more("The wall runs no less than 40 km.", "no less than 40 km", 40, KM, inclusive=True),
    more("The mast stands not less than 25 metres tall.", "not less than 25 metres", 25, METRE, inclusive=True),
    more("No fewer than 12 ships sailed.", "No fewer than 12 ships", 12, COUNT, inclusive=True),
    more("The congress needs not fewer than 300 delegates.", "not fewer than 300 delegates", 300, COUNT,
         inclusive=True),
    more("Pilots must rest a minimum of 8 hours.", "a minimum of 8 hours", 8, HOUR, inclusive=True),
    more("Seats sell for as little as $5.", "as little as $5", 5, USD, inclusive=True),
    more("The tours run with as few as 20 people.", "as few as 20 people", 20, COUNT, inclusive=True),
    more("Mortgage rates are as low as 2%.", "as low as 2%", 2, PCT, inclusive=True),
    more("Rooms are priced starting at \u00a399.", "starting at \u00a399", 99, GBP, inclusive=True),
    # '<' less than: an open upper bound
    less("Support fell to less than 15%.", "less than 15%", 15, PCT),
    less("Fewer than 30 people attended.", "Fewer than 30 people", 30, COUNT),
    less("The summit is under 5 km away.", "under 5 km", 5, KM),
    Case("Readings stayed below 10 \u00b0C at night.", "below 10 \u00b0C", q(10), "<", None, 10 + ZERO_C, False,
         False, KELVIN),
    less("The water was lower than 1.5 metres.", "lower than 1.5 metres", "1.5", METRE),
    less("The chip is smaller than 2 mm across.", "smaller than 2 mm", 2, MM),
    less("The bill fell shy of 100 votes.", "shy of 100 votes", 100, COUNT),
    less("The repair cost well under $1m.", "well under $1m", 10**6, USD),
    less("Turnout was well below 50%.", "well below 50%", 50, PCT),
    # '<' nearly: [x - w, x)
    nearly("The protest drew nearly 15,000 people.", "nearly 15,000 people", 15000, 14500, COUNT),
    nearly("Almost 200 people were rescued.", "Almost 200 people", 200, 150, COUNT),
    nearly("The tunnel is just under 2 km long.", "just under 2 km", 2, "1.5", KM),
    nearly("Support is just below 40%.", "just below 40%", 40, 35, PCT),
    nearly("The climbers stopped just shy of 1,000 metres.", "just shy of 1,000 metres", 1000, 500, METRE),
    nearly("The cub weighs slightly less than 4.5 kg.", "slightly less than 4.5 kg", "4.5", "4.45", KG),
    nearly("The debate ran slightly under 3 hours.", "slightly under 3 hours", 3, "2.5", HOUR),
    nearly("The train averaged a little under 70 mph.", "a little under 70 mph", 70, 65, MPH),
    nearly("The flight took not quite 30 minutes.", "not quite 30 minutes", 30, 25, MINUTE),
    nearly("The whale was a little less than 12 metres long.", "a little less than 12 metres", 12, "11.5", METRE),
    # '<=' up to: a closed upper bound
    less("Gusts of up to 45 mph are forecast.", "up to 45 mph", 45, MPH, inclusive=True),
    less("As many as 400 people were trapped.", "As many as 400 people", 400, COUNT, inclusive=True),
    less("The fraud cost as much as $2bn.", "as much as $2bn", 2 * 10**9, USD, inclusive=True),
    less("Rates could go as high as 8%.", "as high as 8%", 8, PCT, inclusive=True),
    less("Queues lasted as long as 90 minutes.", "as long as 90 minutes", 90, MINUTE, inclusive=True),
    less("The fix takes at most 3 hours.", "at most 3 hours", 3, HOUR, inclusive=True),
    less("The room admits no more than 10 people.", "no more than 10 people", 10, COUNT, inclusive=True),
    less("Patrols stay not more than 50 km from base.", "not more than 50 km", 50, KM, inclusive=True),
    less("The boat takes a maximum of 6 passengers.", "a maximum of 6 passengers", 6, COUNT, inclusive=True),
    less("The flaw is no greater than 0.5 mm.", "no greater than 0.5 mm", "0.5", MM, inclusive=True),
    less("Loads not exceeding 2 tonnes may cross.", "not exceeding 2 tonnes", 2, TONNE, inclusive=True),
    less("Fans may buy a max of 4 tickets.", "a max of 4 tickets", 4, COUNT, inclusive=True),
    # after the number
    more("The event expects 50 or more people.", "50 or more people", 50, COUNT, inclusive=True),
    more("The show sold 10,000+ tickets.", "10,000+ tickets", 10000, COUNT, inclusive=True),
    more("Hikers should plan for 5 km or more.", "5 km or more", 5, KM, inclusive=True),
    more("Bonds yielding 20% or higher are rare.", "20% or higher", 20, PCT, inclusive=True),
    more("Cars doing 60 mph or greater were flagged.", "60 mph or greater", 60, MPH, inclusive=True),
    more("Seats cost $50 and up.", "$50 and up", 50, USD, inclusive=True),
    Case("Warnings apply at 40 \u00b0C and above.", "40 \u00b0C and above", q(40), ">=", 40 + ZERO_C, None, True,
         False, KELVIN),
    more("Households earning \u00a3100,000 and over pay more.", "\u00a3100,000 and over", 100000, GBP,
         inclusive=True),
    more("The repair will cost $3m at least.", "$3m at least", 3 * 10**6, USD, inclusive=True),
    more("Bookings need 3 nights minimum.", "3 nights minimum", 3, COUNT, inclusive=True),
    less("The check takes 5 minutes or less.", "5 minutes or less", 5, MINUTE, inclusive=True),
    less("The lift takes 10 guests or fewer.", "10 guests or fewer", 10, COUNT, inclusive=True),
    less("Loans at 3% or lower are gone.", "3% or lower", 3, PCT, inclusive=True),
    less("Parcels of 2 kg and under ship free.", "2 kg and under", 2, KG, inclusive=True),
    less("The parcel weighs 5 kg at most.", "5 kg at most", 5, KG, inclusive=True),
    less("The drive takes 10 minutes tops.", "10 minutes tops", 10, MINUTE, inclusive=True),
    less("Lorries are limited to 30 km/h maximum.", "30 km/h maximum", 30, KMH, inclusive=True),
    less("It takes 20 minutes at the most.", "20 minutes at the most", 20, MINUTE, inclusive=True),
]

APPROXIMATIONS: list[Case] = [
    # "about x" widens by half the last stated digit
    approx("The army massed about 11,000 troops.", "about 11,000 troops", 11000, (10500, 11500), COUNT),
    approx("The hall holds about 380 people.", "about 380 people", 380, (375, 385), COUNT),
    approx("The tower is about 380.5 metres tall.", "about 380.5 metres", "380.5", ("380.45", "380.55"), METRE),
    approx("The tower is about 380.0 metres tall.", "about 380.0 metres", 380, ("379.95", "380.05"), METRE),
    approx("The front held about 50,000 troops.", "about 50,000 troops", 50000, (45000, 55000), COUNT),
    approx("The studio paid about $14 million.", "about $14 million", 14 * 10**6, ("13.5e6", "14.5e6"), USD),
    approx("The show drew around 3.2 million viewers.", "around 3.2 million viewers", 3200000, (3150000, 3250000),
           COUNT),
    approx("The talks lasted roughly 12 hours.", "roughly 12 hours", 12, ("11.5", "12.5"), HOUR),
    approx("Each bottle holds approximately 0.75 litres.", "approximately 0.75 litres", "0.75", ("0.745", "0.755"),
           LITRE),
    approx("The border is approx. 40 km away.", "approx. 40 km", 40, (35, 45), KM),
    approx("The navy sent some 40 ships.", "some 40 ships", 40, (35, 45), COUNT),
    approx("An estimated 2,500 people fled.", "An estimated 2,500 people", 2500, (2450, 2550), COUNT),
    approx("The quake destroyed close to 1,000 homes.", "close to 1,000 homes", 1000, (500, 1500), COUNT),
    approx("The garrison held circa 1,500 soldiers.", "circa 1,500 soldiers", 1500, (1450, 1550), COUNT),
    approx("The fire spread ~50 km east.", "~50 km", 50, (45, 55), KM),
    approx("The crate weighs \u2248 20 kg.", "\u2248 20 kg", 20, (15, 25), KG),
    approx("The repairs cost in the region of \u00a32m.", "in the region of \u00a32m", 2 * 10**6, ("1.5e6", "2.5e6"),
           GBP),
    approx("The spill was on the order of 10,000 tonnes.", "on the order of 10,000 tonnes", 10000, (5000, 15000),
           TONNE),
    approx("Nurses work an average of 8 hours a shift.", "an average of 8 hours", 8, ("7.5", "8.5"), HOUR),
    approx("The rally drew 100 or so people.", "100 or so people", 100, (50, 150), COUNT),
    approx("The drive took 30 minutes or thereabouts.", "30 minutes or thereabouts", 30, (25, 35), MINUTE),
    approx("The vote drew 50-odd people.", "50-odd people", 50, (45, 55), COUNT),
    approx("Prices rose around 7.25% this year.", "around 7.25%", "7.25", ("7.245", "7.255"), PCT),
    approx("The delay was about 0.5 seconds.", "about 0.5 seconds", "0.5", ("0.45", "0.55"), SECOND),
    approx("The ship carried about three hundred people.", "about three hundred people", 300, (250, 350), COUNT),
    approx("The queue held about 2,340 people.", "about 2,340 people", 2340, (2335, 2345), COUNT),
    approx("The firm hired about 1,001 staff.", "about 1,001 staff", 1001, ("1000.5", "1001.5"), COUNT),
    approx("The harvest was about 1.2 \u00d7 10^6 tonnes.", "about 1.2 \u00d7 10^6 tonnes", 1200000, (1150000, 1250000),
           TONNE),
]

UNITS: list[Case] = [
    exact("The coast is 3 miles from the town.", "3 miles", 3, MILE),
    exact("The limit on the road is 45 mph.", "45 mph", 45, MPH),
    exact("The mill exported 5,000 tonnes of steel.", "5,000 tonnes", 5000, TONNE),
    exact("The baby weighed 8 lb at birth.", "8 lb", 8, POUND),
    exact("The fence is 6 feet tall.", "6 feet", 6, FOOT),
    exact("The tank holds 3 gallons of fuel.", "3 gallons", 3, US_GALLON),
    exact("Each can holds 250 ml.", "250 ml", 250, ML),
    exact("The island covers 12 square miles.", "12 square miles", 12, SQ_MILE),
    # 98.6 °F is exactly 37 °C
    Case("Her temperature was 98.6 \u00b0F.", "98.6 \u00b0F", q("98.6"), "=", 37 + ZERO_C, 37 + ZERO_C, True, True,
         KELVIN),
    exact("The gun weighs 40 grams.", "40 grams", 40, GRAM),
]

# "<whole number in words> point <digit words>" and "point <digit words>": a decimal, to the
# place of its last digit word.
SPOKEN_DECIMALS: list[Case] = [
    exact("The fee is zero point five percent of the loan.", "zero point five percent", "0.5", PCT),
    exact("The region has one point five million residents.", "one point five million residents", 1500000, COUNT),
    exact("The firm borrowed three point two billion dollars.", "three point two billion dollars", "3.2e9", USD),
    exact("The water rose by point five metres.", "point five metres", "0.5", METRE),
    exact("Point five percent of ballots were spoiled.", "Point five percent", "0.5", PCT),
    exact("The hull is twenty-one point five metres long.", "twenty-one point five metres", "21.5", METRE),
    exact("The stage is one hundred point two five kilometres.", "one hundred point two five kilometres",
          "100.25", KM),
    exact("The ratio settled at nought point zero five.", "nought point zero five", "0.05"),
    exact("Her car has a two point oh litre engine.", "two point oh litre", 2, LITRE),
    celsius("The pond froze at minus point five degrees Celsius.", "minus point five degrees Celsius", "-0.5"),
    exact("The grant came to six point two five thousand euros.", "six point two five thousand euros", 6250, EUR),
    approx("Pi is roughly three point one four one six.", "roughly three point one four one six", "3.1416",
           ("3.14155", "3.14165")),
    approx("About one point five million people live there.", "About one point five million people", 1500000,
           (1450000, 1550000), COUNT),
    span("Swells run from one point five to two point five metres.", "from one point five to two point five metres",
         "1.5", "2.5", METRE),
]

# Scale words after a vulgar or mixed fraction, or glued to the digits (any letter case).
SCALED_FORMS: list[Case] = [
    exact("The estate sold for \u00a31\u00bd million.", "\u00a31\u00bd million", 1500000, GBP),
    exact("The census counted 2\u00be billion adults.", "2\u00be billion adults", "2.75e9", COUNT),
    exact("The drive needs \u00bd million volunteers.", "\u00bd million volunteers", 500000, COUNT),
    exact("The bridge cost 3 1/2 million euros.", "3 1/2 million euros", 3500000, EUR),
    exact("The club paid $1.5million for the striker.", "$1.5million", 1500000, USD),
    exact("The city has 1.5million residents.", "1.5million residents", 1500000, COUNT),
    exact("The dam cost 3billion dollars.", "3billion dollars", 3 * 10**9, USD),
    exact("Exports reached \u00a32.5Billion last year.", "\u00a32.5Billion", "2.5e9", GBP),
    exact("The app now has 12MILLION users.", "12MILLION users", 12 * 10**6, COUNT),
    exact("The relay added 40thousand volts of headroom.", "40thousand volts", 40000, UNCHECKED),
    exact("The mast is 5m tall.", "5m", 5, METRE),  # the suffix rules are unchanged
    exact("The fund raised $5mn.", "$5mn", 5 * 10**6, USD),
    span("Costs ran to $1.5-2billion.", "$1.5-2billion", "1.5e9", 2 * 10**9, USD),
]

# Digits of a power of ten with a plural "s": the vague plural of that number.
DIGIT_PLURALS: list[Case] = [
    span("100s of fans waited outside.", "100s of fans", 100, 1000, COUNT),
    span("The fire forced 1,000s of people from their homes.", "1,000s of people", 1000, 10000, COUNT),
    span("The strike hit 100's of flights.", "100's of flights", 100, 1000, COUNT),
    span("The war uprooted 100s of thousands of families.", "100s of thousands of families", 10**5, 10**6, COUNT),
    span("The scheme cost 100s of millions of dollars.", "100s of millions of dollars", 10**8, 10**9, USD),
    exact("He led for the last 100s of the race.", "100s", 100, SECOND),  # seconds
]

# Powers of ten written on the digits, exact.
POWERS: list[Case] = [
    exact("The colony held 10\u2075 people.", "10\u2075 people", 10**5, COUNT),
    exact("The reactor burned 10\u00b3 tonnes of fuel.", "10\u00b3 tonnes", 1000, TONNE),
    exact("The probe travelled 10^6 km.", "10^6 km", 10**6, KM),
    exact("The gap is 10\u207b\u00b3 m wide.", "10\u207b\u00b3 m", "1/1000", METRE),
    exact("The error term is 10^-3 here.", "10^-3", "1/1000"),
    exact("The galaxy holds 10^12 stars.", "10^12 stars", 10**12, COUNT),
    approx("The swarm had about 10^6 bees.", "about 10^6 bees", 10**6, (500000, 1500000), COUNT),
]

# Scaled ranges state their precision in scaled units: "about 2-3 million" is [1.5, 3.5] million.
SCALED_RANGES: list[Case] = [
    span("Between 2 and 3 million people voted.", "Between 2 and 3 million people", 2 * 10**6, 3 * 10**6, COUNT),
    Case("About 2-3 million people moved.", "About 2-3 million people", (q(2 * 10**6), q(3 * 10**6)), "range",
         q(1500000), q(3500000), True, True, "count"),
    Case("The refit cost about $1.5-2 billion.", "about $1.5-2 billion", (q("1.5e9"), q("2e9")), "range",
         q("1.45e9"), q("2.5e9"), True, True, "USD"),
]

# A year-like integer with a unit is a quantity.
YEARS_WITH_UNITS: list[Case] = [
    exact("The convoy covered 2024 km in a week.", "2024 km", 2024, KM),
    exact("The dock unloaded 1999 tonnes of coal.", "1999 tonnes", 1999, TONNE),
    exact("The trail climbs to 1850 metres.", "1850 metres", 1850, METRE),
    exact("The repair bill came to \u00a31500.", "\u00a31500", 1500, GBP),
    exact("The truck carries 1200 kg of cargo.", "1200 kg", 1200, KG),
]

NUMBER_GROUPS: dict[str, list[Case]] = {
    "digits": DIGITS,
    "words": WORDS,
    "mixed": MIXED,
    "phrases": PHRASES,
    "scales": SCALES,
    "fractions": FRACTIONS,
    "vague": VAGUE,
    "ranges": RANGES,
    "tolerance": TOLERANCES,
    "bounds": BOUNDS,
    "approx": APPROXIMATIONS,
    "units": UNITS,
    "year+unit": YEARS_WITH_UNITS,
    "spoken": SPOKEN_DECIMALS,
    "scaled forms": SCALED_FORMS,
    "digit plurals": DIGIT_PLURALS,
    "powers": POWERS,
    "scaled ranges": SCALED_RANGES,
}

# Powers of ten with a plural "s" ("1000s", "10s"): the number stage reads them as vague
# amounts, which the decade filter (data/not_quantities.txt) then lets pass.
DIGIT_PLURALS_PAST_THE_DECADE_FILTER: list[Case] = [
    span("1000s of people marched.", "1000s of people", 1000, 10000, COUNT),
    span("The protest drew 10s of thousands of people.", "10s of thousands of people", 10**4, 10**5, COUNT),
]

NUMBER_CASES = [
    pytest.param(case, id=f"{group}: {case.sentence}") for group, cases in NUMBER_GROUPS.items() for case in cases
] + [pytest.param(case, id=f"digit plurals: {case.sentence}") for case in DIGIT_PLURALS_PAST_THE_DECADE_FILTER]


# ---------------------------------------------------------------------------------------------
# Precision and the approximation options.
# ---------------------------------------------------------------------------------------------

# (sentence, mention text, the place of the last stated digit)
PRECISION: list[tuple[str, str, Num]] = [
    ("The tower rises 380 metres.", "380 metres", 10),
    ("The tower rises 380.0 metres.", "380.0 metres", "1/10"),
    ("The army sent 50,000 troops.", "50,000 troops", 10000),
    ("The army sent 11,000 troops.", "11,000 troops", 1000),
    ("The tower rises 380.5 metres.", "380.5 metres", "1/10"),
    ("Organisers counted 12,500 fans.", "12,500 fans", 100),
    ("Police made 7 arrests.", "7 arrests", 1),
    ("The rod is 0.25 metres long.", "0.25 metres", "1/100"),
    ("The rod is 0.050 metres thick.", "0.050 metres", "1/1000"),
    ("The region has 3.2 million people.", "3.2 million people", 100000),
    ("The deal is worth $5bn.", "$5bn", 10**9),
    ("The harvest reached 1.2e6 tonnes.", "1.2e6 tonnes", 100000),
    ("The clinic treated 101 patients.", "101 patients", 1),
    ("The clinic treated 100 patients.", "100 patients", 100),
    ("The wall is 2,024 metres long.", "2,024 metres", 1),
    ("The fee is zero point five percent.", "zero point five percent", "1/10"),
    ("The stage is one hundred point two five kilometres.", "one hundred point two five kilometres", "1/100"),
    ("The firm borrowed three point two billion dollars.", "three point two billion dollars", 10**8),
    ("The ratio is point five zero.", "point five zero", "1/100"),
    ("The estate sold for \u00a31\u00bd million.", "\u00a31\u00bd million", 500000),
    ("The club paid $1.5million for him.", "$1.5million", 100000),
    ("The probe travelled 10^6 km.", "10^6 km", 10**6),
    ("The gap is 10\u207b\u00b3 m wide.", "10\u207b\u00b3 m", "1/1000"),
    ("Between 2 and 3 million people voted.", "Between 2 and 3 million people", 10**6),
    ("Costs ran to $1.5-2 billion.", "$1.5-2 billion", 10**8),
]

# (options, sentence, expected mention)
OPTION_CASES: list[tuple[dict[str, Any], Case]] = [
    # a relative tolerance instead of the stated precision
    ({"approx": 0.1}, approx("The army massed about 11,000 troops.", "about 11,000 troops", 11000, (9900, 12100),
                             COUNT)),
    ({"approx": 0.1}, approx("The tower is around 380.5 metres tall.", "around 380.5 metres", "380.5",
                             ("342.45", "418.55"), METRE)),
    ({"approx": 0.1}, nearly("The protest drew nearly 15,000 people.", "nearly 15,000 people", 15000, 13500,
                             COUNT)),
    ({"approx": 0.1}, just_over("The hall seated just over 200 people.", "just over 200 people", 200, 220,
                                COUNT)),
    ({"approx": 0.1}, approx("The studio paid about $14 million.", "about $14 million", 14 * 10**6,
                             ("12.6e6", "15.4e6"), USD)),
    ({"approx": 0.1}, approx("The navy sent some 40 ships.", "some 40 ships", 40, (36, 44), COUNT)),
    ({"approx": 0.05}, approx("The pipeline runs about 2,000 km.", "about 2,000 km", 2000, (1900, 2100), KM)),
    ({"approx": Fraction(1, 4)}, approx("The crate weighs about 20 kg.", "about 20 kg", 20, (15, 25), KG)),
    ({"approx": 0.1}, exact("The army massed 11,000 troops.", "11,000 troops", 11000, COUNT)),
    ({"approx": 0.1}, more("The storm left more than 3,000 homes dark.", "more than 3,000 homes", 3000, COUNT)),
    # exact mentions widened by their stated precision; bounds other than '=' unchanged
    ({"widen_exact": True}, widened("The army massed 11,000 troops.", "11,000 troops", 11000, (10500, 11500),
                                    COUNT)),
    ({"widen_exact": True}, widened("The tower rises 380.0 metres.", "380.0 metres", 380, ("379.95", "380.05"),
                                    METRE)),
    ({"widen_exact": True}, widened("Police made 7 arrests.", "7 arrests", 7, ("6.5", "7.5"), COUNT)),
    ({"widen_exact": True}, widened("The deal is worth $5bn.", "$5bn", 5 * 10**9, ("4.5e9", "5.5e9"), USD)),
    ({"widen_exact": True}, widened("The bridge is 3 miles long.", "3 miles", 3, ("2.5", "3.5"), MILE)),
    ({"widen_exact": True}, more("The storm left more than 3,000 homes dark.", "more than 3,000 homes", 3000,
                                 COUNT)),
    ({"widen_exact": True}, approx("The hall holds about 380 people.", "about 380 people", 380, (375, 385), COUNT)),
    ({"widen_exact": False}, exact("The army massed 11,000 troops.", "11,000 troops", 11000, COUNT)),
]


# ---------------------------------------------------------------------------------------------
# Non-quantities: (sentence, phrase no mention may overlap).
# ---------------------------------------------------------------------------------------------

NOT_QUANTITIES: dict[str, list[tuple[str, str]]] = {
    "year": [
        ("The law took effect in 2024.", "2024"),
        ("The factory closed in 1987 after a long strike.", "1987"),
        ("Sales in 2023 beat every forecast.", "2023"),
        ("Born in 1956, she trained as a nurse.", "1956"),
        ("By 2050 the city wants to be carbon neutral.", "2050"),
        ("The 2024 Olympics were held in Paris.", "2024"),
        ("The class of 2008 met again last month.", "2008"),
        ("He ran the club from 2010 to 2014.", "2010 to 2014"),
        ("The treaty dates from 1648.", "1648"),
        ("Early in 1999 the bank collapsed.", "1999"),
    ],
    "decade, season": [
        ("Music from the 1990s is back in fashion.", "1990s"),
        ("Fashion in the '80s was loud.", "'80s"),
        ("The 2019-20 season was cut short.", "2019-20"),
        ("The 2022/23 budget was balanced.", "2022/23"),
        ("Growth slowed in the 1970s and 1980s.", "1970s and 1980s"),
    ],
    "date": [
        ("The vote is on March 5.", "March 5"),
        ("The deadline is 5/3/2024.", "5/3/2024"),
        ("Talks resumed on 12 June in Geneva.", "12 June"),
        ("The report is dated 2024-03-15.", "2024-03-15"),
        ("The shop reopens on Sept. 1.", "Sept. 1"),
        ("Contracts were signed on 03.04.2023.", "03.04.2023"),
        ("The panel examined the events of Jan. 6.", "Jan. 6"),
        ("Nobody forgets where they were on 9/11.", "9/11"),
        ("The fair opens on Friday 13 in the old town.", "Friday 13"),
        ("The ceasefire began on the 4th of July.", "4th"),
    ],
    "time": [
        ("The polls closed at 12:01 a.m. on Sunday.", "12:01 a.m."),
        ("We meet at 3pm outside the hall.", "3pm"),
        ("The train leaves at 08:45 sharp.", "08:45"),
        ("Kick-off is at 7.30pm.", "7.30pm"),
        ("Doors open at 6 o'clock.", "6 o'clock"),
        ("The blast came at 14:30 GMT.", "14:30 GMT"),
        ("The bank opens at 9 a.m. on weekdays.", "9 a.m."),
        ("The hotline runs 24/7.", "24/7"),
    ],
    "ordinal": [
        ("She finished 22nd in the race.", "22nd"),
        ("He took third place in the final.", "third place"),
        ("It was the 3rd time the dam failed.", "3rd"),
        ("The 101st Airborne landed at dawn.", "101st"),
        ("She celebrated her 50th birthday.", "50th"),
        ("He scored early in the second half.", "second half"),
        ("The twenty-first century began quietly.", "twenty-first"),
        ("It was his first goal for the club.", "first"),
    ],
    "phone, id": [
        ("Call 555-123-4567 for tickets.", "555-123-4567"),
        ("Call +44 20 7946 0958 to book.", "+44 20 7946 0958"),
        ("Call (020) 7946 0958 for details.", "(020) 7946 0958"),
        ("Call 1-800-555-0199 for help.", "1-800-555-0199"),
        ("The book's ISBN 978-0-306-40615-7 is on the cover.", "978-0-306-40615-7"),
        ("Order it by ISBN-13: 978-0-306-40615-7 today.", "978-0-306-40615-7"),
        ("Its ISBN: 0306406152 is printed inside.", "0306406152"),
        ("The old isbn 0-306-40615-2 still works.", "0-306-40615-2"),
        ("Cite ISBN-10:  030640615X in the notes.", "030640615X"),
        ("See (ISBN 0306406152) for the print run.", "0306406152"),
        ("The server at 192.168.1.1 went down.", "192.168.1.1"),
        ("Quote order no. 48213 when you call.", "48213"),
        ("Flight 370 vanished over the ocean.", "370"),
        ("Agent 007 returns next year.", "007"),
    ],
    "address, label": [
        ("Sherlock Holmes lived at 221B Baker Street.", "221B Baker Street"),
        ("The prime minister lives at 10 Downing Street.", "10 Downing Street"),
        ("They opened a cafe at 42 Elm Road.", "42 Elm Road"),
        ("We drove along Route 66 for days.", "Route 66"),
        ("A crash closed Interstate 95.", "Interstate 95"),
        ("Our seats were in Section 427 Row 21.", "Section 427 Row 21"),
        ("The chart is on page 12 of the report.", "page 12"),
        ("The airline filed for Chapter 11 protection.", "Chapter 11"),
        ("Allies invoked Article 5 of the treaty.", "Article 5"),
        ("The meeting is in Room 101.", "Room 101"),
        ("Boarding is at Gate 23.", "Gate 23"),
        ("The train leaves from Platform 9.", "Platform 9"),
        ("Her ticket says Seat 14C.", "14C"),
        ("A Category 5 hurricane hit the coast.", "Category 5"),
        ("The city moved to Level 3 restrictions.", "Level 3"),
        ("Tier 2 rules apply from Monday.", "Tier 2"),
        ("He was diagnosed with stage 4 cancer.", "stage 4"),
        ("Voters backed Proposition 22.", "Proposition 22"),
    ],
    "name, model": [
        ("The airline grounded its Boeing 737 fleet.", "Boeing 737"),
        ("The iPhone 15 goes on sale on Friday.", "iPhone 15"),
        ("The 5G network covers the city.", "5G"),
        ("Cases of COVID-19 rose in the north.", "COVID-19"),
        ("Leaders met at the G7 summit.", "G7"),
        ("The Airbus A320 landed safely.", "A320"),
        ("An F-16 jet escorted the plane.", "F-16"),
        ("The laptop ships with Windows 11.", "Windows 11"),
        ("Stocks of the PlayStation 5 ran out.", "PlayStation 5"),
        ("Apollo 11 landed on the Moon.", "Apollo 11"),
        ("Traffic jammed the M25 again.", "M25"),
        ("The H1N1 strain spread fast.", "H1N1"),
        ("The 737 Max returned to service.", "737"),
        ("The rule is a Catch-22 for exporters.", "Catch-22"),
        ("The 7-Eleven on the corner closed.", "7-Eleven"),
        ("The plan is called Vision 2030.", "Vision 2030"),
        ("He drove a 4x4 across the desert.", "4x4"),
        ("She was tired of the 9-to-5 grind.", "9-to-5"),
    ],
    "score, vote": [
        ("The home side won 3-1.", "3-1"),
        ("The derby ended 2-2.", "2-2"),
        ("Arsenal beat Chelsea 4-0 on Sunday.", "4-0"),
        ("The game finished in a 1-1 draw.", "1-1"),
        ("Boston won the series 4-3.", "4-3"),
        ("The visitors lost 21-17 in overtime.", "21-17"),
        ("The team sealed a 2-0 victory.", "2-0"),
        ("The court ruled 6-3 in favour.", "6-3"),
    ],
    "version": [
        ("The script needs Python 3.11 or later.", "3.11"),
        ("The patch ships in version 2.4.1.", "2.4.1"),
        ("The update to iOS 17.2 fixed the bug.", "17.2"),
        ("The headset supports Bluetooth 5.3.", "5.3"),
        ("The Web 2.0 boom made him rich.", "2.0"),
    ],
    "idiom": [
        ("It is a 50/50 chance at best.", "50/50"),
    ],
    "decade or age, not a digit plural": [
        ("He was still in his 20s then.", "20s"),
        ("They played 80s music all night.", "80s"),
        ("The fashions of the 1960s returned.", "1960s"),
        ("The 1990s of my youth are gone.", "1990s"),
        ("Prices in the '10s of this century fell.", "'10s"),
    ],
    "age group, resolution": [
        ("Under 5s travel free on the ferry.", "5s"),
        ("The under 16s trained on Sunday.", "16s"),
        ("Entry is free for under 12’s.", "12’s"),
        ("The club's over 18s play later.", "18s"),
        ("She bought a 4K TV on sale.", "4K"),
        ("The film was shot in 8K resolution.", "8K"),
        ("A 4K Ultra HD screen costs more.", "4K"),
        ("The drone records 4k video.", "4k"),
    ],
    "arithmetic": [
        ("The answer is 2^10 exactly.", "2^10"),
        ("A byte has 2^3 bits.", "2^3"),
    ],
    "point, the noun": [
        ("The turning point five years ago was the merger.", "point"),
        ("At that point five people left the room.", "point"),
        ("Match point. Five rallies later it was over.", "point"),
    ],
}

# The number stage alone: (text, where the number starts, the number's text or None, value).
NUMBER_STAGE: list[tuple[str, str, str | None, Num | None]] = [
    ("At one point five people left.", "one", "one", 1),  # "at one point": the noun
    ("The turning point five years ago.", "point", None, None),
    ("The tide went out to point five metres.", "point", "point five", "1/2"),
    ("The rate is three point one four.", "three", "three point one four", "3.14"),
    ("A two thousand point five metre run.", "two", "two thousand point five", "2000.5"),
    ("The answer is 2^10 exactly.", "2", None, None),  # arithmetic: skipped whole
    ("The output is 10^-3 of the input.", "10", "10^-3", "1/1000"),
    ("The crowd of 300\u00b9 people.", "300", "300", 300),  # a footnote mark, left out
    ("It took the first 10s of footage.", "10", "10", 10),  # ten seconds: "10s" needs a scale
    ("He led for the last 100s of the race.", "100", "100", 100),  # seconds
    ("Prices in the '10s of thousands.", "10", "10", 10),  # "'10s": a decade
    ("They sold 100s of tickets.", "100", "100s", 100),
    ("They sold 200s of tickets.", "200", "200", 200),  # no power of ten
    ("Costs hit 1.5million.", "1", "1.5million", 1500000),
    ("Costs hit 1.5 millionths.", "1", "1.5", "1.5"),
]


NOT_QUANTITY_CASES = [
    pytest.param(sentence, phrase, id=f"{kind}: {sentence}")
    for kind, cases in NOT_QUANTITIES.items()
    for sentence, phrase in cases
]


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def overlapping(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions that share at least one character with [start, end)."""
    return [m for m in mentions if m.start < end and m.end > start]


def seen(m: Mention, with_units: bool) -> Seen:
    i = m.interval
    return Seen(m.text, m.start, m.end, m.value, m.bound.value, i.low, i.high, i.low_inclusive, i.high_inclusive,
                i.units if with_units else None)


def wanted(case: Case) -> Seen:
    return Seen(case.text, case.start, case.end, case.value, case.bound, case.low, case.high, case.low_inclusive,
                case.high_inclusive, case.units)


def check(case: Case, mentions: list[Mention]) -> None:
    """Exactly one mention overlaps the expected text, and it says what the case says."""
    got = [seen(m, case.units is not None) for m in overlapping(mentions, case.start, case.end)]
    assert got == [wanted(case)]


# ---------------------------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------------------------


def test_the_tables_are_large_and_well_formed() -> None:
    cases = [case for cases in NUMBER_GROUPS.values() for case in cases]
    assert len(cases) >= 300
    assert sum(len(v) for v in NOT_QUANTITIES.values()) >= 60
    for case in cases:
        assert case.sentence.count(case.text) == 1, case.sentence
        if isinstance(case.value, tuple):
            assert case.value[0] < case.value[1], case.sentence
    for cases_ in NOT_QUANTITIES.values():
        for sentence, phrase in cases_:
            assert sentence.count(phrase) == 1, sentence


@pytest.mark.parametrize("case", NUMBER_CASES)
def test_number(case: Case) -> None:
    check(case, quantnorm.parse(case.sentence))


@pytest.mark.parametrize(("sentence", "text", "precision"), PRECISION, ids=[t for _, t, _ in PRECISION])
def test_precision(sentence: str, text: str, precision: Num) -> None:
    start = sentence.index(text)
    found = overlapping(quantnorm.parse(sentence), start, start + len(text))
    assert [(m.text, m.precision) for m in found] == [(text, q(precision))]


@pytest.mark.parametrize(("options", "case"), OPTION_CASES,
                         ids=[f"{o}: {c.sentence}" for o, c in OPTION_CASES])
def test_approximation_options(options: dict[str, Any], case: Case) -> None:
    check(case, quantnorm.Parser(**options).parse(case.sentence))
    check(case, quantnorm.parse(case.sentence, **options))


@pytest.mark.parametrize("approx", [0, 1, -0.1, 1.5, "ten percent"])
def test_a_relative_tolerance_outside_zero_one_is_an_option_error(approx: object) -> None:
    with pytest.raises(quantnorm.OptionError):
        quantnorm.Parser(approx=approx)  # type: ignore[arg-type]


@pytest.mark.parametrize(("sentence", "phrase"), NOT_QUANTITY_CASES)
def test_not_a_quantity(sentence: str, phrase: str) -> None:
    start = sentence.index(phrase)
    found = overlapping(quantnorm.parse(sentence), start, start + len(phrase))
    assert [m.text for m in found] == []


def test_non_quantity_recall() -> None:
    """The whole non-quantity table, at once: every offending mention, listed."""
    offenders = []
    for cases in NOT_QUANTITIES.values():
        for sentence, phrase in cases:
            start = sentence.index(phrase)
            found = overlapping(quantnorm.parse(sentence), start, start + len(phrase))
            offenders += [(sentence, m.text) for m in found]
    assert offenders == []


@pytest.mark.parametrize(("text", "start", "number", "value"), NUMBER_STAGE, ids=[t for t, *_ in NUMBER_STAGE])
def test_number_stage(text: str, start: str, number: str | None, value: Num | None) -> None:
    """What the number stage reads at one position, before the scan's filters and units."""
    found = reader().number_at(text, text.index(start))
    if number is None or value is None:
        assert found is None
        return
    assert found is not None
    assert (text[found.start:found.end], found.value) == (number, q(value))
