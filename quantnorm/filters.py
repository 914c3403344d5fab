"""Filter stage: numbers that are not quantities -> the reason why.

In: a text and a number found in it (its span, its value, whether a unit or a counted noun
goes with it). Out: a reason ("year", "date", "time", "score", "label", "name",
"identifier", "phone"...) when the number is not an amount of anything, else None.

The rules and their word lists are in data/not_quantities.txt: window patterns (times, dates,
phone numbers, versions...), labels ("Section 427"), capitalised names ("Boeing 737"),
years, scores ("won 3-1"), street numbers. A number with a physical unit or a currency is a
quantity even where it looks like a year ("2024 km", "$1990").
"""

from __future__ import annotations

import functools

import regex

from . import _data
from ._patterns import Words, compile, ending, near, words_before
from .numbers import Number
from .qualifiers import tables as qualifier_tables

__all__ = ["Filters", "filters"]

_WORDS_BEFORE = ending(r"(?<![\w'’\-])(?:[\w'’\-]+[\s\u00a0,]+){0,2}[\w'’\-]+")
_PAREN_AFTER = near(r"[\x20]?\)")
_CODE_AFTER = near(r"[\x20\u00a0]++(?:[^\W\d_]++-?\d|\d++[^\W\d_])")
_WORDS = compile(r"[\w'’\-]+")
_WORD_AFTER = near(r"[\s\u00a0]*+([\w'’.\-]++)")


