"""Entry-point stage: hypothesis's import -> quantnorm's types registered with it.

In: nothing; hypothesis calls ``_hypothesis_setup_hook`` while it is being imported, through
the ``hypothesis`` entry point of quantnorm's metadata (pyproject.toml). Out: strategies
registered for ``quantnorm.Mention`` and ``quantnorm.Interval``, so that
``st.from_type(quantnorm.Mention)`` works.

This module imports nothing at import time: hypothesis may be importing itself, or
``quantnorm.strategies`` may be half-imported (it imports hypothesis, which calls this hook),
so the work happens inside the hook, and the strategies are built on first use.
"""

from __future__ import annotations

__all__ = ["_hypothesis_setup_hook"]


def _hypothesis_setup_hook() -> None:
    """Register strategies for quantnorm.Mention and quantnorm.Interval (called by hypothesis)."""
    from hypothesis import strategies as st

    from ..intervals import Interval
    from ..mentions import Mention

    def mentions() -> st.SearchStrategy[Mention]:
        from ._register import mentions as make

        return make()

    def intervals() -> st.SearchStrategy[Interval]:
        from ._register import intervals as make

        return make()

    st.register_type_strategy(Mention, st.deferred(mentions))
    st.register_type_strategy(Interval, st.deferred(intervals))
