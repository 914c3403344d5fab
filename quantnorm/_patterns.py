"""Building the compiled patterns of the stages from word lists.

In: lists of words and phrases from the data files. Out: pattern source for the `regex`
module: ``alternation`` factors common prefixes into a trie ("thousand|three|thirty" ->
"th(?:ousand|irty|ree)"), so that matching a word list costs one pass over the text instead
of one try per word; ``ending`` compiles a pattern that matches a phrase ending exactly at a
position, searching backwards from it (the `regex` module's reverse mode), so that looking
at the words before a number costs a few steps, whatever the size of the list.

Patterns go to the standard library's ``re`` when it can compile them (a call costs a third
of a `regex` call, and the scan makes tens of thousands) and to `regex` for what only it has:
reverse searches, Unicode property classes, variable-length look-behinds, and possessive
quantifiers before Python 3.11. Both are linear here: every repeat that could backtrack is
possessive or atomic, and ``Near`` windows each match.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeAlias

import regex

__all__ = [
    "OPENERS", "SPACE", "SPACES", "Match", "Near", "Pattern", "Words", "alternation", "compile", "ending",
    "initials", "longest_first", "near", "next_token", "words_before",
]

Pattern: TypeAlias = "re.Pattern[str] | regex.Pattern[str]"
Match: TypeAlias = "re.Match[str] | regex.Match[str]"

REACH = 200  # how far past a position a pattern of the stages may look

# White space inside a sentence: blanks and at most one line break (a blank line ends it).
SPACES = r"(?:[\x20\u00a0\t]++(?:\n[\x20\u00a0\t]*+)?|\n[\x20\u00a0\t]*+)"  # one or more
SPACE = rf"(?:{SPACES})?"  # none or more


def alternation(words: Iterable[str], space: str = r"\s+") -> str:
    """A trie-shaped alternation of ``words`` (white space inside a word matches ``space``).
    Longer words win over their prefixes ("thousand" before "thou")."""
    trie: dict[str, Any] = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [
            (space if ch == " " else regex.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def longest_first(words: Iterable[str], space: str = r"\s+") -> str:
    """A plain alternation, longest words first: for ``ending`` patterns, which match
    backwards, where a trie's prefix sharing does not help and the order decides."""
    return "|".join(
        regex.escape(w).replace(r"\ ", space) for w in sorted(set(words), key=lambda w: (-len(w), w))
    )


def ending(source: str, flags: int = 0) -> regex.Pattern[str]:
    """A pattern for ``source`` followed by optional white space and the end of the searched
    slice, searched backwards: ``pattern.search(text, lo, pos)`` finds the match that ends at
    ``pos`` (after white space) in a few steps."""
    return regex.compile(rf"(?r)(?:{source})[\s\u00a0]*\Z", flags)


class Near:
    """A pattern matched at a position, looking at most ``reach`` characters past it.

    The regex module first searches the whole rest of a text for a literal that a pattern
    needs ("of" in a pattern for " of ") before trying the position; over a long text that
    makes every call cost the text's length. A window keeps each call local and the scan
    linear. ``first``, when given, lists the characters the pattern can start with after
    white space: any other character answers "no" without running a pattern of `regex` (a
    pattern that ``re`` compiled runs quicker than that test). The pattern is compiled on its
    first use, so that importing quantnorm compiles nothing."""

    __slots__ = ("_flags", "_match", "_source", "first", "reach")

    def __init__(self, source: str, flags: int = 0, reach: int = REACH, first: str | None = None) -> None:
        self._source, self._flags = source, flags
        self._match: Callable[[str, int, int], Match | None] = self._compile_and_match
        self.reach = reach
        self.first = None if first is None else frozenset(first)

    @property
    def pattern(self) -> Pattern:
        return compile(self._source, self._flags)

    def _compile_and_match(self, text: str, pos: int, endpos: int) -> Match | None:
        pattern = self.pattern
        if isinstance(pattern, re.Pattern):
            self.first = None  # a call of `re` costs less than the test of ``first`` in Python
        self._match = pattern.match
        return self._match(text, pos, endpos)

    def match(self, text: str, pos: int) -> Match | None:
        first = self.first
        if first is not None:
            c = text[pos:pos + 1]
            if c not in first:  # "" (the end) is in no set
                if c not in _BLANKS:
                    return None
                i, n = pos + 1, len(text)
                while i < n and text[i] in _BLANKS:
                    i += 1
                if i == n or text[i] not in first:
                    return None
        return self._match(text, pos, pos + self.reach)


_BLANKS = frozenset(" \u00a0\t\n\u2009\u202f")


# QUANTNORM_REGEX_ONLY=1 compiles everything with `regex`: the tests compare both ways.
_RE_FIRST = os.environ.get("QUANTNORM_REGEX_ONLY", "") in ("", "0")


def compile(source: str, flags: int = 0) -> Pattern:
    """``source`` compiled by ``re`` when it can, else by `regex` (see the module's docstring)."""
    if _RE_FIRST:
        try:
            return re.compile(source, flags)
        except re.error:
            pass
    return regex.compile(source, flags)


def near(source: str, flags: int = 0, reach: int = REACH, first: str | None = None) -> Near:
    """Compile ``source`` for matching at a position (see ``Near``)."""
    return Near(source, flags, reach, first)


