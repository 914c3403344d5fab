"""mkdocs hooks for the quantnorm site (mkdocs.yml: ``hooks``), and a griffe extension.

``DoctestFences`` (mkdocstrings' ``extensions``): docstrings hold plain doctest examples
(``>>> ...`` and their output, ending at a blank line), which Markdown would read as nested
block quotes and reference links; the extension puts each run in a ``pycon`` code fence.

The docs link to repository files outside docs/ ("../quantnorm/data/qualifiers.txt"), so
that the links work on GitHub. mkdocs (strict) cannot resolve them: this hook copies each
linked file into the site under ``_source/`` and points the link there. A link to a file
that does not exist still fails the strict build.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

from griffe import Extension, Object
from mkdocs.structure.files import File, Files

_LINK = re.compile(r"(\]\()(\.\./[^)\s#]+)([#)\s])")
_PREFIX = "_source"


def _root(config: Any) -> Path:
    return Path(config["config_file_path"]).resolve().parent


def _outside(page_src: str, target: str, config: Any) -> Path | None:
    """The repository file a link from docs/``page_src`` names, if it is outside docs/."""
    docs = Path(config["docs_dir"]).resolve()
    path = (docs / posixpath.dirname(page_src) / target).resolve()
    root = _root(config)
    if path.is_file() and root in path.parents and docs not in path.parents:
        return path
    return None


def on_files(files: Files, config: Any) -> Files:
    for page in list(files.documentation_pages()):
        if page.abs_src_path is None:
            continue
        text = Path(page.abs_src_path).read_text(encoding="utf-8")
        for match in _LINK.finditer(text):
            path = _outside(page.src_uri, match.group(2), config)
            if path is None:
                continue
            uri = f"{_PREFIX}/{path.relative_to(_root(config)).as_posix()}"
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    def repl(match: re.Match[str]) -> str:
        path = _outside(page.file.src_uri, match.group(2), config)
        if path is None:
            return match.group(0)
        uri = f"{_PREFIX}/{path.relative_to(_root(config)).as_posix()}"
        rel = posixpath.relpath(uri, posixpath.dirname(page.file.src_uri) or ".")
        return f"{match.group(1)}{rel}{match.group(3)}"

    return _LINK.sub(repl, markdown)


def fence_doctests(text: str) -> str:
    """Wrap each run of doctest lines (a ``>>>`` line up to the next blank line) outside a
    code fence in a ``pycon`` fence."""
    out: list[str] = []
    in_fence = False
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        elif not in_fence and line.lstrip().startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(indent + "```pycon")
            while i < len(lines) and lines[i].strip():
                out.append(lines[i])
                i += 1
            out.append(indent + "```")
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


class DoctestFences(Extension):
    """griffe: fence the doctest examples of every docstring."""

    def on_object(self, *, obj: Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fence_doctests(obj.docstring.value)

    def on_package(self, *, pkg: Object, **kwargs: Any) -> None:  # the package itself is no member
        self.on_object(obj=pkg)
