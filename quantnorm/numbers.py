"""Number stage: the surface of a number -> its exact value and how precisely it was stated.

In: a text and a position where a number may start (``NumberReader.TRIGGER`` finds them).
Out: a ``Number``: its span, its exact value as a ``Fraction`` (a [low, high] pair for vague
amounts such as "thousands"), its precision (the place of the last stated digit: 1000 for
"11,000", 1/10 for "380.5", None for vague amounts) and its form.

What it reads (tables in data/numbers.txt):
  digits       "50,000", "10 000", "1'000", "12,34,567.89", ".5", "-5", "−5", "1.2e6",
               "1.2 × 10^6", "1.2×10⁶", "3 1/2", "2½", "3/4"
  words        "three hundred and forty-two", "eleven thousand", "two and a half thousand",
               "half a million", "a dozen", "two-thirds", "one in five" (= 1/5)
  mixed        "3.2 million", "2 million 500 thousand", "1½ million", "1.5million"
  spoken       "zero point five", "three point two billion", "point five"
  powers       "10^6", "10⁶", "10^-3", "10⁻³" ("2^10" is arithmetic: no number)
  vague        "thousands (of)" [1000, 10000], "tens of thousands", "dozens", "several hundred",
               "100s of", "1,000s of", "10s of thousands"
Scale abbreviations after digits ("5bn", "$3.2m", "10k") are read by ``suffix_at``, because
whether "m" is a million or a metre depends on whether the amount is money (units stage).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

import regex

from . import _data
from ._patterns import SPACES, Match, alternation, compile, ending, initials, longest_first, near, next_token

__all__ = ["Number", "NumberReader", "reader"]

_ONE = Fraction(1)
_ZERO = Fraction(0)
_MAX_DIGITS = 60  # longer digit runs are codes (and Python limits int() to 4300 digits)
_MAX_EXPONENT = 308  # "1e9999" is no quantity (floats end near 1e308; JSON's ints at 4300 digits)
_TENS = tuple(Fraction(10**k) for k in range(_MAX_DIGITS + 1))  # precisions, made once
_TENTHS = tuple(Fraction(1, 10**k) for k in range(_MAX_DIGITS + 1))
_RATIO_GAP = (" ", "\u00a0", "\t", "\n")
_PLAIN = frozenset({"int", "dec", "dec2", "sep", "sign"})  # the groups of a plain number
_NOT_DIGITS = {ord(c): None for c in ",'’ \u00a0\u2009\u202f"}  # group separators
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_POWER_MARKS = "^⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺"  # what starts a power written on the number ("10^6", "10⁶")
_MINUS = "-−"
_SIGN = r"[+\-−]"


def _value(text: str) -> Fraction:
    """A value written in the data files: "12", "1/2", "10^6"."""
    text = text.strip()
    if "^" in text:
        base, _, exp = text.partition("^")
        return Fraction(int(base)) ** int(exp)
    return Fraction(text)


def _is_tens(n: Fraction) -> bool:
    """20, 30, ... 90: a tens word that a units word may follow ("forty-two")."""
    return n % 10 == 0 and 20 <= n < 100


def _place(value: Fraction) -> Fraction:
    """Precision of a value read from words: the place of its last non-zero digit
    (1000 for 11000, 1 for 342), or 1/denominator for a fraction."""
    if value.denominator != 1:
        return Fraction(1, value.denominator)
    n, place = abs(value.numerator), Fraction(1)
    while n and n % 10 == 0:
        n //= 10
        place *= 10
    return place


class Number(NamedTuple):
    """A number read from text: exact value (or vague range), span and precision."""

    start: int
    end: int
    low: Fraction
    high: Fraction
    precision: Fraction | None
    form: str  # "digits", "words", "mixed", "fraction", "slash", "vague", "ratio", "power"
    # (a spoken decimal, "three point two", is "words"; "power" is a bare power of ten, "10^6")
    scale: Fraction = _ONE  # the scale word or suffix that ends it ("10 million": 10^6)

    @property
    def value(self) -> Fraction:
        """The value of a single number (the low end of a vague range)."""
        return self.low

    @property
    def is_range(self) -> bool:
        return self.low is not self.high and self.low != self.high

    @property
    def is_integer(self) -> bool:
        return self.low.denominator == 1 and not self.is_range

    def scaled(self, factor: Fraction, end: int) -> Number:
        """This number multiplied by a scale (a suffix such as "bn"), ending at ``end``."""
        precision = None if self.precision is None else self.precision * factor
        low = self.low * factor
        high = low if self.high is self.low else self.high * factor  # one value: one product
        scale = factor if self.scale is _ONE else self.scale * factor
        return Number(self.start, end, low, high, precision, self.form, scale)


@dataclass(frozen=True)
class _Suffix:
    factor: Fraction
    when: str  # "always" | "attached" | "money"


class _Token(NamedTuple):
    kind: str  # digits, card, mult, scale, frac, sign, point, a, and, of
    value: Fraction
    precision: Fraction | None
    start: int
    end: int
    joint: str  # how it joins the token before: start, space, "-", none
    form: str  # the word, or the digits' form


def _fraction_part(n: _Token, n2: _Token | None) -> Fraction | None:
    """The fraction after "and": "a half", "a quarter", "three quarters" (numerator below
    the denominator), or None."""
    if n2 is None or n2.kind != "frac":
        return None
    if n.kind == "a":
        return Fraction(1, int(n2.value))
    if n.kind == "card" and 0 < n.value < n2.value:
        return n.value / n2.value
    return None


def _parse_tokens(toks: list[_Token]) -> tuple[Fraction, Fraction, int, bool, bool, Fraction] | None:
    """Combine number tokens: (value, precision, tokens used, used digits, used words, the
    scale word that ends it or 1), or None when the tokens do not start a number."""
    total = _ZERO
    group: Fraction | None = None
    gprec: Fraction | None = None  # precision of the open group, before its scale
    precision: Fraction | None = None
    last_scale: Fraction | None = None
    last_group: Fraction | None = None  # the group the last scale word multiplied
    state = "start"
    used = 0
    digits = words = False
    i = 0

    def nxt(k: int) -> _Token | None:
        return toks[k] if k < len(toks) else None

    while i < len(toks):
        t = toks[i]
        kind = t.kind
        if state == "start":
            if kind == "digits":
                group, gprec, digits, state = t.value, t.precision, True, "digits"
            elif kind == "card":
                group, state, words = t.value, "card", True
            elif kind == "point":  # "point five": a spoken decimal without its whole part
                group, gprec, state, words = t.value, t.precision, "point", True
            elif kind == "a":
                n = nxt(i + 1)
                if n is None or n.joint != "space":
                    return None
                if n.kind in ("mult", "scale"):
                    group, state, words = Fraction(1), "a", True
                elif n.kind == "frac":
                    group, gprec, state, words = Fraction(1, int(n.value)), Fraction(1, int(n.value)), "frac", True
                    i += 2
                    used = i
                    continue
                else:
                    return None
            elif kind == "frac":
                n = nxt(i + 1)
                if t.form == "half":
                    group, gprec, state, words = Fraction(1, 2), Fraction(1, 2), "frac", True
                elif n is not None and n.kind == "scale":
                    group, gprec, state, words = Fraction(1, int(t.value)), Fraction(1, int(t.value)), "frac", True
                else:
                    return None
            else:
                return None
            i += 1
            if state != "a":
                used = i
            continue
        if kind == "digits":
            # only a new group after a scale word: "2 million 500 thousand"
            after_scale = state == "scale" and last_scale is not None and t.value < last_scale
            if not after_scale or t.joint != "space" or t.form != "digits":
                break
            group, gprec, digits, state = t.value, t.precision, True, "digits"
        elif kind == "card":
            if state in ("scale", "mult") and (t.joint in ("space", "and")):
                if state == "mult" and group is not None and (group % 100 != 0 or t.value >= 100):
                    break
                group = t.value if state == "scale" else (group or Fraction(0)) + t.value
                state = "card" if state == "scale" else "card-after-mult"
            elif (
                state in ("card", "card-after-mult") and group is not None and _is_tens(group % 100)
                and 0 < t.value < 10 and t.joint in ("space", "-")
            ):  # "forty-two", "ninety five"
                group += t.value
                state = "card-done"
            else:
                break
            words = True
        elif kind == "mult":
            # "three hundred", "a hundred", "two dozen", "3 hundred", "half a dozen"
            after_number = (
                state in ("a", "card", "card-done", "digits") and group is not None and group < 100
                and group.denominator == 1
            )
            half_a = state == "frac" and group is not None and group < 1 and toks[i - 1].kind == "a"
            if not (after_number or half_a) or t.joint not in ("space", "-") or group is None:
                break
            group *= t.value
            gprec = None
            state = "mult"
            words = True
        elif kind == "scale":
            # joint "none": a scale word glued to digits ("1.5million"), which only _tokens makes
            if group is None or (last_scale is not None and t.value >= last_scale):
                break
            if t.joint not in ("space", "-", "none"):
                break
            if state not in ("digits", "card", "card-done", "card-after-mult", "mult", "a", "frac", "point"):
                break
            gp = gprec if gprec is not None else _place(group)
            precision = gp * t.value if precision is None else min(precision, gp * t.value)
            total += group * t.value
            last_group = group
            group, gprec, last_scale = None, None, t.value
            state = "scale"
            words = True
        elif kind == "point":
            # "three point two", "twenty-one point five", "a hundred point two", "two
            # thousand point five": a whole number in words, then its decimals
            if t.joint != "space" or (state == "scale" and (group is not None or last_scale is None)):
                break
            if state != "scale" and (state not in ("card", "card-done", "card-after-mult", "mult") or group is None):
                break
            if group is not None and group.denominator != 1:
                break
            group = t.value if group is None else group + t.value
            gprec = t.precision
            state = "point"
            words = True
        elif kind == "frac":
            whole = group is not None and group.denominator == 1
            if state in ("card", "card-done") and group is not None and whole and t.joint in ("space", "-"):
                if t.form in ("half", "halves") and group != 1:
                    break
                group = group / t.value
                gprec = Fraction(1, int(t.value))
                state = "frac"
                words = True
            else:
                break
        elif kind == "and":
            # "one and a half", "one and three quarters", "a million and a half",
            # "three hundred and forty-two", "two thousand and five"
            n = nxt(i + 1)
            if n is None:
                break
            part = _fraction_part(n, nxt(i + 2))
            whole = group is not None and group.denominator == 1
            if part is not None and whole and group is not None and state in ("card", "card-done", "digits", "mult"):
                group += part
                gprec = Fraction(1, part.denominator)
                state = "frac"
                i += 3
                used = i
                words = True
                continue
            if part is not None and state == "scale" and last_scale is not None and last_group == 1:
                total += part * last_scale
                precision = min(precision or last_scale, last_scale / part.denominator)
                state = "scale-done"
                i += 3
                used = i
                continue
            if n.kind == "card" and state in ("mult", "scale"):
                i += 1
                continue
            break
        elif kind == "of":
            # "a quarter of a million"
            n = nxt(i + 1)
            if state == "frac" and group is not None and group < 1 and n is not None and n.kind == "a":
                i += 1
                continue
            break
        elif kind == "a":
            # "half a million", "half a dozen", "a quarter of a million"
            n = nxt(i + 1)
            if state == "frac" and group is not None and group < 1 and n is not None and n.kind in ("scale", "mult"):
                i += 1
                continue
            break
        else:
            break
        i += 1
        used = i
    if used == 0 or (group is None and last_scale is None):
        return None
    if not group:
        value = total
    elif total is _ZERO:  # one group: nothing to add it to
        value = group
    else:
        value = total + group
    if group is not None:
        gp = gprec if gprec is not None else _place(group)
        precision = gp if precision is None else min(precision, gp)
    if precision is None:
        precision = _place(value)
    scale = last_scale if group is None and last_scale is not None else _ONE
    return value, precision, used, digits, words, scale


class NumberReader:
    """Compiled number patterns and word tables, built once from data/numbers.txt."""

    def __init__(self) -> None:
        self.cardinals: dict[str, Fraction] = {}
        self.multipliers: dict[str, Fraction] = {}
        self.scales: dict[str, Fraction] = {}
        self.suffixes: dict[str, _Suffix] = {}
        self.code_scales: dict[str, Fraction] = {}
        self.fractions: dict[str, int] = {}
        self.vulgar: dict[str, Fraction] = {}
        self.phrases: dict[str, Fraction] = {}
        self.vague: dict[str, tuple[Fraction, Fraction]] = {}
        self.vague_before_scale: dict[str, tuple[Fraction, Fraction]] = {}
        self.signs: dict[str, int] = {}
        self.ratios: list[str] = []
        self.separators: list[str] = []
        self.slash_denominators: set[int] = set()
        self.ordinals: set[str] = set()
        self.plural_smallest = Fraction(100)  # [digit-plurals]
        self.seconds_before: set[str] = set()
        self.points: set[str] = set()  # [decimal-point]
        self.decimal_digits: dict[str, int] = {}  # [decimal-digits] and the cardinals 0..9
        self.point_noun_after: list[str] = []
        self.bare_point_after: set[str] = set()
        self._load()
        self._compile()

    # ------------------------------------------------------------------ loading
    def _load(self) -> None:
        for line in _data.lines("numbers.txt"):
            sec = line.section
            if sec in ("ratios", "separators"):
                text = line.text
                if text.startswith("U+"):
                    text = chr(int(text[2:], 16))
                (self.ratios if sec == "ratios" else self.separators).append(text)
                continue
            if sec == "slash-denominators":
                self.slash_denominators.update(int(x) for x in _data.items(line.text))
                continue
            if sec == "ordinals":
                self.ordinals.update(w.lower() for w in _data.items(line.text))
                continue
            if sec == "decimal-point":
                self.points.add(line.text.lower())
                continue
            if sec == "point-noun-after":
                self.point_noun_after.append(_norm(line.text))
                continue
            if sec == "bare-point-after":
                self.bare_point_after.update(w.lower() for w in _data.items(line.text))
                continue
            if sec == "digit-plurals":
                key, val = line.split()
                if key == "smallest":
                    self.plural_smallest = _value(val)
                elif key == "seconds-before":
                    self.seconds_before.update(w.lower() for w in _data.items(val))
                else:
                    raise line.error("unknown digit-plurals key")
                continue
            key, val = line.split()
            forms = key.split("|") if sec not in ("suffixes", "code-scales", "vulgar") else [key]
            if sec == "suffixes":
                amount, _, when = val.partition(" ")
                if when not in ("always", "attached", "money"):
                    raise line.error("unknown suffix flag")
                self.suffixes[key] = _Suffix(_value(amount), when)
                continue
            for form in forms:
                form = form.lower() if sec not in ("code-scales", "vulgar") else form
                if sec == "cardinals":
                    self.cardinals[form] = _value(val)
                elif sec == "multipliers":
                    self.multipliers[form] = _value(val)
                elif sec == "scales":
                    self.scales[form] = _value(val)
                elif sec == "code-scales":
                    self.code_scales[form] = _value(val)
                elif sec == "fractions":
                    self.fractions[form] = int(val)
                elif sec == "vulgar":
                    self.vulgar[form] = _value(val)
                elif sec == "phrases":
                    self.phrases[form] = _value(val)
                elif sec in ("vague", "vague-before-scale"):
                    lo, _, hi = val.partition("..")
                    table = self.vague if sec == "vague" else self.vague_before_scale
                    table[form] = (_value(lo), _value(hi))
                elif sec == "signs":
                    self.signs[form] = int(val)
                elif sec == "decimal-digits":
                    self.decimal_digits[form] = int(val)
                else:
                    raise line.error(f"unknown section [{sec}]")
        for word, value in self.cardinals.items():  # "zero" ... "nine": a digit after "point"
            if value.denominator == 1 and 0 <= value < 10:
                self.decimal_digits.setdefault(word, int(value))

    def _compile(self) -> None:
        def alt(words: list[str]) -> str:
            return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

        seps = "".join(regex.escape(s) for s in self.separators if s != " ")
        vulgar = "".join(self.vulgar)
        # One number written with digits. Groups of three after one separator kind; a plain
        # space only between groups of exactly three; ", 0dd" groups for tokenized text
        # ("10, 000"); Indian grouping ("12,34,567").
        digits = (
            r"(?:\d{1,2}(?:,\d{2}(?=,))++,\d{3}(?!\d)"
            rf"|\d{{1,3}}(?P<sep>[{seps}])\d{{3}}(?!\d)(?:(?P=sep)\d{{3}}(?!\d))*+"
            r"|\d{1,3}(?:\x20\d{3}(?!\d))++(?!,\d)"
            r"|\d{1,3}(?:,\x20\d{3}(?!\d)(?![\x20\u00a0]*+(?:,|and\b|or\b|to\b)))++"
            r"|\d++)"
        )
        self.DIGITS = near(
            rf"(?P<sign>{_SIGN}\x20?)?"
            rf"(?:(?P<int>{digits})(?:\.(?P<dec>\d++))?|\.(?P<dec2>\d++))"
            r"(?P<exp>[eE](?P<e1>[+\-−]?\d{1,4})(?![\w])"
            r"|[\x20\u00a0\u202f\u2009\n]?[×x*][\x20\u00a0\u202f\u2009\n]?10"
            r"(?:\^(?P<e2>[+\-−]?\d{1,4})|(?P<e3>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4}))"
            # a power written on the number itself: "10^6", "10⁻³" (digits_at takes only 10);
            # the look-ahead keeps the common case (no power) one step, and no group of its
            # own keeps every match as small as before
            r"|(?=[\^⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹])(?:\^[+\-−]?\d{1,4}(?![\d^]|\.\d)"
            r"|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])))?"
            rf"(?P<vulgar>[{vulgar}])?"
            r"(?:[\x20\u00a0\u202f\u2009\n](?P<num>\d{1,3})/(?P<den>\d{1,3})(?![\d/]))?"
            r"(?:/(?P<sden>\d{1,4})(?![\d/]))?"
        )
        # Most numbers are a run of digits, maybe grouped by commas, maybe with decimals, that
        # nothing after it continues ("5 km", "50,000 troops", "2.5%", "2019,"): this quick
        # pattern reads them; anything else (other separators, signs, exponents, fractions)
        # goes to DIGITS, which reads the same of these (a property test checks it).
        self.COMMON_DIGITS = near(
            r"([0-9]{1,3}(?:,[0-9]{3})++|[0-9]++)(?:\.([0-9]++))?"
            rf"(?![0-9eE×x*^/⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺{vulgar}]|[.{seps}][0-9]|,\x20[0-9]|\s[0-9×x*])"
        )
        words = (
            list(self.cardinals) + list(self.multipliers) + list(self.scales) + list(self.fractions)
            + list(self.vague) + list(self.signs) + list(self.points) + ["and", "a", "an", "of"]
        )
        ws = r"\s++"
        self.WORD = near(rf"(?i)({alternation(words, ws)})(?![\w])")
        # What may join two number words: a hyphen before a word, or white space with at most
        # one line break (JOINT below); a joint and a number word (WORD_NEXT) is what may make a
        # number word the start of a longer number.
        hyphen, blanks = r"[\x20\u00a0]?-[\x20\u00a0]?", r"[\x20\u00a0\t]++(?:\n[\x20\u00a0\t]*+)?|\n[\x20\u00a0\t]*+"
        joint = rf"{hyphen}(?=[^\W\d])|{blanks}"
        self.WORD_NEXT = near(rf"(?i)(?:{joint})(?:{alternation(words, ws)})(?![\w])")
        self.PHRASE = near(rf"(?i)({alternation(self.phrases, ws)})(?![\w])")
        self.VAGUE = near(rf"(?i)({alternation(self.vague)})(?![\w])")
        self.VAGUE_BEFORE = near(rf"(?i)({alternation(self.vague_before_scale, ws)})\s++(?=\w)")
        # Spoken decimals: the digit words after "point" ("three point one four"), one word a
        # digit; the phrases before "point" that make it a noun ("at one point"); the words
        # after which a bare "point five" is a number.
        digit_words = alternation(self.decimal_digits)
        self.POINT_DIGITS = near(rf"(?i)(?:{SPACES}(?:{digit_words})(?![\w\-]))++")
        point_after = rf"(?={SPACES}{digit_words}\b)"  # what follows a decimal point
        self.POINT_NOUN = ending(rf"(?i)(?<![\w\-'’])(?:{longest_first(self.point_noun_after)})")
        self.BARE_POINT = ending(rf"(?i)(?<![\w\-'’])(?:{longest_first(self.bare_point_after)})")
        # Digit plurals ("100s of", "1,000's of", "10s of thousands") and the words after
        # "of" that make them seconds ("the last 100s of the race").
        scale_alt = alternation(self.scales)
        self.DIGIT_PLURAL = near(rf"(?i)['’]?s(?={SPACES}(?:of|{scale_alt})(?![\w]))", first="sS'’")
        self.SECONDS_OF = near(rf"(?i){SPACES}of{SPACES}(?:{alternation(self.seconds_before)})(?![\w])")
        self.JOINT = near(rf"(?P<hyphen>{hyphen})(?=[^\W\d])|{blanks}")
        self.VAGUE_MORE = near(
            rf"(?i)\s++(?:of\s++(?P<vague>{alt([v for v in self.vague if v not in ('tens', 'dozens', 'scores')])})"
            rf"|(?P<scale>{alt(list(self.scales))}))(?![\w])"
        )
        scale_words = alt(list(self.scales) + list(self.multipliers))
        self.SCALE_WORD = near(rf"(?i)(?:of\s++)?(?:an?\s++)?({scale_words})(?![\w])")
        self.SUFFIX = near(rf"([\x20\u00a0]?)({alt(list(self.suffixes))})(?![\w])")
        ordinals = alt(sorted(self.ordinals))
        self.ORDINAL_AFTER = near(rf"(?i)[\x20\u00a0-]++(?:and[\x20\u00a0]++)?({ordinals})(?![\w])")
        self.ordinal_first = frozenset({"-", "and"} | {o.split()[0].lower() for o in self.ordinals})
        self.RATIO = near(rf"(?i)\s++({alt(self.ratios)})\s++", first=initials(self.ratios))
        # what may follow digits and make a longer number: a scale or multiplier word, a
        # fraction, "and" (a ratio, "1 in 5", is read apart); a scale word glued to the digits
        # ("1.5million"); a plural "s" that makes them vague ("100s of")
        extending = [*self.scales, *self.multipliers, *self.fractions, "and"]
        # the first tokens (``next_token``) that these patterns can start with, after blanks
        self.extends_first = frozenset({w.split()[0].lower() for w in extending} | {"-", "s", "'", "’"})
        self.ratio_first = frozenset(r.split()[0].lower() for r in self.ratios)
        self.suffix_first = frozenset(s.lower() for s in self.suffixes)
        self.EXTENDS = near(
            rf"(?i)(?:[\s\u00a0-]++{alternation(extending)}"
            rf"|(?=[^\s\u00a0-])(?:{scale_alt}|(?P<plural>['’]?s{SPACES}(?:of|{scale_alt}))))\b",
            first=initials([*extending, "-", "s", "'", "’"]),
        )
        self.SCALE_AFTER = near(rf"(?i)[\s\u00a0-]*+({scale_alt})\b", first=initials([*self.scales, "-"]))
        # Where a number may start: a digit (after an optional sign), a vulgar fraction, or
        # a number word. "a" only starts a number before a word that makes it one.
        starters = (
            list(self.cardinals) + list(self.multipliers) + list(self.vague) + list(self.signs)
            + ["half", "twice", "thrice"] + [p.split(" ")[0] for p in self.phrases if not p.startswith("a ")]
            + list(self.vague_before_scale)
        )
        a_next = list(self.multipliers) + list(self.scales) + list(self.fractions) + [
            p.split(" ", 1)[1].split(" ")[0] for p in self.phrases if p.startswith("a ")
        ] + [k.split(" ", 1)[1] for k in self.vague_before_scale if k.startswith("a ")]
        # A trie of the words and \b boundaries: the scan's first filter over the whole text.
        self.TRIGGER = compile(
            rf"[\d{vulgar}]|[+\-−.](?=\x20?\.?\d)"
            rf"|(?i:\b(?:{alternation(w.lower() for w in starters)}"
            rf"|an?(?=\s++{alternation(a_next)}\b)"
            rf"|{alternation(self.fractions)}(?=[\s-]++{alternation(self.scales)}\b))\b"
            rf"|{alternation(self.points)}{point_after})"
        )
        # The scan looks for the two kinds apart, each with a cheaper pattern: digits, and
        # number words (a word that "a" makes a number, "a million", is found by that word).
        # (one character class first: `re` then skips to its characters quickly, twice as
        # fast over a text as an alternation that it tries at every character)
        # (ASCII digits only: the scan searches ``fold(text)``, whose digits are all 0-9, and a
        # class of ASCII ranges is quicker to test than the Unicode category of \d)
        self.DIGIT_TRIGGER = compile(rf"[0-9{vulgar}+\-−.](?:(?<=[0-9{vulgar}])|(?=\x20?\.?[0-9]))")
        # Number words are searched for in the lowered text, where a case-sensitive search
        # (twice as quick as a case-insensitive one) finds them; ``WORD_TRIGGER_ANYCASE`` is for
        # the rare text whose lowering changes its length (and so its offsets).
        word_list = {w.lower() for w in {*starters, *a_next}}
        firsts = "".join(sorted({w[0] for w in [*word_list, *self.points]}))
        point = rf"{alternation(self.points)}{point_after}"  # "point five"
        self.WORD_TRIGGER = compile(rf"\b(?=[{regex.escape(firsts)}])(?:{alternation(word_list)}\b|{point})")
        self.WORD_TRIGGER_ANYCASE = regex.compile(rf"(?i:\b(?:{alternation(word_list)}\b|{point}))")
        # In an ASCII text, a number word not at its start is found by the character before
        # it, which no word contains: a class of ASCII characters first, which `re` skips to
        # quickly (a third quicker than testing \b at every character). Group 1: the word.
        self.WORD_TRIGGER_ASCII = compile(
            rf"[\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f](?=[{regex.escape(firsts)}])"
            rf"((?:{alternation(word_list)})\b|{point})"
        )
        self.after_article = {w.lower() for w in a_next}

    # ------------------------------------------------------------------ reading
    def digits_at(self, text: str, pos: int) -> Number | None:
        """A number written in digits starting at ``pos``."""
        m = self.COMMON_DIGITS.match(text, pos)
        if m is None:
            return self._digits_in_full(text, pos)
        if m.end() - pos > _MAX_DIGITS:
            return None  # a run of digits too long to be a number (a code)
        int_part, dec = m.group(1, 2)
        int_digits = int_part if len(int_part) < 4 or int_part.isdigit() else int_part.replace(",", "")
        if dec is not None:
            value, precision = Fraction(int(int_digits + dec), 10 ** len(dec)), _TENTHS[len(dec)]
        else:
            value = Fraction(int(int_digits))
            zeros = len(int_digits) - len(int_digits.rstrip("0"))  # trailing zeros: not significant
            precision = _TENS[zeros] if zeros < len(int_digits) else _ONE
        return Number(pos, m.end(), value, value, precision, "digits")

    def _digits_in_full(self, text: str, pos: int) -> Number | None:
        """``digits_at`` for any number written in digits: signs, any group separator, a
        decimal point alone (".5"), exponents, powers of ten, vulgar and slash fractions."""
        m = self.DIGITS.match(text, pos)
        if not m:
            return None
        sign, int_part, dec, dec2 = m.group("sign", "int", "dec", "dec2")
        if not (int_part or dec2) or m.end() - m.start() > _MAX_DIGITS:
            return None  # nothing, or a run of digits too long to be a number (a code)
        int_part = int_part or "0"
        int_digits = int_part if int_part.isdigit() else int_part.translate(_NOT_DIGITS)
        dec = dec or dec2 or ""
        if dec:
            value = Fraction(int(int_digits + dec), 10 ** len(dec))
            precision = _TENTHS[len(dec)]
        else:
            value = Fraction(int(int_digits))
            zeros = len(int_digits) - len(int_digits.rstrip("0"))  # trailing zeros: not significant
            precision = _TENS[zeros] if zeros < len(int_digits) else _ONE
        form = "digits"
        if m.lastgroup in _PLAIN:  # no exponent, fraction or slash after the digits
            if sign and sign[0] in _MINUS:
                value = -value
            return Number(m.start(), m.end(), value, value, precision, form)
        power = m.group("exp")
        if power is not None and power[0] in _POWER_MARKS:
            return self._power(m, power, int_part, value, precision)
        exp_text = m.group("e1") or m.group("e2") or (m.group("e3") or "").translate(_SUPERSCRIPTS)
        if exp_text:
            exp = int(exp_text.replace("−", "-"))
            if abs(exp) > _MAX_EXPONENT:
                return None
            value *= Fraction(10) ** exp
            precision *= Fraction(10) ** exp
        if m.group("vulgar"):
            value += self.vulgar[m.group("vulgar")]
            precision = Fraction(1, self.vulgar[m.group("vulgar")].denominator)
            form = "fraction"
        elif m.group("num"):
            num, den = int(m.group("num")), int(m.group("den"))
            if not den or num >= den:
                return self._plain(m, value, precision, m.start("num") - 1)
            value += Fraction(num, den)
            precision = Fraction(1, den)
            form = "fraction"
        elif m.group("sden"):
            den = int(m.group("sden"))
            if not den or dec or exp_text:
                return None
            value = value / den
            precision = Fraction(1, den)
            form = "slash"
        sign = m.group("sign")
        if sign and sign[0] in _MINUS:
            value = -value
        return Number(m.start(), m.end(), value, value, precision, form)

    def _power(self, m: Match, power: str, int_part: str, value: Fraction, precision: Fraction) -> Number | None:
        """ "10^6", "10⁶", "10^-3", "10⁻³": a power of ten, stated to its own place (as "1e6").
        A caret on another number ("2^10") is arithmetic: None, and the scan skips it whole;
        a superscript on another number ("300¹") is a footnote mark, left out."""
        if int_part != "10" or m.group("dec"):
            return None if power[0] == "^" else self._plain(m, value, precision, m.start("exp"))
        exp = int(power.lstrip("^").translate(_SUPERSCRIPTS).replace("−", "-"))
        if abs(exp) > _MAX_EXPONENT:
            return None
        value = Fraction(10) ** exp
        sign = m.group("sign")
        signed = -value if sign and sign[0] in _MINUS else value
        return Number(m.start(), m.end("exp"), signed, signed, value, "power")

    def _plain(self, m: Match, value: Fraction, precision: Fraction, end: int) -> Number:
        sign = m.group("sign")
        if sign and sign[0] in _MINUS:
            value = -value
        return Number(m.start(), end, value, value, precision, "digits")

    def number_at(self, text: str, pos: int) -> Number | None:
        """The longest number (digits, words, mixed, vague) starting at ``pos``, or None."""
        if pos >= len(text):
            return None
        if not text[pos].isalpha():  # digits, a sign or a vulgar fraction: no word forms
            plain = self.digits_at(text, pos)
            if plain is not None and plain.form == "digits":
                extends = None
                if next_token(text, plain.end) in self.extends_first:
                    extends = self.EXTENDS.match(text, plain.end)
                if not extends:
                    # nothing after it can make it longer: the common case, read fast
                    return self._ratio_after(text, plain) or plain
                if extends.lastgroup == "plural":  # "100s of fans", "10s of thousands"
                    return self._digit_plural(text, plain) or plain
                scale = self.SCALE_AFTER.match(text, plain.end)
                after = text[scale.end():scale.end() + 4].lstrip(" \u00a0\t\n-")[:1] if scale else ""
                if scale is not None and not after.isdigit() and not self.EXTENDS.match(text, scale.end()):
                    factor = self.scales[scale.group(1).lower()]  # "75 million", "3.2 billion"
                    scaled = plain.scaled(factor, scale.end())
                    return scaled._replace(form="mixed", scale=factor)
            if plain is not None and plain.form == "power":
                return plain
            number = self._expression_at(text, pos, plain)
            return None if number is None else self._ratio_after(text, number) or number
        vague = self._vague_at(text, pos)
        if vague is not None:
            return vague
        m = self.PHRASE.match(text, pos)
        if m:
            value = self.phrases[_norm(m.group(1))]
            return Number(pos, m.end(), value, value, _place(value), "words")
        w = self.WORD.match(text, pos)
        card = None if w is None else self.cardinals.get(w.group(1).lower())
        if w is not None and card is not None and self.WORD_NEXT.match(text, w.end()) is None:
            # one cardinal word, no number word after it: what the tokens would give, read quickly
            single = Number(pos, w.end(), card, card, _place(card), "words")
            return self._ratio_after(text, single) or single
        number = self._expression_at(text, pos)
        if number is None:
            return None
        return self._ratio_after(text, number) or number

    def _digit_plural(self, text: str, plain: Number) -> Number | None:
        """ "100s of fans" [100, 1000], "1,000's of people", "10s of thousands" [10^4, 10^5]:
        digits of a power of ten with a plural "s", read by the rule of the vague plurals."""
        m = self.DIGIT_PLURAL.match(text, plain.end)
        value = plain.value
        if m is None or value < 10 or value != plain.precision:  # not a power of ten
            return None
        if not text[plain.start:plain.end].translate(_NOT_DIGITS).isdigit():
            return None  # "+100s", "1e3s"
        if plain.start and text[plain.start - 1] in "'’":
            return None  # "the '10s": a decade
        lo, hi, end = self._vague_links(text, value, value * 10, m.end())
        if end == m.end() and (value < self.plural_smallest or self.SECONDS_OF.match(text, end)):
            return None  # "10s of footage", "the last 100s of the race": seconds
        return Number(plain.start, end, lo, hi, None, "vague")

    def _vague_links(self, text: str, lo: Fraction, hi: Fraction, end: int) -> tuple[Fraction, Fraction, int]:
        """A vague range multiplied by what follows: "tens of thousands", "hundreds of
        millions", "several hundred thousand"; at most three links ("thousands of thousands
        of ..." repeated is not a number)."""
        for _ in range(3):
            more = self.VAGUE_MORE.match(text, end)
            if not more:
                break
            if more.group("vague"):
                factor = self.vague[more.group("vague").lower()][0]
            else:
                factor = self.scales[more.group("scale").lower()]
            lo, hi, end = lo * factor, hi * factor, more.end()
        return lo, hi, end

    def _vague_at(self, text: str, pos: int) -> Number | None:
        """ "thousands", "tens of thousands", "several hundred", "a few thousand"."""
        m = self.VAGUE_BEFORE.match(text, pos)
        if m:
            s = self.SCALE_WORD.match(text, m.end())
            if not s:
                return None
            lo, hi = self.vague_before_scale[_norm(m.group(1))]
            factor = self.scales.get(s.group(1).lower()) or self.multipliers[s.group(1).lower()]
            lo, hi, end = lo * factor, hi * factor, s.end()
        else:
            m = self.VAGUE.match(text, pos)
            if not m:
                return None
            lo, hi = self.vague[m.group(1).lower()]
            end = m.end()
        lo, hi, end = self._vague_links(text, lo, hi, end)
        return Number(pos, end, lo, hi, None, "vague")

    def _ratio_after(self, text: str, number: Number) -> Number | None:
        """ "one in five" -> 1/5, "three out of four" -> 3/4."""
        if number.form == "mixed" or text[number.end:number.end + 1] not in _RATIO_GAP or not number.is_integer:
            return None
        m = self.RATIO.match(text, number.end) if next_token(text, number.end) in self.ratio_first else None
        if not m:
            return None
        other = self._expression_at(text, m.end())
        if other is None or not other.is_integer or other.value <= number.value:
            return None
        if other.form == "digits" and 1000 <= other.value <= 2199 and text[other.start:other.end].isdigit():
            return None  # "2 in 2024": a year, not "two in two thousand"
        value = number.value / other.value
        return Number(number.start, other.end, value, value, None, "ratio")

    def _tokens(self, text: str, pos: int, first: Number | None = None) -> list[_Token]:
        """Number tokens from ``pos``: digits, number words, "a", "and", with the joint
        (start, space, hyphen, "and") before each. Stops at the first non-number token."""
        out: list[_Token] = []
        p = pos
        while len(out) < 24:
            joint = "start"
            q = p
            if out:
                c = self.JOINT.match(text, p)
                if c is None:
                    break
                q = c.end()
                joint = "-" if c.group("hyphen") else ("space" if q > p else "none")
            if q >= len(text):
                break
            ch = text[q]
            if ch.isdigit() or ch in ".+-−":
                if out and out[-1].kind not in ("scale", "sign"):
                    break  # digits follow digits only after a scale word ("2 million 500 thousand")
                num = first if first is not None and q == first.start else self.digits_at(text, q)
                if num is None:
                    break
                out.append(_Token("digits", num.value, num.precision, q, num.end, joint, num.form))
                p = num.end
                if num.form not in ("digits", "fraction"):  # "1½ million", "3 1/2 million"
                    break
                continue
            if ch in self.vulgar:  # "½ million"; "2 ½" is read by digits_at
                if out and out[-1].kind != "sign":
                    break
                value = self.vulgar[ch]
                out.append(_Token("digits", value, Fraction(1, value.denominator), q, q + 1, joint, "fraction"))
                p = q + 1
                continue
            w = self.WORD.match(text, q)
            if not w:
                break
            word = w.group(1).lower()
            if joint == "none" and not (word in self.scales and out and out[-1].kind == "digits"):
                break  # only a scale word may be glued to the digits before it ("1.5million")
            if word in self.points:
                tok = self._point(text, q, w.end(), joint, word, out)
                if tok is None:
                    break
            elif word in self.cardinals:
                tok = _Token("card", self.cardinals[word], None, q, w.end(), joint, word)
            elif word in self.multipliers:
                tok = _Token("mult", self.multipliers[word], None, q, w.end(), joint, word)
            elif word in self.scales:
                tok = _Token("scale", self.scales[word], None, q, w.end(), joint, word)
            elif word in self.fractions:
                tok = _Token("frac", Fraction(self.fractions[word]), None, q, w.end(), joint, word)
            elif word in self.signs:
                tok = _Token("sign", Fraction(self.signs[word]), None, q, w.end(), joint, word)
            else:  # a, an, and, of
                tok = _Token(word if word != "an" else "a", _ZERO, None, q, w.end(), joint, word)
            out.append(tok)
            p = tok.end
        return out

    def _point(self, text: str, q: int, end: int, joint: str, word: str, before: list[_Token]) -> _Token | None:
        """The decimal part of a spoken decimal: "point" at ``q`` and its digit words ("point
        one four" = 0.14, stated to 1/100), or None where "point" is a noun: "at one point",
        and, without a whole number before it, after a word not in [bare-point-after] ("the
        turning point five years ago")."""
        d = self.POINT_DIGITS.match(text, end)
        if d is None or joint not in ("start", "space"):
            return None
        if before and before[-1].kind != "sign":
            if self.POINT_NOUN.search(text, max(0, q - 40), q):
                return None
        else:
            i = q
            while i and text[i - 1] in " \u00a0\t\n":
                i -= 1
            c = text[i - 1] if i else " "
            if (c.isalnum() or c in "-'’_") and not self.BARE_POINT.search(text, max(0, i - 40), i):
                return None
        digits = "".join(str(self.decimal_digits[w.lower()]) for w in d.group(0).split())
        k = len(digits)
        return _Token("point", Fraction(int(digits), 10**k), Fraction(1, 10**k), q, d.end(), joint, word)

    def _expression_at(self, text: str, pos: int, first: Number | None = None) -> Number | None:
        """Digits and number words combined: "3.2 million", "three hundred and forty-two",
        "two and a half thousand", "half a million", "2 million 500 thousand". ``first``: the
        digits at ``pos``, when they have been read already."""
        toks = self._tokens(text, pos, first)
        if not toks:
            return None
        sign = 1
        if toks[0].kind == "sign":
            sign = -1
            toks = toks[1:]
            if not toks or toks[0].kind in ("sign", "and"):
                return None
        elif toks[0].kind == "digits" and toks[0].value < 0:
            # "-1 million 1 thousand": the sign belongs to the whole number
            sign = -1
            toks = [toks[0]._replace(value=-toks[0].value), *toks[1:]]
        parsed = _parse_tokens(toks)
        if parsed is None:
            return None
        value, precision, used, digits, words, scale = parsed
        last = toks[used - 1]
        if last.form in ("fraction", "slash") and used == 1 and not words:
            form = last.form
        else:
            form = "mixed" if digits and words else ("digits" if digits else "words")
            if form == "words" and value.denominator != 1 and not any(t.kind == "point" for t in toks[:used]):
                form = "fraction"  # "two thirds"; "three point two" is words
        value = -value if sign < 0 else value
        return Number(pos, last.end, value, value, precision, form, scale)

    def suffix_at(self, text: str, pos: int, money: bool) -> tuple[Fraction, int] | None:
        """A scale abbreviation right after a number at ``pos`` ("bn", "m", "k"):
        (factor, end), or None. ``money`` says whether the amount is money, which makes
        "m" a million rather than a metre."""
        m = self.SUFFIX.match(text, pos) if next_token(text, pos) in self.suffix_first else None
        if not m:
            return None
        suffix = self.suffixes[m.group(2)]
        spaced = bool(m.group(1))
        if suffix.when == "attached" and spaced:
            return None
        if suffix.when == "money" and not money:
            return None
        return suffix.factor, m.end()


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@functools.lru_cache(maxsize=1)
def reader() -> NumberReader:
    """The number reader, built on first use."""
    return NumberReader()
