"""The scan: one left-to-right pass over a text, calling each stage where a number starts.

In: a text and the parser's options. Out: ``Draft`` mentions in text order, not overlapping:
each with its span, stated value(s), unit expression (quantnorm's, for pint), counted noun,
bound, tolerance and change, but no pint objects yet (``mentions`` builds those).

Order of the stages around one number, and where their rules live:
  numbers.TRIGGER finds where a number may start, numbers reads it (and a scale suffix);
  filters drops identifiers glued to letters ("G7", "COVID-19"), window patterns (times,
  dates, phones) and, after the unit is known, years, labels and names;
  units reads a currency before it and a unit after it (ambiguity rules applied here, with
  the context), then a rate ("per hour", "a share"), an age ("years old");
  nouns reads the counted noun when there is no unit;
  qualifiers reads a range ("between 5 and 10", "5-10 km"), a tolerance ("± 0.2"), a bound
  before or after ("more than", "or more") and a change ("rose 2.1%").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from fractions import Fraction

import regex

from .filters import filters
from .nouns import reader as noun_reader
from .numbers import Number, reader as number_reader
from .qualifiers import Bound, Qualifier, tables as qualifier_tables
from . import registry
from .units import Sense, UnitMatch, lexicon

__all__ = ["Draft", "Options", "scan"]

_SPACE = " \u00a0\t"
_AGE_AFTER = regex.compile(r"(?i)(?:[\x20\u00a0]*+-[\x20\u00a0]*+|[\x20\u00a0]++)old(?![\w])|[\x20\u00a0]++of[\x20\u00a0]++age(?![\w])")
_AGE_SHORT = regex.compile(r"(?i)[\x20\u00a0]*+(?:yo|y/o|y\.o\.|yrs?\.?\s*+old)(?![\w])")
_AGE_BEFORE = regex.compile(r"(?i)(?<![\w])(?:aged?|ages)[\x20\u00a0]++\Z")
_TIME_UNITS = {"year", "month", "week", "day", "hour", "minute"}
_PER = regex.compile(r"(?i)[\x20\u00a0]*+(?:(?:-[\x20\u00a0]*+)?(per|a|an|each|every)(?:[\x20\u00a0]*+-|[\x20\u00a0]++)|/[\x20\u00a0]*+)")
_NOT_RATE = regex.compile(r"(?i)[\x20\u00a0]++(?:earlier|ago|later|before|after|prior|back|previously|from|since|on|in|into|to|of)(?![\w])")
_OF_SKIP = regex.compile(r"(?i)[\x20\u00a0]++of[\x20\u00a0]++(?:[a-z]++[\x20\u00a0]++){1,3}?(?=(?:a|an|per|each|every)[\x20\u00a0])")
_HYPHEN = regex.compile(r"[\x20\u00a0]?-[\x20\u00a0]?(?=[^\W\d_])|[\x20\u00a0]-[\x20\u00a0](?=[^\W\d_])")
_OPEN_BRACKET = regex.compile(r"[\x20\u00a0]*+([(\[{<])[\x20\u00a0]*+")
_CLOSE = {"(": ")", "[": "]", "{": "}", "<": ">"}
_MULTIPLIER = regex.compile(r"(?i)(?:[\x20\u00a0]++times|[\x20\u00a0]*+-?fold)(?![\w])")
_AND = regex.compile(r"(?i)[\x20\u00a0]++(?:and[\x20\u00a0]++)?")
_PRONOUN_BEFORE = {"no", "any", "some", "every", "each", "the", "this", "that", "which", "no-"}
_PRONOUN_AFTER = {
    "can", "could", "should", "would", "will", "must", "may", "might", "shall", "is", "was", "has",
    "does", "did", "needs", "another", "wonders", "knows", "thinks", "gets",
}


@dataclass(frozen=True)
class Options:
    """How the parser reads ambiguous text and what intervals it gives (see ``Parser``)."""

    dollar: str = "USD"
    ton: str = "metric_ton"
    gallon: str = "gallon"
    approx: Fraction | None = None  # relative tolerance for "about"; None: half a last digit
    widen_exact: bool = False


@dataclass
class Draft:
    """A mention before its pint objects are built."""

    start: int
    end: int
    low: Fraction
    high: Fraction
    is_range: bool
    precision: Fraction | None
    unit: str  # a pint expression; "dimensionless" for bare numbers, "count" for nouns
    noun: str | None = None
    bound: Bound = Bound.EQ
    near: bool = False
    tolerance: Fraction | None = None
    change: str | None = None
    age: bool = False
    currency: bool = False
    high_precision: Fraction | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class _Single:
    """One number with its currency, scale and unit: half of a range, or a whole mention."""

    number: Number
    start: int
    end: int
    unit: str | None = None
    currency: bool = False
    noun: str | None = None
    age: bool = False
    rule_money: bool = False


def scan(text: str, options: Options) -> list[Draft]:
    """Every quantity mention of ``text`` as a Draft, in order, not overlapping."""
    reader = number_reader()
    out: list[Draft] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = reader.TRIGGER.search(text, pos)
        if m is None:
            break
        floor = out[-1].end if out else 0
        draft, resume = _read(text, m.start(), floor, options)
        if draft is not None:
            out.append(draft)
            pos = max(draft.end, m.start() + 1)
        else:
            pos = max(resume, m.end(), m.start() + 1)
    return out


def _sign_ok(text: str, pos: int) -> bool:
    """Whether a sign at ``pos`` belongs to the number after it ("-5", "convert - 20")."""
    if pos == 0:
        return True
    prev = text[pos - 1]
    spaced = pos + 1 < len(text) and text[pos + 1] in _SPACE
    if prev in "([{=~≈:\"'“‘":
        return not spaced
    if prev in _SPACE:
        before = text[:pos].rstrip()
        if not before:
            return True
        last = before[-1]
        if spaced:
            return last.isalpha()
        return not last.isdigit()
    return False


def _read(text: str, s: int, floor: int, options: Options) -> tuple[Draft | None, int]:
    """Read the mention whose number starts at ``s``: (draft or None, where to go on)."""
    reader = number_reader()
    lex = lexicon()
    flt = filters()
    ch = text[s]
    if ch in "+-−" and not _sign_ok(text, s):
        return None, s + 1
    number = reader.number_at(text, s)
    if number is None:
        return None, s + 1
    # identifiers glued to letters: "G7", "COVID-19", "A320", "scp-173"
    cur = lex.currency_before(text, s)
    if cur is not None and cur.start < floor:
        cur = None
    if s > 0 and cur is None:
        prev = text[s - 1]
        if prev.isalnum() or prev in "_@" or (prev in "-/." and s > 1 and text[s - 2].isalnum()) or (
            prev == "." and number.form != "words"
        ):
            return None, _skip_token(text, number.end)
    reason = flt.pattern_reason(text, number.start, number.end)
    if reason is not None:
        return None, _skip_pattern(text, number.end)
    first = _single(text, number, cur, options, floor)
    if first is None:
        return None, _skip_token(text, number.end)
    if isinstance(first, int):
        return None, first
    low, high = first.number.low, first.number.high
    start, end = first.start, first.end
    is_range = first.number.is_range
    precision = first.number.precision
    high_precision = None
    unit, noun, currency, age = first.unit, first.noun, first.currency, first.age
    bound, near, tolerance = Bound.EQ, False, None
    quals = qualifier_tables()

    # ------------------------------------------------------------ range: A - B, A to B
    opener = quals.range_opener(text, start)
    if opener is not None and opener[0] < floor:
        opener = None
    second: _Single | None = None
    join = quals.JOIN.match(text, first.end if unit or noun or currency else number_end(first))
    if opener is not None:
        j = regex.match(rf"(?i)[\x20\u00a0]++{opener[1]}[\x20\u00a0]++", text, pos=first.end)
        if j is None and (unit or noun) and first.number.end < first.end:
            j = regex.match(rf"(?i)[\x20\u00a0]++{opener[1]}[\x20\u00a0]++", text, pos=first.number.end)
        join_end = j.end() if j else None
    else:
        join_end = join.end() if join else None
    if join_end is not None and not first.number.is_range:
        joiner = text[(first.end if unit or noun or currency else first.number.end):join_end].strip().lower()
        b_pos = join_end
        b_cur = lex.currency_before(text, b_pos) if currency else None
        b_m = reader.TRIGGER.match(text, b_pos)
        if b_cur is None and currency:
            # "$5m-$10m": a currency sign before the second number
            sign = lex.BEFORE.search(text, b_pos, min(len(text), b_pos + 6))
            b_m = None
            c = regex.match(r"(?:[^\d\s]{1,4})[\x20\u00a0]?(?=\d)", text, pos=b_pos)
            if c is not None:
                b_cur = lex.currency_before(text, c.end())
                if b_cur is not None and b_cur.start == b_pos:
                    b_m = reader.TRIGGER.match(text, c.end())
            if b_m is None:
                b_m = reader.TRIGGER.match(text, b_pos)
            del sign
        if b_m is not None:
            b_num = reader.number_at(text, b_m.start())
            if b_num is not None and not b_num.is_range and b_num.form != "ratio":
                if joiner in ("-", "–", "—") and first.number.is_integer and b_num.is_integer and (
                    first.number.end == join_end - 1 or text[first.number.end:b_num.start].strip() in ("-", "–")
                ) and unit is None and noun is None and not currency:
                    if abs(first.number.value) < 100 and abs(b_num.value) < 100 and flt.is_score(
                        text, first.number.start, b_num.end
                    ):
                        return None, b_num.end
                b_single = _single(text, b_num, b_cur, options, first.end, in_range=True)
                if isinstance(b_single, _Single):
                    second = b_single
        if second is not None:
            ok = second.number.value > low or (opener is not None and second.number.value >= low)
            if joiner == "or" and opener is None:
                ok = ok and second.number.value - low <= max(abs(low), 1) and not (unit or currency)
            if second.unit is not None and unit is not None and second.unit != unit:
                ok = ok and _same_family(second.unit, unit)
            if second.noun is not None and noun is not None and second.noun != noun:
                ok = False
            if second.unit is not None and unit is None and (noun is not None):
                ok = False
            if joiner == "to" and opener is None and quals.change_before(text, start) is not None:
                ok = False  # "rose 5% to 7%": two levels
            if opener is not None and opener[1] == "to" and quals.change_before(text, opener[0]) is not None:
                ok = False  # "rose from 5% to 7%": the old and the new level
            if ok:
                high = second.number.value
                high_precision = second.number.precision
                is_range = True
                end = second.end
                if unit is None and second.unit is not None:
                    unit, currency = second.unit, second.currency
                    if first.number.end < first.end:
                        pass
                    # "5-10 km": the first number takes the scale of the second ("$5-10m")
                    if second.number.end < second.end and first.end == first.number.end:
                        low = _rescale(first, second, low)
                if noun is None:
                    noun = second.noun
                age = age or second.age
                if opener is not None:
                    start = opener[0]
                bound = Bound.RANGE
            else:
                second = None
    if second is None and opener is not None and opener[1] == "and":
        pass  # "between 190 km2": no second number; the word bounds nothing
    # ------------------------------------------------------------ tolerance: 5 ± 0.2 mm
    if not is_range:
        t = quals.TOLERANCE.match(text, number_end(first) if unit is None else first.number.end)
        if t is None and unit is not None:
            t = quals.TOLERANCE.match(text, first.end)
        if t is not None:
            t_num = reader.number_at(text, t.end())
            if t_num is not None and not t_num.is_range and t_num.value > 0:
                t_single = _single(text, t_num, None, options, first.end, in_range=True)
                if isinstance(t_single, _Single) and (t_single.unit is None or unit is None or t_single.unit == unit):
                    tolerance = t_num.value
                    if unit is None and t_single.unit is not None:
                        unit = t_single.unit
                    end = max(end, t_single.end)
                    bound = Bound.APPROX
    # ------------------------------------------------------------ bounds before and after
    if bound == Bound.EQ:
        q: Qualifier | None = quals.bound_before(text, start)
        if q is not None and q.start >= floor:
            bound, near, start = q.bound, q.near, q.start
        else:
            q = quals.bound_after(text, end)
            if q is not None and not (q.bound == Bound.GE and text[end:q.end].strip() == "+" and text[end:end + 1] != "+"):
                bound, near, end = q.bound, q.near, q.end
    elif bound == Bound.RANGE and opener is None:
        q = quals.bound_before(text, start)
        if q is not None and q.bound == Bound.APPROX and q.start >= floor:
            start = q.start  # "about 40 - 50 years": the range stays, each end approximate
            near = True
    # ------------------------------------------------------------ change
    change = quals.change_before(text, start)
    if change is None and unit is not None:
        change = quals.change_after(text, end)
    # ------------------------------------------------------------ money: "15 dollars 50"
    if currency and not is_range and bound == Bound.EQ and unit is not None and "/" not in unit:
        merged = _minor_after(text, end, unit, low, options)
        if merged is not None:
            low, end = merged
            high = low
            precision = Fraction(1, 100)
    if is_range and bound == Bound.EQ:
        bound = Bound.RANGE  # "thousands of", "5-10 km"
    draft = Draft(
        start=start, end=end, low=low, high=high if is_range else low, is_range=is_range,
        precision=precision, unit=unit or ("count" if noun else "dimensionless"), noun=noun,
        bound=bound, near=near, tolerance=tolerance, change=change, age=age, currency=currency,
        high_precision=high_precision,
    )
    return draft, end


def number_end(single: _Single) -> int:
    return single.number.end if single.unit is None and single.noun is None else single.end


def _same_family(a: str, b: str) -> bool:
    return a == b


def _rescale(first: _Single, second: _Single, low: Fraction) -> Fraction:
    """ "$5-10m": the first number takes the second one's scale suffix."""
    if second.number.value and first.number.value < second.number.value:
        return low
    return low


