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

import functools
import threading
from dataclasses import dataclass
from fractions import Fraction
from importlib import resources
from typing import TYPE_CHECKING, Any

from . import _data
from .errors import UnitError

__all__ = ["Conversion", "conversion", "currency_codes", "get_registry", "unit"]

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
    for definition in _definitions():
        ureg.define(definition)
    return ureg


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
        raise UnitError(f"unknown unit {expr!r}: {exc}") from None


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
    linear conversion: they are their own canonical unit."""
    try:
        with _LOCK:
            at_one, units = _root(expr, Fraction(1))
            at_zero, _ = _root(expr, Fraction(0))
    except Exception as exc:
        name = str(unit(expr))  # raises UnitError for an unknown unit
        if "log" in str(exc) or "Logarithmic" in type(exc).__name__:
            return Conversion(Fraction(1), Fraction(0), name)
        raise UnitError(f"cannot convert unit {expr!r}: {exc}") from None
    scale, offset = at_one - at_zero, at_zero
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
