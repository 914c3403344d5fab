"""quantnorm.spacy_component: nlp.add_pipe("quantnorm") on spacy.blank("en") equals parse()."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import quantnorm

spacy = pytest.importorskip("spacy", reason="quantnorm[spacy] is not installed (pip install -e '.[spacy]')")

from spacy.tokens import Doc, DocBin  # noqa: E402

from quantnorm.spacy_component import label_of  # noqa: E402

TEXTS = [
    "Russia has deployed over 50,000 troops; the region covers more than 380 square miles.",
    "It cost $4.2bn, about 5% more than last year, and rates rose 0.25 percentage points.",
    "between 5 and 10 km, nearly 15,000 people and a 29-year-old.",
    "about 10,000+troops",  # the mention ends inside a token
    # several mentions inside the same tokens: their spans are equal, their mentions are not
    "Rates of 5%/6%/7% apply.",
    "Bids of $4.2bn/$4.5bn/$5bn came in.",
    "a ratio of 2:1 and 10k-20k users",
    "Runs of 5km/10km/21km, a 5km-10km-15km relay, 10k/20k/30k people and $1m/$2m.",
    "It weighs 5kg-6kg; speeds of 10km/h and 5m/s.",
    "Nothing to count here.",
    "",
]


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("quantnorm")
    return nlp


def _same(doc: Doc, text: str) -> None:
    expected = list(quantnorm.parse(text))
    spans = doc._.quantities
    assert len(spans) == len(expected)
    for i, (span, m) in enumerate(zip(spans, expected, strict=True)):
        assert span._.mention == m, (i, span.text, span._.mention, m)
        # whole tokens covering exactly the mention's characters, or the fewest tokens that do
        assert span.start_char <= m.start < m.end <= span.end_char
        assert span.label_ == label_of(m)
        first, last = doc[span.start], doc[span.end - 1]
        assert first.idx <= m.start < first.idx + len(first)
        assert last.idx < m.end <= last.idx + len(last)


@pytest.mark.parametrize("text", TEXTS)
def test_the_component_gives_exactly_parse(nlp: spacy.language.Language, text: str) -> None:
    _same(nlp(text), text)


def test_the_seed_article(nlp: spacy.language.Language, shared: Path) -> None:
    text = (shared / "data" / "seed" / "kursk.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    _same(doc, text)
    assert [s.text for s in doc._.quantities] == [m.text for m in quantnorm.parse(text)]


def test_labels(nlp: spacy.language.Language) -> None:
    doc = nlp(TEXTS[1])
    assert [(s.text, s.label_) for s in doc._.quantities] == [
        ("$4.2bn", "MONEY"), ("about 5%", "PERCENT"), ("0.25 percentage points", "PERCENT")]


def test_a_span_that_does_not_align_is_expanded_to_whole_tokens(nlp: spacy.language.Language) -> None:
    doc = nlp("about 10,000+troops")
    (span,) = doc._.quantities
    assert span.text == "about 10,000+troops"
    assert span._.mention.text == "about 10,000"
    assert doc[:1]._.mention is None


def test_spans_over_the_same_tokens_keep_their_own_mentions(nlp: spacy.language.Language) -> None:
    doc = nlp("Rates of 5%/6%/7% apply.")
    spans = doc._.quantities
    assert [s._.mention.text for s in spans] == ["5%", "6%", "7%"]
    assert spans[0].start == spans[1].start and spans[0].end == spans[1].end  # same tokens
    assert [s._.mention.start for s in spans] == [9, 12, 15]
    # a span over the same tokens made by anyone else carries no mention
    assert spacy.tokens.Span(doc, spans[1].start, spans[1].end)._.mention is None
    assert doc.char_span(spans[0].start_char, spans[0].end_char)._.mention is None


class _NoScan(list[object]):
    """Mention records that count index look-ups and refuse to be walked."""

    reads = 0

    def __iter__(self) -> Any:
        raise AssertionError("span._.mention walked the records")

    def __getitem__(self, i: Any) -> Any:
        type(self).reads += 1
        return super().__getitem__(i)


def test_a_span_finds_its_mention_in_one_look_up(nlp: spacy.language.Language) -> None:
    text = " ".join(f"{i}%/{i + 1}%" for i in range(1, 400))
    doc = nlp(text)
    key = "quantnorm.mentions"
    doc.user_data[key] = _NoScan(doc.user_data[key])
    spans = doc._.quantities
    assert len(spans) == 798
    mentions = [s._.mention for s in spans]
    assert _NoScan.reads == len(spans)  # one record read per span, whatever the doc's size
    assert mentions == list(quantnorm.parse(text))


def test_ents_carry_their_mentions(nlp: spacy.language.Language) -> None:
    pipeline = spacy.blank("en")
    pipeline.add_pipe("quantnorm", config={"ents": True})
    doc = pipeline("Bids of $4.2bn/$4.5bn/$5bn and 380 square miles.")
    assert [(e.text, e._.mention.text) for e in doc.ents] == [
        ("$4.2bn/$4.5bn/$5bn", "$4.2bn"), ("380 square miles", "380 square miles")]


def test_ents_only_where_no_entity_is_already(nlp: spacy.language.Language) -> None:
    pipeline = spacy.blank("en")
    ruler = pipeline.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "50,000 troops"}])
    pipeline.add_pipe("quantnorm", config={"ents": True})
    doc = pipeline("over 50,000 troops and 380 square miles")
    assert [(e.text, e.label_) for e in doc.ents] == [("50,000 troops", "ORG"), ("380 square miles", "QUANTITY")]
    assert [s.text for s in doc._.quantities] == ["over 50,000 troops", "380 square miles"]
    assert list(nlp("380 square miles").ents) == []  # off by default


def test_options_reach_the_parser() -> None:
    pipeline = spacy.blank("en")
    pipeline.add_pipe("quantnorm", config={"ton": "short", "spans_key": "qn"})
    doc = pipeline("It weighs 5 tons.")
    assert [s._.mention for s in doc._.quantities] == list(quantnorm.parse("It weighs 5 tons.", ton="short"))
    assert "qn" in doc.spans


def test_mentions_survive_serialisation(nlp: spacy.language.Language) -> None:
    docs = [nlp(t) for t in TEXTS]
    bin_ = DocBin(docs=docs, store_user_data=True)
    again = list(DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab))
    for doc, text in zip(again, TEXTS, strict=True):
        _same(doc, text)


def test_nlp_pipe_with_two_processes(nlp: spacy.language.Language) -> None:
    texts = TEXTS * 4
    docs = list(nlp.pipe(texts, n_process=2, batch_size=3))
    assert len(docs) == len(texts)
    for doc, text in zip(docs, texts, strict=True):
        _same(doc, text)


def test_the_factory_is_an_entry_point() -> None:
    points = importlib.metadata.entry_points(group="spacy_factories")
    if not any(p.name == "quantnorm" for p in points):
        pytest.skip("quantnorm is not installed with its entry points (pip install -e '.[spacy]')")
    code = ("import spacy, sys; nlp = spacy.blank('en'); nlp.add_pipe('quantnorm'); "
            "print([s.text for s in nlp('over 5 km')._.quantities])")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "['over 5 km']"


def test_import_quantnorm_does_not_import_spacy() -> None:
    code = "import sys, quantnorm; quantnorm.parse('5 km'); print('spacy' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