class Filters:
    """Compiled non-quantity rules from data/not_quantities.txt."""

    def __init__(self) -> None:
        patterns: list[str] = []
        self.reasons: list[str] = []
        lists: dict[str, set[str]] = {}
        gate = ""
        for line in _data.lines("not_quantities.txt"):
            if line.section == "gate":
                gate = line.text
            elif line.section == "patterns":
                reason, pattern = line.split()
                try:
                    regex.compile(pattern)
                except regex.error as exc:
                    raise line.error(f"bad pattern ({exc})") from None
                flags = regex.match(r"\(\?([a-z]+)\)", pattern)
                if flags:  # a leading (?i) applies to this pattern only
                    pattern = f"(?{flags.group(1)}:{pattern[flags.end():]})"
                patterns.append(f"(?P<r{len(self.reasons)}>{pattern})")
                self.reasons.append(reason)
            else:
                lists.setdefault(line.section, set()).update(_data.items(line.text))
        self.PATTERNS = compile("|".join(patterns))
        self.GATE = near(gate or ".", reach=64)
        self.labels = {w.casefold() for w in lists.get("labels", ())}
        self.sentence_words = lists.get("sentence-words", set())
        self.determiners = {w.casefold() for w in lists.get("determiners", ())}
        self.months = {w.casefold() for w in lists.get("months", ())}
        self.weekdays = {w.casefold() for w in lists.get("weekdays", ())}
        self.score_words = {w.casefold() for w in lists.get("score-words", ())}
        self.score_nouns = {w.casefold() for w in lists.get("score-nouns", ())}
        self.street_words = lists.get("street-words", set())
        self.fraction_noun_words = {w.casefold() for w in lists.get("fraction-noun-words", ())}

    def pattern_reason(self, text: str, start: int, end: int) -> tuple[str, int] | None:
        """(reason, end of the match) of a pattern (time, date, phone...) that matches where
        the number at [start, end) starts, or at the parenthesis right before it."""
        at = start - 1 if start and text[start - 1] == "(" else start
        if self.GATE.match(text, at) is None:
            return None
        hi = min(len(text), end + 48)
        m = self.PATTERNS.match(text, start - 1, hi) if at != start else None
        if m is None:
            m = self.PATTERNS.match(text, start, hi)
        if m is None or not m.lastgroup:
            return None
        return self.reasons[int(m.lastgroup[1:])], m.end()

    def context_reason(
        self, text: str, number: Number, bare: bool, physical: bool, counted: bool = False, words: Words | None = None
    ) -> str | None:
        """Why a number is not a quantity, from the words around it. ``bare``: no unit and no
        counted noun; ``physical``: a physical unit or a currency goes with it; ``counted``:
        a counted noun goes with it; ``words``: the words before the number, if read."""
        start, end = number.start, number.end
        surface = text[start:end].lstrip("+-−\x20")
        if physical and not bare and not counted and number.form != "fraction":  # "5 km": only the zeros rule
            return "identifier" if _leading_zero(number, surface) else None
        prev = words_before(text, start, words).word()
        prev_f = prev.casefold() if prev else ""
        if number.form == "digits" and not physical and surface.isdigit():
            value = int(surface)
            if len(surface) == 4 and 1000 <= value <= 2199 and not (counted and _bounded(text, start, words)):
                return "year"  # but "about 1200 troops", "more than 1500 people" are counts
            day = 1 <= value <= 31
            if prev_f.rstrip(".") in self.months and (day or 1000 <= value <= 2199):
                return "date"
            if day and _word_after(text, end).casefold().rstrip(".,") in self.months:
                return "date"
            if prev_f.rstrip(",") in self.weekdays and day:
                return "date"
        if number.form == "fraction" and prev_f in self.fraction_noun_words and surface.isalpha():
            return "noun"  # "the second half of the year"
        if _leading_zero(number, surface):
            return "identifier"  # "007", "0800": zeros before a whole number
        if counted and prev and prev[0].isupper() and prev_f in self.labels:
            return "label"  # "Level 3 restrictions", "Tier 2 rules"
        if counted and prev and prev[:1].islower() and any(ch.isupper() for ch in prev[1:]):
            return "name"  # "iPhone 15 sales": a product name
        if not bare:
            return None
        if number.is_integer and abs(number.value) < 100 and _PAREN_AFTER.match(text, end):
            before = text[max(0, start - 80):start]
            if before.rfind("(") <= before.rfind(")"):
                return "enumeration"
        if _CODE_AFTER.match(text, end):
            return "identifier"  # "24703 m212": a code follows
        if prev is not None:
            if prev_f in self.labels or prev_f.rstrip(".") + "." in self.labels:
                return "label"
            if prev_f in self.determiners and surface.isdigit() and len(surface) >= 3:
                return "name"
            if (
                prev[0].isupper() or any(ch.isupper() for ch in prev[1:])
            ) and prev not in self.sentence_words and prev.rstrip(".,") not in self.sentence_words:
                gap = text[start - 1] if start else ""
                if gap in " \u00a0\n" and not prev.endswith((".", ",")):
                    return "name"
        nxt = _word_after(text, end)
        if nxt and nxt[0].isupper() and surface.isdigit():
            for w in text[end:end + 48].split()[1:4]:
                if w.rstrip(".,") in self.street_words or w in self.street_words:
                    return "address"
                if not w[:1].isupper():
                    break
        return None

    def time_or_date_end(self, text: str, number: Number) -> int | None:
        """Where a clock time or a date that ``number`` starts ends ("10 p.m.", "3 May"), or
        None: the second end of what would otherwise be a range ("from 7 to 10 p.m.")."""
        found = self.pattern_reason(text, number.start, number.end)
        if found is not None and found[0] in ("time", "date"):
            return found[1]
        if number.form == "digits" and number.is_integer and 1 <= number.value <= 31:
            after = _WORD_AFTER.match(text, number.end)
            if after is not None and after.group(1).casefold().rstrip(".,") in self.months:
                return after.end()
        return None

    def is_score(self, text: str, start: int, end: int) -> bool:
        """Two small integers joined by a dash at [start, end), in a score context."""
        before = _WORDS_BEFORE.search(text, max(0, start - 48), start)
        if before:
            for word in _WORDS.findall(before.group(0)):
                if word.casefold() in self.score_words:
                    return True
        after = _WORD_AFTER.match(text, end)
        return bool(after and after.group(1).casefold().rstrip(".,") in self.score_nouns)


def _bounded(text: str, start: int, words: Words | None) -> bool:
    """Whether a bound phrase ("about", "more than") stands right before ``start``."""
    return qualifier_tables().bound_before(text, start, words) is not None


def _leading_zero(number: Number, surface: str) -> bool:
    return number.form == "digits" and surface[:1] == "0" and surface[1:2].isdigit()


def _word_after(text: str, end: int) -> str:
    after = _WORD_AFTER.match(text, end)
    return after.group(1) if after else ""


@functools.lru_cache(maxsize=1)
def filters() -> Filters:
    """The non-quantity rules, built on first use."""
    return Filters()