def _skip_token(text: str, pos: int) -> int:
    """The end of the alphanumeric token at ``pos`` (an identifier to step over)."""
    m = regex.match(r"[\w\-./]*+", text, pos=pos)
    return m.end() if m else pos


def _skip_pattern(text: str, pos: int) -> int:
    """Step over the rest of a non-quantity pattern (a date, a phone number)."""
    m = regex.match(r"(?:[\w:./\-]|\s(?=[\d]))*+", text, pos=pos)
    return m.end() if m else pos


def _single(
    text: str, number: Number, cur: UnitMatch | None, options: Options, floor: int, in_range: bool = False
) -> _Single | int | None:
    """A number with its currency, scale suffix, unit, rate, age and counted noun. None
    when it is not a quantity; an int (where to resume) to skip a whole token."""
    lex = lexicon()
    reader = number_reader()
    flt = filters()
    nouns = noun_reader()
    start = cur.start if cur is not None else number.start
    end = number.end
    money = cur is not None
    unit: str | None = None
    currency = False
    scale = Fraction(1)
    if cur is not None:
        unit, currency, scale = _currency_expr(cur.sense, options), True, cur.sense.scale
    # ------------------------------------------------------------ scale suffix: 5bn, $3.2m, 10k
    if number.form in ("digits", "mixed") and not number.is_range:
        suffix = reader.suffix_at(text, end, money=True)
        if suffix is not None:
            factor, s_end = suffix
            plain = reader.suffix_at(text, end, money=False)
            follows = lex.unit_at(text, s_end)
            money_after = follows is not None and follows.sense.currency
            if money or money_after or plain is not None or _plural_noun_after(text, s_end, lex, nouns, text[end:s_end].strip()):
                number = number.scaled(factor, s_end)
                end = s_end
    # ------------------------------------------------------------ unit after the number
    u = _unit_after(text, end, number, money, options)
    if u is not None:
        sense, u_start, u_end = u
        if sense.currency:
            if currency:
                # "$10 dollars", "US$ 5 USD": the same currency written twice (but in
                # "$ 20 $ 37" the second sign belongs to the next amount)
                same = _currency_expr(sense, options).split("_")[0] == unit or sense.expr == "$"
                if same and not regex.match(r"[\x20\u00a0]*+[\d.]", text[u_end:u_end + 3]):
                    end = u_end
            else:
                unit, currency, end = _currency_expr(sense, options), True, u_end
                scale = sense.scale
                # "75 USD million": a scale word after the currency code
                sw = reader.SCALE_WORD.match(text, end) if regex.match(r"[\x20\u00a0]", text[end:end + 1]) else None
                if sw is not None and sw.group(0).lower().split()[-1] in reader.scales and text[end:sw.start()].strip() == "":
                    pass
                m_scale = regex.match(r"[\x20\u00a0]++(" + "|".join(reader.scales) + r")(?![\w])", text, pos=end, flags=regex.I)
                if m_scale is not None:
                    scale *= reader.scales[m_scale.group(1).lower()]
                    end = m_scale.end()
        elif not currency and not sense.per_only:
            unit, end = sense.expr, u_end
    if scale != 1:
        number = number.scaled(scale, number.end)
    # identifiers: digits glued to letters that are no unit ("5G", "22nd", "24703m212")
    if end == number.end and end < len(text) and (text[end].isalpha() or (text[end] == "-" and unit is None and end + 1 < len(text) and text[end + 1].isdigit() and False)):
        if not (text[end] in "x×" and end + 1 < len(text) and not text[end + 1].isalnum()):
            return _skip_token(text, end)
    # ------------------------------------------------------------ rate: per hour, a share
    if unit is not None:
        rate = _rate_after(text, end, options)
        if rate is not None:
            r_expr, r_end = rate
            unit = f"{unit} / {r_expr}" if " " not in r_expr else f"{unit} / ({r_expr})"
            end = r_end
    # ------------------------------------------------------------ age: 29 years old, a 15-year-old
    age = False
    if unit in _TIME_UNITS or unit is None:
        a = _AGE_AFTER.match(text, end) if unit is not None else None
        if a is not None:
            age, end = True, a.end()
        elif unit is None:
            short = _AGE_SHORT.match(text, end)
            if short is not None:
                unit, age, end = "year", True, short.end()
            elif _AGE_BEFORE.search(text, max(0, start - 8), start) and number.is_integer:
                unit, age = "year", True
    # ------------------------------------------------------------ multiplier: 1.5 times
    noun: str | None = None
    if unit is None:
        mult = _MULTIPLIER.match(text, end)
        if mult is not None:
            end = mult.end()
            unit = "dimensionless"
    # ------------------------------------------------------------ counted noun
    if unit is None and not in_range:
        plural = number.is_range or not 0 < abs(number.value) <= 1
        hy = _HYPHEN.match(text, end)
        if hy is not None:
            w = regex.match(r"[^\W\d_]++", text, pos=hy.end())
            if w is not None and w.group(0).lower() not in nouns.stop:
                noun_word = w.group(0)
                noun, end = nouns.lemma(noun_word) if nouns.is_plural(noun_word) else noun_word.lower(), w.end()
        else:
            allow_of = number.form in ("vague",) or number.value == 1 or number.form == "words"
            head = nouns.head_after(text, end, plural, allow_of)
            if head is not None and not _fraction_of(text, number, end):
                noun, end = head.lemma, head.end
    elif unit is None and in_range:
        head = nouns.head_after(text, end, True, False)
        if head is not None:
            noun, end = head.lemma, head.end
    bare = unit is None and noun is None
    if bare and not in_range and _model_number(text, number):
        return None
    physical = unit is not None and unit != "dimensionless"
    reason = flt.context_reason(text, number, bare, physical and not age)
    if reason is not None:
        return None
    if bare and not in_range:
        if number.form == "slash" and number.value.denominator not in reader.slash_denominators:
            return None
        if number.form == "words" and text[number.start:number.end].lower() == "one" and _pronoun(text, number):
            return None
    return _Single(number, start, end, unit, currency, noun, age)


