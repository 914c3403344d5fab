"""Number renderer: choices drawn by hypothesis -> a number written the way English writes it.

In: the forms asked for, the digit-group separators allowed, bounds on the value.
Out: ``Rendered`` numbers: the surface text, the exact value (a ``Fraction``, known before
the text is written, never read back from it), the precision the text states (the place of
its last significant digit, as docs/qualifiers.md defines it; ``None`` for forms the docs
give no precision: fractions, "and a half"), and how it was written (which the quantity
generator needs: a "%" attaches only to digits, a "$" precedes only digits).

Forms (docs/usage.md, quantnorm/data/numbers.txt):
  integers    "0", "342", "50,000", "10 000", "1'000", with each separator of SEPARATORS
  decimals    "380.5", "1,234.50", ".5", spoken: "three point two", "zero point zero five"
  words       "zero" ... "nine hundred and ninety-nine trillion ...", with or without "and"
              and hyphens, "a hundred", "eleven thousand"
  scaled      "3.2 million", "5bn", "10k", "2 million 500 thousand", "two and a half thousand",
              "half a million", "a million", "1.5million", "3Billion", "one point five million"
  fractions   "3/4", "3 1/2", "½", "2½", "a half", "two-thirds", "three quarters",
              "one and a half", "one in five"
  scientific  "1.2e6", "1.2 × 10^6", "1.2×10⁶", "10^6", "10⁶", "10^-3", "10⁻³"
A spoken decimal always says its whole part ("zero point five", never a bare "point five",
which quantnorm reads only after some words: numbers.txt [bare-point-after]).
Every strategy draws its simplest choices first, so a failing example shrinks towards
the integer "0" (or the smallest value allowed), no separator, no words.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from fractions import Fraction

from hypothesis import assume
from hypothesis import strategies as st

from ._vocabulary import Vocabulary, vocabulary

__all__ = ["FORMS", "SEPARATORS", "Rendered", "digits", "place", "rendered", "say"]

FORMS = ("integers", "decimals", "words", "scaled", "fractions", "scientific")
"""Every form ``numbers()`` can write, simplest first."""

SEPARATORS = (",", " ", "\u2009", "\u00a0", "\u202f", "'", "\u2019")
"""Digit-group separators quantnorm reads (numbers.txt [separators]): comma, space (between
groups of three only), thin space, no-break space, narrow no-break space, apostrophe and
right single quote."""

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_POINT = "point"  # the decimal point said aloud (numbers.txt [decimal-point])
_YEARS = range(1000, 2200)


@dataclass(frozen=True)
class Rendered:
    """A number as written: ``text`` states ``value`` exactly, to ``precision`` (None where
    the docs define none). ``form`` is one of FORMS; ``money_suffix`` marks a scale
    abbreviation that only money allows ("$5m")."""

    text: str
    value: Fraction
    precision: Fraction | None
    form: str
    money_suffix: bool = False


def place(value: Fraction) -> Fraction:
    """The place of the last non-zero digit of a whole number (1000 for 11000, 1 for 342
    and for 0): the precision docs/qualifiers.md gives a number without decimals."""
    n, p = abs(value.numerator), Fraction(1)
    while n and n % 10 == 0:
        n //= 10
        p *= 10
    return p


def digits(n: int, sep: str) -> str:
    """A whole number in digits, its groups of three joined by ``sep`` ("" for none)."""
    text = str(abs(n))
    if sep and len(text) > 3:
        head = len(text) % 3 or 3
        text = text[:head] + "".join(sep + text[i:i + 3] for i in range(head, len(text), 3))
    return text


def _group(g: int, v: Vocabulary, use_and: bool, hyphen: bool) -> str:
    """1..999 in words."""
    hundreds, rest = divmod(g, 100)
    words = []
    if hundreds:
        words.append(f"{v.ones[hundreds]} hundred")
    if rest:
        if rest < 20:
            tail = v.ones[rest]
        else:
            tens, ones = divmod(rest, 10)
            tail = v.tens[tens - 2] + (("-" if hyphen else " ") + v.ones[ones] if ones else "")
        words.append(("and " if hundreds and use_and else "") + tail)
    return " ".join(words)


def say(n: int, *, use_and: bool = False, hyphen: bool = True, article: bool = False) -> str:
    """A whole number from 0 to 10^15 - 1 in English words: "three hundred and forty-two"
    (``use_and``), "ninety five" (no ``hyphen``), "a hundred" for "one hundred" (``article``)."""
    v = vocabulary()
    if not 0 <= n < 10**15:
        raise ValueError(f"say() writes 0 to 10^15 - 1, not {n}")
    if n == 0:
        return v.ones[0]
    parts = []
    rest = n
    for word, power in sorted(v.scales, key=lambda s: -s[1]):
        g, rest = divmod(rest, 10**power)
        if g:
            parts.append(f"{_group(g, v, use_and, hyphen)} {word}")
    if rest:
        parts.append(("and " if parts and use_and and rest < 100 else "") + _group(rest, v, use_and, hyphen))
    text = " ".join(parts)
    if article and text.startswith("one ") and text.split()[1] in ("hundred", *(w for w, _ in v.scales)):
        text = "a" + text[3:]
    return text


@st.composite
def _integers(draw: st.DrawFn, lo: int, hi: int, seps: Sequence[str], years: bool) -> Rendered:
    n = draw(st.integers(lo, hi))
    sep = draw(st.sampled_from(("", *seps))) if n >= 1000 else ""
    if not years and sep == "" and n in _YEARS:
        # A bare integer from 1000 to 2199 reads as a year (docs: not_quantities.txt).
        assume(bool(seps))
        sep = seps[0]
    return Rendered(digits(n, sep), Fraction(n), place(Fraction(n)), "integers")


def _decimal_text(whole: int, frac: int, k: int, sep: str, leading_dot: bool) -> str:
    head = "" if leading_dot and whole == 0 else digits(whole, sep)
    return f"{head}.{frac:0{k}d}"


def spoken(whole: int, frac: int, k: int, *, use_and: bool = False, hyphen: bool = True) -> str:
    """A decimal said aloud: ``whole`` in words, "point", then each of the ``k`` decimal
    digits of ``frac`` as a word ("three point zero five" for 3, 5, 2)."""
    v = vocabulary()
    said = " ".join(v.ones[int(d)] for d in f"{frac:0{k}d}")
    return f"{say(whole, use_and=use_and, hyphen=hyphen)} {_POINT} {said}"


@st.composite
def _decimals(draw: st.DrawFn, lo: int, hi: int, seps: Sequence[str], digits_first: bool) -> Rendered:
    whole = draw(st.integers(lo, max(lo, hi - 1)))
    k = draw(st.integers(1, 3))
    frac = draw(st.integers(0, 10**k - 1))
    sep = draw(st.sampled_from(("", *seps))) if whole >= 1000 else ""
    leading_dot = whole == 0 and draw(st.booleans())
    value = whole + Fraction(frac, 10**k)
    # Said aloud for one value in three ("three point two"), chosen from the values drawn:
    # no draw of its own, so that the choices hypothesis makes stay where they were.
    if not digits_first and (whole + frac) % 3 == 2:
        text = spoken(whole, frac, k, use_and=whole % 2 == 1, hyphen=frac % 2 == 0)
        return Rendered(text, value, Fraction(1, 10**k), "decimals")
    return Rendered(_decimal_text(whole, frac, k, sep, leading_dot), value, Fraction(1, 10**k), "decimals")


@st.composite
def _words(draw: st.DrawFn, lo: int, hi: int) -> Rendered:
    n = draw(st.integers(lo, min(hi, 10**15 - 1)))
    use_and, hyphen, article = draw(st.booleans()), not draw(st.booleans()), draw(st.booleans())
    return Rendered(say(n, use_and=use_and, hyphen=hyphen, article=article), Fraction(n), place(Fraction(n)), "words")


@st.composite
def _mantissa(draw: st.DrawFn, top: int) -> tuple[str, Fraction, Fraction]:
    """A number before a scale word: "3", "3.2", "12.75" -> (text, value, precision)."""
    whole = draw(st.integers(1, max(1, min(999, top))))
    k = draw(st.integers(0, 2))
    if k == 0:
        return str(whole), Fraction(whole), place(Fraction(whole))
    frac = draw(st.integers(0, 10**k - 1))
    return f"{whole}.{frac:0{k}d}", whole + Fraction(frac, 10**k), Fraction(1, 10**k)


@st.composite
def _scaled(draw: st.DrawFn, hi: int, suffixes: str, need_precision: bool, digits_first: bool) -> Rendered:
    v = vocabulary()
    kinds = ["word", "suffix", "compound", "article", "and a half", "half a"]
    if need_precision:
        kinds.remove("and a half")
        kinds.remove("half a")
    if digits_first:
        kinds = [k for k in kinds if k in ("word", "suffix", "compound")]
    if suffixes == "none":
        kinds.remove("suffix")
    kind = draw(st.sampled_from(kinds))
    scales = [(w, p) for w, p in v.scales if 10**p <= hi]
    assume(bool(scales))
    word, power = draw(st.sampled_from(scales))
    scale = Fraction(10**power)
    if kind == "word":
        text, m, prec = draw(_mantissa(hi // 10**power))
        # "3.2 million", "3.2million" (glued, in any case) or "three point two million",
        # chosen from the value drawn: no draw of its own, so that the choices hypothesis
        # makes stay where they were (and 1 still shrinks to "1 thousand")
        hundredths = int(m * 100)
        style = (hundredths + 2) % 3
        if style == 1:
            case = (str.lower, str.capitalize, str.upper)[hundredths // 3 % 3]
            return Rendered(f"{text}{case(word)}", m * scale, prec * scale, "scaled")
        if style == 2 and not digits_first and "." in text:
            whole, _, decimals = text.partition(".")
            said = spoken(int(whole), int(decimals), len(decimals))
            return Rendered(f"{said} {word}", m * scale, prec * scale, "scaled")
        return Rendered(f"{text} {word}", m * scale, prec * scale, "scaled")
    if kind == "suffix":
        allowed = [s for s in v.suffixes if (s.how != "money" or suffixes == "money") and 10**s.power <= hi]
        suffix = draw(st.sampled_from(allowed))
        spaced = suffix.how == "any" and draw(st.booleans())
        text, m, prec = draw(_mantissa(hi // 10**suffix.power))
        scale = Fraction(10**suffix.power)
        return Rendered(f"{text}{' ' if spaced else ''}{suffix.text}", m * scale, prec * scale, "scaled",
                        money_suffix=suffix.how == "money")
    if kind == "compound":
        smaller = [(w, p) for w, p in v.scales if p < power]
        assume(bool(smaller))
        word2, power2 = draw(st.sampled_from(smaller))
        a, b = draw(st.integers(1, 999)), draw(st.integers(1, 999))
        value = a * scale + b * 10**power2
        return Rendered(f"{a} {word} {b} {word2}", value, place(value), "scaled")
    if kind == "article":
        return Rendered(f"a {word}", scale, scale, "scaled")
    if kind == "and a half":
        n = draw(st.integers(1, 9))
        return Rendered(f"{v.ones[n]} and a half {word}", (n + Fraction(1, 2)) * scale, None, "scaled")
    return Rendered(f"half a {word}", scale / 2, None, "scaled")


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


@st.composite
def _fractions(draw: st.DrawFn, hi: int) -> Rendered:
    v = vocabulary()
    kind = draw(st.sampled_from(["slash", "mixed", "vulgar", "words", "and a half", "ratio"]))
    if kind in ("slash", "mixed"):
        d = draw(st.sampled_from(v.slash_denominators))
        n = draw(st.integers(1, d - 1))
        whole = draw(st.integers(1, max(1, min(99, hi - 1)))) if kind == "mixed" else 0
        text = f"{whole} {n}/{d}" if whole else f"{n}/{d}"
        return Rendered(text, whole + Fraction(n, d), None, "fractions")
    if kind == "vulgar":
        char, value = draw(st.sampled_from(v.vulgar))
        whole = draw(st.integers(0, max(0, min(99, hi - 1))))
        return Rendered(f"{whole}{char}" if whole else char, whole + value, None, "fractions")
    if kind == "words":
        singular, plural, d = draw(st.sampled_from(v.fraction_words))
        n = draw(st.integers(1, d - 1))
        if n == 1:
            lead = draw(st.sampled_from([_article(singular), "one"]))
            return Rendered(f"{lead} {singular}", Fraction(1, d), None, "fractions")
        join = draw(st.sampled_from(["-", " "]))
        return Rendered(f"{v.ones[n]}{join}{plural}", Fraction(n, d), None, "fractions")
    if kind == "and a half":
        n = draw(st.integers(1, max(1, min(19, hi - 1))))
        return Rendered(f"{v.ones[n]} and a half", n + Fraction(1, 2), None, "fractions")
    m = draw(st.integers(2, 10))
    n = draw(st.integers(1, m - 1))
    joiner = draw(st.sampled_from(["in", "out of"]))
    return Rendered(f"{v.ones[n]} {joiner} {v.ones[m]}", Fraction(n, m), None, "fractions")


@st.composite
def _scientific(draw: st.DrawFn, hi: int) -> Rendered:
    whole = draw(st.integers(1, 9))
    k = draw(st.integers(0, 2))
    frac = draw(st.integers(0, 10**k - 1))
    exponent = draw(st.integers(1, max(1, min(12, len(str(hi)) - 1))))
    mantissa = f"{whole}.{frac:0{k}d}" if k else str(whole)
    style = draw(st.sampled_from(["e", "E", " × 10^", "×10^", "×10", "10^", "10"]))
    if style in ("10^", "10"):  # a bare power of ten: "10^6", "10⁶", "10^-3", "10⁻³"
        exponent = -exponent if whole > 5 else exponent  # the unused mantissa picks the sign
        power = str(exponent).translate(_SUPERSCRIPT) if style == "10" else str(exponent)
        value = Fraction(10) ** exponent
        return Rendered(f"{style}{power}", value, value, "scientific")
    power = str(exponent).translate(_SUPERSCRIPT) if style == "×10" else str(exponent)
    value = (whole + Fraction(frac, 10**k)) * 10**exponent
    return Rendered(f"{mantissa}{style}{power}", value, Fraction(1, 10**k) * 10**exponent, "scientific")


def _signed(strategy: st.SearchStrategy[Rendered]) -> st.SearchStrategy[Rendered]:
    def sign(pair: tuple[Rendered, str]) -> Rendered:
        r, mark = pair
        if not mark or r.value == 0 or not r.text[:1].isdigit():
            return r
        return Rendered(mark + r.text, -r.value, r.precision, r.form, r.money_suffix)

    return st.tuples(strategy, st.sampled_from(["", "-", "\u2212"])).map(sign)


def rendered(
    *,
    forms: Collection[str] = FORMS,
    separators: Sequence[str] = SEPARATORS,
    min_value: int = 0,
    max_value: int = 10**12,
    signed: bool = False,
    suffixes: str = "plain",
    need_precision: bool = False,
    digits_first: bool = False,
    years: bool = False,
) -> st.SearchStrategy[Rendered]:
    """Numbers in the given ``forms`` whose value lies in [``min_value``, ``max_value``]
    (before any sign). ``suffixes``: "none" (no scale abbreviations), "plain" ("5bn",
    "10k") or "money" (also "$5m", "$5b"); with ``need_precision`` only forms with a
    documented precision are drawn; with ``digits_first`` only texts that start with a
    digit (after a currency sign); ``years`` allows a bare integer from 1000 to 2199
    (otherwise it is given a separator)."""
    unknown = set(forms) - set(FORMS)
    if unknown:
        raise ValueError(f"unknown number forms {sorted(unknown)}; the forms are {FORMS}")
    bad = [s for s in separators if s not in SEPARATORS]
    if bad:
        raise ValueError(f"unknown separators {bad!r}; quantnorm reads {SEPARATORS!r}")
    if not 0 <= min_value <= max_value:
        raise ValueError(f"need 0 <= min_value <= max_value, not {min_value}, {max_value}")
    seps = tuple(separators)
    makers: dict[str, Callable[[], st.SearchStrategy[Rendered]]] = {
        "integers": lambda: _integers(min_value, max_value, seps, years),
        "decimals": lambda: _decimals(min_value, max_value, seps, digits_first),
        "words": lambda: _words(min_value, max_value),
        "scaled": lambda: _scaled(max_value, suffixes, need_precision, digits_first),
        "fractions": lambda: _fractions(max_value),
        "scientific": lambda: _scientific(max_value),
    }
    too_small = {"scaled"} if max_value < 1000 else set()
    too_small |= {"scientific"} if max_value < 10 else set()
    if need_precision:
        too_small.add("fractions")
    if digits_first:
        too_small |= {"words", "fractions", "scientific"}
    chosen = [f for f in FORMS if f in forms and f not in too_small]
    if not chosen:
        raise ValueError(f"no number form left of {sorted(forms)}")
    strategy = st.one_of([makers[f]() for f in chosen]).filter(lambda r: min_value <= r.value <= max_value)
    if digits_first:
        strategy = strategy.filter(lambda r: r.text[:1].isdigit())
    return _signed(strategy) if signed else strategy
