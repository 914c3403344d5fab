"""Reading quantnorm's data files (quantnorm/data/*.txt, *.csv).

In: a file name inside the package's ``data`` folder. Out: its meaningful lines, each with the
section it sits in and its line number, comments and blank lines removed.

Every data file shares this outer grammar, so each one only documents its own lines:

* ``#`` at the start of a line, or a ``#`` with white space on both sides, starts a comment
  (so ``#`` itself can still be written as a value: ``label = no., #``);
* ``[name]`` on its own line opens a section; lines before the first section are in section "";
* everything else is a data line, stripped of surrounding white space.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from .errors import DataFileError

_COMMENT = re.compile(r"(?:^|\s)#(?:\s.*)?$")
_SECTION = re.compile(r"^\[([^\]]+)\]$")


@dataclass(frozen=True)
class Line:
    """One data line: where it is (file, number, section) and what it says."""

    file: str
    number: int
    section: str
    text: str

    def error(self, why: str) -> DataFileError:
        """An exception naming this line, for a line the loader cannot understand."""
        return DataFileError(f"{self.file}:{self.number}: {why}: {self.text!r}")

    def split(self, sep: str = "=") -> tuple[str, str]:
        """``key = value`` -> (key, value), both stripped; a line without ``sep`` is an error."""
        key, found, value = self.text.partition(sep)
        if not found:
            raise self.error(f"expected '{sep}'")
        return key.strip(), value.strip()


def read_text(name: str) -> str:
    """The whole text of a data file."""
    return resources.files("quantnorm").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def lines(name: str) -> Iterator[Line]:
    """The data lines of ``name``, in order, with their sections (read once: several stages
    read the same file)."""
    return iter(_lines(name))


@functools.lru_cache(maxsize=32)
def _lines(name: str) -> tuple[Line, ...]:
    out: list[Line] = []
    section = ""
    for number, raw in enumerate(read_text(name).splitlines(), 1):
        text = _COMMENT.sub("", raw).strip()
        if not text:
            continue
        heading = _SECTION.match(text)
        if heading:
            section = heading.group(1).strip()
            continue
        out.append(Line(name, number, section, text))
    return tuple(out)


def items(text: str, sep: str = ",") -> list[str]:
    """Split a comma-separated list, dropping empty items."""
    return [part.strip() for part in text.split(sep) if part.strip()]


def expand(form: str) -> list[str]:
    """Expand the plural notation of the data files: ``mile(s)`` -> mile, miles;
    ``inch(es)`` -> inch, inches; ``foot|feet`` -> foot, feet; ``degree(s) Celsius`` ->
    degree Celsius, degrees Celsius. Every word of a phrase may carry one notation."""
    results = [""]
    for i, word in enumerate(form.split(" ")):
        options: list[str] = []
        for option in word.split("|") if "|" in word and len(word) > 1 else [word]:
            m = re.fullmatch(r"(.+?)\(([^()]+)\)(.*)", option)
            options += [m.group(1) + m.group(3), m.group(1) + m.group(2) + m.group(3)] if m else [option]
        sep = " " if i else ""
        results = [r + sep + o for r in results for o in options]
    return results
