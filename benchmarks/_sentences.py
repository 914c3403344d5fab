"""The benchmark corpus: sentences in, read at run time.

In: benchmarks/corpus/news.txt (written for this project, one sentence a line) and, when
../shared is there, the four Recognizers-Text sets (JSON lists of {"text": ...}) and the
seed article (split into sentences). Nothing from ../shared is copied into the project.
Out: ``load(shared)`` -> a list of ``(set name, sentences)``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEWS = HERE / "corpus" / "news.txt"
DEFAULT_SHARED = Path(os.environ.get("QUANTNORM_SHARED", HERE.parents[1] / "shared"))
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'‘“])")


def split_sentences(text: str) -> list[str]:
    """Sentences of a plain article: one per line, split again after . ! ? before a capital."""
    out: list[str] = []
    for line in text.splitlines():
        out.extend(s.strip() for s in _SENTENCE_END.split(line) if s.strip())
    return out


def load(shared: Path = DEFAULT_SHARED) -> list[tuple[str, list[str]]]:
    """The corpus sets, news first; the ../shared sets only when the folder is there."""
    sets = [("news", [s for s in NEWS.read_text(encoding="utf-8").splitlines() if s.strip()])]
    rt = shared / "data" / "recognizers-text"
    for path in sorted(rt.glob("*.json")) if rt.is_dir() else []:
        items = json.loads(path.read_text(encoding="utf-8"))
        sets.append((f"rt-{path.stem.removesuffix('-model')}", [item["text"] for item in items]))
    seed = shared / "data" / "seed" / "kursk.txt"
    if seed.is_file():
        sets.append(("seed", split_sentences(seed.read_text(encoding="utf-8"))))
    return sets
