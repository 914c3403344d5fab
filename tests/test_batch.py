"""parse_many: same results as parse(), in input order, serial, in processes and in threads;
lazy input; options pass through; bad arguments rejected before any work."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

import quantnorm

NEWS = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus" / "news.txt"


@pytest.fixture(scope="module")
def texts() -> list[str]:
    lines = [s for s in NEWS.read_text(encoding="utf-8").splitlines() if s.strip()]
    # one-sentence texts and longer documents, with texts that have no mention
    return lines[:120] + [" ".join(lines[i:i + 7]) for i in range(120, 400, 7)] + ["", "no numbers here"]


def _records(results: list[quantnorm.Mentions]) -> list[list[dict[str, object]]]:
    return [[m.to_dict() for m in ms] for ms in results]


@pytest.fixture(scope="module")
def serial(texts: list[str]) -> list[list[dict[str, object]]]:
    return _records([quantnorm.parse(t) for t in texts])


def test_serial_is_parse(texts: list[str], serial: list[list[dict[str, object]]]) -> None:
    assert _records(list(quantnorm.parse_many(texts))) == serial


@pytest.mark.parametrize("pool", ["process", "thread"])
def test_pool_gives_the_same_mentions_in_order(pool: str, texts: list[str],
                                               serial: list[list[dict[str, object]]]) -> None:
    got = list(quantnorm.parse_many(texts, workers=2, chunksize=5, pool=pool))  # type: ignore[arg-type]
    assert _records(got) == serial
    assert [ms.source for ms in got] == texts
    assert sum(map(len, got)) > 100  # the corpus has mentions: the comparison compares something


def test_process_results_are_rebuilt_on_the_callers_registry() -> None:
    (ms,) = quantnorm.parse_many(["The ship sailed more than 380 square miles."], workers=2)
    m = ms[0]
    assert isinstance(m, quantnorm.Mention)
    assert m.quantity._REGISTRY is quantnorm.ureg
    assert m.to("km**2").magnitude == pytest.approx(984.195481927680)


def test_options_pass_through_to_the_workers() -> None:
    text = "It cost $5 and weighed 2 tons."
    for workers in (None, 2):
        ms = next(quantnorm.parse_many([text], workers=workers, dollar="CAD", ton="short"))
        assert [str(m.unit) for m in ms] == ["CAD", "ton"]


def test_input_is_read_lazily() -> None:
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        for i in itertools.count():
            consumed += 1
            yield f"{i} km"

    results = quantnorm.parse_many(endless(), workers=2, chunksize=3)
    first = list(itertools.islice(results, 10))
    results.close()  # type: ignore[attr-defined]
    assert [ms[0].value for ms in first] == list(range(10))
    assert consumed <= 10 + 2 * 2 * 3 + 3  # at most 2 * workers chunks in flight, plus one being read


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"workers": 0}, "workers"),
    ({"workers": 1.5}, "workers"),
    ({"chunksize": 0}, "chunksize"),
    ({"pool": "cluster"}, "pool"),
    ({"ton": "huge"}, "ton"),
])
def test_bad_arguments_are_rejected_at_the_call(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(quantnorm.OptionError, match=message):
        quantnorm.parse_many(["5 km"], **kwargs)  # type: ignore[arg-type]


def test_a_bad_text_raises_in_the_caller() -> None:
    with pytest.raises(TypeError, match="needs a str"):
        list(quantnorm.parse_many(["5 km", b"5 km"], workers=2))  # type: ignore[list-item]
