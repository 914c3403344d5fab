"""The shared pint registry, and exact conversion into canonical units.

In: pint's default definitions, data/registry.txt (what pint lacks: percentage points,
basis points, ppb, share, person...) and data/currencies.txt (one base dimension per
ISO 4217 code, with its minor units). Out:

* ``get_registry()``: the one ``pint.UnitRegistry`` shared by every result (``quantnorm.ureg``),
  built once, lazily, on first use;
* ``conversion(expr)``: how to turn a value stated in a unit into the unit's canonical unit,
  exactly: ``canonical = value * scale + offset`` with Fraction scale and offset;
* ``unit(expr)``: the registry's Unit for one of quantnorm's own unit expressions.

Canonical units are the SI coherent units of the dimension (m**2, m/s, kelvin, kg, s), the
currency itself for money, ``count`` for counted things, ``percent`` for ratios such as
ppm and basis points, and ``dimensionless`` for bare numbers and multipliers.

Exactness: the public registry is pint's ordinary (float) registry, so that every quantity
prints; conversion factors come from a private registry with ``non_int_type=Fraction``, in
which pint evaluates its definitions exactly (1 mile = 201168/125 m, 1 degF = 5/9 K). That
registry is never printed or handed out. Every pint error is caught here and re-raised as
``UnitError`` naming the unit.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import _data
from .errors import UnitError

__all__ = ["Conversion", "conversion", "currency_codes", "get_registry", "quantity", "unit"]

if TYPE_CHECKING:  # pint is imported on first use, not with quantnorm
    import pint
    from pint import UnitRegistry as Registry

_LOCK = threading.RLock()
_RATIO_CANONICAL = "percent"


def _definitions() -> list[str]:
    """Definitions for what pint lacks: currencies (from currencies.txt) and their minor units."""
    out: list[str] = []
    seen: set[str] = set()
    section = None
    for line in _data.lines("currencies.txt"):
        code = line.section
        if code == "$":
            continue
        if code != section:
            section = code
            if code not in seen:
                seen.add(code)
                out.append(f"{code} = [currency_{code}]")
        key, value = line.split()
        if key == "minor":
            names, frac = value.rsplit("=", 1)
            first = _data.expand(_data.items(names)[0])[0]
            out.append(f"{code}_{first} = {Fraction(frac.strip())} * {code}")
    return out


def _build(non_int_type: type = float) -> Registry[Any]:
    import pint

    kwargs: dict[str, Any] = {"autoconvert_offset_to_baseunit": False, "on_redefinition": "raise"}
    if non_int_type is not float:
        kwargs["non_int_type"] = non_int_type
    try:
        ureg: Registry[Any] = pint.UnitRegistry(cache_folder=":auto:", **kwargs)
    except Exception:  # an unwritable cache folder: build without the cache
        ureg = pint.UnitRegistry(**kwargs)
    with resources.as_file(resources.files("quantnorm").joinpath("data").joinpath("registry.txt")) as path:
        ureg.load_definitions(str(path))
    currencies = _definitions()
    cached = _cached_file(ureg.cache_folder, "currencies", "\n".join(currencies) + "\n")
    # pint parses a file once and keeps the result in its cache (a tenth of the time of
    # parsing the same definitions from a list, which is never cached)
    ureg.load_definitions(str(cached) if cached is not None else currencies)
    return ureg


def _cached_file(folder: Path | None, name: str, content: str) -> Path | None:
    """``content`` as a file in pint's cache folder, named by its hash (so that a changed
    data file makes a new one), or None when there is no folder or it is not writable."""
    if folder is None:
        return None
    path = Path(folder) / f"quantnorm-{name}-{hashlib.sha256(content.encode()).hexdigest()[:16]}.txt"
    return path if path.exists() or _write_atomically(path, content) else None


def _write_atomically(path: Path, content: str) -> bool:
    """Write ``content`` to ``path`` so that a concurrent reader sees all of it or nothing
    (a temporary file, then a rename); False when the folder is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(content, encoding="utf-8")
        tmp.replace(path)
    except OSError:
        return False
    return True


@functools.lru_cache(maxsize=1)
def get_registry() -> Registry[Any]:
    """The shared registry (``quantnorm.ureg``): pint's defaults plus quantnorm's units."""
    with _LOCK:
        return _build()


