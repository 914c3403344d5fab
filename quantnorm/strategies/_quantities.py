"""Quantity generator: a unit, a bound and a number -> the text of one mention and its meaning.

In: which units (measures, currencies, "count" for counted nouns, "dimensionless" for bare
numbers), which bounds ("=", "~", ">", ">=", "<", "<=", "range") and which number forms.
Out: (text, ``ExpectedMention``) pairs: the text is exactly one mention (start 0, end
len(text)) and the expectation is computed from the generator's own exact knowledge
(vocabulary.txt factors, the number renderer's values), never by parsing.

What is written (docs/qualifiers.md, docs/usage.md):
  bounds   "more than 5 km", "at least $5m", "50 or more people", "10,000+ people",
           "about 11,000 troops" (widened by half the last stated digit), "nearly 15,000",
           "just over 2 km", "5 ± 0.2 mm"
  ranges   "between 5 and 10 km", "from $5 million to $10 million", "5-10 km", "5–10%",
           "5 km to 10 km", "five or six people", "$5m-$10m"
  vague    "thousands of people" [1000, 10000], "tens of thousands of", "dozens of" [24, 144],
           "several hundred" [300, 900], "a few thousand" [2000, 5000]
Draws go from simple to complex (unit, then bound, then number), so an example shrinks to
a bare "0", then to the first unit and bound that still fail.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from fractions import Fraction

from hypothesis import assume
from hypothesis import strategies as st

from ..intervals import Interval
from ..qualifiers import Bound
from ._expected import ExpectedMention, Value
from ._numbers import FORMS, SEPARATORS, Rendered, digits, rendered, say
from ._vocabulary import Alias, Measure, vocabulary

__all__ = ["BOUNDS", "quantities", "units_available"]

BOUNDS = ("=", "~", ">", ">=", "<", "<=", "range")
"""Every bound ``quantities()`` can write, simplest first."""

_PLAIN = ("dimensionless", "count")


def units_available() -> tuple[str, ...]:
    """Every unit ``quantities()`` writes: "dimensionless", "count", then the measures and
    currencies of vocabulary.txt (as quantnorm names them: "kilometer", "USD")."""
    return _PLAIN + tuple(m.unit for m in vocabulary().measures)


@dataclass(frozen=True)
class _Kind:
    """How a unit is written: ``measure`` None for bare numbers and counted nouns."""

    unit: str
    measure: Measure | None

    @property
    def canonical(self) -> str:
        return self.measure.canonical if self.measure else self.unit

    def convert(self, x: Fraction) -> Fraction:
        return x * self.measure.factor + self.measure.offset if self.measure else x


def _kind(unit: str) -> _Kind:
    return _Kind(unit, None if unit in _PLAIN else vocabulary().measure(unit))


def _canonical(kind: _Kind, iv: Interval) -> Interval:
    return Interval(
        None if iv.low is None else kind.convert(iv.low),
        None if iv.high is None else kind.convert(iv.high),
        iv.low_inclusive, iv.high_inclusive, kind.canonical,
    )


@dataclass(frozen=True)
class _Spec:
    """What the number renderer may write for one unit."""

    forms: tuple[str, ...]
    min_value: int = 0
    suffixes: str = "plain"
    years: bool = True


def _spec(kind: _Kind, forms: Collection[str]) -> _Spec:
    """Counted nouns are whole and plural ("2 people" at least) and, like bare numbers, never
    a bare year; money takes the money scale suffixes ("$5m"), cents none; measures take no
    scale abbreviation ("5bn km" is not English)."""
    m = kind.measure
    if kind.unit == "count":
        return _Spec(tuple(f for f in forms if f in ("integers", "words", "scaled")), 2, "plain", False)
    if m is None:
        return _Spec(tuple(forms), 0, "plain", False)
    if m.money and m.factor != 1:
        return _Spec(tuple(f for f in forms if f in ("integers", "words")), 0, "none")
    if m.money:
        return _Spec(tuple(f for f in forms if f in ("integers", "decimals", "words", "scaled")), 0, "money")
    return _Spec(tuple(forms), 0, "none")


@dataclass(frozen=True)
class _Form:
    """How one quantity writes its unit around the number: ``prefix`` before it ("$",
    "USD "), ``one``/``many`` after it (" km", "%", " kilometres"), or a counted noun
    (``noun`` its lemma), before which an after-phrase goes ("50 or more people")."""

    prefix: str = ""
    one: str = ""
    many: str = ""
    noun: str | None = None

    def write(self, r: Rendered, after: str = "") -> str:
        """The number ``r`` with this unit and an after-phrase (" or more", "+")."""
        unit = self.one if r.value == 1 else self.many
        if self.noun is not None:
            return f"{self.prefix}{r.text}{after}{unit}"
        return f"{self.prefix}{r.text}{unit}{after}"


@st.composite
def _form(draw: st.DrawFn, unit: str, *, before_money: bool, attachable: bool, attached_only: bool = False,
          nouns: Sequence[tuple[str, str]] = ()) -> _Form:
    """A way to write ``unit``: a currency sign only when ``before_money``; a unit attached
    to the number ("5%") only when ``attachable`` (the number ends with a digit), and only
    such a unit when ``attached_only``."""
    v = vocabulary()
    if unit == "dimensionless":
        return _Form()
    if unit == "count":
        lemma, plural = draw(st.sampled_from(nouns or v.nouns))
        adjective = draw(st.one_of(st.just(""), st.sampled_from(v.adjectives).map(lambda a: a + " ")))
        return _Form("", f" {adjective}{plural}", f" {adjective}{plural}", lemma)
    m = vocabulary().measure(unit)
    if before_money:
        sign = draw(st.sampled_from([b for b in m.before if not (attached_only and b.isalpha())]))
        return _Form(sign + " " if sign.isalpha() else sign)
    aliases: list[Alias] = [a for a in m.after if (attachable or not a.attached) and (a.attached or not attached_only)]
    a = draw(st.sampled_from(aliases))
    space = "" if a.attached else " "
    return _Form("", space + a.singular, space + a.plural)


@dataclass(frozen=True)
class _Phrase:
    """A bound phrase: where it goes and what interval it gives."""

    text: str
    bound: str  # one of BOUNDS, or "<~" / ">~" for the near bounds
    where: str  # "before", "after" or "tolerance"


def _phrases(bound: str, kind: _Kind, change: bool) -> list[_Phrase]:
    v = vocabulary()
    out: list[_Phrase] = []
    for key in (bound, bound + "~") if bound in ("<", ">") else (bound,):
        before, after = v.bounds.get(key, ((), ()))
        out += [_Phrase(p, key, "before") for p in before if not change or p in v.change_bounds]
        if not change:
            out += [_Phrase(p, key, "after") for p in after if p != "+" or kind.unit in _PLAIN]
    if bound == "~" and kind.measure is not None and not kind.measure.money and not change:
        out += [_Phrase(p, "~", "tolerance") for p in v.tolerance]
    return out


def _stated(bound: str, x: Fraction, w: Fraction) -> Interval:
    """The interval a bound allows around x (stated units), w half the stated precision."""
    table = {
        "=": Interval(x, x),
        "~": Interval(x - w, x + w),
        ">": Interval(x, None, False, False),
        ">~": Interval(x, x + w, False, True),
        ">=": Interval(x, None, True, False),
        "<": Interval(None, x, False, False),
        "<~": Interval(x - w, x, True, False),
        "<=": Interval(None, x, False, True),
    }
    return table[bound]


@st.composite
def _single(draw: st.DrawFn, kind: _Kind, bound: str, forms: Collection[str], seps: Sequence[str],
            change: bool, nouns: Sequence[tuple[str, str]]) -> tuple[str, ExpectedMention]:
    spec = _spec(kind, forms)
    phrase = None if bound == "=" else draw(st.sampled_from(_phrases(bound, kind, change)))
    approx = phrase is not None and phrase.bound in ("~", "<~", ">~") and phrase.where != "tolerance"
    number_forms = spec.forms
    if phrase is not None and phrase.where == "tolerance":
        number_forms = tuple(f for f in number_forms if f in ("integers", "decimals")) or ("integers",)
    m = kind.measure
    before_money = m is not None and m.money and bool(m.before) and draw(st.booleans())
    if before_money:
        number_forms = tuple(f for f in number_forms if f in ("integers", "decimals", "scaled"))
    assume(bool(number_forms))
    r = draw(rendered(forms=number_forms, separators=seps, min_value=max(spec.min_value, int(approx)),
                      suffixes=spec.suffixes, need_precision=approx, digits_first=before_money,
                      years=spec.years))
    if r.money_suffix and not (m is not None and m.money):
        assume(False)
    after = ""
    if phrase is not None and phrase.where == "after":
        if phrase.text == "+":
            assume(r.text[-1:].isdigit())  # "10,000+"
            after = "+"
        else:
            after = " " + phrase.text
    tolerance = None
    if phrase is not None and phrase.where == "tolerance":
        t = draw(rendered(forms=("decimals", "integers"), separators=(), min_value=0, max_value=10))
        assume(0 < t.value < r.value)  # a tolerance smaller than the value: "5 ± 0.2 mm"
        tolerance = t.value
        r = Rendered(f"{r.text} {phrase.text} {t.text}", r.value, r.precision, r.form)
    form = draw(_form(kind.unit, before_money=before_money, attachable=r.text[-1:].isdigit(), nouns=nouns))
    text, noun = form.write(r, after), form.noun
    if phrase is not None and phrase.where == "before":
        glue = "" if phrase.text == "~" and draw(st.booleans()) else " "
        text = phrase.text + glue + text
    effective = "=" if phrase is None else phrase.bound
    if tolerance is not None:
        stated = Interval(r.value - tolerance, r.value + tolerance)
    else:
        stated = _stated(effective, r.value, (r.precision or Fraction(0)) / 2)
    expected = ExpectedMention(
        text=text, start=0, end=len(text), value=r.value, unit=kind.unit, magnitude=kind.convert(r.value),
        bound=Bound(effective.rstrip("~") or "~"), interval=_canonical(kind, stated), noun=noun,
        precision=r.precision,
    )
    return text, expected


@st.composite
def _endpoints(draw: st.DrawFn, style: str, lo: int, seps: Sequence[str],
               suffix_money: bool) -> tuple[Rendered, Rendered]:
    """Two numbers a < b written alike (same separator, same number of decimals)."""
    if style == "integers":
        a = draw(st.integers(lo, 10**6))
        b = a + draw(st.integers(1, 10**6))
        sep = draw(st.sampled_from(("", *seps))) if b >= 1000 else ""
        if sep == "" and (a in range(1000, 2200) or b in range(1000, 2200)):  # "1999-2005" is a span of years
            assume(bool(seps))
            sep = seps[0]
        return (Rendered(digits(a, sep), Fraction(a), None, "integers"),
                Rendered(digits(b, sep), Fraction(b), None, "integers"))
    if style == "decimals":
        k = draw(st.integers(1, 2))
        a = draw(st.integers(lo * 10**k, 10**5))
        b = a + draw(st.integers(1, 10**5))
        low, high = (Rendered(f"{n // 10**k}.{n % 10**k:0{k}d}", Fraction(n, 10**k), None, "decimals") for n in (a, b))
        return low, high
    if style == "words":
        a = draw(st.integers(lo, 98))
        b = draw(st.integers(a + 1, 99))
        hyphen = not draw(st.booleans())
        return (Rendered(say(a, hyphen=hyphen), Fraction(a), None, "words"),
                Rendered(say(b, hyphen=hyphen), Fraction(b), None, "words"))
    v = vocabulary()
    a = draw(st.integers(1, 998))
    b = draw(st.integers(a + 1, 999))
    if suffix_money and draw(st.booleans()):
        suffix = draw(st.sampled_from([s for s in v.suffixes if s.how in ("money", "any")]))
        scale = Fraction(10**suffix.power)
        return (Rendered(f"{a}{suffix.text}", a * scale, None, "scaled", True),
                Rendered(f"{b}{suffix.text}", b * scale, None, "scaled", True))
    word, power = draw(st.sampled_from(v.scales))
    return (Rendered(f"{a} {word}", a * Fraction(10**power), None, "scaled"),
            Rendered(f"{b} {word}", b * Fraction(10**power), None, "scaled"))


@st.composite
def _range(draw: st.DrawFn, kind: _Kind, forms: Collection[str], seps: Sequence[str],
           vague: bool, nouns: Sequence[tuple[str, str]]) -> tuple[str, ExpectedMention]:
    v = vocabulary()
    m = kind.measure
    if vague and kind.unit == "count" and draw(st.booleans()):
        item = draw(st.sampled_from(v.vague))
        lemma, plural = draw(st.sampled_from(nouns or v.nouns))
        text = f"{item.phrase} {plural}"
        return text, ExpectedMention(
            text=text, start=0, end=len(text), value=(item.low, item.high), unit="count",
            magnitude=(item.low + item.high) / 2, bound=Bound.RANGE,
            interval=Interval(item.low, item.high, True, True, "count"), noun=lemma,
        )
    opener, joiner = draw(st.sampled_from(v.ranges))
    dash = joiner in ("-", "–")
    styles = ["integers", "decimals", "words", "scaled"]
    if dash:
        styles.remove("words")
    money = m is not None and m.money
    if kind.unit == "count" or (m is not None and m.factor != 1):
        styles.remove("decimals")
    if (dash and not money) or (m is not None and m.factor != 1):
        styles.remove("scaled")  # "3 million-5 million" is not written; "$5m-$10m" is
    money_before = m is not None and m.money and bool(m.before) and draw(st.booleans())
    if money_before and "words" in styles:
        styles.remove("words")
    styles = [s for s in styles if s in forms or (s == "integers" and not any(t in forms for t in styles))]
    assume(bool(styles))
    style = draw(st.sampled_from(styles))
    a, b = draw(_endpoints(style, 2 if kind.unit == "count" else 0, seps, money))
    # The unit once ("5-10 km") or twice ("5 km to 10 km"); a currency sign always twice
    # ("$5m-$10m"); "5 km or 10 km" reads as two alternatives, so "or" takes it once.
    dash_ok = money_before or any(x.attached for x in (m.after if m is not None else ()))
    twice = m is not None and (money_before or (joiner != "or" and (not dash or dash_ok) and draw(st.booleans())))
    attachable = a.text[-1:].isdigit() and b.text[-1:].isdigit()
    attached_only = twice and dash  # "5%-10%", "$5m-$10m"; not "5 km-10 km", "EUR 5-EUR 10"
    assume(attachable or not attached_only or money_before)
    form = draw(_form(kind.unit, before_money=money_before, attachable=attachable, attached_only=attached_only,
                      nouns=nouns))
    noun = form.noun
    if twice:
        left, right = form.write(a), form.write(b)
    else:
        left, right = a.text, form.write(b)
    if opener:
        text = f"{opener} {left} {joiner} {right}"
    elif dash:
        text = f"{left}{joiner}{right}"
    else:
        text = f"{left} {joiner} {right}"
    value: Value = (a.value, b.value)
    return text, ExpectedMention(
        text=text, start=0, end=len(text), value=value, unit=kind.unit,
        magnitude=kind.convert((a.value + b.value) / 2), bound=Bound.RANGE,
        interval=_canonical(kind, Interval(a.value, b.value)), noun=noun,
    )


def _checked(values: Collection[str] | None, known: Sequence[str], what: str) -> list[str]:
    if values is None:
        return list(known)
    if isinstance(values, str):
        values = [values]
    unknown = [x for x in values if x not in known]
    if unknown:
        raise ValueError(f"unknown {what} {unknown!r}; quantnorm.strategies writes {list(known)!r}")
    chosen = [x for x in known if x in values]
    if not chosen:
        raise ValueError(f"no {what} to choose from")
    return chosen


@st.composite
def _quantity(draw: st.DrawFn, units: Sequence[str], bounds: Sequence[str], forms: Collection[str],
              seps: Sequence[str], vague: bool, change: bool,
              nouns: Sequence[tuple[str, str]]) -> tuple[str, ExpectedMention]:
    kind = _kind(draw(st.sampled_from(units)))
    allowed = [b for b in bounds if not (change and b == "range")]
    assume(bool(allowed))
    bound = draw(st.sampled_from(allowed))
    if bound == "range":
        return draw(_range(kind, forms, seps, vague, nouns))
    if bound != "=" and not _phrases(bound, kind, change):
        assume(False)
    return draw(_single(kind, bound, forms, seps, change, nouns))


def quantities(
    *,
    units: Collection[str] | None = None,
    bounds: Collection[str] | None = None,
    forms: Collection[str] | None = None,
    separators: Sequence[str] = SEPARATORS,
    vague: bool = True,
    change: bool = False,
    nouns: Collection[str] | None = None,
) -> st.SearchStrategy[tuple[str, ExpectedMention]]:
    """(text, expected mention) pairs: the text is one whole mention.

    ``units``: which units to write ("dimensionless" bare numbers, "count" counted nouns,
    measures such as "kilometer", "percent", "degree_Celsius", currencies such as "USD";
    ``units_available()`` lists them; default all). ``bounds``: which of BOUNDS (default
    all; "range" covers "between 5 and 10", "5-10 km" and, with ``vague``, "thousands of
    people"). ``forms`` and ``separators``: the number forms and digit-group separators
    (see ``numbers()``). ``change``: only what may follow a change word ("rose more than
    5%"): no ranges, no phrases after the number. ``nouns``: the lemmas of the counted
    nouns to write (vocabulary.txt [nouns]: "person", "troop"...; default all).
    Shrinks to ("0", a bare exact 0)."""
    chosen_units = _checked(units, units_available(), "units")
    chosen_bounds = _checked(bounds, BOUNDS, "bounds")
    chosen_forms = _checked(forms, FORMS, "forms")
    bad = [s for s in separators if s not in SEPARATORS]
    if bad:
        raise ValueError(f"unknown separators {bad!r}; quantnorm reads {SEPARATORS!r}")
    known_nouns = [lemma for lemma, _ in vocabulary().nouns]
    chosen_nouns = _checked(nouns, known_nouns, "nouns")
    noun_pairs = tuple(p for p in vocabulary().nouns if p[0] in chosen_nouns)
    return _quantity(chosen_units, chosen_bounds, chosen_forms, tuple(separators), vague, change, noun_pairs)