def _model_number(text: str, number: Number) -> bool:
    """ "the 8088 chip", "a 737 jet": a bare integer of three digits or more, without
    separators, before a singular noun names a model (a count above one takes a plural)."""
    surface = text[number.start:number.end]
    if not (surface.isdigit() and len(surface) >= 3):
        return False
    w = regex.match(r"[\x20\u00a0]++([a-z]++)(?![\w\-])", text, pos=number.end)
    if w is None:
        return False
    nouns = noun_reader()
    word = w.group(1)
    return word not in nouns.stop and not nouns.is_plural(word) and not word.endswith(("ed", "ing", "ly"))


def _fraction_of(text: str, number: Number, end: int) -> bool:
    """ "half of its territory", "a third of the votes": a proportion, not a count."""
    if number.form != "fraction" and number.value >= 1:
        return False
    return regex.match(r"(?i)[\x20\u00a0]++of(?![\w])", text, pos=end) is not None and number.value < 1


def _pronoun(text: str, number: Number) -> bool:
    """ "one" used as a pronoun ("no one", "one can", "one another")."""
    before = filters().word_before(text, number.start)
    if before is not None and before.lower() in _PRONOUN_BEFORE:
        return True
    after = regex.match(r"[\x20\u00a0]++([\w'’]++)", text, pos=number.end)
    return after is not None and after.group(1).lower() in _PRONOUN_AFTER