@functools.lru_cache(maxsize=1)
def _exact_registry() -> Registry[Any]:
    with _LOCK:
        return _build(Fraction)


@dataclass(frozen=True)
class Conversion:
    """canonical value = stated value * scale + offset (exact), in ``canonical`` units."""

    scale: Fraction
    offset: Fraction
    canonical: str  # the canonical unit, as pint writes it ("meter ** 2", "USD", "count")

    @property
    def identity(self) -> bool:
        """Whether values are already canonical (counts, money, percent)."""
        return self.scale == 1 and not self.offset

    def __call__(self, value: Fraction) -> Fraction:
        return value * self.scale + self.offset if self.offset else value * self.scale

    def delta(self, value: Fraction) -> Fraction:
        """A difference (a change, a tolerance) converts without the offset."""
        return value * self.scale


@functools.lru_cache(maxsize=4096)
def unit(expr: str) -> pint.Unit:
    """The shared registry's Unit for one of quantnorm's unit expressions."""
    try:
        with _LOCK:
            return get_registry().Unit(expr)
    except Exception as exc:  # pint raises many kinds (UndefinedUnitError, TokenError...)
        raise UnitError(f"unknown unit {shorten(expr)!r}: {_reason(exc)}") from None


def shorten(text: str, limit: int = 80) -> str:
    """``text`` cut to ``limit`` characters for a message."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _reason(exc: Exception) -> str:
    """What pint's error says, in a few words: its text when it is one ("'furlongs' is not
    defined in the unit registry"), else that pint cannot read the expression (a tokenizer's
    tuple, an empty message)."""
    reason = str(exc).strip()
    if not reason or reason.startswith("(") or type(exc).__module__.startswith("tokenize"):
        return f"not an expression pint can read ({type(exc).__name__})"
    return shorten(reason, 160)


def quantity(magnitude: Fraction, unit: pint.Unit) -> pint.Quantity[Any]:
    """A Quantity of the shared registry: ``magnitude`` (kept exact) in ``unit``, one of its Units."""
    return quantity_maker()(magnitude, unit)


@functools.lru_cache(maxsize=1)
def quantity_maker() -> Callable[[Fraction, pint.Unit], pint.Quantity[Any]]:
    """How ``quantity`` builds. pint's ``Quantity()`` checks its arguments against many types
    and makes a throw-away registry object each time: 3 µs, a fifth of building a mention.
    For a magnitude and a Unit of the registry, its result is an object of the registry's
    Quantity class with two attributes set, which setting them directly gives in 0.2 µs.
    That shortcut is used only if, on the installed pint, it gives an object equal in every
    attribute to the constructor's; otherwise the constructor is."""
    cls = get_registry().Quantity

    def direct(magnitude: Fraction, unit: pint.Unit) -> pint.Quantity[Any]:
        q = object.__new__(cls)
        q._magnitude = magnitude
        q._units = unit._units
        return q

    def public(magnitude: Fraction, unit: pint.Unit) -> pint.Quantity[Any]:
        return cls(magnitude, unit)

    try:
        probe = (Fraction(3, 2), unit("kilometer / hour"))
        a, b = direct(*probe), public(*probe)
        if type(a) is type(b) and vars(a) == vars(b) and a.to("m/s") == b.to("m/s") and str(a) == str(b):
            return direct
    except Exception:  # pint's internals changed: keep to its constructor
        pass
    return public


def _root(expr: str, value: Fraction) -> tuple[Fraction, dict[str, Fraction]]:
    q = _exact_registry().Quantity(value, expr).to_base_units()
    units = {name: exp if isinstance(exp, Fraction) else Fraction(str(exp)) for name, exp in q._units.items()}
    return Fraction(q.magnitude), units


@functools.lru_cache(maxsize=1)
def canonical_names() -> dict[str, str]:
    """Base-unit form -> named SI coherent unit ("kilogram * meter ** 2 / second ** 3" ->
    "watt"), for the units listed in units.txt [canonical]."""
    names: dict[str, str] = {}
    for line in _data.lines("units.txt"):
        if line.section == "canonical":
            for name in _data.items(line.text):
                _, units = _root(name, Fraction(1))
                names[_format(units)] = name
    return names


