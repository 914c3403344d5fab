"""quantnorm.html (notebooks, --format html) and quantnorm.plot.

The page must parse, hold every mention's exact text in its own <mark>, keep the source text
intact (the text of the text block is the source, character for character), escape
everything, and render in a real browser (Debian's chromium, when installed).

Screenshot: ``QUANTNORM_SCREENSHOT=docs/seed.png pytest tests/test_html.py -k screenshot``
writes the rendered seed article to docs/seed.png (by default it goes to a temporary folder).
"""

from __future__ import annotations

import html
import io
import json
import os
import shutil
import subprocess
from contextlib import redirect_stdout
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quantnorm
from quantnorm.cli import main
from quantnorm.html import checks_html, document_html, mention_html, page_html

EXAMPLES = [
    "Russia has deployed over 50,000 troops; the region covers more than 380 square miles.",
    "It cost $4.2bn, <b>about 5%</b> more than the \"budget\" of 3 & 4 million euros.",
    "between 5 and 10 km, then 2 km <script>alert(1)</script> and nearly 15,000 people",
    "Nothing to see here.",
    "",
]


_VOID = {"meta", "link", "br", "hr", "img", "input", "wbr"}


class _Page(HTMLParser):
    """The marks of the text block, the text of the text block, and every title."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[dict[str, Any]] = []
        self.text = ""
        self.in_text = 0
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "div" and a.get("class") == "qn-text":
            self.in_text += 1
        elif self.in_text and tag == "mark":
            self.marks.append({"attrs": a, "text": ""})
        if self.in_text and tag == "div" and a.get("class") != "qn-text":
            self.in_text += 1
        if tag not in _VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        opened, _ = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"
        if tag == "div" and self.in_text:
            self.in_text -= 1

    def handle_data(self, data: str) -> None:
        if self.in_text:
            self.text += data
            if self.stack and self.stack[-1][0] == "mark":
                self.marks[-1]["text"] += data


def _read(page: str) -> _Page:
    p = _Page()
    p.feed(page)
    p.close()
    assert not p.stack, f"unclosed tags: {p.stack}"
    return p


@pytest.mark.parametrize("text", EXAMPLES)
def test_the_fragment_parses_and_holds_every_mention(text: str) -> None:
    mentions = quantnorm.parse(text)
    page = _read(document_html(text, mentions))
    assert page.text == text
    assert [m["text"] for m in page.marks] == [m.text for m in mentions]
    assert [(int(m["attrs"]["data-start"]), int(m["attrs"]["data-end"])) for m in page.marks] == [
        (m.start, m.end) for m in mentions
    ]
    assert "script" not in page.tags and "b" not in page.tags


def test_the_seed_article(shared: Path) -> None:
    text = (shared / "data" / "seed" / "kursk.txt").read_text(encoding="utf-8")
    mentions = quantnorm.parse(text)
    page = _read(page_html([("kursk.txt", text, mentions)]))
    assert page.text == text
    assert [m["text"] for m in page.marks] == [m.text for m in mentions]
    assert len(mentions) > 0


@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.$%<>&\"'kmabout thousands of troops more than")),
               max_size=80))
def test_the_text_block_is_the_source_text(text: str) -> None:
    mentions = quantnorm.parse(text)
    page = _read(document_html(text, mentions))
    assert page.text == text
    assert [m["text"] for m in page.marks] == [m.text for m in mentions]


def test_the_tooltip_says_value_bound_interval_and_canonical_quantity() -> None:
    text = "It covers more than 380 square miles."
    (m,) = quantnorm.parse(text)
    title = _read(document_html(text, [m])).marks[0]["attrs"]["title"]
    assert "value: 380 mile ** 2" in title
    assert "bound: > (more than)" in title
    assert "interval: (984,195,481.9, +∞) meter ** 2" in title
    assert "canonical: 984,195,481.9 meter ** 2" in title
    assert 'class="qn-m qn-measure"' in document_html(text, [m])


def test_kinds_colour_money_percent_count_and_numbers() -> None:
    text = "It cost $4.2bn, about 5% more, for 300 troops and half the area."
    kinds = [m["attrs"]["class"].split()[-1] for m in _read(document_html(text, quantnorm.parse(text))).marks]
    assert kinds == ["qn-money", "qn-percent", "qn-count", "qn-number"]


@dataclass(frozen=True)
class _Check:
    """Stands in for quantnorm.comparisons.Check (duck-typed by quantnorm.html)."""

    claim: str
    start: int
    end: int
    verdict: str
    reason: str
    reference: str | None = None
    ratio: str | None = None


def test_claims_are_underlined_in_their_verdict_colour() -> None:
    text = "The city covers more than 380 square miles, twice the size of Paris. Next, 5 km."
    start = 4
    end = text.index(".") + 0
    checks = [_Check(text[start:end], start, end, "contradicted", "Paris is 105 km2", "Paris: 105.4 km2"),
              _Check("5 km", text.index("5 km"), text.index("5 km") + 4, "bogus", "")]
    mentions = quantnorm.parse(text)
    out = document_html(text, mentions, checks)
    page = _read(out)
    assert page.text == text
    assert [m["text"] for m in page.marks] == [m.text for m in mentions]
    assert '<span class="qn-claim qn-contradicted" title="contradicted: Paris is 105 km2">' in out
    assert '<span class="qn-verdict qn-contradicted">contradicted</span>' in out
    assert "Paris: 105.4 km2" in out
    assert '<span class="qn-verdict qn-unverifiable">' in out  # an unknown verdict is shown as unverifiable
    only = _read(checks_html(text, checks))
    assert only.text == text and only.marks == []


def test_a_claim_that_cuts_a_mention_never_splits_it() -> None:
    text = "over 50,000 troops"
    checks = [_Check("over 50", 0, 7, "supported", "")]
    page = _read(document_html(text, quantnorm.parse(text), checks))
    assert page.text == text
    assert [m["text"] for m in page.marks] == ["over 50,000 troops"]


def test_verify_results_render_when_comparisons_exist() -> None:
    verify = getattr(quantnorm, "verify", None)
    if verify is None:
        pytest.skip("quantnorm.verify is not there yet (issue: comparisons)")
    text = ("The city covers more than 380 square miles, more than 1.5 times the area of Seoul. "
            "Belgium is twice the size of Wales.")
    checks = verify(text)
    assert checks, "verify found no claim to render"
    out = document_html(text, quantnorm.parse(text), checks)
    page = _read(out)
    assert page.text == text
    for c in checks:
        verdict = str(c.verdict)
        assert f'<span class="qn-claim qn-{verdict}"' in out
        assert f'<span class="qn-verdict qn-{verdict}">{verdict}</span>' in out
        assert html.escape(c.claim) in out
        if c.reference is not None:
            assert html.escape(c.reference.text) in out


def test_repr_html_of_mentions_and_mention() -> None:
    text = "nearly 15,000 people"
    mentions = quantnorm.parse(text)
    assert _read(mentions._repr_html_()).marks[0]["text"] == "nearly 15,000 people"
    one = mention_html(mentions[0])
    assert mentions[0]._repr_html_() == one
    assert "[14,500, 15,000) count" in one


def test_cli_format_html() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--format", "html", "--text", "over 5 km & <b>", "--text", "10 troops"]) == 0
    page = out.getvalue()
    assert page.startswith("<!DOCTYPE html>")
    parsed = _read(page)
    assert parsed.text == "over 5 km & <b>10 troops"
    assert [m["text"] for m in parsed.marks] == ["over 5 km", "10 troops"]


# --- a real browser ---------------------------------------------------------------------

_CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
browser = pytest.mark.skipif(_CHROMIUM is None, reason="no chromium on PATH (Debian: apt-get install chromium)")

# Written into a copy of the page, never into quantnorm's output: what the browser laid out.
_PROBE = """<script>
const marks = [...document.querySelectorAll('.qn-text mark.qn-m')].map(m => {
  const r = m.getBoundingClientRect();
  return {text: m.textContent, width: r.width, height: r.height, title: m.title,
          background: getComputedStyle(m).backgroundColor};
});
const pre = document.createElement('pre'); pre.id = 'qn-probe';
pre.textContent = JSON.stringify({marks, text: document.querySelector('.qn-text').textContent});
document.body.appendChild(pre);
</script></body>"""


def _chromium(tmp_path: Path, *args: str) -> str:
    assert _CHROMIUM is not None
    profile = tmp_path / "profile"
    run = subprocess.run([_CHROMIUM, *_FLAGS, f"--user-data-dir={profile}", *args],
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


@browser
def test_the_browser_lays_out_every_mention(shared: Path, tmp_path: Path) -> None:
    text = (shared / "data" / "seed" / "kursk.txt").read_text(encoding="utf-8")
    mentions = quantnorm.parse(text)
    page = page_html([("kursk.txt", text, mentions)]).replace("</body>", _PROBE)
    path = tmp_path / "seed.html"
    path.write_text(page, encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", path.as_uri())
    probe = json.loads(html.unescape(dom.split('<pre id="qn-probe">', 1)[1].split("</pre>", 1)[0]))
    assert probe["text"] == text
    assert [m["text"] for m in probe["marks"]] == [m.text for m in mentions]
    for m in probe["marks"]:
        assert m["width"] > 0 and m["height"] > 0, m
        assert m["title"].startswith("value: ")
        assert m["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), m


@browser
def test_screenshot_of_the_seed_article(shared: Path, tmp_path: Path) -> None:
    text = (shared / "data" / "seed" / "kursk.txt").read_text(encoding="utf-8")
    path = tmp_path / "seed.html"
    path.write_text(page_html([("kursk.txt", text, quantnorm.parse(text))]), encoding="utf-8")
    target = Path(os.environ.get("QUANTNORM_SCREENSHOT", tmp_path / "seed.png")).resolve()
    _chromium(tmp_path, "--window-size=1100,1250", f"--screenshot={target}", path.as_uri())
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000  # a blank page is a few kB


# --- plot ---------------------------------------------------------------------------------

def test_plot_draws_one_row_per_positive_mention() -> None:
    matplotlib = pytest.importorskip("matplotlib", reason="quantnorm[plot] (matplotlib) is not installed")
    matplotlib.use("Agg")
    from quantnorm.plot import plot_mentions

    mentions = quantnorm.parse("over 50,000 troops, between 5 and 10 km, and 0 people")
    ax = plot_mentions(mentions)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["over 50,000 troops [count]",
                                                           "between 5 and 10 km [meter]"]
    assert ax.get_xscale() == "log"
