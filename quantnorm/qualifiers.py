"""Qualifier stage: the words around a number -> its bound, range, tolerance and change.

In: a text and the span of a number (with its unit). Out: the ``Bound`` a phrase before or
after it states ("more than" -> ``Bound.GT``), the words that open and join a range
("between ... and", "5-10"), a tolerance ("± 0.2"), and the direction of a change the
number measures ("rose 2.1%" -> "up"). Phrases live in data/qualifiers.txt, which also
documents the interval each bound gives (see ``intervals``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from enum import Enum
from typing import NamedTuple, TypeVar

import regex

from . import _data
from ._patterns import OPENERS as _OPENERS
from ._patterns import SPACE as _S0
from ._patterns import SPACES as _S
from ._patterns import Words, alternation, initials, next_token, words_before
from ._patterns import near as _near

__all__ = ["Bound", "Qualifier", "QualifierTables", "tables"]


class Bound(str, Enum):
    """How a stated value bounds the quantity: its ``value`` is the symbol used in JSON."""

    EQ = "="
    APPROX = "~"
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="
    RANGE = "range"

    def __str__(self) -> str:
        return self.value


class Qualifier(NamedTuple):
    """A bound phrase found in the text. ``near`` marks "nearly"/"just over": the open side
    is closed off at the stated precision, as for "about"."""

    bound: Bound
    start: int
    end: int
    near: bool = False


def _alt(phrases: list[str]) -> str:
    """Phrases of words start and end at word boundaries; phrases of signs ("~", "±") anywhere."""
    words = [p for p in phrases if p[:1].isalnum() and p[-1:].isalnum()]
    signs = [p for p in phrases if p not in words]
    parts = [rf"\b(?:{alternation(words)})\b"] if words else []
    if signs:
        parts.append(alternation(signs))
    return "|".join(parts)


class QualifierTables:
    """The phrase tables of data/qualifiers.txt, compiled once."""

    def __init__(self) -> None:
        self.before: dict[str, tuple[Bound, bool]] = {}
        self.after: dict[str, tuple[Bound, bool]] = {}
        self.range_open: dict[str, str] = {}
        self.range_join: list[str] = []
        self.tolerance: list[str] = []
        self.change: dict[str, str] = {}
        self.change_skip: list[str] = []
        self.change_noun: dict[str, str] = {}
        self.change_by: dict[str, str] = {}
        self.during_phrases: set[str] = set()
        self.during_after: set[str] = set()
        self.time_nouns: set[str] = set()
        self.currency_carry: list[str] = []
        self.dimension_join: list[str] = []
        self.list_join: list[str] = []
        self.shared_unit_stop: set[str] = set()
        for line in _data.lines("qualifiers.txt"):
            sec = line.section
            if sec in ("before", "after"):
                phrase, symbol = line.split(" = ") if " = " in line.text else line.split()
                near = symbol.endswith("~") and symbol != "~"
                bound = Bound(symbol[:-1] if near else symbol)
                (self.before if sec == "before" else self.after)[_norm(phrase)] = (bound, near)
            elif sec == "range-open":
                opener, joiner = line.split()
                self.range_open[_norm(opener)] = _norm(joiner)
            elif sec == "range-join":
                self.range_join.append(line.text)
            elif sec == "tolerance":
                self.tolerance.append(line.text)
            elif sec in ("dimension-join", "list-join"):
                (self.dimension_join if sec == "dimension-join" else self.list_join).append(line.text)
            elif sec == "shared-unit-stop":
                self.shared_unit_stop.update(w.lower() for w in _data.items(line.text))
            elif sec == "currency-carry":
                self.currency_carry.extend(_data.items(line.text))
            elif sec in ("change-up", "change-down"):
                for word in _data.items(line.text):
                    self.change[word.lower()] = sec[7:]
            elif sec in ("change-by-up", "change-by-down"):
                for word in _data.items(line.text):
                    self.change_by[word.lower()] = sec[10:]
            elif sec == "change-skip":
                self.change_skip.extend(_data.items(line.text))
            elif sec in ("change-noun-up", "change-noun-down"):
                for word in _data.items(line.text):
                    self.change_noun[_norm(word)] = sec[12:]
            elif sec in ("during", "during-after", "time-nouns"):
                table = self.during_phrases if sec == "during" else getattr(self, sec.replace("-", "_"))
                table.update(_norm(w) for w in _data.items(line.text))
            else:
                raise line.error(f"unknown section [{sec}]")
        self.skip_table = {_norm(w): True for w in self.change_skip}
        self.before_ends, self.open_ends, self.skip_ends = (
            _ends(table) for table in (self.before, self.range_open, self.skip_table)
        )
        self.before_last, self.open_last, self.skip_last = (
            {p.split()[-1] for p in table} for table in (self.before, self.range_open, self.skip_table)
        )
        self.AFTER = _near(
            rf"(?i){_S0}(?:{_alt([a for a in self.after if a != '+'])})|\+(?![\w])", first=initials(self.after)
        )
        self.TOLERANCE = _near(rf"(?i){_S0}(?:{_alt(self.tolerance)}){_S0}", first=initials(self.tolerance))
        joins = "|".join(
            regex.escape(j) if not j.isalpha() else rf"(?<=\s){j}(?=\s)"
            for j in sorted(self.range_join, key=len, reverse=True)
        )
        self.JOIN = _near(rf"(?i){_S0}(?:{joins}){_S0}", first=initials(self.range_join))
        self.DIMENSION_JOIN = _near(
            rf"(?i){_joiner(self.dimension_join, hyphens=True)}", first=initials([*self.dimension_join, "-"])
        )
        list_words = alternation(self.list_join)
        self.LIST_JOIN = _near(
            rf"(?i)(?:,{_S}(?:(?:{list_words}){_S})?|{_S}(?:{list_words}){_S})", first=initials([*self.list_join, ","])
        )
        self.STOP_AFTER_SHARED = _near(
            rf"(?i)[\x20\u00a0-]++(?:{alternation(self.shared_unit_stop)})(?![\w])",
            first=initials(self.shared_unit_stop),
        )
        carry = alternation([_norm(p) for p in self.currency_carry], r"[\x20\u00a0]++")
        self.CARRY = _near(rf"(?i)[,;]?{_S0}(?:{carry})[\x20\u00a0]*+(?:\n[\x20\u00a0]*+)?(?<=\s)")
        self.CHANGE_NOUN = _near(
            rf"(?i)[\s\u00a0]++(?:-\s*)?({_alt(list(self.change_noun))})", first=initials([*self.change_noun, "-"])
        )
        # Where a mention may go on: the first word or sign of every phrase that may follow
        # one (range joins, tolerances, bounds after, nouns of change). Where the token next
        # (``next_token``) is none of them (most places: ",", ".", "in", "of"), one lookup
        # answers "no" for the four patterns above.
        follow = [*self.after, *self.range_join, *self.tolerance, *self.change_noun, "-"]
        self.follow_first = frozenset(
            {m.group(0).lower() for p in follow if (m := regex.match(r"[^\W\d_]+", p))}
            | {p[0] for p in follow if not p[0].isalnum()}
        )

    @staticmethod
    def _phrase_before(
        words: Words, first: int, table: Mapping[str, T], ends: set[str]
    ) -> tuple[T, int, int] | None:
        """The longest phrase of ``table`` made of the words before a position, from the
        ``first``-th nearest on: (its meaning, its start, how many words). ``ends``: every
        phrase's last words, one or more, so that the reading stops as soon as no phrase can
        go on (and reads no more words than that)."""
        found: tuple[T, int, int] | None = None
        phrase = ""
        k = first
        while (item := words.nth(k)) is not None:
            word, start = item
            k += 1
            bare = word.lstrip(_OPENERS)
            phrase = f"{bare.lower()} {phrase}" if phrase else bare.lower()
            if phrase in table:
                found = table[phrase], start + len(word) - len(bare), k - first
            if phrase not in ends or len(bare) != len(word):
                break  # no longer phrase ends this way, or an opening bracket starts it
        return found

    def bound_before(self, text: str, pos: int, words: Words | None = None) -> Qualifier | None:
        """A bound phrase ending right before ``pos`` ("more than 3,000"). ``words``: the
        words before a position (``words_before``), if read already."""
        words = words_before(text, pos, words)
        if words.last not in self.before_last:
            return None
        found = self._phrase_before(words, 0, self.before, self.before_ends)
        if found is None:
            return None
        (bound, near), start, _ = found
        last, last_start = words.nth(0) or ("", pos)
        return Qualifier(bound, start, last_start + len(last), near)

    def bound_after(self, text: str, pos: int) -> Qualifier | None:
        """A bound phrase starting at ``pos`` ("50 or more", "10,000+")."""
        if next_token(text, pos) not in self.follow_first:
            return None
        m = self.AFTER.match(text, pos)
        if not m:
            return None
        phrase = _norm(m.group(0))
        bound, near = self.after[phrase]
        return Qualifier(bound, m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end(), near)

    def range_opener(self, text: str, pos: int, words: Words | None = None) -> tuple[int, str] | None:
        """ "between" / "from" right before ``pos``: (start, the word that must join)."""
        words = words_before(text, pos, words)
        if words.last not in self.open_last:
            return None
        found = self._phrase_before(words, 0, self.range_open, self.open_ends)
        return None if found is None else (found[1], found[0])

    def change_before(self, text: str, pos: int, words: Words | None = None) -> str | None:
        """ "up" or "down" when a change word precedes ``pos`` ("rose by about 2.1%"), with
        any of the [change-skip] words between them."""
        words = words_before(text, pos, words)
        if words.last not in self.change and words.last not in self.skip_last:
            return None
        k = 0  # the nearest word not skipped
        while (skipped := self._phrase_before(words, k, self.skip_table, self.skip_ends)) is not None:
            k += skipped[2]
        item = words.nth(k)
        if item is None:
            return None
        found = self.change.get(item[0].lstrip(_OPENERS).lower())
        if found is None and k and (words.nth(k - 1) or ("",))[0] == "by":
            # "by" ends the skipped words: the change word may stand before its object
            # ("cut emissions by 30%", "raised the rate by 0.25 points")
            for j in range(k, k + 3):
                item = words.nth(j)
                if item is None:
                    break
                bare = item[0].lstrip(_OPENERS).lower()
                found = self.change.get(bare) or self.change_by.get(bare)
                if found is not None or item[0].endswith((",", ";", ":")):
                    break
        return found

    def carries_currency(self, text: str, end: int, pos: int) -> bool:
        """Whether a [currency-carry] phrase ("up from", "versus") fills the text between a
        mention of money ending at ``end`` and a number at ``pos``."""
        m = self.CARRY.match(text, end)
        return m is not None and m.end() == pos

    def change_after(self, text: str, pos: int) -> str | None:
        """ "up" or "down" for a noun of change after a mention ("a 5% rise")."""
        if next_token(text, pos) not in self.follow_first:
            return None
        m = self.CHANGE_NOUN.match(text, pos)
        return self.change_noun[_norm(m.group(1))] if m else None

    def during(self, text: str, q: Qualifier, floor: int) -> bool:
        """Whether the bound phrase ``q`` says when rather than how much before a span of
        time: right after an amount (one ending at ``floor``: "rose 5% over three years") or
        after a [during-after] word ("built over 18 months"; not "lasted over three hours")."""
        if _norm(text[q.start:q.end]) not in self.during_phrases:
            return False
        if floor and not text[floor:q.start].strip():
            return True
        before = words_before(text, q.start).word()
        return before is not None and before.lower() in self.during_after


def _joiner(words: list[str], hyphens: bool) -> str:
    """Words that join numbers: a single character with or without blanks around it ("5x10",
    "5 × 10"); a longer word between blanks, or between hyphens when ``hyphens`` ("5-by-10")."""
    signs = "".join(regex.escape(w) for w in words if len(w) == 1)
    longer = alternation(w for w in words if len(w) > 1)
    parts = [f"{_S0}[{signs}]{_S0}"] if signs else []
    if longer:
        parts.append(rf"{_S}(?:{longer}){_S}")
        if hyphens:
            parts.append(rf"-(?:{longer})-")
    return "(?:" + "|".join(parts) + ")"


T = TypeVar("T")
def _ends(phrases: Mapping[str, object]) -> set[str]:
    """The last word, the last two words... of every phrase: "than", "more than"."""
    out: set[str] = set()
    for phrase in phrases:
        words = phrase.split()
        out.update(" ".join(words[i:]) for i in range(len(words)))
    return out


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@functools.lru_cache(maxsize=1)
def tables() -> QualifierTables:
    """The qualifier tables, built on first use."""
    return QualifierTables()
