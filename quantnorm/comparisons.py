"""Comparison stage: comparison claims in a text, and their check against reference values.

In: a text; its quantity mentions (``mentions.Parser``); a ``ReferenceBook`` (references.py).
Out: ``comparisons(text)``: the claims found ("more than 1.5 times the area of Seoul"), as
``Comparison``: span, op, exact factor, the entity compared with, the properties the words
may mean, and the subject (the stated quantity, or the named entity, being compared).
``verify(text)``: one ``Check`` per claim: the reference value used, the interval of
subject/reference that the stated numbers allow (``ratio``), the interval the claim allows
(``claimed``) and a verdict, by exact interval arithmetic on Fractions:

  supported     every ratio the text allows lies in the claimed interval
  contradicted  none does
  undetermined  some do, some do not
  unverifiable  no subject, no reference value, or dimensions that cannot be compared

Claimed interval of op and factor f (w: the widths of data/comparisons.txt [tolerance]):
  =  [f(1 - w=), f(1 + w=)]      ~  [f(1 - w~), f(1 + w~)]
  >  (f, +inf)   >=  [f, +inf)   <  (-inf, f)   <=  (-inf, f]
  "just over" (f, f(1 + w_near)]   "almost", "nearly" [f(1 - w_near), f)

Readings (docs/verification.md): "N times bigger than X" and "N times more than X" are N
times X; "N times smaller than X" is X / N; "30% bigger than X" is 1.3 times X and "a third
bigger than X" 4/3 times X (a percentage or a fraction before a comparative adds to one);
"the size of X" with no factor is factor 1; "N times that of X" compares the property named
last before it, or else the one of the subject's dimension. The words live in
data/comparisons.txt.

Subjects: a named subject the book knows, right before a subject verb ("Belgium is...",
"Belgium has..."); else the nearest stated quantity of a compared dimension in the sentence;
else, for a head count, a bare number ("a crowd of 80,000"); else a name the book does not
know ("Area 51"). A name starts with a letter: digits and pieces of numbers name nothing. A
claim joined to the one before by a coordinator ("..., and three times as big as X") has
the same subject.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from typing import Any

import regex

from . import _data
from ._patterns import Match, near
from .errors import QuantnormError
from .intervals import Interval
from .mentions import Mention, Parser, SourcedList, check_text
from .numbers import reader
from .qualifiers import Bound, tables
from .references import Reference, ReferenceBook, as_book, dimension, lookup

__all__ = [
    "Check",
    "Checks",
    "Comparison",
    "NamedSubject",
    "Tolerances",
    "Verdict",
    "claimed_interval",
    "comparisons",
    "judge",
    "verify",
    "verify_mentions",
]

_ALL: tuple[str, ...] = ("area", "population", "volume", "length", "height", "width", "depth", "mass", "speed")
_FLIP = {Bound.GT: Bound.LT, Bound.GE: Bound.LE, Bound.LT: Bound.GT, Bound.LE: Bound.GE}
_SP = r"[\x20\u00a0\t]"
_COUNT, _BARE = "count", "dimensionless"  # the canonical units of a head count and of a bare number
_A_WORD = r"[\p{L}\p{N}][\p{L}\p{N}.'’&-]*+"


@functools.lru_cache(maxsize=1)
def _word_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A word; up to six words, each followed by spaces, ending the searched text."""
    return regex.compile(_A_WORD), regex.compile(rf"(?:{_A_WORD}[\x20\u00a0]++){{1,6}}+\Z")


