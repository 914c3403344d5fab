"""Qualifier stage: the words around a number -> its bound, range, tolerance and change.

In: a text and the span of a number (with its unit). Out: the ``Bound`` a phrase before or
after it states ("more than" -> ``Bound.GT``), the words that open and join a range
("between ... and", "5-10"), a tolerance ("± 0.2"), and the direction of a change the
number measures ("rose 2.1%" -> "up"). Phrases live in data/qualifiers.txt, which also
documents the interval each bound gives (see ``intervals``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import Enum

import regex

from . import _data
from ._patterns import SPACE as _S0
from ._patterns import alternation, ending, longest_first
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


@dataclass(frozen=True)
class Qualifier:
    """A bound phrase found in the text. ``near`` marks "nearly"/"just over": the open side
    is closed off at the stated precision, as for "about"."""

    bound: Bound
    start: int
    end: int
    near: bool = False


def _alt(phrases: list[str], backwards: bool = False) -> str:
    """Phrases of words start and end at word boundaries; phrases of signs ("~", "±") anywhere.
    ``backwards``: for an ``ending`` pattern (longest phrase first)."""
    alt = longest_first if backwards else alternation
    words = [p for p in phrases if p[:1].isalnum() and p[-1:].isalnum()]
    signs = [p for p in phrases if p not in words]
    parts = [rf"\b(?:{alt(words)})\b"] if words else []
    if signs:
        parts.append(alt(signs))
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
            elif sec in ("change-up", "change-down"):
                for word in _data.items(line.text):
                    self.change[word.lower()] = sec[7:]
            elif sec == "change-skip":
                self.change_skip.extend(_data.items(line.text))
            elif sec in ("change-noun-up", "change-noun-down"):
                for word in _data.items(line.text):
                    self.change_noun[word.lower()] = sec[12:]
            else:
                raise line.error(f"unknown section [{sec}]")
        self.BEFORE = ending(_alt(list(self.before), backwards=True), regex.I)
        self.AFTER = _near(rf"(?i){_S0}(?:{_alt([a for a in self.after if a != '+'])})|\+(?![\w])")
        self.OPEN = ending(_alt(list(self.range_open), backwards=True), regex.I)
        self.TOLERANCE = _near(rf"(?i){_S0}(?:{_alt(self.tolerance)}){_S0}")
        joins = "|".join(
            regex.escape(j) if not j.isalpha() else rf"(?<=\s){j}(?=\s)"
            for j in sorted(self.range_join, key=len, reverse=True)
        )
        self.JOIN = _near(rf"(?i){_S0}(?:{joins}){_S0}")
        skip = _alt(self.change_skip, backwards=True)
        self.CHANGE = ending(rf"({_alt(list(self.change), backwards=True)})(?:\s+(?:{skip}))*", regex.I)
        self.CHANGE_NOUN = _near(rf"(?i)[\s\u00a0]++(?:-\s*)?({_alt(list(self.change_noun))})")

    def bound_before(self, text: str, pos: int) -> Qualifier | None:
        """A bound phrase ending right before ``pos`` ("more than 3,000")."""
        m = self.BEFORE.search(text, max(0, pos - 32), pos)
        if not m:
            return None
        bound, near = self.before[_norm(m.group(0))]
        return Qualifier(bound, m.start(), m.start() + len(m.group(0).rstrip()), near)

    def bound_after(self, text: str, pos: int) -> Qualifier | None:
        """A bound phrase starting at ``pos`` ("50 or more", "10,000+")."""
        m = self.AFTER.match(text, pos)
        if not m:
            return None
        phrase = _norm(m.group(0))
        bound, near = self.after[phrase]
        return Qualifier(bound, m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end(), near)

    def range_opener(self, text: str, pos: int) -> tuple[int, str] | None:
        """ "between" / "from" right before ``pos``: (start, the word that must join)."""
        m = self.OPEN.search(text, max(0, pos - 24), pos)
        if not m:
            return None
        return m.start(), self.range_open[_norm(m.group(0))]

    def change_before(self, text: str, pos: int) -> str | None:
        """ "up" or "down" when a change word precedes ``pos`` ("rose by about 2.1%")."""
        m = self.CHANGE.search(text, max(0, pos - 48), pos)
        return self.change[m.group(1).lower()] if m else None

    def change_after(self, text: str, pos: int) -> str | None:
        """ "up" or "down" for a noun of change after a mention ("a 5% rise")."""
        m = self.CHANGE_NOUN.match(text, pos)
        return self.change_noun[m.group(1).lower()] if m else None


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@functools.lru_cache(maxsize=1)
def tables() -> QualifierTables:
    """The qualifier tables, built on first use."""
    return QualifierTables()
