"""HTML stage: a text and its mentions (and checks) -> an HTML fragment or page for people.

In: the source text, the ``Mention`` objects found in it (``parse``), and optionally the
``Check`` objects of ``verify`` (anything with ``start``, ``end``, ``verdict``...).
Out: a string of HTML. ``document_html`` gives a self-contained fragment (its own scoped
``<style>``, no scripts, no external resources) that Jupyter shows for ``Mentions`` and that
``page_html`` wraps into a standalone page (``quantnorm --format html``):

- the text, with each mention highlighted (colour by kind: count, money, percent, measure,
  number) and a tooltip (the ``title`` attribute) giving the value, bound, interval and
  canonical quantity; a small index after each mention points into the table below;
- a table of the mentions; and, with checks, each claim underlined in its verdict's colour
  and a table of claims: reading, reference, ratio and the verdict (coloured).

Every piece of text is escaped; a mention's ``<mark>`` holds exactly ``source[start:end]``.
``mention_html`` renders one mention (``Mention._repr_html_``); ``checks_html`` renders the
claims of a text without its mentions (``Checks._repr_html_``, the list ``verify`` returns);
``check_html`` renders one check (``Check._repr_html_``).
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Sequence
from enum import Enum
from fractions import Fraction
from typing import Any

from .mentions import Mention
from .registry import currency_codes

__all__ = ["check_html", "checks_html", "document_html", "mention_html", "page_html", "verify_page_html"]

_BOUND_WORDS = {
    "=": "exactly",
    "~": "approximately",
    ">": "more than",
    ">=": "at least",
    "<": "less than",
    "<=": "at most",
    "range": "a range",
}
_VERDICTS = ("supported", "contradicted", "undetermined", "unverifiable")

_STYLE = """
.quantnorm{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.6;color:#1f2328;
 max-width:64rem}
.quantnorm .qn-text{white-space:pre-wrap;font-size:1rem;margin:0 0 1rem 0}
.quantnorm mark.qn-m{border-radius:.25rem;padding:0 .15rem;color:inherit;cursor:help;
 box-shadow:inset 0 -2px 0 rgba(0,0,0,.18);-webkit-box-decoration-break:clone;box-decoration-break:clone}