class Verdict(str, Enum):
    """What the stated numbers say about a claim; ``value`` is the JSON word."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    UNDETERMINED = "undetermined"
    UNVERIFIABLE = "unverifiable"

    def __str__(self) -> str:
        return self.value


def _num(x: Fraction) -> int | float:
    return int(x) if x.denominator == 1 else float(x)


@dataclass(frozen=True)
class NamedSubject:
    """A subject named rather than stated ("Belgium is twice the size of Wales"): its span,
    the entity, and its reference value (None when the book has none)."""

    text: str
    start: int
    end: int
    entity: str
    reference: Reference | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "entity",
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "entity": self.entity,
            "reference": None if self.reference is None else self.reference.to_dict(),
        }


Subject = Mention | NamedSubject


def _subject_dict(subject: Subject | None) -> dict[str, Any] | None:
    if subject is None:
        return None
    if isinstance(subject, Mention):
        return {"kind": "mention", **subject.to_dict()}
    return subject.to_dict()


@dataclass(frozen=True)
class Comparison:
    """A comparison claim found in a text (not yet checked).

    ``text == source[start:end]``; ``op`` and ``factor`` state the claimed relation of
    subject / entity ("more than 1.5 times" -> '>' 3/2); ``near`` marks "almost", "nearly",
    "just over" (the open side closes at the near tolerance); ``entity`` is the name of what
    the subject is compared with (the book's own name when it knows it); ``properties`` the
    properties the words may mean, most likely first; ``subject`` the stated quantity or
    named entity being compared, or None; ``form`` the frame ("the P of X", "as A as X"...)."""

    text: str
    start: int
    end: int
    op: Bound
    factor: Fraction
    entity: str
    properties: tuple[str, ...]
    subject: Subject | None
    near: bool = False
    form: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.text,
            "start": self.start,
            "end": self.end,
            "op": self.op.value,
            "factor": _num(self.factor),
            "near": self.near,
            "entity": self.entity,
            "properties": list(self.properties),
            "subject": _subject_dict(self.subject),
            "form": self.form,
        }


@dataclass(frozen=True)
class Check:
    """A claim checked: ``claim``/``start``/``end`` its span; ``subject`` the Mention or
    NamedSubject compared; ``op`` and exact ``factor`` the relation claimed; ``entity`` and
    ``property`` what it is compared with; ``reference`` the value used (with its source);
    ``ratio`` the Interval of subject/reference the stated numbers allow; ``claimed`` the
    Interval of ratios the claim allows; ``verdict`` and a ``reason`` in words."""

    claim: str
    start: int
    end: int
    subject: Subject | None
    op: Bound
    factor: Fraction
    entity: str
    property: str | None
    reference: Reference | None
    ratio: Interval | None
    claimed: Interval
    verdict: Verdict
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON record (docs/verification.md)."""
        return {
            "claim": self.claim,
            "start": self.start,
            "end": self.end,
            "subject": _subject_dict(self.subject),
            "op": self.op.value,
            "factor": _num(self.factor),
            "entity": self.entity,
            "property": self.property,
            "reference": None if self.reference is None else self.reference.to_dict(),
            "ratio": None if self.ratio is None else self.ratio.to_dict(),
            "claimed": self.claimed.to_dict(),
            "verdict": self.verdict.value,
            "reason": self.reason,
        }

    def _repr_html_(self) -> str:
        """Jupyter: the claim underlined in its verdict's colour and its reading, reference,
        ratios and reason (``quantnorm.html.check_html``)."""
        from .html import check_html

        return check_html(self)


class Checks(SourcedList[Check]):
    """The checks of one text, as ``verify`` returns them: a list, which also keeps the text
    (``.source``) so that a notebook shows it with every claim underlined in its verdict's
    colour, and the table of the claims (``quantnorm.html.checks_html``)."""

    def _repr_html_(self) -> str:
        from .html import checks_html

        return checks_html(self.source, self)


# ---------------------------------------------------------------------------- semantics


@dataclass(frozen=True)
class Tolerances:
    """Relative widths of the claimed interval: ``exact`` for a bare factor ('='),
    ``approx`` for '~', ``near`` for "almost"/"just over" (data/comparisons.txt [tolerance])."""

    exact: Fraction
    approx: Fraction
    near: Fraction

    def __post_init__(self) -> None:
        for name in ("exact", "approx", "near"):
            value = getattr(self, name)
            if not isinstance(value, Fraction) or not 0 <= value < 1:
                raise QuantnormError(f"tolerance {name} must be a Fraction in [0, 1), not {value!r}")


def claimed_interval(op: Bound, factor: Fraction, near: bool = False, tolerances: Tolerances | None = None) -> Interval:
    """The ratios subject/reference that a claim "op factor" allows (module docstring)."""
    tol = tolerances or _tables().tolerances
    f = Fraction(factor)
    if f <= 0:
        raise QuantnormError(f"a comparison factor must be positive, not {factor}")
    if op == Bound.EQ:
        return Interval(f * (1 - tol.exact), f * (1 + tol.exact))
    if op == Bound.APPROX:
        return Interval(f * (1 - tol.approx), f * (1 + tol.approx))
    if op == Bound.GT:
        return Interval(f, f * (1 + tol.near), False, True) if near else Interval(f, None, False, False)
    if op == Bound.GE:
        return Interval(f, None, True, False)
    if op == Bound.LT:
        return Interval(f * (1 - tol.near), f, True, False) if near else Interval(None, f, False, False)
    if op == Bound.LE:
        return Interval(None, f, False, True)
    raise QuantnormError(f"a comparison cannot have the bound {op.value!r}")


def judge(ratio: Interval, claimed: Interval) -> Verdict:
    """supported if ``claimed`` contains every value of ``ratio``, contradicted if they share
    none, undetermined otherwise."""
    if claimed.contains(ratio):
        return Verdict.SUPPORTED
    if not claimed.intersects(ratio):
        return Verdict.CONTRADICTED
    return Verdict.UNDETERMINED


# ---------------------------------------------------------------------------- the data


@dataclass(frozen=True)
class _Adjective:
    props: tuple[str, ...]
    inverse: bool


def _alt(phrases: Sequence[str]) -> str:
    """A regex alternation of phrases, longest first, any white space between words."""
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        esc = regex.escape(p).replace(r"\ ", r"\s++")
        if p[:1].isalnum():
            esc = r"(?<![\w'’-])" + esc
        if p[-1:].isalnum():
            esc += r"(?![\w'’-])"
        parts.append(esc)
    return "|".join(parts) or "(?!)"


def _key(phrase: str) -> str:
    return " ".join(phrase.casefold().replace("’", "'").split())


class _Tables:
    """data/comparisons.txt, compiled once."""

    def __init__(self) -> None:
        self.multipliers: dict[str, Fraction] = {}
        self.fractions: set[str] = set()
        self.times: list[str] = []
        self.percent: list[str] = []
        self.properties: dict[str, tuple[str, ...]] = {}
        self.bare: set[str] = set()
        self.bare_known: set[str] = set()  # bare only with an entity the book knows (docs in the data file)
        self.adjectives: dict[str, _Adjective] = {}
        self.much: set[str] = set()
        self.lists: dict[str, list[str]] = {}
        tol: dict[str, Fraction] = {}
        for line in _data.lines("comparisons.txt"):
            sec = line.section
            if sec == "multipliers":
                words, value = line.split()
                for word in _data.items(words):
                    self.multipliers[_key(word)] = Fraction(value)
            elif sec == "fractions":
                self.fractions.update(_key(w) for w in _data.items(line.text))
            elif sec in ("times", "percent"):
                (self.times if sec == "times" else self.percent).extend(_data.items(line.text))
            elif sec in ("properties", "adjectives"):
                words, meaning = line.split()
                props_text, _, flag = meaning.partition(";")
                props = tuple(_data.items(props_text))
                flag = flag.strip()
                if flag not in (("", "bare", "bare-known") if sec == "properties" else ("", "inverse")):
                    raise line.error(f"unknown flag {flag!r}")
                for word in _data.items(words):
                    if sec == "properties":
                        self.properties[_key(word)] = props
                        if flag == "bare":
                            self.bare.add(_key(word))
                        elif flag == "bare-known":
                            self.bare_known.add(_key(word))
                    else:
                        self.adjectives[_key(word)] = _Adjective(props, flag == "inverse")
            elif sec == "much":
                self.much.update(_key(w) for w in _data.items(line.text))
            elif sec == "tolerance":
                name, _, value = line.text.rpartition("=")
                tol[name.strip()] = Fraction(value.strip())
            elif sec in ("bare-after", "subject-verbs", "coordinators", "skip-adverbs", "entity-stops",
                         "not-entities"):
                self.lists.setdefault(sec, []).extend(_data.items(line.text))
            elif sec not in ("dimensions", "count-units"):
                raise line.error(f"unknown section [{sec}]")
        unknown = set(self.fractions) - set(self.multipliers)
        if unknown:
            raise QuantnormError(f"comparisons.txt [fractions] lists words with no factor: {sorted(unknown)}")
        try:
            self.tolerances = Tolerances(tol["="], tol["~"], tol["near"])
        except KeyError as exc:
            raise QuantnormError(f"comparisons.txt [tolerance] needs '=', '~' and 'near': {exc} missing") from None
        self.stops = {_key(w) for w in self.lists.get("entity-stops", [])}
        self.not_entities = {_key(w) for w in self.lists.get("not-entities", [])}
        self.count_words = {"people", "persons", "inhabitants", "residents", "citizens"}
        pnouns = _alt(list(self.properties))
        adjs = _alt(list(self.adjectives))
        much = _alt(list(self.much))
        self.MULT = regex.compile(rf"(?i)(?:{_alt(list(self.multipliers))})")
        times = [t for t in self.times if t != "x"]
        # (a match starts where a run of blanks starts: from inside one, each start would
        # read the rest of the run again, quadratic in its length)
        self.TIMES = regex.compile(
            rf"(?i)(?<!{_SP}){_SP}*+(?:{_alt(times)}|(?<=[\d½¼¾⅓⅔])x(?![\w]))"
        )
        self.PERCENT = regex.compile(rf"(?i)(?<!{_SP}){_SP}*+(?:{_alt(self.percent)})")
        self.THE = near(rf"(?i)\s++the\s++(?P<pnoun>{pnouns})\s++of\s++")
        self.OF_THE = near(rf"(?i)\s++of\s++the\s++(?P<pnoun>{pnouns})\s++of\s++")
        self.AS = near(
            rf"(?i)\s++as\s++(?:(?P<adj>{adjs})|(?P<much>{much})(?:\s++(?!as(?![\w]))(?P<noun>[^\W\d_]++))?)\s++as\s++"
        )
        self.THAN = near(rf"(?i)\s++(?P<cadj>{adjs})\s++than\s++")
        self.MORE = near(r"(?i)\s++(?P<more>more|less|fewer)\s++than\s++")
        self.THAT = near(r"(?i)\s++(?:that|those)\s++of\s++")
        self.PNOUN = regex.compile(rf"(?i){pnouns}")  # what "that" of "7 times that of X" stands for
        self.OF = near(r"(?i)\s++of\s++")
        self.SPACE = near(r"\s++")
        # frames with no factor, found on their own
        bare = _alt(sorted(self.bare | self.bare_known))
        self.BARE = regex.compile(
            rf"(?i)(?<![\w'’-])(?:the\s++(?P<pnoun>{bare})\s++of"
            rf"|as\s++(?:(?P<adj>{adjs})|(?P<much>{much})(?:\s++(?!as(?![\w]))(?P<noun>[^\W\d_]++))?)\s++as"
            rf"|(?P<cadj>{adjs})\s++than)\s++"
        )
        verbs = _alt(self.lists.get("subject-verbs", []))
        adverbs = _alt(self.lists.get("skip-adverbs", []))
        self.VERB_BEFORE = regex.compile(rf"(?i)(?:{verbs})(?:\s++(?:{adverbs}))*+\s*+\Z")
        self.BARE_AFTER = regex.compile(rf"(?i)(?:{_alt(self.lists.get('bare-after', []))})\s*+\Z")
        # what may stand between two claims that share a subject: ", and is now almost..."
        coordinators = _alt(self.lists.get("coordinators", []))
        self.COORDINATED = regex.compile(
            rf"(?i)\s*+,?\s*+(?:(?:{coordinators})\s++)?(?:(?:{verbs})\s++)?(?:(?:{adverbs})\s++)*+"
        )
        # a word; a final full stop only after an abbreviation ("U.S."), a final apostrophe
        # only as a possessive ("Texas'")
        self.WORD = near(
            r"[\x20\u00a0\t]*+([\p{L}\p{N}](?:[\p{L}\p{N}&]|[.'’-](?=[\p{L}\p{N}]))*+"
            r"(?:(?<=\.\p{L})\.|['’](?![\p{L}\p{N}]))?)"
        )
        # A sentence ends at a run of . ! ? (not at an initial's dot, "U.S. officials"), read
        # from the run's first character, or from the one after an initial ("U.S.."): a match
        # tried from inside a run would read the rest of it again, quadratic in its length.
        self.SENTENCE = regex.compile(
            r"(?:(?<![\s.]\p{Lu}|[.!?])|(?<=[\s.]\p{Lu}[.!?]))[.!?]++[\"'”’)\]]*+\s++(?=[\"'“‘(\[]?[\p{Lu}\d])|\n"
        )
        self.AFTER_MENTION = regex.compile(r"[\s,;:(\[–—-]*+\Z")
        word = r"(?!(?:and|plus|combined|together|put)(?![\w]))[^\W\d][\w'’.-]*+"
        name = rf"{word}(?:\x20{word}){{0,3}}+"
        self.SUM = near(
            rf"(?i)(?:\s*+,\s*+{name})*+(?:\s*+,)?\s++(?:and|plus)\s++{name}\s++(?:combined|together|put\s++together)(?![\w])"
        )


@functools.lru_cache(maxsize=1)
def _tables() -> _Tables:
    return _Tables()


# ---------------------------------------------------------------------------- finding


@dataclass(frozen=True)
class _Entity:
    start: int
    end: int
    name: str  # as written (article kept), or the book's entity
    count: Fraction  # "the size of 10 football pitches": 10
    props: tuple[str, ...] | None  # from a possessive: "Belgium's population"
    known: bool


@dataclass(frozen=True)
class _Draft:
    start: int
    end: int
    op: Bound
    near: bool
    factor: Fraction
    entity: _Entity
    props: tuple[str, ...]
    form: str
    need_dims: bool  # bare claim after a mention: the mention must be of a compared dimension
    need_subject: bool = False  # a "bare-known" noun: kept only with a subject that can be checked


# The mentions no claim overlaps, by canonical unit: each list in text order, with the
# mentions' ends beside it, so that a claim's subject is found by bisection (walking back over
# every mention of a long sentence made verify() quadratic on a text of many claims).
_Free = dict[str, tuple[list[Mention], list[int]]]
_NONE_FREE: tuple[list[Mention], list[int]] = ([], [])


class _Finder:
    def __init__(self, text: str, book: ReferenceBook, mentions: Sequence[Mention]) -> None:
        self.text = text
        self.book = book
        self.mentions = sorted(mentions, key=lambda m: (m.end, m.start))
        self.ends = [m.end for m in self.mentions]
        self.t = _tables()
        self.sentences = [0] + [m.end() for m in self.t.SENTENCE.finditer(text)]

    # -- helpers
    def sentence_start(self, pos: int) -> int:
        return self.sentences[bisect.bisect_right(self.sentences, pos) - 1]

    def number_before(self, end: int) -> tuple[int, Fraction] | None:
        """The number that ends at ``end`` (its start, value), the longest one."""
        text, lo = self.text, max(0, end - 48)
        for i in range(lo, end):
            ch = text[i]
            if not (ch.isalnum() or ch in "½¼¾⅓⅔.") or (i > 0 and (text[i - 1].isalnum() or text[i - 1] in ".,'’")):
                continue
            number = reader().number_at(text, i)
            if number is not None and number.end == end and not number.is_range and number.low > 0:
                return i, number.low
        return None

    def words(self, pos: int, limit: int = 8) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        while len(out) < limit:
            m = self.t.WORD.match(self.text, pos)
            if not m:
                break
            out.append((m.start(1), m.end(1), m.group(1)))
            pos = m.end()
        return out

    def known(self, name: str, props: Sequence[str]) -> Reference | None:
        if not name or _key(name).split(" ")[0] in self.t.not_entities:
            return None
        return lookup(self.book, name, props)

    def entity_at(self, pos: int, props: Sequence[str], need_known: bool) -> _Entity | None:
        """The entity compared with, from ``pos``: the longest name the book knows; a
        possessive with a property noun ("the country's territory"); or, unless
        ``need_known``, the words up to the first stop word."""
        text, t = self.text, self.t
        words = self.words(pos)
        if not words:
            return None
        i = 0
        if _key(words[0][2]) in ("the", "a", "an"):
            i = 1
        if i >= len(words) or _key(words[i][2]).split("'")[0] in t.not_entities:
            return None
        count = Fraction(1)
        head = words[0][0]
        body = words[i:]
        number = reader().number_at(text, words[i][0])
        if number is not None:  # "the size of 10 football pitches"
            if number.is_range or number.low <= 0:
                return None
            count = number.low
            body = self.words(number.end)
            if not body:
                return None
            head = body[0][0]
            need_known = True
        # a possessive ends the name: "Belgium's population", "the country's territory"
        for k, (_s, e, w) in enumerate(body):
            if w.endswith(("'s", "’s", "'", "’")) and count == 1:
                name_end = e - (2 if w.endswith(("'s", "’s")) else 1)
                name = text[head:name_end]
                rest = body[k + 1:]
                for n in (3, 2, 1):
                    if len(rest) >= n:
                        noun = _key(text[rest[0][0]:rest[n - 1][1]])
                        if noun in t.properties:
                            ref = self.known(name, t.properties[noun])
                            shown = ref.entity if ref else name
                            return _Entity(head, rest[n - 1][1], shown, count, t.properties[noun], ref is not None)
                break
            if _key(w) in t.stops and k > 0:
                break
        # the longest name the book knows
        for k in range(len(body), 0, -1):
            end = body[k - 1][1]
            name = text[head:end]
            candidates = [(name, end)]
            if count != 1:
                lemma = _singular(body[k - 1][2])
                if lemma != body[k - 1][2]:
                    candidates.append((text[head:body[k - 1][0]] + lemma, end))
            for cand, cend in candidates:
                ref = self.known(cand, props)
                if ref is not None:
                    return _Entity(head, cend, ref.entity, count, None, True)
        if need_known:
            return None
        # a name the book does not know: up to five words, ending before a stop word
        taken: list[tuple[int, int, str]] = []
        for s, e, w in body[:5]:
            if _key(w) in t.stops and taken:
                break
            taken.append((s, e, w))
        if not taken:
            return None
        end = taken[-1][1]
        return _Entity(head, end, text[head:end], count, None, False)

    def qualifier(self, start: int) -> tuple[Bound, bool, int] | None:
        q = tables().bound_before(self.text, start)
        if q is None:
            return None
        return q.bound, q.near, q.start

    # -- claims with a factor
    def factors(self) -> list[tuple[int, int, Fraction, str]]:
        """(start, end, value, kind) for "N times", "twice", "half", "30%"; kind is times,
        mult, fraction or percent."""
        text, t = self.text, self.t
        found: list[tuple[int, int, Fraction, str]] = []
        for m in t.MULT.finditer(text):
            word = _key(m.group(0))
            kind = "fraction" if word in t.fractions else "mult"
            found.append((m.start(), m.end(), t.multipliers[word], kind))
        for pattern, kind in ((t.TIMES, "times"), (t.PERCENT, "percent")):
            for m in pattern.finditer(text):
                number = self.number_before(m.start())
                if number is None:
                    continue
                value = number[1] / 100 if kind == "percent" else number[1]
                found.append((number[0], m.end(), value, kind))
        found.sort(key=lambda f: (f[0], -f[1]))
        return found

    def summed(self, end: int) -> bool:
        """Whether the entity ending at ``end`` is the first of a sum: "France and Germany
        combined" (quantnorm compares with single entities only)."""
        return self.t.SUM.match(self.text, end) is not None

    def factor_claim(self, start: int, end: int, value: Fraction, kind: str) -> _Draft | None:
        t, text = self.t, self.text
        op, near = Bound.EQ, False
        q = self.qualifier(start)
        claim_start = start
        if q is not None:
            op, near, claim_start = q
        if op == Bound.RANGE:
            return None
        factor, inverse, form, props = value, False, "", _ALL
        entity: _Entity | None = None
        m = t.THE.match(text, end) or (t.OF_THE.match(text, end) if kind in ("fraction", "percent") else None)
        if m:
            props = t.properties[_key(m.group("pnoun"))]
            form = "the P of X"
            entity = self.entity_at(m.end(), props, need_known=False)
        elif (m := t.AS.match(text, end)) is not None:
            props, form = self._as_props(m)
            entity = self.entity_at(m.end(), props, need_known=False)
        elif (m := t.THAN.match(text, end)) is not None and kind in ("times", "mult", "percent", "fraction"):
            adj = t.adjectives[_key(m.group("cadj"))]
            props, inverse, form = adj.props, adj.inverse, "A-er than X"
            if kind in ("percent", "fraction"):  # "30% bigger", "a third bigger": 1 + the part
                factor = 1 - value if inverse else 1 + value
                inverse = False
                if factor <= 0:
                    return None
                op = _FLIP.get(op, op) if adj.inverse else op
            entity = self.entity_at(m.end(), props, need_known=False)
        elif (m := t.MORE.match(text, end)) is not None and kind in ("times", "percent", "fraction"):
            less = _key(m.group("more")) != "more"
            form = "more than X"
            if kind in ("percent", "fraction"):  # "50% more than", "a quarter less than"
                factor = 1 - value if less else 1 + value
                if factor <= 0:
                    return None
                op = _FLIP.get(op, op) if less else op
            else:
                inverse = less
            entity = self.entity_at(m.end(), props, need_known=True)
        elif kind in ("times", "mult", "fraction") and (m := t.THAT.match(text, end)) is not None:
            form = "that of X"  # "7 times that of Belgium": the property named before, or the subject's
            props = self._antecedent(start) or props
            entity = self.entity_at(m.end(), props, need_known=True)
        elif kind in ("fraction", "percent") and (m := t.OF.match(text, end)) is not None:
            form = "of X"
            entity = self.entity_at(m.end(), props, need_known=False)
            if entity is not None and not entity.known and entity.props is None:
                return None
        elif kind in ("times", "mult") and (m := t.SPACE.match(text, end)) is not None:
            form = "X's P"
            entity = self.entity_at(m.end(), props, need_known=False)
            if entity is None or entity.props is None:
                return None
        if entity is None or self.summed(entity.end):
            return None
        if inverse:
            factor = 1 / factor
            op = _FLIP.get(op, op)
        if entity.props is not None:
            props = entity.props
        return _Draft(claim_start, entity.end, op, near, factor * entity.count, entity, props, form, False)

    def _antecedent(self, start: int) -> tuple[str, ...] | None:
        """The properties of the last property noun in the 120 characters of the sentence
        before ``start``: what "that" stands for in "a population twice that of Monaco"."""
        lo = max(self.sentence_start(start), start - 120)
        nouns = [m.group(0) for m in self.t.PNOUN.finditer(self.text, lo, start)]
        return self.t.properties[_key(nouns[-1])] if nouns else None

    def _as_props(self, m: Match) -> tuple[tuple[str, ...], str]:
        t = self.t
        if m.group("adj"):
            adj = t.adjectives[_key(m.group("adj"))]
            return adj.props, "as A as X"
        noun = m.group("noun")
        if noun is None:
            return _ALL, "as much as X"
        word = _key(noun)
        if word in t.count_words:
            return ("population",), "as many N as X"
        return (f"number of {word}",), "as many N as X"

    # -- claims with no factor
    def bare_claim(self, m: regex.Match[str]) -> _Draft | None:
        t, text = self.t, self.text
        start = m.start()
        strict = False  # a "bare-known" noun (data/comparisons.txt [properties])
        if m.group("pnoun"):
            noun = _key(m.group("pnoun"))
            props, form, inverse = t.properties[noun], "the P of X", False
            strict = noun in t.bare_known
        elif m.group("cadj"):
            adj = t.adjectives[_key(m.group("cadj"))]
            props, form, inverse = adj.props, "A-er than X", adj.inverse
        else:
            props, form = self._as_props(m)
            inverse = False
        q = self.qualifier(start)
        op, near, claim_start = (q if q is not None else (Bound.EQ, False, start))
        if op == Bound.RANGE or _key(text[claim_start:start]).startswith("as "):
            return None  # "as long as the size of...": a conjunction, not a bound
        need_dims = False
        if q is None:
            window = text[max(0, start - 60):start]
            if strict or not (t.VERB_BEFORE.search(window) or t.BARE_AFTER.search(window)):
                before = self._mention_right_before(start)
                if before is None:
                    return None
                need_dims = True
        if form == "A-er than X":
            if op != Bound.EQ:  # "more than bigger than"? not a claim
                return None
            op = Bound.GT
        entity = self.entity_at(m.end(), props, need_known=strict or form in ("as A as X", "as much as X"))
        if entity is None or self.summed(entity.end):
            return None
        if inverse:
            op = _FLIP.get(op, op)
        if entity.props is not None:
            props = entity.props
        return _Draft(claim_start, entity.end, op, near, entity.count, entity, props, form, need_dims, strict)

    def _before(self, pos: int) -> int:
        """The number of mentions that end at or before ``pos``."""
        return bisect.bisect_right(self.ends, pos)

    def _mention_right_before(self, pos: int) -> Mention | None:
        k = self._before(pos)
        if k == 0:
            return None
        mention = self.mentions[k - 1]
        if pos - mention.end <= 4 and self.t.AFTER_MENTION.match(self.text[mention.end:pos]):
            return mention
        return None

    # -- subjects
    def _free_mentions(self, claims: _Spans, factors: _Spans) -> _Free:
        """The mentions no claim overlaps, by canonical unit. A number with no unit stays
        only when no factor overlaps it: "7 times", "3x" and "30%" are never subjects."""
        free: _Free = {}
        for m in self.mentions:
            if claims.overlaps(m.start, m.end):
                continue
            if m.interval.units == _BARE and factors.overlaps(m.start, m.end):
                continue
            mentions, ends = free.setdefault(m.interval.units, ([], []))
            mentions.append(m)
            ends.append(m.end)
        return free

    def subject(self, draft: _Draft, free: _Free, anchor: int) -> tuple[Subject | None, tuple[str, ...]]:
        """The subject of a claim and the properties left: a named subject the book knows
        ("Belgium is..."), else the nearest stated quantity of a compared dimension in the
        sentence, else a bare number for a count ("a crowd of 80,000"), else the named
        subject it does not know. ``anchor`` is where the claim's subject is looked for
        before: the claim's start, or that of the first claim of a coordination ("Belgium
        is twice as big as Wales and three times as big as Luxembourg")."""
        text, t = self.text, self.t
        if draft.entity.known:  # only the properties the entity has a value for
            props = tuple(p for p in draft.props if lookup(self.book, draft.entity.name, (p,)) is not None)
            if props:
                draft = dataclasses.replace(draft, props=props)
        sent = self.sentence_start(anchor)
        named: tuple[int, int, str] | None = None
        pronoun = False
        window_start = max(sent, anchor - 80)
        verb = t.VERB_BEFORE.search(text, window_start, anchor)
        if verb is not None:
            words = self._name_words(self._words_before(verb.start(), sent))
            if words:
                if _key(words[-1][2]) in t.not_entities or _key(words[-1][2]) in ("it", "this", "that", "which"):
                    pronoun = True
                else:
                    for k in range(len(words)):
                        if not _starts_name(words[k][2]):
                            continue
                        name = text[words[k][0]:words[-1][1]]
                        for prop in draft.props:
                            ref_subject = self.known(name, (prop,))
                            if ref_subject is not None and lookup(self.book, draft.entity.name, (prop,)):
                                return NamedSubject(name, words[k][0], words[-1][1], ref_subject.entity,
                                                    ref_subject), (prop,)
                    named = self._unknown_name(words)
        lo = self.sentence_start(sent - 1) if pronoun and sent > 0 else sent
        dims = {dimension(p) or _COUNT: p for p in reversed(draft.props)}
        nearest = self._nearest(free, dims, anchor, lo)
        if nearest is not None:
            units = nearest.interval.units
            return nearest, tuple(p for p in draft.props if (dimension(p) or _COUNT) == units)
        if _COUNT in dims:  # a head count written as a bare number: "a crowd of 80,000"
            bare = self._nearest(free, (_BARE,), anchor, lo)
            if bare is not None:
                return bare, (dims[_COUNT],)
        if named is not None:
            s, e, name = named
            for prop in draft.props:
                if lookup(self.book, draft.entity.name, (prop,)):
                    return NamedSubject(name, s, e, name, None), (prop,)
            return NamedSubject(name, s, e, name, None), draft.props
        return None, draft.props

    def _nearest(self, free: _Free, units: Iterable[str], pos: int, lo: int) -> Mention | None:
        """The last free mention in one of ``units`` that ends before ``pos`` and starts at ``lo`` or after."""
        nearest: Mention | None = None
        for unit in units:
            mentions, ends = free.get(unit, _NONE_FREE)
            k = bisect.bisect_right(ends, pos) - 1
            if k >= 0 and mentions[k].start >= lo and (nearest is None or mentions[k].end > nearest.end):
                nearest = mentions[k]
        return nearest

    def _words_before(self, pos: int, lo: int) -> list[tuple[int, int, str]]:
        """Up to six words right before ``pos`` with nothing but spaces between them."""
        base = max(lo, pos - 80)
        a_word, words_before = _word_patterns()
        m = words_before.search(self.text[base:pos])
        if not m:
            return []
        at = base + m.start()
        return [(at + w.start(), at + w.end(), w.group(0)) for w in a_word.finditer(m.group(0))]

    def _name_words(self, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The words that may name a subject: those after the last one that is part of a
        stated quantity ("The crowd of 80,000 was...": "000" is a piece of a number, no
        name), from the first word that does not start with a digit ("In 2020 Belgium
        was...": "Belgium"; "Area 51 is...": "Area 51")."""
        keep = 0
        for i, (s, e, _w) in enumerate(words):
            k = bisect.bisect_right(self.ends, s)  # the first mention that ends after s
            if k < len(self.mentions) and self.mentions[k].start < e:
                keep = i + 1
        words = words[keep:]
        while words and not _starts_name(words[0][2]):
            words = words[1:]
        return words

    def _unknown_name(self, words: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
        """The name of a subject the book does not know: the capitalised run before the verb
        ("Kursk"), with the numbers that end it ("Area 51", "Route 66"), or the last noun
        with its article ("The tower"). A number alone names nothing."""
        k = len(words) - 1
        while k > 0 and not _starts_name(words[k][2]) and words[k - 1][2][:1].isupper():
            k -= 1  # "Area 51": a label and its number
        if not _starts_name(words[k][2]):
            return None
        if words[k][2][:1].isupper():
            while k > 0 and (words[k - 1][2][:1].isupper() or _key(words[k - 1][2]) in ("of", "the", "and")):
                k -= 1
            while k < len(words) - 1 and _key(words[k][2]) in ("of", "the", "and"):
                k += 1
        elif k > 0 and _key(words[k - 1][2]) in ("the", "a", "an"):
            k -= 1
        s, e = words[k][0], words[-1][1]
        return s, e, self.text[s:e]

    # -- all
    def find(self) -> list[Comparison]:
        drafts: list[_Draft] = []
        taken = _Spans()
        factor_spans = _Spans()  # every factor's span: a bare number inside one is no subject
        for start, end, value, kind in self.factors():
            if not factor_spans.overlaps(start, end):
                factor_spans.add(start, end)
            if taken.overlaps(start, start + 1):
                continue
            draft = self.factor_claim(start, end, value, kind)
            if draft is not None and not taken.overlaps(draft.start, draft.end):
                drafts.append(draft)
                taken.add(draft.start, draft.end)
        for m in self.t.BARE.finditer(self.text):
            if taken.overlaps(m.start(), m.end()):
                continue
            draft = self.bare_claim(m)
            if draft is not None and not taken.overlaps(draft.start, draft.end):
                drafts.append(draft)
                taken.add(draft.start, draft.end)
        drafts.sort(key=lambda d: d.start)
        free = self._free_mentions(taken, factor_spans)
        out: list[Comparison] = []
        anchor, previous_end = 0, -1
        for draft in drafts:
            # a claim joined to the one before ("... and three times as big as X") shares its subject
            if not (0 <= previous_end <= draft.start
                    and self.t.COORDINATED.fullmatch(self.text, previous_end, draft.start)):
                anchor = draft.start
            previous_end = draft.end
            subject, props = self.subject(draft, free, anchor)
            if draft.need_dims and not isinstance(subject, Mention):
                continue
            if draft.need_subject and (subject is None or (isinstance(subject, NamedSubject)
                                                           and subject.reference is None)):
                continue
            out.append(Comparison(
                text=self.text[draft.start:draft.end], start=draft.start, end=draft.end, op=draft.op,
                factor=draft.factor, entity=draft.entity.name, properties=props, subject=subject,
                near=draft.near, form=draft.form,
            ))
        return out


def _starts_name(word: str) -> bool:
    """Whether a word may begin a name: a letter first, not a digit ("000", "51")."""
    return word[:1].isalpha()


class _Spans:
    """Non-overlapping [start, end) spans, sorted, with an overlap test in O(log n)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self.starts, start)
        if k > 0 and self.ends[k - 1] > start:
            return True
        return k < len(self.starts) and self.starts[k] < end

    def add(self, start: int, end: int) -> None:
        k = bisect.bisect_right(self.starts, start)
        self.starts.insert(k, start)
        self.ends.insert(k, end)


@functools.lru_cache(maxsize=512)
def _singular(word: str) -> str:
    try:
        from .nouns import reader

        return reader().lemma(word)
    except Exception:  # the lemmatiser is a convenience here
        return word[:-1] if word.endswith("s") else word


# ---------------------------------------------------------------------------- checking


def _fmt(x: Fraction | None) -> str:
    if x is None:
        return "inf"
    return f"{float(x):.4g}"


def _show(iv: Interval) -> str:
    lo = "-inf" if iv.low is None else _fmt(iv.low)
    hi = "+inf" if iv.high is None else _fmt(iv.high)
    return f"{'[' if iv.low_inclusive else '('}{lo}, {hi}{']' if iv.high_inclusive else ')'}"


def _check(c: Comparison, book: ReferenceBook, tolerances: Tolerances) -> Check:
    claimed = claimed_interval(c.op, c.factor, c.near, tolerances)

    def result(verdict: Verdict, reason: str, prop: str | None, ref: Reference | None = None,
               ratio: Interval | None = None) -> Check:
        return Check(c.text, c.start, c.end, c.subject, c.op, c.factor, c.entity, prop, ref, ratio, claimed,
                     verdict, reason)

    first = c.properties[0] if c.properties else None
    ref: Reference | None = None
    prop = first
    for p in c.properties:
        ref = lookup(book, c.entity, (p,))
        if ref is not None:
            prop = p
            break
    if c.subject is None:
        return result(Verdict.UNVERIFIABLE, "no subject: no stated quantity of a compared kind before the claim "
                      "in its sentence, and no named subject", prop, ref)
    if ref is None:
        what = " or ".join(c.properties) or "value"
        return result(Verdict.UNVERIFIABLE, f"no reference value for the {what} of {c.entity!r}", prop)
    if isinstance(c.subject, NamedSubject):
        if c.subject.reference is None:
            return result(Verdict.UNVERIFIABLE, f"no reference value for the {prop} of the subject "
                          f"{c.subject.entity!r}", prop, ref)
        subject_iv = c.subject.reference.interval
        shown = f"{c.subject.entity} ({c.subject.reference.text})"
    else:
        subject_iv = c.subject.interval
        shown = repr(c.subject.text)
    units = subject_iv.units
    if units == _BARE and ref.interval.units == _COUNT:  # a bare number as a head count: "a crowd of 80,000"
        units = _COUNT
    if units != ref.interval.units:
        return result(Verdict.UNVERIFIABLE, f"cannot compare {subject_iv.units} (the subject) with "
                      f"{ref.interval.units} (the {prop} of {ref.entity})", prop, ref)
    if subject_iv.low is not None and subject_iv.low < 0:
        return result(Verdict.UNVERIFIABLE, "the subject may be negative: a ratio says nothing", prop, ref)
    ratio = subject_iv.divide(ref.interval)
    verdict = judge(ratio, claimed)
    how = {
        Verdict.SUPPORTED: "every ratio the text allows satisfies the claim",
        Verdict.CONTRADICTED: "no ratio the text allows satisfies the claim",
        Verdict.UNDETERMINED: "some ratios the text allows satisfy the claim, some do not",
    }[verdict]
    reason = (f"{shown} / {prop} of {ref.entity} ({ref.text}) = ratio in {_show(ratio)}; the claim "
              f"'{c.op.value} {_fmt(c.factor)}' allows {_show(claimed)}: {how}")
    return result(verdict, reason, prop, ref, ratio)


# ---------------------------------------------------------------------------- API


def _text(text: object) -> str:
    check_text(text)
    assert isinstance(text, str)
    return text


References = ReferenceBook | Mapping[str, Mapping[str, object]] | None


def comparisons(text: str, references: References = None, *, parser: Parser | None = None) -> list[Comparison]:
    """The comparison claims of ``text``, in text order, unchecked. ``references`` (the
    built-in book by default) helps find where the name of the compared entity ends;
    ``parser`` parses the subject quantities (``Parser()`` by default)."""
    text = _text(text)
    book = as_book(references)
    mentions = (parser or Parser()).parse(text)
    return _Finder(text, book, mentions).find()


def _tolerance(value: float | Fraction | None, default: Fraction, name: str) -> Fraction:
    if value is None:
        return default
    try:
        f = Fraction(str(value)) if isinstance(value, float) else Fraction(value)
    except (TypeError, ValueError):
        raise QuantnormError(f"{name} must be a number in [0, 1), not {value!r}") from None
    if not 0 <= f < 1:
        raise QuantnormError(f"{name} must be a number in [0, 1), not {value!r}")
    return f


def verify(text: str, references: References = None, *, approx: float | Fraction | None = None,
           exact: float | Fraction | None = None, parser: Parser | None = None) -> Checks:
    """Every comparison claim of ``text`` checked against reference values, in text order,
    as ``Checks`` (a list of ``Check`` that keeps ``text`` for its HTML in a notebook).

    ``references``: None (the built-in book), a mapping ``{entity: {property: value}}`` or a
    ``ReferenceBook``. ``approx`` and ``exact`` replace the relative widths of '~' (and of
    "almost"/"just over") and of a bare factor ('='), data/comparisons.txt [tolerance]."""
    text = _text(text)
    return verify_mentions(text, (parser or Parser()).parse(text), references, approx=approx, exact=exact)


def verify_mentions(text: str, mentions: Sequence[Mention], references: References = None, *,
                    approx: float | Fraction | None = None, exact: float | Fraction | None = None) -> Checks:
    """``verify`` for a text whose mentions are parsed already (``parse(text)``, with the
    options the claims should be read with): the command line's page, which shows both."""
    text = _text(text)
    book = as_book(references)
    base = _tables().tolerances
    tol = Tolerances(_tolerance(exact, base.exact, "exact"), _tolerance(approx, base.approx, "approx"),
                     _tolerance(approx, base.near, "approx"))
    return Checks((_check(c, book, tol) for c in _Finder(text, book, mentions).find()), text)