def _plural_noun_after(text: str, pos: int, lex: object, nouns: object, suffix: str) -> bool:
    """ "5m people": a money-only scale letter before a plural noun is a scale."""
    if suffix not in ("m",):
        return False
    w = regex.match(r"[\x20\u00a0]++([^\W\d_]++)", text, pos=pos)
    if w is None:
        return False
    reader = noun_reader()
    return reader.is_plural(w.group(1)) and lexicon().lookup(w.group(1)) is None


def _currency_expr(sense: Sense, options: Options) -> str:
    if sense.expr == "$":
        return options.dollar
    if sense.expr.startswith("$_"):
        return f"{options.dollar}{sense.expr[1:]}"
    return sense.expr


def _unit_after(text: str, pos: int, number: Number, money: bool, options: Options) -> tuple[Sense, int, int] | None:
    """The unit written after a number, its ambiguity rule applied: (sense, start, end)."""
    lex = lexicon()
    p = pos
    bracket = _OPEN_BRACKET.match(text, p)
    u: UnitMatch | None = None
    if bracket is not None and bracket.group(1):
        inner = lex.unit_at(text, bracket.end())
        close = _CLOSE[bracket.group(1)]
        if inner is not None:
            c = regex.match(rf"[\x20\u00a0]*+{regex.escape(close)}", text, pos=inner.end)
            if c is not None:
                return _apply_rule(inner.sense, text, pos, inner, number, money, options, c.end())
    hy = _HYPHEN.match(text, p)
    if hy is not None:
        u = lex.unit_at(text, hy.end())
        if u is None or u.start != hy.end():
            return None
    else:
        if p < len(text) and text[p] == "\n":
            return None
        u = lex.unit_at(text, p)
    if u is None or regex.match(r"-?\d", text[u.end:u.end + 2]):
        return None  # "L-202", "m212": a code, not a unit
    return _apply_rule(u.sense, text, pos, u, number, money, options, u.end)


