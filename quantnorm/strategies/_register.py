"""Mention stage of the generators: generated quantities -> ``quantnorm.Mention`` objects.

In: the options of ``quantities()``. Out: strategies of ``quantnorm.Mention`` (built from a
generated quantity's expectation, not by parsing) and of ``quantnorm.Interval``: what
``st.from_type`` draws for those types once the entry-point hook (``_hook``) has run.
"""

from __future__ import annotations

from collections.abc import Collection

from hypothesis import strategies as st

from ..intervals import Interval
from ..mentions import Mention

__all__ = ["intervals", "mentions"]


def mentions(
    *, units: Collection[str] | None = None, bounds: Collection[str] | None = None
) -> st.SearchStrategy[Mention]:
    """``quantnorm.Mention`` objects, as ``parse()`` would return for a text that is one
    quantity (``text`` is the whole text, ``start`` 0). ``units`` and ``bounds`` as for
    ``quantities()``. This is what ``st.from_type(quantnorm.Mention)`` draws.
    Shrinks to the mention of a bare "0"."""
    from ._quantities import quantities

    return quantities(units=units, bounds=bounds).map(lambda pair: pair[1].mention())


def intervals() -> st.SearchStrategy[Interval]:
    """The intervals of generated mentions (canonical units; open, closed, half-open, points)."""
    return mentions().map(lambda m: m.interval)