def initials(phrases: Iterable[str]) -> str:
    """The first characters of phrases, in both cases: ``first`` for ``near``."""
    out = {p[0] for p in phrases if p}
    return "".join(sorted(out | {c.upper() for c in out} | {c.lower() for c in out}))


OPENERS = "([{\"'“‘"
# The words before a position: a word is a run of 1 to 40 characters other than white space,
# after white space (or the start of the text), followed by at most four blanks. Read with
# string methods (quicker than a backward regex search for words this short;
# tests/test_gates.py checks them against that search), so that the cost depends on the
# words' length, not the text's.
_BLANKS_AFTER_WORD = " \u00a0\t\n"
_NOT_REGEX_SPACE = "\x1c\x1d\x1e\x1f"  # str.isspace() says yes, regex's \s says no


def _word_ending(text: str, lo: int, pos: int) -> tuple[str, int] | None:
    """(word, start) of the word that ends where at most four blanks before ``pos`` start,
    reading no further back than ``lo``; None if there is none."""
    i = pos
    stop = pos - 4 if pos - 4 > lo else lo
    while i > stop and text[i - 1] in _BLANKS_AFTER_WORD:
        i -= 1
    stop = i - 40 if i - 40 > lo else lo
    if i == stop:
        return None
    if text[i - 1].isspace():  # more than four blanks, or other white space
        return _stepping_back(text, stop, i) if text[i - 1] in _NOT_REGEX_SPACE else None
    word = text[stop:i].rsplit(None, 1)[-1]
    j = i - len(word)
    if j and (not text[j - 1].isspace() or text[j - 1] in _NOT_REGEX_SPACE):
        return _stepping_back(text, stop, i)  # at the limit, or a control character inside
    return word, j


def _stepping_back(text: str, stop: int, i: int) -> tuple[str, int] | None:
    """The word that ends at ``i``, starting no earlier than ``stop``, read a character at a
    time: where white space to `str` is none to `regex` ("\\x1c"), or at the limits."""
    j = i
    while j > stop and (not text[j - 1].isspace() or text[j - 1] in _NOT_REGEX_SPACE):
        j -= 1
    if j == i or (j and (not text[j - 1].isspace() or text[j - 1] in _NOT_REGEX_SPACE)):
        return None  # no word, a word of more than 40 characters
    return text[j:i], j


_PLAIN_WORD = compile(r"[\w#][\w.'’#\-]*+")
_MAX_WORDS = 6
_WINDOW = 270  # six words of at most 40 characters and 4 blanks, and a little more


class Words:
    """The words right before a position, nearest first, read lazily: most lookups stop at
    the nearest word, which ends no phrase, and most others at the second."""

    __slots__ = ("_found", "_lo", "last", "pos", "raw", "text")

    def __init__(self, text: str, pos: int) -> None:
        self.text, self.pos = text, pos
        self._lo = pos - _WINDOW if pos > _WINDOW else 0
        nearest = _word_ending(text, self._lo, pos)
        # (word, start) found so far; None past the last word there is
        self._found: list[tuple[str, int]] | None = None if nearest is None else [nearest]
        self.raw = "" if nearest is None else nearest[0]  # the nearest word as written ("(more", "oct.")
        self.last = self.raw.lstrip(OPENERS).lower()  # and as looked up ("more")

    def word(self) -> str | None:
        """The nearest word if it is a plain word (letters, digits, and . ' - # inside):
        "May", "oct.", "No."; None for "said:" or "—"."""
        word = self.raw.lstrip(OPENERS)
        return word if word and _PLAIN_WORD.fullmatch(word) else None

    def nth(self, k: int) -> tuple[str, int] | None:
        """(word, start) of the k-th word before the position (0: the nearest), up to the
        sixth; None where the words end (a line of more than four blanks, a long token)."""
        found = self._found
        if found is None or k >= _MAX_WORDS:
            return None
        while len(found) <= k:
            word = _word_ending(self.text, self._lo, found[-1][1])
            if word is None:
                return None
            found.append(word)
        return found[k]


_NEXT_TOKEN = compile(r"[\s\u00a0]*+([^\W\d_]++|\S)")
_next_at: list[tuple[str, dict[int, str]]] = [("", {})]  # the text last asked about, its answers


def next_token(text: str, pos: int) -> str:
    """The token after ``pos`` and any white space, lowered: a run of letters ("of", "km") or
    one other character ("-", "%", "5"); "" at the end. The stages' probes after a number
    ask it first: a probe whose phrases cannot start with it need not run. The answers for
    the text last asked about are kept (several probes look at one place), the last few
    dozen of them; the pair is read and replaced whole, so threads may share it."""
    last = _next_at[0]
    if last[0] is text:
        known = last[1].get(pos)
        if known is not None:
            return known
        answers = last[1]
        if len(answers) > 64:  # the probes look near the scan: older places are not asked again
            answers.clear()
    else:
        answers = {}
        _next_at[0] = (text, answers)
    m = _NEXT_TOKEN.match(text, pos, pos + REACH)
    token = m.group(1).lower() if m else ""
    answers[pos] = token
    return token


def words_before(text: str, pos: int, read: Words | None = None) -> Words:
    """The words right before ``pos``: what the bound, range and change phrases are looked
    up in. ``read``: words read already, which serve when they are the words before ``pos``."""
    return read if read is not None and read.pos == pos else Words(text, pos)
