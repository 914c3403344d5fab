"""Building the compiled patterns of the stages from word lists.

In: lists of words and phrases from the data files. Out: pattern source for the `regex`
module: ``alternation`` factors common prefixes into a trie ("thousand|three|thirty" ->
"th(?:ousand|irty|ree)"), so that matching a word list costs one pass over the text instead
of one try per word; ``ending`` compiles a pattern that matches a phrase ending exactly at a
position, searching backwards from it (the `regex` module's reverse mode), so that looking
at the words before a number costs a few steps, whatever the size of the list.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex

__all__ = ["SPACE", "SPACES", "Near", "alternation", "ending", "longest_first", "near"]

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
    needs ("of" in a pattern for " of ") before trying the position; over a long text that makes every
    call cost the text's length. A window keeps each call local and the scan linear."""

    __slots__ = ("_match", "pattern", "reach")

    def __init__(self, pattern: regex.Pattern[str], reach: int = REACH) -> None:
        self._match = pattern.match
        self.pattern = pattern
        self.reach = reach

    def match(self, text: str, pos: int) -> regex.Match[str] | None:
        return self._match(text, pos, pos + self.reach)


def near(source: str, flags: int = 0, reach: int = REACH) -> Near:
    """Compile ``source`` for matching at a position (see ``Near``)."""
    return Near(regex.compile(source, flags), reach)