.quantnorm mark.qn-m::after{content:attr(data-n);font-size:.65em;vertical-align:super;margin-left:.15em;
 color:#57606a;font-weight:600}
.quantnorm .qn-count{background:#cae8ff}
.quantnorm .qn-money{background:#c6f0cf}
.quantnorm .qn-percent{background:#f0d9ff}
.quantnorm .qn-measure{background:#ffe0ad}
.quantnorm .qn-number{background:#e1e4e8}
.quantnorm .qn-claim{border-bottom:3px solid #8c959f;padding-bottom:1px}
.quantnorm .qn-claim.qn-supported{border-color:#1a7f37}
.quantnorm .qn-claim.qn-contradicted{border-color:#cf222e}
.quantnorm .qn-claim.qn-undetermined{border-color:#bf8700}
.quantnorm .qn-claim.qn-unverifiable{border-color:#8c959f}
.quantnorm table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0 1rem 0}
.quantnorm th,.quantnorm td{border:1px solid #d0d7de;padding:.2rem .5rem;text-align:left;vertical-align:top}
.quantnorm th{background:#f6f8fa}
.quantnorm td.qn-num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.quantnorm td.qn-nw{white-space:nowrap}
.quantnorm table.qn-mentions td:nth-child(2){min-width:12rem}
.quantnorm .qn-verdict{font-weight:600;border-radius:.25rem;padding:0 .35rem;color:#fff;white-space:nowrap}
.quantnorm .qn-verdict.qn-supported{background:#1a7f37}
.quantnorm .qn-verdict.qn-contradicted{background:#cf222e}
.quantnorm .qn-verdict.qn-undetermined{background:#9a6700}
.quantnorm .qn-verdict.qn-unverifiable{background:#6e7781}
.quantnorm .qn-legend{font-size:.8rem;color:#57606a;margin:.25rem 0}
.quantnorm .qn-legend mark{margin-right:.5rem}
.quantnorm h2{font-size:1.1rem;margin:1.2rem 0 .4rem 0}
.quantnorm .qn-empty{color:#57606a;font-style:italic}
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _number(x: Fraction | None, *, inf: str = "") -> str:
    if x is None:
        return inf
    if x.denominator == 1:
        return f"{x.numerator:,}"
    return f"{float(x):,.10g}"


def _value(m: Mention) -> str:
    if isinstance(m.value, tuple):
        return f"{_number(m.value[0])}\u2013{_number(m.value[1])}"
    return _number(m.value)


def _unit(unit: object) -> str:
    return str(unit) or "dimensionless"


def _interval(m: Mention) -> str:
    iv = m.interval
    low = _number(iv.low, inf="\u2212\u221e")
    high = _number(iv.high, inf="+\u221e")
    return f"{'[' if iv.low_inclusive else '('}{low}, {high}{']' if iv.high_inclusive else ')'} {iv.units}"


def _canonical(m: Mention) -> str:
    return f"{_number(Fraction(m.quantity.magnitude))} {_unit(m.quantity.units)}"


def _kind(m: Mention) -> str:
    units = _unit(m.quantity.units)
    if units == "count":
        return "count"
    if units in ("percent", "percentage_point"):
        return "percent"
    if units == "dimensionless":
        return "number"
    if units in currency_codes():
        return "money"
    return "measure"


def _tooltip(m: Mention) -> str:
    lines = [
        f"value: {_value(m)} {_unit(m.unit)}",
        f"bound: {m.bound.value} ({_BOUND_WORDS.get(m.bound.value, m.bound.value)})",
        f"interval: {_interval(m)}",
        f"canonical: {_canonical(m)}",
    ]
    if m.noun:
        lines.append(f"noun: {m.noun}")
    if m.change:
        lines.append(f"change: {m.change}")
    return "\n".join(lines)


def _mark(m: Mention, n: int | None) -> str:
    label = "" if n is None else f' data-n="{n}"'
    return (f'<mark class="qn-m qn-{_kind(m)}" data-start="{m.start}" data-end="{m.end}"{label} '
            f'title="{_e(_tooltip(m))}">{_e(m.text)}</mark>')


def _field(check: Any, *names: str) -> Any:
    for name in names:
        value = getattr(check, name, None)
        if value is not None:
            return value
    return None


def _check_span(check: Any) -> tuple[int, int] | None:
    start, end = _field(check, "start", "claim_start"), _field(check, "end", "claim_end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
        return start, end
    return None


def _verdict(check: Any) -> str:
    verdict = _text_of(_field(check, "verdict")) or "unverifiable"
    return verdict if verdict in _VERDICTS else "unverifiable"


def _marked_text(text: str, mentions: Sequence[Mention], checks: Sequence[Any]) -> str:
    """The text with mentions in ``<mark>`` and claims in ``<span class="qn-claim">``.

    Mentions never overlap; claims wrap the runs of text and mentions they contain. A claim
    that crosses a mention's edge stops short of that mention, which is never split."""
    ordered = sorted((m for m in mentions if 0 <= m.start < m.end <= len(text)), key=lambda m: m.start)
    number = {id(m): i for i, m in enumerate(mentions, 1)}
    claims: list[tuple[int, int, Any]] = []
    for c in checks:
        span = _check_span(c)
        if span is not None and span[1] <= len(text) and not any(s < span[1] and span[0] < e for s, e, _ in claims):
            claims.append((span[0], span[1], c))
    claims.sort(key=lambda t: t[0])
    cuts = sorted({0, len(text)} | {p for s, e, _ in claims for p in (s, e)})
    # pieces: (start, end, mention or None), plain text split at claim edges
    pieces: list[tuple[int, int, Mention | None]] = []
    pos = 0
    for m in ordered:
        if m.start < pos:
            continue
        pieces.extend(_plain(pos, m.start, cuts))
        pieces.append((m.start, m.end, m))
        pos = m.end
    pieces.extend(_plain(pos, len(text), cuts))

    def claim_of(start: int, end: int) -> int | None:
        for i, (s, e, _) in enumerate(claims):
            if s <= start and end <= e:
                return i
        return None

    out: list[str] = []
    open_claim: int | None = None
    for start, end, piece in pieces:
        c = claim_of(start, end)
        if c != open_claim:
            if open_claim is not None:
                out.append("</span>")
            if c is not None:
                check = claims[c][2]
                verdict = _verdict(check)
                title = f"{verdict}: {_text_of(_field(check, 'reason'))}".strip().rstrip(":")
                out.append(f'<span class="qn-claim qn-{verdict}" title="{_e(title)}">')
            open_claim = c
        out.append(_e(text[start:end]) if piece is None else _mark(piece, number.get(id(piece))))
    if open_claim is not None:
        out.append("</span>")
    return "".join(out)


def _plain(start: int, end: int, cuts: list[int]) -> list[tuple[int, int, Mention | None]]:
    inner = [p for p in cuts if start < p < end]
    edges = [start, *inner, end]
    return [(a, b, None) for a, b in itertools.pairwise(edges) if a < b]


def _mentions_table(mentions: Sequence[Mention]) -> str:
    if not mentions:
        return '<p class="qn-empty">No quantities found.</p>'
    rows = ["<tr><th>#</th><th>mention</th><th>value</th><th>unit</th><th>bound</th><th>interval</th>"
            "<th>canonical</th><th>noun</th></tr>"]
    for i, m in enumerate(mentions, 1):
        rows.append(
            f'<tr><td class="qn-num">{i}</td><td><mark class="qn-m qn-{_kind(m)}" title="{_e(_tooltip(m))}">'
            f'{_e(m.text)}</mark></td><td class="qn-num">{_e(_value(m))}</td><td>{_e(_unit(m.unit))}</td>'
            f'<td>{_e(m.bound.value)}</td><td class="qn-nw">{_e(_interval(m))}</td><td>{_e(_canonical(m))}</td>'
            f"<td>{_e(m.noun or '')}</td></tr>"
        )
    return '<table class="qn-mentions">' + "".join(rows) + "</table>"


def _text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Fraction):
        return _number(value)
    for attr in ("text", "claim"):
        inner = getattr(value, attr, None)
        if isinstance(inner, str):
            return inner
    return str(getattr(value, "value", value)) if isinstance(value, Enum) else str(value)


def _reading(check: Any) -> str:
    """"subject op factor x entity (property)", e.g. "more than 380 square miles > 1.5 x Seoul (area)"."""
    subject, op, factor = _field(check, "subject"), _field(check, "op"), _field(check, "factor")
    entity, prop = _field(check, "entity"), _field(check, "property")
    parts = [_text_of(subject), _text_of(op)]
    if factor is not None:
        parts.append(f"{_text_of(factor)} \u00d7")
    parts.append(_text_of(entity))
    if prop:
        parts.append(f"({_text_of(prop)})")
    return " ".join(p for p in parts if p)


def _reference(ref: Any) -> str:
    """A reference value with its entity, property and source: "Seoul area: 605.21 km2 (Wikipedia, 2023)"."""
    if ref is None:
        return ""
    entity, prop, value = getattr(ref, "entity", None), getattr(ref, "property", None), getattr(ref, "text", None)
    if not isinstance(value, str):
        return _text_of(ref)
    head = " ".join(str(x) for x in (entity, prop) if x)
    where = ", ".join(str(x) for x in (getattr(ref, "source", None), getattr(ref, "year", None)) if x)
    return f"{head + ': ' if head else ''}{value}{f' ({where})' if where else ''}"


def _checks_table(text: str, checks: Sequence[Any]) -> str:
    rows = ["<tr><th>claim</th><th>reading</th><th>reference</th><th>ratio (stated)</th><th>ratio (claimed)</th>"
            "<th>verdict</th><th>reason</th></tr>"]
    for c in checks:
        span = _check_span(c)
        claim = _field(c, "claim", "text")
        if not isinstance(claim, str):
            claim = text[span[0]:span[1]] if span else ""
        verdict = _verdict(c)
        rows.append(
            f"<tr><td>{_e(claim)}</td><td>{_e(_reading(c))}</td><td>{_e(_reference(_field(c, 'reference')))}</td>"
            f"<td>{_e(_text_of(_field(c, 'ratio')))}</td><td>{_e(_text_of(_field(c, 'claimed')))}</td>"
            f'<td><span class="qn-verdict qn-{verdict}">{_e(verdict)}</span></td>'
            f"<td>{_e(_text_of(_field(c, 'reason')))}</td></tr>"
        )
    return '<table class="qn-checks">' + "".join(rows) + "</table>"


def _legend() -> str:
    kinds = (("count", "count"), ("money", "money"), ("percent", "percent"), ("measure", "measure"),
             ("number", "number"))
    items = "".join(f'<mark class="qn-{k}">{label}</mark>' for k, label in kinds)
    return f'<div class="qn-legend">{items}hover a mention for its value, bound and interval</div>'


def document_html(text: str, mentions: Iterable[Mention], checks: Iterable[Any] = ()) -> str:
    """A self-contained HTML fragment: ``text`` with each mention highlighted (tooltip: value,
    bound, interval, canonical quantity), a table of the mentions and, given ``checks``
    (``quantnorm.verify`` results), each claim underlined in its verdict's colour and a table
    of the claims with their reference and verdict.

    >>> import quantnorm
    >>> text = "Russia has deployed over 50,000 troops."
    >>> page = document_html(text, quantnorm.parse(text))
    >>> '>over 50,000 troops</mark>' in page
    True
    """
    mentions = list(mentions)
    checks = list(checks)
    parts = [f'<div class="quantnorm"><style>{_STYLE}</style>', _legend(),
             f'<div class="qn-text">{_marked_text(text, mentions, checks)}</div>',
             "<h2>Quantities</h2>", _mentions_table(mentions)]
    if checks:
        parts += ["<h2>Claims</h2>", _checks_table(text, checks)]
    parts.append("</div>")
    return "".join(parts)


def checks_html(text: str, checks: Iterable[Any]) -> str:
    """A self-contained HTML fragment for the claims of ``text`` (``quantnorm.verify``
    results): the text with each claim underlined in its verdict's colour and the table of
    claims (reading, reference, ratio, verdict, reason)."""
    checks = list(checks)
    return (f'<div class="quantnorm"><style>{_STYLE}</style>'
            f'<div class="qn-text">{_marked_text(text, [], checks)}</div>'
            f"{_checks_table(text, checks)}</div>")


class _InOwnText:
    """A check seen in the text of its own claim: the span 0..len(claim), every other field
    the check's own."""

    def __init__(self, check: Any, length: int) -> None:
        self._check = check
        self.start = 0
        self.end = length

    def __getattr__(self, name: str) -> Any:
        return getattr(self._check, name)


def check_html(check: Any) -> str:
    """One check (``quantnorm.verify`` result) as a small HTML fragment: its claim underlined
    in its verdict's colour (tooltip: the reason) and its row of the table of claims
    (reading, reference, ratios, verdict, reason).

    >>> import quantnorm
    >>> (check,) = quantnorm.verify("It covers 2,000 km2, twice the area of Wales.")
    >>> '<span class="qn-claim qn-contradicted"' in check_html(check)
    True
    """
    claim = _field(check, "claim", "text")
    claim = claim if isinstance(claim, str) else ""
    return (f'<div class="quantnorm"><style>{_STYLE}</style>'
            f'<div class="qn-text">{_marked_text(claim, [], [_InOwnText(check, len(claim))])}</div>'
            f"{_checks_table(claim, [check])}</div>")


def mention_html(mention: Mention) -> str:
    """One mention as a small HTML fragment: the highlighted text and its fields.

    >>> import quantnorm
    >>> print(mention_html(quantnorm.parse("more than 3,000 troops")[0]).count("<tr>"))
    6
    """
    m = mention
    rows = [("value", f"{_value(m)} {_unit(m.unit)}"),
            ("bound", f"{m.bound.value} ({_BOUND_WORDS.get(m.bound.value, m.bound.value)})"),
            ("interval", _interval(m)), ("canonical", _canonical(m)),
            ("span", f"{m.start}:{m.end}"), ("noun", m.noun or "")]
    if m.change:
        rows.append(("change", m.change))
    body = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
    return (f'<div class="quantnorm"><style>{_STYLE}</style><div class="qn-text">{_mark(m, None)}</div>'
            f"<table>{body}</table></div>")


Document = tuple[str, str, Iterable[Mention]] | tuple[str, str, Iterable[Mention], Iterable[Any]]


def page_html(documents: Iterable[Document], *, title: str = "quantnorm") -> str:
    """A standalone HTML page (UTF-8, no external resources) with one section per
    ``(name, text, mentions)`` or ``(name, text, mentions, checks)`` document: what
    ``quantnorm --format html`` prints."""
    sections = []
    for doc in documents:
        name, text, mentions = doc[0], doc[1], doc[2]
        checks: Iterable[Any] = doc[3] if len(doc) > 3 else ()
        sections.append((name, document_html(text, mentions, checks)))
    return _page(sections, title)


def _page(named: Iterable[tuple[str, str]], title: str) -> str:
    """A standalone page with a section for each (name, HTML body)."""
    sections = (f'<section><h1 class="qn-name">{_e(name)}</h1>{body}</section>' for name, body in named)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_e(title)}</title><style>body{{margin:1.5rem;background:#fff}}"
            "h1.qn-name{font:600 1rem system-ui,sans-serif;color:#57606a;margin:0 0 .5rem 0}"
            "section{margin-bottom:2.5rem}</style></head><body>"
            + "".join(sections) + "</body></html>\n")


CheckDocument = tuple[str, str, Iterable[Any]]


def verify_page_html(documents: Iterable[CheckDocument], *, title: str = "quantnorm verify") -> str:
    """A standalone HTML page (UTF-8, no external resources) with one section per
    ``(name, text, checks)`` document (``checks``: ``quantnorm.verify`` results): the text
    with each claim underlined in its verdict's colour and the table of claims with their
    reference values (``checks_html``); what ``quantnorm verify --format html`` prints.

    >>> import quantnorm
    >>> text = "It covers 2,000 km2, twice the area of Seoul."
    >>> page = verify_page_html([("a.txt", text, quantnorm.verify(text))])
    >>> page.startswith("<!DOCTYPE html>"), 'class="qn-claim qn-contradicted"' in page
    (True, True)
    """
    sections = []
    for name, text, checks in documents:
        checks = list(checks)
        body = checks_html(text, checks) if checks else (
            f'<div class="quantnorm"><style>{_STYLE}</style><p class="qn-empty">No comparison claims found.</p></div>')
        sections.append((name, body))
    return _page(sections, title)