def _apply_rule(
    sense: Sense, text: str, pos: int, u: UnitMatch, number: Number, money: bool, options: Options, end: int
) -> tuple[Sense, int, int] | None:
    rule = sense.rule
    attached = u.start == pos
    if sense.expr == "ton":
        sense = replace(sense, expr=options.ton)
    elif sense.expr == "gallon":
        sense = replace(sense, expr=options.gallon)
    if rule is None:
        return sense, u.start, end
    lex = lexicon()
    if rule == "money-scale":  # m, b, B: metre/bit/byte unless money
        if money:
            return None
        return sense, u.start, end
    if rule == "attached-scale":  # K, k
        if attached:
            return None
        return (sense, u.start, end) if u.form == "K" else None
    if rule == "money-word":  # pound(s): GBP after a scale word
        before = text[max(0, pos - 12):pos].lower()
        if money:
            return None
        if regex.search(r"(?:million|billion|thousand|trillion|bn|mn|m)\s*+\Z", before) or regex.match(
            r"(?i)[\x20\u00a0]++sterling", text, pos=end
        ):
            return Sense("GBP", currency=True), u.start, end
        return replace(sense, rule=None), u.start, end
    if rule == "degree-scale":  # bare °: an angle in pint's terms
        return replace(sense, rule=None), u.start, end
    if rule == "scale-letter":
        return (sense, u.start, end) if attached else None
    if rule == "inch-context":
        # "5 ft 2 in": an inch only right after a measurement in feet
        feet = regex.search(r"\d[\x20\u00a0]*+(?:ft|feet|foot|′|')\.?[\x20\u00a0]++\Z", text, pos=max(0, number.start - 24), endpos=number.start)
        return (replace(sense, rule=None), u.start, end) if feet else None
    if rule == "inch-quote":
        if money:
            return None
        return sense, u.start, end
    return replace(sense, rule=None), u.start, end
    del lex


