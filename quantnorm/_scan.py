"""The scan: one left-to-right pass over a text, calling each stage where a number starts.

In: a text and the parser's options. Out: ``Draft`` mentions in text order, not overlapping:
each with its span, stated value(s), unit expression (quantnorm's, for pint), counted noun,
bound, tolerance and change, but no pint objects yet (``mentions`` builds those).

Around one number, in this order (each rule lives in the stage's module and data file):
  1. numbers: ``TRIGGER`` finds where a number may start; the number is read, with a scale
     suffix ("5bn") when the context allows it;
  2. filters: identifiers glued to letters ("G7", "COVID-19"), window patterns (times, dates,
     phone numbers);
  3. units: a currency before the number, a unit after it (ambiguity rules applied here, where
     the context is known), a rate ("per hour", "a share"), an age ("29 years old");
  4. nouns: the counted noun when there is no unit;
  5. filters again, now that the unit is known: years, labels, names, models;
  6. qualifiers: a range ("between 5 and 10", "5-10 km"), a tolerance ("± 0.2"), a bound
     before or after ("more than", "or more"), a change ("rose 2.1%");
  7. money: smaller units after a whole amount ("15 dollars 50").
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import NamedTuple

import regex

from . import registry
from ._patterns import SPACE as _S0
from ._patterns import SPACES as _S
from ._patterns import Match, Near, Words, compile, near, next_token, words_before
from .filters import filters
from .nouns import reader as noun_reader
from .numbers import Number
from .numbers import reader as number_reader
from .qualifiers import Bound, Qualifier
from .qualifiers import tables as qualifier_tables
from .units import Sense, UnitMatch, context_words, lexicon, words_near

__all__ = ["Draft", "Options", "fold", "scan"]

_SPACE = " \u00a0\t"
_ONE = Fraction(1)
_AGE_AFTER = near(  # "29 years old", "95 years of age", "a 15-year-old", "3 year olds"
    rf"(?i)(?:{_S0}-{_S0}|{_S})olds?(?![\w])|{_S}of{_S}age(?![\w])", first="oO-"
)
_AGE_SHORT = near(rf"(?i){_S0}(?:yo|y/o|y\.o\.|yrs?\.?{_S0}old)(?![\w])", first="yY")
_AGE_BEFORE = compile(rf"(?i)(?<![\w])(?:aged?|ages){_S}\Z")
_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute"})
_PER = near(
    rf"(?i){_S0}(?:(?:-{_S0})?(per|a|an|each|every)(?:{_S0}-{_S0}|{_S})"
    rf"|/{_S0})",
    first="pPaAeE/-",
)
_NOT_RATE = near(
    rf"(?i){_S}(?:earlier|ago|later|before|after|prior|back|previously|from|since|on|in|into|to|of)(?![\w])"
)
_OF_SKIP = near(  # "gallons of jet fuel a year"
    rf"(?i){_S}of{_S}(?:[a-z]++{_S}){{1,3}}?(?=(?:a|an|per|each|every)[\x20\u00a0])", first="oO"
)
_HYPHEN = near(r"[\x20\u00a0]?-[\x20\u00a0]?(?=[^\W\d_])")
_OPEN_BRACKET = near(rf"{_S0}([(\[{{<]){_S0}")
_BRACKETS = ("(", "[", "{", "<")
_CLOSE = {o: near(rf"{_S0}{regex.escape(c)}") for o, c in zip("([{<", ")]}>", strict=True)}
_TOLERANCE_OPEN = near(rf"{_S0}\({_S0}", first="(")
_OPEN_BEFORE = compile(r"\([\x20\u00a0]*+\Z")
_MULTIPLIER = near(rf"(?i)(?:{_S}times|{_S0}-?fold)(?![\w])", first="tTfF-")
_AND = near(rf"(?i){_S}(?:and{_S})?")
_FEET_BEFORE = compile(rf"\d{_S0}(?:ft|feet|foot|′|')\.?{_S}\Z")
_SCALE_AFTER_CODE = near(rf"(?i){_S}(thousand|million|billion|trillion|bn|mn|m)(?![\w])", first="tmbTMB")
_PRONOUN_BEFORE = frozenset({"no", "any", "some", "every", "each", "the", "this", "that", "which", "no-"})
_PRONOUN_AFTER = frozenset({
    "can", "could", "should", "would", "will", "must", "may", "might", "shall", "is", "was", "has",
    "does", "did", "needs", "another", "wonders", "knows", "thinks", "gets",
})
_SCALE_BEFORE = compile(rf"(?i)(?:million|billion|thousand|trillion|bn|mn|m){_S0}\Z")
_OF = near(rf"(?i){_S}of(?![\w])", first="oO")
_OF_ARTICLE = near(rf"(?i){_S}(?:of{_S})?an?{_S}", first="oOaA")
_SIGN_BEFORE_DIGITS = near(r"[^\d\s]{1,4}[\x20\u00a0]?(?=\d)")
_NEXT_WORD = near(rf"{_S}([^\W\d_]++)")
_WORD_NEXT = near(rf"{_S0}([^\W\d_]++)")
_NEXT_LOWER_WORD = near(rf"{_S}([a-z]++)(?![\w\-])")
_NEXT_TOKEN = near(rf"{_S}([\w'’]++)")
_LETTERS = near(r"[^\W\d_]++")
_CODE_AFTER = near(r"-\d")
_STERLING = near(rf"(?i){_S}sterling", first="sS")
_TOKEN_REST = near(r"[\w\-./]*+")
_DIGIT_RUN = compile(r"\d[\d,.'’\u00a0\u2009\u202f\x20]*+")
_ARTICLE = compile(r"(?i)\ban?[\x20\u00a0\t\n]++\Z")
_NUMBER_NEXT = near(rf"{_S0}[\d.]")
# The tokens (``next_token``) that the patterns above can start with, after blanks: where
# another token follows, the pattern is not run.
_AGE_AFTER_FIRST = frozenset({"-", "old", "olds", "of"})
_AGE_SHORT_FIRST = frozenset({"yo", "y", "yr", "yrs"})
_MULTIPLIER_FIRST = frozenset({"times", "fold", "-"})
_RATE_FIRST = frozenset({"per", "a", "an", "each", "every", "/", "-", "of"})
_SHARED_MAX = 6  # how many numbers after the first a unit written once may reach
_NOT_MINOR_FOLLOWERS = frozenset({"more", "and", "or", "is", "was", "in", "for", "to"})


@dataclass(frozen=True)
class Options:
    """How the parser reads ambiguous text and what intervals it gives (see ``Parser``)."""

    dollar: str = "USD"
    ton: str = "metric_ton"
    gallon: str = "gallon"
    temperature: str | None = None  # the scale of a degree that its context makes a temperature
    approx: Fraction | None = None  # relative tolerance for "about"; None: half a last digit
    widen_exact: bool = False


@dataclass(slots=True)
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


class _Single(NamedTuple):
    """One number with its currency, scale, unit or noun: a whole mention or half a range."""

    number: Number
    start: int
    end: int
    unit: str | None = None
    currency: bool = False
    noun: str | None = None
    age: bool = False
    post_bound: Qualifier | None = None  # "50 or more people", "10,000+ fans"

    @property
    def number_end(self) -> int:
        """Where the number and anything glued to it end, for joining a range or tolerance."""
        return self.number.end if self.unit is None and self.noun is None else self.end


def scan(text: str, options: Options) -> Iterator[Draft]:
    """Every quantity mention of ``text`` as a Draft, in order, not overlapping. A generator:
    each draft can be built and dropped before the next is read (on a long text, a list of
    them all would make Python's collector go over them again and again). The drafts' spans
    are the text's; what they were read from is ``fold(text)``."""
    text = fold(text)
    reader = number_reader()
    digits = reader.DIGIT_TRIGGER.search
    lowered = text.lower()  # number words are looked for in it, when its offsets are the text's
    # (a case-sensitive search, twice as quick as a case-insensitive one); in an ASCII text,
    # by the character before each (a blank put before the text stands before the first):
    # the match's group ``shift`` is the word, which starts ``shift`` later in ``word_text``
    words: Callable[[str, int], Match | None]
    if len(lowered) != len(text):  # "İ" lowers to two characters: the offsets would move
        words, word_text, shift = reader.WORD_TRIGGER_ANYCASE.search, text, 0
    elif lowered.isascii():
        words, word_text, shift = reader.WORD_TRIGGER_ASCII.search, " " + lowered, 1
    else:
        words, word_text, shift = reader.WORD_TRIGGER.search, lowered, 0
    floor = 0  # where the last mention ends
    money: str | None = None  # the currency of the last mention, when it is an amount of money
    pos = 0
    next_digit, next_word = digits(text, 0), words(word_text, 0)  # the next start of each kind
    while next_digit is not None or next_word is not None:
        if next_digit is not None and next_digit.start() < pos:
            next_digit = digits(text, pos)
        if next_word is not None and next_word.start(shift) - shift < pos:
            next_word = words(word_text, pos)
        if next_word is None or (next_digit is not None and next_digit.start() <= next_word.start(shift) - shift):
            if next_digit is None:
                break
            s = next_digit.start()
        else:
            s = _article_before(text, next_word.start(shift) - shift, next_word.group(shift), pos, reader.after_article)
        draft, resume = _read(text, s, floor, options, money)
        if draft is not None:
            yield draft
            floor = draft.end
            money = draft.unit if draft.currency and draft.unit.isalpha() else None  # "USD"; not "USD / barrel"
            pos = max(draft.end, s + 1)
        else:
            pos = max(resume, s + 1)


class _Folding(dict[int, int | str]):
    """``str.translate`` table of ``fold``, filled in as characters are met."""

    def __missing__(self, cp: int) -> int | str:
        ch = chr(cp)
        out: int | str = cp
        if ch.isdecimal() and not ch.isascii():
            out = str(unicodedata.decimal(ch))  # "١٢", "１２", "𝟏𝟐": the digits 0-9
        elif 0xFF01 <= cp <= 0xFF5E:
            out = cp - 0xFEE0  # fullwidth forms: "５ｋｍ", "３％", "１，０００"
        elif ch in _ARABIC_MARKS:
            out = _ARABIC_MARKS[ch]
        elif ch in "\r\x0b\x0c":
            out = " "  # "\r\n" becomes " \n": a line break
        elif unicodedata.category(ch) == "Zs" and ch != " ":
            out = "\u00a0"  # thin, narrow, figure, em... spaces: a no-break space
        self[cp] = out
        return out


_ARABIC_MARKS = {"\u066b": ".", "\u066c": ","}  # Arabic decimal and thousands separators
_FOLDING = _Folding()
# one character class first (a digit of any script, then not an ASCII one): `re` skips to its
# characters quickly, where an alternation is tried at every character
_TO_FOLD = compile(r"[\r\x0b\x0c\u066b\u066c\u1680\u2000-\u200a\u202f\u205f\u3000\uff01-\uff5e\d](?<![0-9])")


def fold(text: str) -> str:
    """``text`` with the characters that the patterns read in one form replaced, one for one
    (so offsets stay the text's): digits of every script by 0-9, fullwidth forms by ASCII,
    Unicode spaces by a no-break space, carriage returns by a space. Most texts need nothing;
    a quick search says so."""
    if text.isascii():
        return text.translate(_FOLDING) if "\r" in text or "\x0b" in text or "\x0c" in text else text
    return text.translate(_FOLDING) if _TO_FOLD.search(text) else text


def _article_before(text: str, s: int, word: str, floor: int, after_article: set[str]) -> int:
    """Where a number word ``word`` at ``s`` starts its number: at "a" or "an" before a word
    that needs it ("a million", "an eighth"), else at the word."""
    if word.lower() in after_article:
        article = _ARTICLE.search(text, max(floor, s - 4), s)
        if article is not None:
            return article.start()
    return s


# ---------------------------------------------------------------------------- one mention
def _read(
    text: str, s: int, floor: int, options: Options, money: str | None = None
) -> tuple[Draft | None, int]:
    """Read the mention whose number starts at ``s``: (draft or None, where to go on).
    ``money``: the currency of the mention that ends at ``floor``, if it is money (a bare
    scaled amount after "up from" takes it: data/qualifiers.txt [currency-carry])."""
    if text[s] in "+-−" and not _sign_ok(text, s):
        return None, s + 1
    if text[s] == "." and s and text[s - 1].isalnum():
        return None, s + 1  # "Rs.500", "v.2": the dot ends a word, the number starts after it
    reader = number_reader()
    number = reader.number_at(text, s)
    if number is None:  # a run of digits too long to be a number, a power of ten out of
        # range ("5×10^9999"): skip it all
        ends = [m.end() for m in (reader.DIGITS.match(text, s), _DIGIT_RUN.match(text, s)) if m is not None]
        return None, max(ends, default=s + 1)
    words = words_before(text, s)  # read once: currency, filters and qualifiers look at them
    cur = lexicon().currency_before(text, s, words)
    if cur is not None and cur.start < floor:
        cur = None
    if cur is None and _glued_to_letters(text, s, number) and not (s - 1 == floor and text[floor] == "/"):
        return None, _skip_token(text, number.end)  # "G7", "COVID-19", "A320", "v2.1"; not "5°C/41°F"
    # a vague amount ("1,000s of people") is no decade: the number stage read it as one
    pattern = None if number.form == "vague" else filters().pattern_reason(text, number.start, number.end)
    if pattern is not None:
        return None, pattern[1]  # times, dates, phone numbers...
    carried = cur is None and money is not None and qualifier_tables().carries_currency(text, floor, s)
    first = _single(text, number, cur, options, money=carried, words=words)
    if not isinstance(first, _Single):
        return None, first if isinstance(first, int) else _skip_token(text, number.end)
    if carried and first.unit is None and first.noun is None and first.number.scale != 1:
        first = first._replace(unit=money, currency=True)  # "$3bn, up from 2.5bn"

    quals = qualifier_tables()
    number = first.number  # with its scale ("5bn", "MUSD 30")
    post = first.post_bound
    d = Draft(  # by position (keywords cost twice as much, once per number): the fields in order
        first.start, first.end, number.low, number.high, number.is_range, number.precision, first.unit or "",
        first.noun, post.bound if post else Bound.EQ, post.near if post else False, None, None, first.age,
        first.currency,
    )
    if d.start != s:
        words = words_before(text, d.start)
    opener = quals.range_opener(text, d.start, words)
    if opener is not None and opener[0] < floor:
        opener = None
    if not number.is_range:
        resume = _range(text, first, d, opener, options, words)
        if resume is not None:
            return None, resume  # a score ("won 3-1")
    if not (d.is_range or d.unit or d.noun or number.form in ("vague", "ratio")):
        shared = _shared_unit(text, first.number_end, quals.LIST_JOIN, options)  # "10, 20 and 30 km"
        if shared is not None:
            d.unit, d.currency, d.age = shared.unit or "", shared.currency, shared.age
    if not d.is_range:
        _tolerance(text, first, d, options, floor)
    during = _bounds(text, d, floor, opener, words)
    if not during:
        d.change = quals.change_before(text, d.start, words)
    if d.change is None and d.unit:
        d.change = quals.change_after(text, d.end)
    if d.currency and not d.is_range and d.bound == Bound.EQ and "/" not in d.unit:
        merged = _minor_after(text, d.end, d.unit, d.low, options)
        if merged is not None:
            d.low, d.end = merged
            d.high = d.low
            d.precision = Fraction(1, 100)
    if d.is_range and d.bound == Bound.EQ:
        d.bound = Bound.RANGE  # "thousands of", "5-10 km"
    d.high = d.high if d.is_range else d.low
    d.unit = d.unit or ("count" if d.noun else "dimensionless")
    if d.end < len(text) and text[d.end] >= "\u0300":
        d.end = _past_marks(text, d.end)  # "5 km\u0301": a span never cuts a combining mark
    return d, d.end


def _past_marks(text: str, pos: int) -> int:
    """The end of the combining marks (Unicode categories Mn, Mc, Me) at ``pos``."""
    while pos < len(text) and unicodedata.category(text[pos])[0] == "M":
        pos += 1
    return pos


def _range(
    text: str, first: _Single, d: Draft, opener: tuple[int, str] | None, options: Options, words: Words
) -> int | None:
    """Extend ``d`` to a range "A-B", "A to B", "between A and B" when a second number follows.
    Returns where to resume when the pair is a score instead ("won 3-1"), else None.
    ``words``: the words before ``d.start``."""
    quals = qualifier_tables()
    after_first = first.end if (first.unit or first.noun or first.currency) else first.number_end
    if opener is not None:
        closer = _closer(opener[1])
        join = closer.match(text, after_first)
        if join is None and first.number.end < first.end:
            join = closer.match(text, first.number.end)
    else:
        join = quals.JOIN.match(text, after_first) if next_token(text, after_first) in quals.follow_first else None
    if join is None:
        return None
    joiner = join.group(0).strip().lower()
    if opener is None and joiner == "to" and not _range_after_change(text, first, d, words):
        return None  # "rose by 12 to 42", "rose 5% to 3.2 million": a change, then the new level
    reader, lex = number_reader(), lexicon()
    b_pos = join.end()
    b_cur = lex.currency_before(text, b_pos) if first.currency else None
    if b_cur is None and first.currency:
        # "$5m-$10m": the currency sign again before the second number
        sign = _SIGN_BEFORE_DIGITS.match(text, b_pos)
        if sign is not None:
            b_cur = lex.currency_before(text, sign.end())
            if b_cur is not None and b_cur.start == b_pos:
                b_pos = sign.end()
            else:
                b_cur = None
    if reader.TRIGGER.match(text, b_pos) is None:
        return None
    b_num = reader.number_at(text, b_pos)
    if b_num is None or b_num.is_range or b_num.form == "ratio":
        return None
    dash = joiner in ("-", "–", "—")
    bare = not (first.unit or first.noun or first.currency)
    if bare:
        clock = filters().time_or_date_end(text, b_num)
        if clock is not None:
            return clock  # "from 7 to 10 p.m.", "between 1 and 3 May": a time or a date
    if dash and bare and first.number.is_integer and b_num.is_integer:
        if first.number.value == b_num.value:
            return b_num.end  # "a 50-50 chance", "a 1-1 draw"
        small = abs(first.number.value) < 100 and abs(b_num.value) < 100
        if small and filters().is_score(text, first.number.start, b_num.end):
            return b_num.end
    second = _single(text, b_num, b_cur, options, in_range=True, money=first.currency)
    if not isinstance(second, _Single):
        return None
    low: Fraction = first.number.low
    high: Fraction = second.number.value
    low_precision = first.number.precision
    if first.number.scale == 1 and second.number.scale > 1 and low * second.number.scale <= high:
        low *= second.number.scale  # "5-10 million", "$5-10m": the first end takes the scale
        low_precision = None if low_precision is None else low_precision * second.number.scale
    high_precision = second.number.precision
    if high < low < 0:  # "-5 to -10 °C": written from the warmer end
        low, high, low_precision, high_precision = high, low, high_precision, low_precision
    ok = high > low or (opener is not None and high >= low)
    if second.unit is not None and first.unit is not None and second.unit != first.unit:
        ok = False
    if second.noun is not None and first.noun is not None and second.noun != first.noun:
        ok = False
    if second.unit is not None and first.unit is None and first.noun is not None:
        ok = False
    if opener is not None and opener[1] == "to" and quals.change_before(text, opener[0]):
        ok = False  # "rose from 5% to 7%": the old and the new level, not a range
    if not ok:
        return None
    d.low, d.high, d.is_range, d.end = low, high, True, second.end
    d.precision, d.high_precision = low_precision, high_precision
    if not d.unit and second.unit is not None:
        d.unit, d.currency = second.unit, second.currency
    d.noun = d.noun or second.noun
    d.age = d.age or second.age
    if opener is not None:
        d.start = opener[0]
    d.bound = Bound.RANGE
    return None


def _range_after_change(text: str, first: _Single, d: Draft, words: Words) -> bool:
    """Whether "A to B" may be a range where a change word may stand before A: yes with no
    change word; after one, only when A has no unit of its own ("rose 5 to 10 percent"),
    and never after "by" ("rose by 12 to 42": a change of 12, to a level of 42)."""
    if qualifier_tables().change_before(text, d.start, words) is None:
        return True
    return words.last != "by" and not (first.unit or first.noun or first.currency)


@functools.lru_cache(maxsize=16)
def _closer(word: str) -> Near:
    """The word that closes a range its opener started: " and " for "between"."""
    return near(rf"(?i){_S}{regex.escape(word)}{_S}")


def _tolerance(text: str, first: _Single, d: Draft, options: Options, floor: int = 0) -> None:
    """ "5 ± 0.2 mm", "5 mm +/- 0.2 mm": an approximate value with a stated width; in
    brackets, with the unit after them: "(5 ± 0.2) mm", "10 (±2) km"."""
    quals = qualifier_tables()
    at = first.number.end if first.unit else first.number_end
    t = quals.TOLERANCE.match(text, at) if next_token(text, at) in quals.follow_first else None
    if t is None and first.unit and next_token(text, first.end) in quals.follow_first:
        t = quals.TOLERANCE.match(text, first.end)
    opened = None  # "10 (±2) km": the width alone in brackets
    if t is None and not first.unit and "(" in text[first.number_end:first.number_end + 3]:
        opened = _TOLERANCE_OPEN.match(text, first.number_end)
        if opened is not None:
            t = quals.TOLERANCE.match(text, opened.end())
    if t is None:
        return
    number = number_reader().number_at(text, t.end())
    if number is None or number.is_range or number.value <= 0:
        return
    width = _single(text, number, None, options, in_range=True)
    if not isinstance(width, _Single) or (width.unit and d.unit and width.unit != d.unit):
        return
    start, end = d.start, max(d.end, width.end)
    if opened is not None or (not d.unit and not width.unit):
        # "10 (±2) km", "(5 ± 0.2) mm": the bracket closes, the unit may follow it
        before = _OPEN_BEFORE.search(text, max(floor, d.start - 4), d.start) if opened is None else None
        close = _CLOSE["("].match(text, width.end) if opened is not None or before is not None else None
        if close is None and opened is not None:
            return
        if close is not None:
            start, end = (d.start if before is None else before.start()), close.end()
            after = None if d.unit or width.unit else _unit_after(text, end, first.number, False, options)
            if after is not None and not after[0].currency and not after[0].per_only:
                d.unit, end = after[0].expr, after[1]
            elif before is not None:
                start, end = d.start, max(d.end, width.end)  # "(5 ± 0.2)": the brackets stay out
    d.tolerance = number.value
    d.unit = d.unit or width.unit or ""
    d.start, d.end = start, end
    d.bound = Bound.APPROX


def _bounds(text: str, d: Draft, floor: int, opener: tuple[int, str] | None, words: Words | None) -> bool:
    """A bound phrase before ("more than") or after ("or more") the mention. ``words``: words
    read already, which serve where they are the words before ``d.start``. True when the
    phrase before says when rather than how much ("built over 18 months"): then it is no
    bound, and nothing before it qualifies the mention."""
    quals = qualifier_tables()
    if d.bound == Bound.EQ:
        q = quals.bound_before(text, d.start, words)
        if q is not None and q.start >= floor:
            if q.bound is Bound.GT and quals.during(text, q, floor) and _span_of_time(d):
                return True
            d.bound, d.near, d.start = q.bound, q.near, q.start
            return False
        q = quals.bound_after(text, d.end)
        if q is not None:
            d.bound, d.near, d.end = q.bound, q.near, q.end
    elif d.bound == Bound.RANGE and opener is None:
        q = quals.bound_before(text, d.start, words)
        if q is not None and q.bound == Bound.APPROX and q.start >= floor:
            d.start, d.near = q.start, True  # "about 40-50 years": each end approximate
    return False


def _span_of_time(d: Draft) -> bool:
    """A mention in a unit of time ("18 months") or counting a span of time ("three weekends")."""
    if d.noun is not None:
        return d.noun in qualifier_tables().time_nouns
    return bool(d.unit) and "/" not in d.unit and registry.conversion(d.unit).canonical == "second"


# ---------------------------------------------------------------------------- one number
def _single(
    text: str,
    number: Number,
    cur: UnitMatch | None,
    options: Options,
    in_range: bool = False,
    money: bool = False,
    words: Words | None = None,
) -> _Single | int | None:
    """A number with its currency, scale suffix, unit, rate, age and counted noun. None
    when it is not a quantity; an int (where to resume) to step over a whole token.
    ``money``: the number is the second end of a range of money ("$5-10m"); ``words``: the
    words before the number, if read."""
    start = cur.start if cur is not None else number.start
    unit: str | None = None
    currency = False
    scale = _ONE
    money = money or cur is not None
    if cur is not None:
        unit, currency, scale = _currency_expr(cur.sense, options), True, cur.sense.scale
    number = _scale_suffix(text, number, money=money)
    end = number.end
    found = _unit_after(text, end, number, money, options)
    # a capital letter glued to the digits may be a unit ("30C") or part of a code
    # ("Seat 14C", "221B Baker Street"): the label and address rules still apply
    weak = found is not None and found[1] == end + 1 and text[end].isupper()
    if found is None and number.form == "vague":  # "billions of dollars", "thousands of tonnes"
        of = _OF.match(text, end)
        if of is not None:
            found = _unit_after(text, of.end(), number, money, options)
    elif found is None and number.form == "fraction" and text[number.start].isalpha():
        article = _OF_ARTICLE.match(text, end)  # "half an hour", "a quarter of a mile"
        if article is not None:
            found = _unit_after(text, article.end(), number, money, options)
    if found is not None:
        sense, u_end = found
        if sense.currency:
            if not currency:
                unit, currency, end, scale = _currency_expr(sense, options), True, u_end, sense.scale
                more = _SCALE_AFTER_CODE.match(text, end)  # "75 USD million"
                if more is not None and more.group(1).lower() in number_reader().scales:
                    scale *= number_reader().scales[more.group(1).lower()]
                    end = more.end()
            elif _same_currency(sense, unit, options) and not _NUMBER_NEXT.match(text, u_end):
                end = u_end  # "$10 dollars": the currency written twice ("$ 20 $ 37": the next amount's)
        elif not currency and not sense.per_only:
            unit, end = sense.expr, u_end
    if scale is not _ONE and scale != 1:
        number = number.scaled(scale, number.end)
    glued = end == number.end and end < len(text) and text[end].isalpha()
    if glued:
        nxt = text[end + 1:end + 2]  # "1.5x"; "3x4x5 m" (a dimension: digits after the x)
        times = text[end] in "x×"
        shared = _dimension(text, number, end, options) if times and nxt.isdigit() and not in_range else None
        if shared is not None:  # "2x3m"
            unit, currency = shared.unit, shared.currency
        elif not (times and (not nxt.isalnum() or (in_range and nxt.isdigit()))):
            return _skip_token(text, end)  # digits glued to letters: "5G", "22nd", "24703m212"
    if unit is not None:
        rate = _rate_after(text, end, options)
        if rate is not None:
            unit = f"{unit} / {rate[0]}" if " " not in rate[0] else f"{unit} / ({rate[0]})"
            end = rate[1]
    age = False
    if unit is None or unit in _TIME_UNITS:
        age_end = _age_after(text, start, end, number, unit)
        if age_end is not None:
            unit, age, end = unit or "year", True, age_end
    noun: str | None = None
    post: Qualifier | None = None
    if unit is None and number.form in ("words", "mixed"):
        reader = number_reader()
        ordinal = reader.ORDINAL_AFTER.match(text, end) if next_token(text, end) in reader.ordinal_first else None
        if ordinal is not None:
            return ordinal.end()  # "twenty-first century": an ordinal
    if unit is None and text.startswith("-", end) and text[end + 1:end + 2].isupper():
        return _skip_token(text, end)  # "7-Eleven": a name
    if unit is None:
        mult = _MULTIPLIER.match(text, end) if next_token(text, end) in _MULTIPLIER_FIRST else None
        if mult is not None:
            unit, end = "dimensionless", mult.end()  # "1.5 times"
    if unit is None:
        noun_at = end
        if not in_range:  # "50 or more people", "10,000+ fans": the bound sits before the noun
            post = qualifier_tables().bound_after(text, end)
            if post is not None:
                noun_at = post.end
        found_noun = _noun_after(text, number, noun_at, in_range)
        if found_noun is not None:
            noun, end = found_noun
            if noun in noun_reader().dimensionless:  # "a 7.8-magnitude quake": a value, no count
                unit, noun = "dimensionless", None
        else:
            post = None
    bare = unit is None and noun is None
    if bare and not in_range:
        shared = _dimension(text, number, end, options)  # "5 x 10 m", "a 5-by-10-metre room"
        if shared is not None:
            unit, currency, bare = shared.unit, shared.currency, False
    if bare and not in_range and _model_number(text, number):
        return None
    physical = unit is not None and unit != "dimensionless" and not age and not weak
    if filters().context_reason(text, number, bare or weak, physical, noun is not None, words) is not None:
        return None
    if bare and not in_range:
        if number.form == "slash" and _denominator(text, number) not in number_reader().slash_denominators:
            return None  # "9/11", "24/7"
        if number.form == "words" and text[number.start:number.end].lower() == "one" and _pronoun(text, number):
            return None  # "no one", "one can"
    if number.form == "ratio" and unit is None:
        unit, noun = "dimensionless", None  # "one in five adults": a proportion (0.2), not a count
    return _Single(number, start, end, unit, currency, noun, age, post)


def _dimension(text: str, number: Number, end: int, options: Options) -> _Single | None:
    """The last number of "A x B (x C) unit", "A by B unit" after a bare number: its unit is
    the number's too. Not for a lone 0 ("0x1F"), nor for vague amounts and ratios."""
    if number.form in ("vague", "ratio") or text[number.start:end] == "0":
        return None
    return _shared_unit(text, end, qualifier_tables().DIMENSION_JOIN, options)


def _shared_unit(text: str, pos: int, join: Near, options: Options) -> _Single | None:
    """The last number of a chain of bare numbers joined by ``join`` after ``pos``, when it
    has a unit, which the numbers before it share ("5 x 10 m", "10, 20 and 30 km"); else
    None (a counted noun, a date, a number that is no quantity, or a unit followed by a word
    of [shared-unit-stop] such as "relay"). At most a few numbers are read, so that every
    number of a long list costs the same."""
    j = join.match(text, pos)  # most numbers are followed by no joiner: no more work
    if j is None:
        return None
    reader = number_reader()
    for _ in range(_SHARED_MAX):
        if j is None or reader.TRIGGER.match(text, j.end()) is None:
            return None
        num = reader.number_at(text, j.end())
        if num is None or num.is_range or num.form in ("vague", "ratio"):
            return None
        if filters().pattern_reason(text, num.start, num.end) is not None:
            return None  # a time, a date
        item = _single(text, num, None, options, in_range=True)
        if not isinstance(item, _Single) or item.noun is not None or item.unit == "dimensionless":
            return None
        if item.unit is not None:
            return None if qualifier_tables().STOP_AFTER_SHARED.match(text, item.end) else item
        j = join.match(text, item.number_end)
    return None


def _scale_suffix(text: str, number: Number, money: bool) -> Number:
    """ "5bn", "$3.2m", "10k", "1.8M dollars", "5m people": a scale abbreviation after digits."""
    if number.form not in ("digits", "mixed") or number.is_range:
        return number
    reader = number_reader()
    suffix = reader.suffix_at(text, number.end, money=True)
    if suffix is None:
        return number
    factor, s_end = suffix
    if not money and reader.suffix_at(text, number.end, money=False) is None:
        follows = lexicon().unit_at(text, s_end)
        money = follows is not None and follows.sense.currency  # "5m euros"
        letter = text[number.end:s_end].strip()
        if not money and not (
            _plural_noun_after(text, s_end, letter) or (letter == "m" and _unit_word(follows))
        ):
            return number
    return number.scaled(factor, s_end)


def _unit_word(u: UnitMatch | None) -> bool:
    """ "3m tonnes", "1.2m bpd": a unit written as a word of two letters or more, which no
    metre stands before (a ruled form such as "in" says nothing)."""
    if u is None or u.sense.rule is not None or len(u.form) < 2:
        return False
    letters = u.form.replace(" ", "")
    return letters.isalpha() and letters.islower()


def _plural_noun_after(text: str, pos: int, suffix: str) -> bool:
    """ "5m people": a money-only scale letter before a plural noun is a scale."""
    if suffix != "m":
        return False
    w = _NEXT_WORD.match(text, pos)
    return w is not None and noun_reader().is_plural(w.group(1)) and lexicon().lookup(w.group(1)) is None


def _age_after(text: str, start: int, end: int, number: Number, unit: str | None) -> int | None:
    """ "29 years old", "a 15-year-old", "95 years of age", "87 yo", "aged 87": the end."""
    if unit is not None:
        a = _AGE_AFTER.match(text, end) if next_token(text, end) in _AGE_AFTER_FIRST else None
        return a.end() if a else None
    short = _AGE_SHORT.match(text, end) if next_token(text, end) in _AGE_SHORT_FIRST else None
    if short is not None:
        return short.end()
    if number.is_integer and _AGE_BEFORE.search(text, max(0, start - 8), start):
        return end
    return None


def _noun_after(text: str, number: Number, end: int, in_range: bool) -> tuple[str, int] | None:
    """The counted noun after a number: (lemma, end), or None."""
    nouns = noun_reader()
    if in_range:
        head = nouns.head_after(text, end, True, False)
        return (head.lemma, head.end if head.inner is None else end) if head else None
    hy = _HYPHEN.match(text, end) if next_token(text, end) == "-" else None
    if hy is not None:  # "a 3-bedroom house", "one-time gains"
        w = _LETTERS.match(text, hy.end())
        if w is None or w.group(0).lower() in nouns.stop or w.group(0)[0].isupper():
            return None
        word = w.group(0)
        return (nouns.lemma(word) if nouns.is_plural(word) else word.lower()), w.end()
    if _fraction_of(text, number, end):
        return None  # "half of its territory": a proportion
    value = number.value  # integer comparisons: Fraction's are slow on this path
    plural = number.is_range or not 0 < abs(value.numerator) <= value.denominator
    allow_of = True  # "thousands of troops", "one of the computers", "3,000 of its troops"
    if number.form == "ratio":  # "one in five adults smokes": a plural noun, a singular verb
        plural, allow_of = True, False
    head = nouns.head_after(text, end, plural, allow_of, compound=number.form != "ratio")
    if head is None:
        return None
    return head.lemma, head.end if head.inner is None else end  # "five of the three-ton satellites": "five"


def _model_number(text: str, number: Number) -> bool:
    """ "the 8088 chip", "a 737 jet": a bare integer of three digits or more, without
    separators, before a singular noun names a model (a count above one takes a plural)."""
    surface = text[number.start:number.end]
    if not (surface.isdigit() and len(surface) >= 3):
        return False
    w = _NEXT_LOWER_WORD.match(text, number.end)
    if w is None:
        return False
    nouns = noun_reader()
    word = w.group(1)
    return word not in nouns.stop and not nouns.is_plural(word) and not word.endswith(("ed", "ing", "ly"))


def _denominator(text: str, number: Number) -> int:
    """The denominator of a slash fraction as written ("2/100": 100, not 50)."""
    return int(text[number.start:number.end].rpartition("/")[2])


def _fraction_of(text: str, number: Number, end: int) -> bool:
    """ "half of its territory", "a third of the votes": a proportion, not a count."""
    value = number.value
    if not 0 < value.numerator < value.denominator:
        return False
    return _OF.match(text, end) is not None


def _pronoun(text: str, number: Number) -> bool:
    """ "one" used as a pronoun ("no one", "one can", "one another")."""
    before = words_before(text, number.start).word()
    if before is not None and before.lower() in _PRONOUN_BEFORE:
        return True
    after = _NEXT_TOKEN.match(text, number.end)
    return after is not None and after.group(1).lower() in _PRONOUN_AFTER


# ---------------------------------------------------------------------------- units
def _currency_expr(sense: Sense, options: Options) -> str:
    """A currency sense as a registry unit: "$" is the caller's dollar, "$_cent" its cent."""
    if sense.expr == "$":
        return options.dollar
    if sense.expr.startswith("$_"):
        return f"{options.dollar}{sense.expr[1:]}"
    return sense.expr


def _same_currency(sense: Sense, unit: str | None, options: Options) -> bool:
    return sense.expr == "$" or _currency_expr(sense, options).split("_")[0] == unit


def _unit_after(text: str, pos: int, number: Number, money: bool, options: Options) -> tuple[Sense, int] | None:
    """The unit written after a number, its ambiguity rule applied: (sense, end)."""
    lex = lexicon()
    ahead = text[pos:pos + 3].lstrip()[:1]
    bracket = _OPEN_BRACKET.match(text, pos) if ahead in _BRACKETS else None
    if bracket is not None:  # "20 (kg)", "20 [kg]"; not "Rule 4(b)", a list item
        inner = lex.unit_at(text, bracket.end())
        if inner is not None and not (bracket.end() == pos + 1 and len(inner.form) == 1):
            close = _CLOSE[bracket.group(1)].match(text, inner.end)
            if close is not None:
                return _apply_rule(inner, text, pos, number, money, options, close.end())
    hy = _HYPHEN.match(text, pos) if ahead == "-" else None
    if hy is not None:  # "a 3-inch pipe"
        u = lex.unit_at(text, hy.end())
        if u is None or u.start != hy.end():
            return None
    elif next_token(text, pos).casefold() in lex.first_tokens:
        u = lex.unit_at(text, pos)
    else:
        return None  # no unit form starts with the next word ("5 troops")
    if u is None or (len(u.form) == 1 and u.form.isupper() and _CODE_AFTER.match(text, u.end)):
        return None  # "24703 L-202": a code, not a unit
    return _apply_rule(u, text, pos, number, money, options, u.end)


def _apply_rule(
    u: UnitMatch, text: str, pos: int, number: Number, money: bool, options: Options, end: int
) -> tuple[Sense, int] | None:
    """Decide an ambiguous unit form by its rule (units.txt [ambiguous]): the sense, or None
    when the form is not a unit here."""
    sense = _optioned(u.sense, options)
    rule = sense.rule
    if rule is None:
        return sense, end
    attached = u.start == pos
    plain = _without_rule(sense)
    if rule == "money-scale":  # m, b, B: metre/bit/byte unless money
        return None if money else (plain, end)
    if rule == "attached-scale":  # K, k: a thousand when attached (read as a suffix)
        return (plain, end) if not attached and u.form == "K" else None
    if rule == "money-word":  # pound(s): GBP after a scale word, before "sterling", or among words of money
        if money:
            return None
        scaled = _SCALE_BEFORE.search(text, max(0, pos - 12), pos)
        if scaled or _STERLING.match(text, end) or _context_is(text, number.start, end, "money", "mass"):
            return Sense("GBP", currency=True), end
        return plain, end
    if rule == "pressure-context":  # mb: a millibar among words of pressure, else a megabit
        return (Sense("millibar"), end) if _context_is(text, number.start, end, "pressure") else (plain, end)
    if rule == "degree-scale":  # °, degree(s) with no scale: pint's degree, unless the caller names
        # the scale of temperatures and the sign or the words around make one ("-5°", "oven")
        if options.temperature is not None and (
            number.value < 0 or _context_is(text, number.start, end, "temperature")
        ):
            return Sense(options.temperature), end
        return plain, end
    if rule == "scale-letter":  # C, F: only glued to the digits
        return (plain, end) if attached else None
    if rule == "inch-context":  # "5 ft 2 in": an inch only right after feet
        feet = _FEET_BEFORE.search(text, max(0, number.start - 24), number.start)
        return (plain, end) if feet else None
    if rule == "inch-quote":  # a 10" pen; not a quote that opens or closes, never money
        quoted = number.start > 0 and text[number.start - 1] in "\"“"  # "40" as a quoted word
        opening = text[end:end + 1].isalnum()  # 40 "fighters": a quote opens
        return None if money or quoted or opening else (plain, end)
    return plain, end  # degree-scale, minute, tonne, ounce-fluid: the data's default reading


def _context_is(text: str, start: int, end: int, words: str, unless: str | None = None) -> bool:
    """Whether a word of the list ``words`` of data/context.txt, and none of ``unless``,
    stands in the sentence around ``text[start:end]``."""
    near_words = words_near(text, start, end)
    lists = context_words()
    return not near_words.isdisjoint(lists[words]) and (unless is None or near_words.isdisjoint(lists[unless]))


@functools.lru_cache(maxsize=256)
def _without_rule(sense: Sense) -> Sense:
    return replace(sense, rule=None)


@functools.lru_cache(maxsize=256)
def _with_expr(sense: Sense, expr: str) -> Sense:
    return replace(sense, expr=expr, rule=None)


def _optioned(sense: Sense, options: Options) -> Sense:
    """A bare "ton(s)" or "gallon(s)" is the ton or gallon of the caller's options."""
    if sense.rule == "ton-option":
        return _with_expr(sense, options.ton)
    if sense.rule == "gallon-option":  # "gallons"; "mpg": mile / gallon, the gallon replaced
        return _with_expr(sense, " ".join(options.gallon if t == "gallon" else t for t in sense.expr.split(" ")))
    return sense


def _rate_after(text: str, pos: int, options: Options) -> tuple[str, int] | None:
    """ "per hour", "/h", "a barrel", "-a-share", "of jet fuel a year": (denominator, end)."""
    lex = lexicon()
    if next_token(text, pos) not in _RATE_FIRST:
        return None
    skip = _OF_SKIP.match(text, pos)
    for start in (pos,) if skip is None else (pos, skip.end() - 1):
        m = _PER.match(text, start)
        if m is None:
            continue
        word = (m.group(1) or "/").lower()
        u = lex.unit_at(text, m.end())
        if u is None or (u.start != m.end() and word == "/") or u.sense.currency:
            continue
        if word in ("a", "an", "each", "every") and _NOT_RATE.match(text, u.end):
            continue  # "$1.17 billion a year earlier"
        if u.sense.rule in ("money-scale", "attached-scale", "inch-context", "scale-letter"):
            continue
        return _optioned(u.sense, options).expr, u.end
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
        if num is None or not num.is_integer or not 0 < num.value < 100 or num.form not in ("digits", "words"):
            break
        if num.form == "digits" and num.end - num.start > 2:
            break
        after = lex.unit_at(text, num.end)
        if after is not None:
            expr = _currency_expr(after.sense, options)
            if after.sense.expr.startswith("$_") and _has_minor(unit, after.sense.expr[2:]):
                expr = f"{unit}_{after.sense.expr[2:]}"  # "2 euros 50 cents": the euro's cents
            if not (after.sense.currency and expr.startswith(unit + "_")):
                break
            total += num.value * registry.conversion(expr).scale
            end = after.end
        else:
            nxt = _WORD_NEXT.match(text, num.end)
            if nxt is not None and nxt.group(1).lower() not in _NOT_MINOR_FOLLOWERS:
                break
            total += num.value / 100
            end = num.end
        merged = True
    return (total, end) if merged else None


def _has_minor(code: str, name: str) -> bool:
    """Whether the currency ``code`` has a minor unit called ``name`` ("EUR", "cent")."""
    currency = lexicon().currencies.get(code)
    return currency is not None and any(minor == name for minor, _ in currency.minors)


# ---------------------------------------------------------------------------- text helpers
def _sign_ok(text: str, pos: int) -> bool:
    """Whether a sign at ``pos`` belongs to the number after it ("-5", "convert - 20")."""
    if pos == 0:
        return True
    prev = text[pos - 1]
    spaced = text[pos + 1:pos + 2] in (" ", "\u00a0")
    if prev in "([{=~≈:\"'“‘":
        return not spaced
    if prev not in _SPACE:
        return False
    i = pos - 1  # back over the blanks (copying text[:pos] at each sign would be quadratic)
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0:
        return True
    return text[i].isalpha() if spaced else not text[i].isdigit()


def _glued_to_letters(text: str, s: int, number: Number) -> bool:
    """Digits right after letters belong to a name or a code: "G7", "COVID-19", "A320"."""
    if s == 0:
        return False
    prev = text[s - 1]
    if prev == "x" and s > 1 and text[s - 2].isdigit():
        return False  # "5x10 m": a dimension (a bare "4x4" was skipped whole at its first number)
    if prev.isalnum() or prev in "_@":
        return True
    if prev in "-/." and s > 1 and text[s - 2].isalnum():
        return not (prev == "-" and text[max(0, s - 4):s - 1].lower() == "-by")  # "5-by-10-metre"
    return prev == "." and number.form != "words"


def _skip_token(text: str, pos: int) -> int:
    """The end of the alphanumeric token at ``pos`` (an identifier to step over)."""
    m = _TOKEN_REST.match(text, pos)
    return m.end() if m else pos
