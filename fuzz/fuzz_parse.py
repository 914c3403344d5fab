"""atheris fuzz target: quantnorm.parse() and quantnorm.verify() on arbitrary text.

In: bytes from libFuzzer: the first two choose parser options, the rest is the text, read as
UTF-8 with invalid bytes kept as lone surrogates (so every code point can occur, and the
tokens of fuzz/quantnorm.dict arrive as written). Out: nothing, unless a property breaks: then the
exception stops the fuzzer and libFuzzer writes the input to crash-<hash>.

Properties (those of tests/test_robustness.py): parse() and verify() return without
raising; every span lies in the text, in order, without overlap, and its text is
source[start:end]; every mention's interval holds its quantity when it is bounded.
Not run in CI; see fuzz/README.md.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import quantnorm

_TONS = ["metric", "short", "long"]


def check(text: str, widen: bool, ton: str) -> None:
    """Raise AssertionError when a property does not hold for ``text``."""
    found = quantnorm.parse(text, widen_exact=widen, ton=ton)
    last = 0
    for m in found:
        assert last <= m.start < m.end <= len(text), (m.start, m.end, last)
        assert m.text == text[m.start:m.end], (m.text, m.start, m.end)
        assert m.to_dict()["text"] == m.text
        last = m.end
    for c in quantnorm.verify(text):
        assert 0 <= c.start < c.end <= len(text)
        assert c.claim == text[c.start:c.end]


def test_one_input(data: bytes) -> None:
    widen = bool(data[:1]) and data[0] & 1 == 1
    ton = _TONS[data[1] % len(_TONS)] if len(data) > 1 else _TONS[0]
    check(data[2:].decode("utf-8", errors="surrogateescape"), widen, ton)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
