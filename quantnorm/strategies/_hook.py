"""Entry-point stage: hypothesis's import -> quantnorm's types registered with it.

In: nothing; hypothesis calls ``_hypothesis_setup_hook`` while it is being imported, through
the ``hypothesis`` entry point of quantnorm's metadata (pyproject.toml). Out: strategies
registered for ``quantnorm.Mention`` and ``quantnorm.Interval``, so that
``st.from_type(quantnorm.Mention)`` works.

Cost: every ``import hypothesis`` in an environment where quantnorm is installed runs this
hook. The hook itself needs only the two classes (``quantnorm.mentions`` and
``quantnorm.intervals``) and ``hypothesis.strategies``; it registers ``st.deferred``
strategies, so the generators (``_register``, ``_quantities``...), the vocabulary and pint
are loaded on the first draw, never at hook time. (The entry point's module path still makes
Python import the ``quantnorm`` and ``quantnorm.strategies`` packages first: measured on 2
cores, ``import hypothesis`` takes about 275 ms with the hook and 140 ms with
``HYPOTHESIS_NO_PLUGINS=1``; pint is not imported either way.)

Failure: the hook never raises. Anything going wrong inside it (a quantnorm module that
fails to import, a hypothesis without ``register_type_strategy``) becomes a
``RuntimeWarning`` naming the cause, and hypothesis goes on working without quantnorm's
types. An exception while Python imports the entry point's own packages happens before
this hook runs; hypothesis sees it (``HYPOTHESIS_NO_PLUGINS=1`` turns the hook off).

This module imports nothing at import time: hypothesis may be importing itself, or
``quantnorm.strategies`` may be half-imported (it imports hypothesis, which calls this hook).
"""

from __future__ import annotations

__all__ = ["_hypothesis_setup_hook"]


def _hypothesis_setup_hook() -> None:
    """Register strategies for quantnorm.Mention and quantnorm.Interval (called by hypothesis);
    on any error, warn and register nothing."""
    try:
        _register()
    except Exception as exc:  # a plugin must not break hypothesis for the user
        import warnings

        warnings.warn(
            f"quantnorm could not register its hypothesis strategies ({type(exc).__name__}: {exc}); "
            "st.from_type(quantnorm.Mention) will not work, hypothesis is otherwise unaffected",
            RuntimeWarning,
            stacklevel=2,
        )


def _register() -> None:
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
