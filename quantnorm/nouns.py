"""Counted-noun stage: the words after a number with no unit -> the noun it counts, lemmatised.

In: a text, the position after a number, and whether the number is plural. Out: a ``Noun``
(the head word's span and its lemma: "3,000 North Korean troops" -> "troop") or None when
no noun follows ("All 70 of us", "up 0.95").

How the head is found is documented in data/nouns.txt, which also holds the stop words, the
invariant plurals and the lemma corrections. Lemmas come from simplemma (a dictionary-based
lemmatiser: pure Python, MIT licence, its English table loaded on the first noun), corrected
by that file ("people" -> "person").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

import regex

from . import _data
from ._patterns import near, next_token
from .numbers import reader as number_reader

__all__ = ["Noun", "NounReader", "reader"]

# A word of letters (with inner apostrophes and hyphens); a word glued to digits ("USD50")
# is a code and ends the phrase.
_WORD = near(
    r"[\x20\u00a0\t]*+(?:\n[\x20\u00a0\t]*+)?"
    r"((?:[^\W\d_]\.){2,}|[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*+)(?![\w])"  # "U.S.", "troops"
)
# A model after a name: a token of capitals and digits with a digit, after a blank or a
# hyphen ("Boeing 737", "Airbus A320", "F-16", "737-800"): the name and the model go with
# the noun ("50 Boeing 737 aircraft" counts aircraft); a model in the plural is the noun
# ("50 Boeing 737s" counts 737s).
_MODEL = near(r"(?:[\x20\u00a0]|-)(?=[A-Z\-]*+\d)([A-Z\d]++(?:-[A-Z\d]++)*+)(s?)(?![\w\-])", reach=40)
_ADJECTIVE_AND = frozenset({"and", "or", "&"})  # "Russian and North Korean troops"
_COMMA = near(r",[\x20\u00a0]++")
_OF = near(
    r"(?i)[\x20\u00a0]++of[\x20\u00a0]++(?:(?:the|these|those|its|their|his|her|our|my|your|"
    r"all|whom|which|them|[^\W\d_]++['’]s?)[\x20\u00a0]++)*+"
)


@dataclass(frozen=True)
class Noun:
    """The counted noun: the span of the head word and its lemma."""

    start: int
    end: int
    word: str
    lemma: str
    inner: int | None = None  # where an amount of its own starts inside the phrase ("three-ton")


class NounReader:
    """Stop words, invariant plurals and lemma corrections of data/nouns.txt."""

    def __init__(self) -> None:
        self.lemmas: dict[str, str] = {}
        self.invariant: set[str] = set()
        self.stop: set[str] = set()
        self.verbs: set[str] = set()
        self.verb_nouns: set[str] = set()
        self.adjectives: set[str] = set()
        self.skip: set[str] = set()
        self.dimensionless: set[str] = set()
        for line in _data.lines("nouns.txt"):
            if line.section == "lemmas":
                plural, singular = line.split()
                self.lemmas[plural.lower()] = singular.lower()
            elif line.section in ("invariant", "stop", "verbs", "verb-nouns", "adjectives", "skip", "dimensionless"):
                getattr(self, line.section.replace("-", "_")).update(w.lower() for w in _data.items(line.text))
            else:
                raise line.error(f"unknown section [{line.section}]")

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one reader per process, words repeat
    def lemma(self, word: str) -> str:
        """The singular lemma of a noun ("troops" -> "troop", "people" -> "person")."""
        low = word.lower()
        if low in self.lemmas:
            return self.lemmas[low]
        if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
            return word[:-1]  # "CDs", "SUVs": an acronym keeps its letters
        if "-" in low:
            head, _, last = low.rpartition("-")
            return f"{head}-{self.lemma(last)}"
        if low in self.invariant or not low.endswith("s"):
            return low
        import simplemma  # loaded on the first plural noun: its table takes ~0.1 s

        lemma = simplemma.lemmatize(low, lang="en")
        if not isinstance(lemma, str) or not lemma or not low.startswith(lemma[:2]):
            return low[:-1]
        if lemma == low and not low.endswith(("ss", "us", "is")):
            return low[:-1]  # a word the dictionary does not know: the regular plural ("CDs")
        return lemma.lower()

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one reader per process, words repeat
    def is_plural(self, word: str) -> bool:
        """Whether a word reads as a plural noun."""
        low = word.lower()
        if low in self.stop and low not in self.invariant:
            return False
        if low in self.lemmas or low in self.invariant:
            return True
        return low.endswith("s") and not low.endswith(("ss", "us", "is")) and self.lemma(low) != low

    def head_after(self, text: str, pos: int, plural: bool, allow_of: bool, compound: bool = True) -> Noun | None:
        """The counted noun after ``pos``. ``plural``: the number is not one; ``allow_of``:
        "one of the computers", "thousands of troops" may skip an "of" phrase first;
        ``compound``: a plural noun right after the first plural noun is the head ("20 sales
        people"), which is right after a plural number, not after "one of" or "one in five",
        where it is a verb ("one of the men says", "one in five adults smokes")."""
        compound = compound and plural
        p = pos
        if allow_of:
            m = _OF.match(text, p) if next_token(text, p) == "of" else None
            if m:
                p = m.end()
                plural = True  # "one of the computers": a plural noun, maybe a singular verb
        words: list[tuple[int, int, str]] = []
        inner: int | None = None
        while len(words) < 6:
            m = _WORD.match(text, p)
            if not m:
                break
            word = m.group(1)
            low = word.lower()
            if low in self.skip and not words:
                p = m.end()
                continue
            if low in _ADJECTIVE_AND and plural and words and word == low:
                # "Russian and North Korean troops": adjectives joined, then the noun
                after = _WORD.match(text, m.end())
                if after is not None and after.group(1).lower() not in self.stop:
                    p = m.end()
                    continue
            if low in self.stop and not (plural and low in self.invariant):
                break
            if inner is None and "-" in low and self._quantity_word(low):
                inner = m.start(1)  # "five of the three-ton satellites": an amount of its own
            if low in self.verbs and not (plural and not words and low in self.verb_nouns):
                break
            participle = low.endswith(("ed", "ing")) and low not in self.invariant and not self.is_plural(low)
            if words and participle and not (plural and _WORD.match(text, m.end())):
                break  # "one man killed"; but "500 heavily armed police officers"
            words.append((m.start(1), m.end(1), word))
            p = m.end()
            if plural and word[0].isupper():
                c1, c2 = text[p + 1:p + 2], text[p + 2:p + 3]  # a digit, or a capital before a digit or "-"
                ok = c1.isdigit() or (c1.isupper() and (c2.isdigit() or c2 == "-"))
                model = _MODEL.match(text, p) if ok else None
                if model is not None:  # "50 Boeing 737 aircraft", "12 F-16 jets"
                    if model.group(2):  # "50 Boeing 737s"
                        return Noun(model.start(1), model.end(2), model.group(0).lstrip(" \u00a0-"), model.group(1))
                    p = model.end()
                    continue
            if plural and self.is_plural(word):
                head = self._compound_head(text, m) if compound else None  # "special forces soldiers"
                head = head or Noun(m.start(1), m.end(1), word, self.lemma(word))
                return head if inner is None else replace(head, inner=inner)
            if text[p:p + 1] == "," and plural:
                # "thousands of small, friendly deals": adjectives in a list
                comma = _COMMA.match(text, p)
                if comma and _WORD.match(text, comma.end()):
                    p = comma.end()
                    continue
            if text[p:p + 1] not in (" ", "\u00a0", "\t", "\n"):
                break
        if not words or plural:
            return None  # a plural number with no plural noun after it counts nothing
        if words[-1][2][-1:] == "." and len(words) == 1:
            return None  # "U.S." alone names no thing counted
        start, end, word = words[-1]
        if word.lower() in self.adjectives:
            return None  # "two-thirds full"
        if word[0].isupper() and len(words) == 1 and not text[pos:start].strip():
            return None  # "one Ukrainian" is a name more than a count
        return Noun(start, end, word, self.lemma(word) if self.is_plural(word) else word.lower(), inner)


    def _quantity_word(self, low: str) -> bool:
        """Whether a hyphenated word is a number word and a unit: "three-ton", "ten-mile"."""
        first, _, rest = low.partition("-")
        numbers = number_reader()
        if first not in numbers.cardinals and first not in numbers.multipliers and first not in numbers.fractions:
            return False
        from .units import lexicon  # the unit stage builds on the number stage, not on this one

        return lexicon().lookup(rest) is not None

    def _compound_head(self, text: str, m: regex.Match[str] | re.Match[str]) -> Noun | None:
        """The plural noun right after a plural noun, which makes it a modifier ("special
        forces soldiers", "sales people"), or None."""
        nxt = _WORD.match(text, m.end())
        if nxt is None or text[m.end():m.end() + 1] not in (" ", "\u00a0"):
            return None
        word = nxt.group(1)
        low = word.lower()
        if low in self.stop or low in self.verbs or word[0].isupper() or not self.is_plural(word):
            return None
        return Noun(nxt.start(1), nxt.end(1), word, self.lemma(word))


@functools.lru_cache(maxsize=1)
def reader() -> NounReader:
    """The noun reader, built on first use."""
    return NounReader()