@functools.lru_cache(maxsize=4096)
def conversion(expr: str) -> Conversion:
    """The exact conversion of ``expr`` (a pint expression from quantnorm's data, or a unit
    name a caller gave) into its canonical unit. Logarithmic units (decibel) have no
    linear conversion: they are their own canonical unit.

    Conversions found are kept in pint's cache folder (a JSON file named by a hash of pint's
    version and quantnorm's data files), so that a new process does not build the exact
    registry for the units it has met before."""
    known = _known_conversions()
    with _LOCK:
        if expr in known:
            scale, offset, canonical = known[expr]
            return Conversion(Fraction(scale), Fraction(offset), canonical)
    found = _convert(expr)
    with _LOCK:
        if not _UNSAVED:
            atexit.register(_save_conversions)
        known[expr] = [str(found.scale), str(found.offset), found.canonical]
        _UNSAVED.add(expr)
    return found


def _conversions_file() -> Path | None:
    import pint

    folder = get_registry().cache_folder
    if folder is None:
        return None
    key = hashlib.sha256(pint.__version__.encode() + Path(__file__).read_bytes())  # pint's and this code
    for name in ("registry.txt", "currencies.txt", "units.txt"):
        key.update(_data.read_text(name).encode())
    return Path(folder) / f"quantnorm-conversions-{key.hexdigest()[:16]}.json"


@functools.lru_cache(maxsize=1)
def _known_conversions() -> dict[str, list[str]]:
    """The conversions a process found before (an unreadable file is an empty one)."""
    path = _conversions_file()
    try:
        known = json.loads(path.read_text(encoding="utf-8")) if path is not None and path.exists() else {}
    except (OSError, ValueError):
        return {}
    good = isinstance(known, dict) and all(
        isinstance(v, list) and len(v) == 3 and all(isinstance(x, str) for x in v) for v in known.values()
    )
    return known if good else {}


_UNSAVED: set[str] = set()  # conversions found since the file was last written


def _save_conversions() -> None:
    """Write the conversions found (at exit: once, not at every new unit)."""
    with _LOCK:
        path = _conversions_file() if _UNSAVED else None
        if path is not None:
            _write_atomically(path, json.dumps(_known_conversions(), sort_keys=True, indent=0))
        _UNSAVED.clear()


def _convert(expr: str) -> Conversion:
    try:
        with _LOCK:
            at_one, units = _root(expr, Fraction(1))
            at_zero, _ = _root(expr, Fraction(0))
            at_two, _ = _root(expr, Fraction(2))
    except Exception as exc:
        name = str(unit(expr))  # raises UnitError for an unknown unit
        if "log" in str(exc) or "Logarithmic" in type(exc).__name__:
            return Conversion(Fraction(1), Fraction(0), name)
        raise UnitError(f"cannot convert unit {expr!r}: {exc}") from None
    scale, offset = at_one - at_zero, at_zero
    if at_two != offset + 2 * scale:
        # not value * scale + offset (decibels: pint before 0.25.3 converts them along a
        # logarithm): no exact linear conversion, so the unit is its own canonical unit
        return Conversion(Fraction(1), Fraction(0), str(unit(expr)))
    canonical = _format(units)
    if canonical == "dimensionless" and expr not in ("dimensionless", ""):
        # ratios (ppm, basis points, permille) are canonically percent
        scale, canonical = scale * 100, _RATIO_CANONICAL
    else:
        named = canonical_names().get(canonical)
        if named is not None:
            canonical = named
    return Conversion(scale, offset, canonical)


def _format(units: dict[str, Fraction]) -> str:
    """A canonical unit's name as pint prints it, through the shared (printable) registry."""
    if not units:
        return "dimensionless"
    ureg = get_registry()
    container = {k: (int(v) if Fraction(v).denominator == 1 else float(v)) for k, v in units.items()}
    return str(ureg.Unit(ureg.UnitsContainer(container)))


def currency_codes() -> frozenset[str]:
    """Every currency code defined from currencies.txt."""
    return frozenset(d.split(" ", 1)[0] for d in _definitions() if "[currency_" in d)