def _rate_after(text: str, pos: int, options: Options) -> tuple[str, int] | None:
    """ "per hour", "/h", "a barrel", "-a-share", "of jet fuel a year": (denominator, end)."""
    lex = lexicon()
    p = pos
    skip = _OF_SKIP.match(text, p)
    for start in ((p,) if skip is None else (p, skip.end() - 1)):
        m = _PER.match(text, start)
        if m is None:
            continue
        word = (m.group(1) or "/").lower()
        u = lex.unit_at(text, m.end())
        if u is None or u.start != m.end() and word == "/":
            continue
        if u.sense.currency:
            continue
        if word in ("a", "an", "each", "every") and _NOT_RATE.match(text, u.end):
            continue
        if u.sense.rule in ("money-scale", "attached-scale", "inch-context"):
            continue
        expr = u.sense.expr
        if expr == "ton":
            expr = options.ton
        elif expr == "gallon":
            expr = options.gallon
        return expr, u.end
    return None


def _minor_after(text: str, pos: int, unit: str, value: Fraction, options: Options) -> tuple[Fraction, int] | None:
    """ "15 dollars 50", "3 dollars 50 cents", "thirteen dollars and forty-five cents", "one
    kuai and five mao five": smaller units after a whole amount, added to it. A number with no
    unit of its own after the amount counts hundredths."""
    if value.denominator != 1:
        return None
    reader = number_reader()
    lex = lexicon()
    total, end, merged = value, pos, False
    while True:
        m = _AND.match(text, end)
        if m is None or reader.TRIGGER.match(text, m.end()) is None:
            break
        num = reader.number_at(text, m.end())
        if num is None or not num.is_integer or not (0 < num.value < 100) or num.form not in ("digits", "words"):
            break
        if num.form == "digits" and num.end - num.start > 2:
            break
        after = lex.unit_at(text, num.end)
        if after is not None:
            expr = _currency_expr(after.sense, options)
            if not (after.sense.currency and expr.startswith(unit + "_")):
                break
            total += num.value * registry.conversion(expr).scale
            end = after.end
        else:
            nxt = regex.match(r"[\x20\u00a0]*+([^\W\d_]++)", text, pos=num.end)
            if nxt is not None and nxt.group(1).lower() not in ("more", "and", "or", "is", "was", "in", "for", "to"):
                break
            total += num.value / 100
            end = num.end
        merged = True
    return (total, end) if merged else None
