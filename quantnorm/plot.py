"""Plot stage: mentions -> a matplotlib chart of their canonical values on a log scale.

Install ``quantnorm[plot]`` (matplotlib). In: ``Mention`` objects. Out: a matplotlib
``Axes`` with one row per mention (labelled "text [canonical units]"): a dot at the
canonical quantity and a bar over the interval the text allows; an open side ("more than")
runs to the edge of the chart as an arrow. The x axis is logarithmic, so mentions whose
quantity is not positive are left out. Values of different dimensions share the axis:
compare within one unit (the label says which).
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import matplotlib  # noqa: F401 - the extra: importing quantnorm.plot without it fails here, not later

from .mentions import Mention

__all__ = ["plot_mentions"]


def plot_mentions(mentions: Iterable[Mention], ax: Any = None) -> Any:
    """Draw ``mentions`` on ``ax`` (a new figure when None) and return the Axes.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import quantnorm
    >>> ax = plot_mentions(quantnorm.parse("over 50,000 troops in 380 square miles"))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['over 50,000 troops [count]', '380 square miles [meter ** 2]']
    """
    import matplotlib.pyplot as plt

    shown = [m for m in mentions if Fraction(m.quantity.magnitude) > 0]
    if ax is None:
        _fig, ax = plt.subplots(figsize=(8, 0.45 * max(len(shown), 1) + 1.2))
    values = [float(Fraction(m.quantity.magnitude)) for m in shown]
    known = [float(b) for m in shown for b in (m.interval.low, m.interval.high) if b is not None and b > 0]
    lo = min(values + known, default=1.0) / 10
    hi = max(values + known, default=10.0) * 10
    for y, (m, v) in enumerate(zip(shown, values, strict=True)):
        left = float(m.interval.low) if m.interval.low is not None and m.interval.low > 0 else lo
        right = float(m.interval.high) if m.interval.high is not None else hi
        ax.plot([left, right], [y, y], color="#0969da", linewidth=4, alpha=0.35, solid_capstyle="butt")
        if m.interval.high is None:
            ax.plot([hi], [y], marker=">", color="#0969da", alpha=0.6, clip_on=False)
        if m.interval.low is None or m.interval.low <= 0:
            ax.plot([lo], [y], marker="<", color="#0969da", alpha=0.6, clip_on=False)
        ax.plot([v], [y], marker="o", color="#0969da")
    ax.set_xscale("log")
    ax.set_xlim(lo, hi)
    ax.set_yticks(range(len(shown)))
    ax.set_yticklabels([f"{m.text} [{m.quantity.units}]" for m in shown])
    ax.invert_yaxis()
    ax.set_xlabel("canonical value (log scale)")
    ax.grid(axis="x", which="major", alpha=0.3)
    return ax
