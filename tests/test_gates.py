"""The quick gates of the scan never hide a match: wherever a gated pattern matches, the token
after the position (``next_token``) is one its gate lets through.

Each gate is a set of first tokens derived from the same data as its pattern (qualifiers.txt,
numbers.txt) or written beside it (_scan.py); if a phrase is added to the data without its
first token reaching the gate, these properties fail.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quantnorm import _scan, nouns
from quantnorm._patterns import Near, next_token
from quantnorm.numbers import reader
from quantnorm.qualifiers import tables


def _gates() -> dict[str, tuple[Near, Callable[[], frozenset[str]]]]:
    quals, numbers = tables(), reader()
    return {
        "range join": (quals.JOIN, lambda: quals.follow_first),
        "tolerance": (quals.TOLERANCE, lambda: quals.follow_first),
        "bound after": (quals.AFTER, lambda: quals.follow_first),
        "noun of change": (quals.CHANGE_NOUN, lambda: quals.follow_first),
        "number words after digits": (numbers.EXTENDS, lambda: numbers.extends_first),
        "ratio": (numbers.RATIO, lambda: numbers.ratio_first),
        "scale suffix": (numbers.SUFFIX, lambda: numbers.suffix_first),
        "ordinal": (numbers.ORDINAL_AFTER, lambda: numbers.ordinal_first),
        "multiplier": (_scan._MULTIPLIER, lambda: _scan._MULTIPLIER_FIRST),
        "age after a unit": (_scan._AGE_AFTER, lambda: _scan._AGE_AFTER_FIRST),
        "short age": (_scan._AGE_SHORT, lambda: _scan._AGE_SHORT_FIRST),
        "rate": (_scan._PER, lambda: _scan._RATE_FIRST),
        "rate after 'of'": (_scan._OF_SKIP, lambda: _scan._RATE_FIRST),
        "hyphen before a noun": (_scan._HYPHEN, lambda: frozenset({"-"})),
        "'of' before a counted noun": (nouns._OF, lambda: frozenset({"of"})),
    }


GATES = _gates()

# Text built from the phrases the gates are about, so that matches are frequent.
PIECES = [
    " ", "  ", "\n", "\u00a0", "-", " - ", "±", "+", "+/-", "/", "%", ",", ".", "5", "10", "x",
    "to", "or", "and", "and up", "or more", "plus", "plus or minus", "through", "until", "tops",
    "rise", "fall", "above average", "higher than", "thousand", "million", "bn", "m", "k", "K", "MM",
    "half", "thirds", "in", "out of", "twenty-first", "first", "times", "fold", "-fold", "old", "of",
    "age", "yo", "y/o", "yrs old", "per", "a", "an", "each", "every", "of jet fuel a", "year", "hour",
    "Km", "PER", "Times", "In", "Thousand", "s of", "'s of", "’s", "million", "Million", "s thousand",
]
texts = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@pytest.mark.parametrize("name", sorted(GATES))
@given(text=texts)
def test_a_gate_never_hides_a_match(name: str, text: str) -> None:
    pattern, first = GATES[name]
    for pos in range(len(text) + 1):
        if pattern.match(text, pos) is not None:
            assert next_token(text, pos) in first(), (name, text, pos)


@given(text=st.text(max_size=60))
def test_next_token_is_the_token_after_the_blanks(text: str) -> None:
    for pos in range(len(text) + 1):
        token = next_token(text, pos)
        rest = text[pos:].lstrip()
        assert token == "" if not rest else rest.lower().startswith(token) and token


UNIT_PIECES = [" ", "\n", "\u00a0", "5", "km", "Km", "KM", "km.", "sq", " mi", "µm", "μm", "°C", "° F", "%", "per cent",
               "mph", "m", "M", "$", "US$", "(", ")", "-", "troops", "miles per hour", "kWh", "ft", "²", "/h", "'"]


@given(text=st.lists(st.sampled_from(UNIT_PIECES), max_size=8).map("".join))
def test_the_unit_gate_never_hides_a_unit(text: str) -> None:
    from quantnorm.units import lexicon

    lex = lexicon()
    for pos in range(len(text) + 1):
        if lex.unit_at(text, pos) is not None:
            assert next_token(text, pos).casefold() in lex.first_tokens, (text, pos)


DIGIT_PIECES = ["5", "0", "12", "000", "1990", " ", "\n", "\u00a0", "\u202f", ",", ".", "'", "’", "/", "^", "e",
                "E", "x", "×", "*", "½", "⁶", "⁻", "%", "km", "-", "10", "1/2", ", ", ",000", ".5", ",34", "1,000",
                ",500", "2.75", "7" * 61, ",0000", "+", "−"]


@given(text=st.lists(st.sampled_from(DIGIT_PIECES), max_size=10).map("".join))
def test_the_common_digits_path_reads_what_the_full_pattern_reads(text: str) -> None:
    """Where the quick pattern for common numbers (digits, comma groups, decimals) matches,
    reading the number in full gives the same Number: span, value, precision and form."""
    numbers = reader()
    for pos in range(len(text)):
        if numbers.COMMON_DIGITS.match(text, pos) is None:
            continue
        assert numbers.digits_at(text, pos) == numbers._digits_in_full(text, pos), (text, pos)


CURRENCY_PIECES = ["5", " ", "\u00a0", "$", "US", "us", "U.S.", "c", "C", "HK", "hk", "a", "paid", "(", "~", "€",
                   "EUR", "£", "GBP", "Rs.", "nz", "NZ", "A", "au", "the", "-", "\n"]


@given(text=st.lists(st.sampled_from(CURRENCY_PIECES), max_size=8).map("".join))
def test_the_currency_heads_never_hide_a_form(text: str) -> None:
    """A currency form of several words ("c $", "U.S. $") is looked up only when its first
    word is among the heads the lexicon derives from its data: a form that the lookup finds
    always has such a head."""
    from quantnorm.units import _key, lexicon

    lex = lexicon()
    for pos in range(1, len(text) + 1):
        before = text[:pos].split()
        for k in range(2, 4):
            if len(before) < k:
                break
            form = " ".join(before[-k:])
            key = _key(form)
            if lex.before_exact.get(key) or lex.before_folded.get(key.casefold()):
                assert before[-k].casefold() in lex.before_heads.get(k, ()), (text, form)


_LAST_WORD = regex.compile(r"(?r)(?<!\S)(\S{1,40})[\x20\u00a0\t\n]{0,4}\Z")  # what a word before is


WORDS_BEFORE_PIECES = ["a", "more", "than", "$", "(", "x" * 38, "x" * 45, "  ", " ", "\n", "\t", "\u00a0", "\u2009",
                       "\r", "\x1c", "\x1f", "\u3000", "5"]


@given(text=st.lists(st.sampled_from(WORDS_BEFORE_PIECES), max_size=14).map("".join), lo=st.integers(0, 30))
def test_the_words_before_are_read_as_the_backward_search_reads_them(text: str, lo: int) -> None:
    """Reading the word before a position with string methods (rsplit, and a step at a time
    at the limits) finds the word that the backward regex search finds."""
    from quantnorm._patterns import _word_ending

    for pos in range(len(text) + 1):
        low = min(lo, pos)
        m = _LAST_WORD.search(text, low, pos)
        assert _word_ending(text, low, pos) == (None if m is None else (m.group(1), m.start(1))), (text, low, pos)


@given(text=st.lists(st.sampled_from([*UNIT_PIECES, "sq", "square", "km²", ".", " per", "hour", "h", "/", "s"]),
                     max_size=8).map("".join))
def test_stopping_where_no_longer_form_goes_on_hides_no_unit(text: str) -> None:
    """unit_at stops reading after a form that no longer form continues; reading on (as if
    every form were continued) finds the same unit."""
    import copy

    from quantnorm.units import lexicon

    lex = lexicon()
    reading_on = copy.copy(lex)
    reading_on.continued = lex.starts
    for pos in range(len(text) + 1):
        assert lex.unit_at(text, pos) == reading_on.unit_at(text, pos), (text, pos)


ASCII_WORD_PIECES = ["five", "Five", "a", "million", "point", " ", "-", "(", "x", "_", "9", "half", "dozen", "s", ".",
                     "twenty", "one", "hundred", "fiver", "\n", "\t", "'", "~", "\x1c", "A"]


@given(text=st.lists(st.sampled_from(ASCII_WORD_PIECES), max_size=10).map("".join))
def test_the_ascii_number_word_search_agrees_with_the_word_boundary_search(text: str) -> None:
    """In an ASCII text, the scan finds number words by the character before them (after a
    blank put before the text): it finds what the search with word boundaries finds."""
    numbers = reader()
    lowered = text.lower()
    for pos in range(len(text) + 1):
        m = numbers.WORD_TRIGGER.search(lowered, pos)
        quick = numbers.WORD_TRIGGER_ASCII.search(" " + lowered, pos)
        assert (None if quick is None else (quick.start(1) - 1, quick.group(1))) == (
            None if m is None else (m.start(), m.group())), (text, pos)


NOT_QUANTITY_PIECES = ["5", "12", "2020", "1990", ":", "30", " ", "\u00a0", "pm", "p.m.", "a.m.", "am", "AM", "Pm",
                       "o'clock", "o’clock", "GMT", "PST", "PDT", "EST", "UTC", ".", "/", "-", "–", "+", "(", ")",
                       "st", "nd", "th", "s", "'", "’", "k", "K", " TV", "N", "E", "W", "S", "°", "v", "ISBN ",
                       "ISBN: ", "people", "percent", "a", "an", "amp", "24/7", "under ", "over ", " UHD", "1-800",
                       "555", "0"]


@settings(max_examples=1000)  # many pieces, few of which make a pattern match: more examples
@given(text=st.lists(st.sampled_from(NOT_QUANTITY_PIECES), max_size=10).map("".join))
def test_the_non_quantity_gate_never_hides_a_pattern(text: str) -> None:
    """Where a number may start, wherever a non-quantity pattern (data/not_quantities.txt
    [patterns]) matches as the filter tries them (at the number, or at a bracket before it),
    the [gate] matches too: the gate only spares the patterns where none can match."""
    from quantnorm.filters import filters

    rules = filters()
    for start in range(len(text)):
        if not (text[start].isdigit() or text[start] in "+-−"):
            continue
        at = start - 1 if start and text[start - 1] == "(" else start
        hi = min(len(text), start + 64)
        m = rules.PATTERNS.match(text, at, hi) if at != start else None
        if m is None or not m.lastgroup:
            m = rules.PATTERNS.match(text, start, hi)
        if m is not None and m.lastgroup:
            assert rules.GATE.match(text, at) is not None, (text, start, m.group())
