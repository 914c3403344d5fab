"""quantnorm.html (notebooks, --format html) and quantnorm.plot.

The page must parse, hold every mention's exact text in its own <mark>, keep the source text
intact (the text of the text block is the source, character for character), escape
everything, and render in a real browser (Debian's chromium, when installed).

Screenshot: ``QUANTNORM_SCREENSHOT=docs/seed.png pytest tests/test_html.py -k screenshot``
writes the page of ``quantnorm --format html kursk.txt`` (the seed article: its mentions and
its checked claims), as headless chromium renders it, to docs/seed.png (by default it goes to a
temporary folder).
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
from quantnorm.html import checks_html, document_html, mention_html, page_html, verify_page_html

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


class _Claims(HTMLParser):
    """(text, verdict class) of each claim span of the text block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.claims: list[list[str]] = []
        self.depth = 0  # inside a claim span: the number of open tags in it

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += tag not in _VOID
        elif tag == "span" and "qn-claim" in classes:
            verdict = next(c[3:] for c in classes if c.startswith("qn-") and c != "qn-claim")
            self.claims.append(["", verdict])
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.claims[-1][0] += data


def _claims(page: str) -> list[tuple[str, str]]:
    parser = _Claims()
    parser.feed(page)
    parser.close()
    return [(text, verdict) for text, verdict in parser.claims]


CHECK_TEXTS = [
    "The crowd of 80,000 was twice the population of Monaco. Area 51 is twice the size of Wales.",
    "The park covers 900 km², a third bigger than Seoul; it has <b>2 million</b> people & more.",
    "Belgium is twice as big as Wales and about 12 times as big as Luxembourg.",
    "It covers more than 380 square miles, more than 1.5 times the area of Seoul.",
    "No claims \"here\" <script>alert(1)</script>.",
]


@pytest.mark.parametrize("text", CHECK_TEXTS)
def test_repr_html_of_checks_shows_the_text_with_each_claim(text: str) -> None:
    checks = quantnorm.verify(text)
    assert isinstance(checks, quantnorm.Checks) and checks.source == text
    out = checks._repr_html_()
    assert out == checks_html(text, checks)
    page = _read(out)
    assert page.text == text  # the source, character for character, escaped
    assert "script" not in page.tags and "b" not in page.tags
    assert _claims(out) == [(c.claim, c.verdict.value) for c in checks]
    for c in checks:
        verdict = c.verdict.value
        assert f'<span class="qn-verdict qn-{verdict}">{verdict}</span>' in out
        assert f"<td>{html.escape(c.claim)}</td>" in out


@pytest.mark.parametrize("text", CHECK_TEXTS)
def test_repr_html_of_a_check_shows_its_claim(text: str) -> None:
    for c in quantnorm.verify(text):
        out = c._repr_html_()
        page = _read(out)
        assert page.text == c.claim
        assert _claims(out) == [(c.claim, c.verdict.value)]
        assert f'<span class="qn-verdict qn-{c.verdict.value}">{c.verdict.value}</span>' in out
        assert html.escape(c.reason) in out
        if c.reference is not None:
            assert html.escape(c.reference.text) in out


def test_verify_gives_checks_of_every_verdict_colour() -> None:
    checks = quantnorm.verify(" ".join(CHECK_TEXTS))
    assert {c.verdict.value for c in checks} >= {"supported", "contradicted", "unverifiable"}


def test_cli_format_html() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--format", "html", "--text", "over 5 km & <b>", "--text", "10 troops"]) == 0
    page = out.getvalue()
    assert page.startswith("<!DOCTYPE html>")
    parsed = _read(page)
    assert parsed.text == "over 5 km & <b>10 troops"
    assert [m["text"] for m in parsed.marks] == ["over 5 km", "10 troops"]


def _cli(argv: list[str]) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(argv) == 0
    return out.getvalue()


_SEOUL = ("The city covers more than 380 square miles, more than 1.5 times the area of Seoul. "
          "Belgium is twice the size of Wales.")


