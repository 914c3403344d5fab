"""atheris fuzz target: quantnorm.parse() and quantnorm.verify() on arbitrary text.

In: bytes from libFuzzer: the first two choose parser options, the rest is the text, read as
UTF-8 (``decode``): valid UTF-8 gives every code point but the surrogates, the 3-byte
encoding of a surrogate (ED A0 80 for U+D800) gives that lone surrogate, and any other
invalid byte 0x80-0xFF gives U+DC80-U+DCFF (surrogateescape). So every code point can
occur, and the tokens of fuzz/quantnorm.dict arrive as written. Out: nothing, unless a
property breaks: then the exception stops the fuzzer and libFuzzer writes the input to
crash-<hash>.

Properties (``check``; those of tests/test_robustness.py and tests/test_properties.py):
parse() and verify() return without raising; every span lies in the text, in order,
without overlap, and its text is source[start:end]; every mention's quantity lies within
its interval's bounds (a side that is None is unbounded), and in the interval itself
unless the bound is strict ('>' or '<', where the stated value is the open edge: "more
than 5" is (5, +inf), "nearly 15,000" is [14,500, 15,000)); the interval is in the
quantity's units; every claim's span lies in the text.
Not run in CI; see fuzz/README.md. ``check`` and ``decode`` import without atheris.
"""

from __future__ import annotations

import codecs
import sys
from fractions import Fraction

try:
    import atheris
except ImportError:  # check() and decode() still work, e.g. to replay an input
    atheris = None

if atheris is not None:
    with atheris.instrument_imports():
        import quantnorm
else:
    import quantnorm

_TONS = ["metric", "short", "long"]
_STRICT = frozenset({">", "<"})
_PASS, _ESCAPE = codecs.lookup_error("surrogatepass"), codecs.lookup_error("surrogateescape")


def _any_code_point(exc: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: an encoded surrogate as itself, any other bad byte escaped."""
    try:
        return _PASS(exc)
    except UnicodeDecodeError:
        return _ESCAPE(exc)


codecs.register_error("quantnorm-fuzz", _any_code_point)


def decode(data: bytes) -> str:
    """Fuzzer bytes -> text in which every code point (lone surrogates included) can occur."""
    return data.decode("utf-8", errors="quantnorm-fuzz")


def check(text: str, widen: bool, ton: str) -> None:
    """Raise AssertionError when a property does not hold for ``text``."""
    found = quantnorm.parse(text, widen_exact=widen, ton=ton)
    last = 0
    for m in found:
        assert last <= m.start < m.end <= len(text), (m.start, m.end, last)
        assert m.text == text[m.start:m.end], (m.text, m.start, m.end)
        assert m.to_dict()["text"] == m.text
        iv, q = m.interval, Fraction(m.quantity.magnitude)
        assert iv.units == (str(m.quantity.units) or "dimensionless"), (m, iv.units)
        assert iv.low is None or iv.low <= q, (m, q)
        assert iv.high is None or q <= iv.high, (m, q)
        assert m.bound.value in _STRICT or q in iv, (m, q)
        last = m.end
    for c in quantnorm.verify(text):
        assert 0 <= c.start < c.end <= len(text)
        assert c.claim == text[c.start:c.end]


def test_one_input(data: bytes) -> None:
    widen = bool(data[:1]) and data[0] & 1 == 1
    ton = _TONS[data[1] % len(_TONS)] if len(data) > 1 else _TONS[0]
    check(decode(data[2:]), widen, ton)


def main() -> None:
    if atheris is None:
        sys.exit("fuzz_parse.py needs atheris: pip install atheris (fuzz/README.md)")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
