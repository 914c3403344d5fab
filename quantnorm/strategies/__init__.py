"""Hypothesis strategies that write English text together with its meaning.

``pip install quantnorm[hypothesis]``; ``import quantnorm`` never imports this module (nor
hypothesis). Use them to property-test a pipeline built on quantnorm (docs/testing.md):

    from hypothesis import given
    from quantnorm import strategies as qst

    @given(qst.quantities(units=["kilometer", "USD"]))
    def test_my_pipeline(example):
        text, expected = example
        ...

* ``numbers()`` -> (text, exact value): "1,234", "3.2 million", "three hundred and forty-two",
  "2½", "1.2 × 10^6"... Shrinks to ("0", Fraction(0)).
* ``quantities()`` -> (text, ``ExpectedMention``): one mention with a unit, currency or
  counted noun, a bound or a range. Shrinks to ("0", the bare exact 0).
* ``sentences()`` -> (paragraph, expected mentions): quantities among news-like filler and
  numbers that are not quantities (years, dates, times, ordinals, model names, scores).
  Shrinks to ("Officials said 0.", (the bare 0,)).
* ``claims()`` -> ``GeneratedClaim``: a comparison claim ("2 km², about twice the area of
  Norland"), the reference values to check it against, and the expected ``quantnorm.verify``
  result (verdict, ratio and claimed intervals).
* ``mentions()`` -> ``quantnorm.Mention`` objects; registered for ``st.from_type(Mention)``.

Expected values come from the generators' own exact knowledge (vocabulary.txt and the
number renderer), never from ``quantnorm.parse``.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401
except ImportError:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "quantnorm.strategies needs hypothesis: pip install 'quantnorm[hypothesis]'"
    ) from None

from collections.abc import Collection, Sequence
from fractions import Fraction

from hypothesis import strategies as st

from ._claims import PROPERTIES, ExpectedClaim, GeneratedClaim, claims
from ._expected import ExpectedMention
from ._numbers import FORMS, SEPARATORS, rendered
from ._quantities import BOUNDS, quantities, units_available
from ._register import intervals, mentions
from ._sentences import DISTRACTORS, distractor, sentences

__all__ = [
    "BOUNDS",
    "DISTRACTORS",
    "FORMS",
    "PROPERTIES",
    "SEPARATORS",
    "ExpectedClaim",
    "ExpectedMention",
    "GeneratedClaim",
    "claims",
    "distractor",
    "intervals",
    "mentions",
    "numbers",
    "quantities",
    "sentences",
    "units_available",
]


def numbers(
    *,
    forms: Collection[str] = FORMS,
    separators: Sequence[str] = SEPARATORS,
    min_value: int = 0,
    max_value: int = 10**12,
    signed: bool = False,
) -> st.SearchStrategy[tuple[str, Fraction]]:
    """(text, exact value) pairs: a number written as English writes it.

    ``forms``: any of FORMS ("integers", "decimals", "words", "scaled", "fractions",
    "scientific"). ``separators``: the digit-group separators to use (any of SEPARATORS:
    comma, space, thin space, no-break space, narrow no-break space, apostrophe, right
    single quote; empty for none). Values lie in [``min_value``, ``max_value``]; ``signed``
    also writes "-5" and "−5". A bare integer from 1000 to 2199 always gets a separator
    ("1,999"): written alone it is a year, not a quantity.
    Shrinks to ("0", Fraction(0)) (or the smallest value allowed)."""
    return rendered(forms=forms, separators=separators, min_value=min_value, max_value=max_value,
                    signed=signed).map(lambda r: (r.text, r.value))