def test_cli_format_html_shows_the_checked_claims() -> None:
    page = _cli(["--format", "html", "--text", _SEOUL, "--text", "10 troops"])
    checks = quantnorm.verify(_SEOUL)
    assert checks
    parsed = _read(page)
    assert parsed.text == _SEOUL + "10 troops"
    assert [m["text"] for m in parsed.marks] == [m.text for m in quantnorm.parse(_SEOUL)] + ["10 troops"]
    assert "<h2>Claims</h2>" in page and page.count("<h2>Claims</h2>") == 1  # the second text claims nothing
    for c in checks:
        verdict = c.verdict.value
        assert f'<span class="qn-claim qn-{verdict}" title="{html.escape(f"{verdict}: {c.reason}")}">' in page
        assert f'<span class="qn-verdict qn-{verdict}">{verdict}</span>' in page
        assert c.reference is not None and html.escape(c.reference.text) in page
    assert page == page_html([("<text 1>", _SEOUL, quantnorm.parse(_SEOUL), checks),
                              ("<text 2>", "10 troops", quantnorm.parse("10 troops"), [])])


def test_cli_format_html_of_the_seed_article_shows_the_seoul_claim(shared: Path) -> None:
    path = shared / "data" / "seed" / "kursk.txt"
    page = _cli(["--format", "html", str(path)])
    text = path.read_text(encoding="utf-8")
    assert _read(page).text == text
    assert '<span class="qn-claim qn-supported"' in page
    assert "more than 1.5 times the area of Seoul" in page
    assert "Seoul area: 605.21 km2" in page  # the reference, with its source after it


def test_cli_verify_format_html(tmp_path: Path) -> None:
    page = _cli(["verify", "--format", "html", "--text", _SEOUL, "--text", "Nothing compared."])
    checks = quantnorm.verify(_SEOUL)
    assert page == verify_page_html([("<text 1>", _SEOUL, checks), ("<text 2>", "Nothing compared.", [])])
    parsed = _read(page)
    assert parsed.text == _SEOUL  # the second text has no claims: a note, not its text
    assert parsed.marks == []  # claims only, no mentions
    assert "No comparison claims found." in page
    for c in checks:
        assert f'<span class="qn-verdict qn-{c.verdict.value}">{c.verdict.value}</span>' in page
        assert html.escape(c.claim) in page
    refs = tmp_path / "refs.json"
    refs.write_text(json.dumps({"Seoul": {"area": "3000 km**2"}}), encoding="utf-8")
    with_refs = _cli(["verify", "--format", "html", "--references", str(refs), "--text", _SEOUL])
    assert "3000 km**2" in with_refs and "qn-contradicted" in with_refs


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
def test_the_browser_shows_the_checked_claim(shared: Path, tmp_path: Path) -> None:
    page = _cli(["--format", "html", str(shared / "data" / "seed" / "kursk.txt")])
    probe_js = """<script>
const claims = [...document.querySelectorAll('.qn-text span.qn-claim')].map(c => {
  const r = c.getBoundingClientRect();
  return {text: c.textContent, width: r.width, border: getComputedStyle(c).borderBottomColor};
});
const verdicts = [...document.querySelectorAll('table.qn-checks .qn-verdict')].map(
  v => ({text: v.textContent, background: getComputedStyle(v).backgroundColor}));
const pre = document.createElement('pre'); pre.id = 'qn-probe';
pre.textContent = JSON.stringify({claims, verdicts});
document.body.appendChild(pre);
</script></body>"""
    path = tmp_path / "seed.html"
    path.write_text(page.replace("</body>", probe_js), encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", path.as_uri())
    probe = json.loads(html.unescape(dom.split('<pre id="qn-probe">', 1)[1].split("</pre>", 1)[0]))
    assert [c["text"] for c in probe["claims"]] == ["more than 1.5 times the area of Seoul"]
    assert probe["claims"][0]["width"] > 0
    assert probe["claims"][0]["border"] == "rgb(26, 127, 55)"  # supported: green
    assert probe["verdicts"] == [{"text": "supported", "background": "rgb(26, 127, 55)"}]


@browser
def test_screenshot_of_the_seed_article(shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the page of `quantnorm --format html ../shared/data/seed/kursk.txt`, run in the project folder
    root = Path(__file__).resolve().parents[1]
    monkeypatch.chdir(root)
    kursk = os.path.relpath(shared / "data" / "seed" / "kursk.txt", root)
    path = tmp_path / "seed.html"
    path.write_text(_cli(["--format", "html", kursk]), encoding="utf-8")
    target = Path(os.environ.get("QUANTNORM_SCREENSHOT", tmp_path / "seed.png")).resolve()
    _chromium(tmp_path, "--window-size=1100,1400", f"--screenshot={target}", path.as_uri())
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
