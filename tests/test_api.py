"""The public API: parse(), Parser options, Mention, the registry, errors and the CLI."""

from __future__ import annotations

import dataclasses
import json
import pickle
import subprocess
import sys
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quantnorm
from quantnorm import Bound, Interval, Mention, OptionError, QuantnormError, UnitError
from quantnorm.cli import main

# ----------------------------------------------------------------------------- parse()


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (None, "NoneType"),
        (42, "int"),
        (3.5, "float"),
        (["over 5 km"], "list"),
        (b"over 5 km", "decode"),
        (bytearray(b"over 5 km"), "decode"),
    ],
)
def test_non_str_input_is_a_type_error_naming_the_type(bad: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        quantnorm.parse(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "no numbers here", "¿Qué?", "\x00\x01\x02"])
def test_text_without_quantities_gives_no_mentions(text: str) -> None:
    assert quantnorm.parse(text) == []


def test_parse_returns_mentions_in_order_with_the_source() -> None:
    text = "It covers 5 km and weighs 3 kg, about 40% more."
    found = quantnorm.parse(text)
    assert isinstance(found, list)
    assert found.source == text
    assert [m.text for m in found] == ["5 km", "3 kg", "about 40%"]
    assert [m.start for m in found] == sorted(m.start for m in found)


@given(st.text(max_size=300))
def test_any_text_parses_and_spans_are_exact(text: str) -> None:
    found = quantnorm.parse(text)
    end = 0
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert m.text == text[m.start:m.end]
        assert m.start >= end
        end = m.end


# ----------------------------------------------------------------------------- Mention


def test_mention_is_frozen_and_exact() -> None:
    m = quantnorm.parse("It cost 1.1 million dollars.")[0]
    assert m.value == Fraction(1100000) and isinstance(m.value, Fraction)
    assert m.quantity.magnitude == 1100000
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.start = 0  # type: ignore[misc]


def test_to_dict_schema_and_types() -> None:
    m = quantnorm.parse("between 5 and 10 km")[0]
    record = m.to_dict()
    assert record == {
        "text": "between 5 and 10 km",
        "start": 0,
        "end": 19,
        "value": [5, 10],
        "unit": "kilometer",
        "quantity": {"magnitude": 7500, "units": "meter"},
        "bound": "range",
        "interval": {"low": 5000, "high": 10000, "low_inclusive": True, "high_inclusive": True, "units": "meter"},
        "noun": None,
        "change": None,
    }
    assert json.loads(json.dumps(record)) == record


def test_non_integer_values_become_json_floats() -> None:
    record = quantnorm.parse("about 380.5 km")[0].to_dict()
    assert record["value"] == 380.5
    assert record["interval"]["low"] == pytest.approx(380450)


def test_change_and_noun_fields() -> None:
    rose, troops = quantnorm.parse("Sales rose 2.1% and 3,000 troops left.")
    assert (rose.change, rose.noun) == ("up", None)
    assert (troops.change, troops.noun, str(troops.unit)) == (None, "troop", "count")


def test_mention_pickles_as_plain_data() -> None:
    found = quantnorm.parse("more than 380 square miles and $4.2bn")
    again = pickle.loads(pickle.dumps(found))
    assert again == found and again.source == found.source
    assert again[1].quantity.units == quantnorm.ureg.Unit("USD")


@pytest.mark.parametrize(
    ("text", "unit", "magnitude"),
    [
        ("380 square miles", "km**2", Fraction(40468564224, 15625) * 380 / 1000000),
        ("380 square miles", "sq km", Fraction(40468564224, 15625) * 380 / 1000000),
        ("5 km", "mile", Fraction(5000) / Fraction(201168, 125)),
        ("100 °F", "degC", Fraction(340, 9)),
        ("$4.2bn", "USD", Fraction(4200000000)),
    ],
)
def test_mention_to_converts_exactly(text: str, unit: str, magnitude: Fraction) -> None:
    q = quantnorm.parse(text)[0].to(unit)
    assert q.magnitude == magnitude


@pytest.mark.parametrize("unit", ["flibbet", "", "(m", "km)", "()", "5 + "])
def test_mention_to_unknown_unit_is_a_unit_error(unit: str) -> None:
    m = quantnorm.parse("5 km")[0]
    with pytest.raises(UnitError) as info:
        m.to(unit)
    assert repr(unit) in str(info.value) or "unit name" in str(info.value)


def test_mention_to_another_dimension_is_a_unit_error() -> None:
    with pytest.raises(UnitError, match="cannot convert"):
        quantnorm.parse("5 km")[0].to("USD")


# ----------------------------------------------------------------------------- options


@pytest.mark.parametrize(
    ("options", "text", "unit"),
    [
        ({"dollar": "CAD"}, "$5", "CAD"),
        ({"dollar": "aud"}, "50 cents", "AUD_cent"),
        ({"ton": "short"}, "5 tons", "ton"),
        ({"ton": "long"}, "5 tons", "long_ton"),
        ({"gallon": "imperial"}, "5 gallons", "imperial_gallon"),
    ],
)
def test_options_change_the_reading(options: dict[str, str], text: str, unit: str) -> None:
    assert str(quantnorm.parse(text, **options)[0].unit) == unit


@pytest.mark.parametrize(
    "options",
    [{"dollar": "XYZ"}, {"dollar": 5}, {"ton": "heavy"}, {"gallon": "metric"}, {"approx": 2}, {"approx": "lots"}],
)
def test_bad_options_are_option_errors_naming_the_value(options: dict[str, object]) -> None:
    with pytest.raises(OptionError) as info:
        quantnorm.Parser(**options)  # type: ignore[arg-type]
    assert isinstance(info.value, QuantnormError)
    assert repr(next(iter(options.values()))) in str(info.value)


def test_parser_is_reusable_and_equals_parse() -> None:
    parser = quantnorm.Parser()
    text = "about 11,000 North Korean soldiers"
    assert parser.parse(text) == quantnorm.parse(text) == parser.parse(text)


# ----------------------------------------------------------------------------- registry


def test_registry_holds_what_pint_lacks() -> None:
    ureg = quantnorm.ureg
    assert ureg is quantnorm.ureg
    assert ureg.Quantity(1, "USD").dimensionality != ureg.Quantity(1, "EUR").dimensionality
    assert ureg.Quantity(150, "USD_cent").to("USD").magnitude == 1.5
    assert ureg.Quantity(1, "percentage_point").dimensionality != ureg.Quantity(1, "percent").dimensionality
    assert ureg.Quantity(25, "basis_point").to("percent").magnitude == pytest.approx(0.25)


@pytest.mark.parametrize(
    ("magnitude", "unit", "other"),
    [(Fraction(3, 2), "meter / second", "km/h"), (Fraction(5000), "meter ** 2", "km**2"),
     (Fraction(-7, 3), "kelvin", "degC"), (Fraction(12), "USD", "USD_cent"), (Fraction(1, 8), "count", "count")],
)
def test_registry_quantity_is_the_constructors(magnitude: Fraction, unit: str, other: str) -> None:
    from quantnorm import registry

    q = registry.quantity(magnitude, registry.unit(unit))
    made = quantnorm.ureg.Quantity(magnitude, registry.unit(unit))
    assert type(q) is type(made) and vars(q) == vars(made)
    assert q.magnitude == magnitude and isinstance(q.magnitude, Fraction)
    assert q.to(other) == made.to(other) and str(q) == str(made)
    q.ito(other)  # converting one in place leaves a fresh one as it was
    assert registry.quantity(magnitude, registry.unit(unit)) == made


def test_trusted_constructors_make_what_the_constructors_make() -> None:
    """The builder's shortcuts (``Mention._trusted``, ``Interval._trusted``) give objects equal,
    field by field, to the dataclass constructors' (a field added later fails here)."""
    m = quantnorm.parse("over 5 km")[0]
    fields = [getattr(m, f.name) for f in dataclasses.fields(Mention)]
    made, trusted = Mention(*fields), Mention._trusted(*fields)
    assert vars(trusted) == vars(made) and list(vars(trusted)) == list(vars(made))
    assert trusted == made and hash(trusted.text) == hash(made.text) and pickle.loads(pickle.dumps(trusted)) == made
    iv = (Fraction(2), Fraction(3), True, False, "meter")
    assert vars(Interval._trusted(*iv)) == vars(Interval(*iv)) and Interval._trusted(*iv) == Interval(*iv)
    with pytest.raises(dataclasses.FrozenInstanceError):
        trusted.start = 3  # type: ignore[misc]


def test_interval_semantics() -> None:
    more = Interval(Fraction(3000), None, False, False, "count")
    least = Interval(Fraction(3000), None, True, False, "count")
    assert 3000 not in more and 3000 in least and 3001 in more
    assert least.contains(more) and not more.contains(least)
    assert Interval(None, Fraction(5), True, True).low_inclusive is False  # open side never inclusive
    with pytest.raises(QuantnormError):
        Interval(Fraction(5), Fraction(4))


def test_bound_values_are_the_json_symbols() -> None:
    assert [b.value for b in Bound] == ["=", "~", ">", ">=", "<", "<=", "range"]


def test_import_does_not_load_pint_or_hypothesis() -> None:
    code = "import sys, quantnorm; print('pint' in sys.modules, 'hypothesis' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


# ----------------------------------------------------------------------------- CLI


def test_cli_jsonl_from_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--text", "over 5 km and 3 kg"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["text"] for line in lines] == ["over 5 km", "3 kg"]


def test_cli_table_from_file(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "in.txt"  # type: ignore[operator]
    path.write_text("It weighs 5,000 tonnes.", encoding="utf-8")
    assert main(["--format", "table", str(path)]) == 0
    out = capsys.readouterr().out
    assert "5,000 tonnes" in out and "metric_ton" in out


def test_cli_reports_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["/nonexistent/file.txt"]) == 2
    assert "quantnorm:" in capsys.readouterr().err


def test_python_dash_m_reads_stdin() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "quantnorm"], input="rose 2.1%", capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out)["change"] == "up"


def test_mention_type_is_public() -> None:
    assert isinstance(quantnorm.parse("5 km")[0], Mention)


# ----------------------------------------------------------------------------- CLI: tables and several files

_SCHEMA_KEYS = ["text", "start", "end", "value", "unit", "quantity", "bound", "interval", "noun", "change"]


def test_cli_table_keeps_a_mention_across_a_line_break_on_one_row(capsys: pytest.CaptureFixture[str]) -> None:
    text = "It rained over three\nweekends, 5\tkm away and 7\u00a0kg\r\nlater."
    mentions = quantnorm.parse(text)
    assert any("\n" in m.text for m in mentions), "the example needs a mention across a line break"
    assert main(["--format", "table", "--text", text]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 + len(mentions)  # the header and one row per mention, nothing else
    for line, m in zip(lines[1:], mentions, strict=True):
        assert line.startswith(f"{m.start}-{m.end} ")
        escaped = m.text.replace("\n", "\\n").replace("\t", "\\t").replace("\u00a0", "\\xa0").replace("\r", "\\r")
        assert escaped in line


def test_cli_table_names_each_of_several_inputs(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"  # type: ignore[operator]
    a.write_text("It weighs 5,000 tonnes.", encoding="utf-8")
    b.write_text("over 3 km", encoding="utf-8")
    assert main(["--format", "table", str(a), str(b)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == str(a) and out[1].startswith("span ") and "5,000 tonnes" in out[2]
    assert out[3] == str(b) and out[4].startswith("span ") and "over 3 km" in out[5]
    assert main(["--format", "table", str(a)]) == 0  # one input: no name line
    assert capsys.readouterr().out.splitlines()[0].startswith("span ")


def test_cli_jsonl_lines_keep_the_schema_with_several_files(tmp_path: object,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"  # type: ignore[operator]
    a.write_text("over 5 km and 3 kg", encoding="utf-8")
    b.write_text("Nothing here. 12 troops", encoding="utf-8")
    assert main([str(a), str(b)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [list(r) for r in records] == [_SCHEMA_KEYS] * 3  # no "file" key sneaks into a mention
    assert records == [m.to_dict() for t in ("over 5 km and 3 kg", "Nothing here. 12 troops")
                       for m in quantnorm.parse(t)]


def test_cli_with_file_gives_one_record_per_input(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"  # type: ignore[operator]
    a.write_text("over 5 km and 3 kg", encoding="utf-8")
    b.write_text("Nothing here.", encoding="utf-8")
    assert main(["--with-file", "--text", "12 troops", str(a), str(b)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["file"], len(r["mentions"])) for r in records] == [("<text 1>", 1), (str(a), 2), (str(b), 0)]
    assert [list(r) for r in records] == [["file", "mentions"]] * 3
    assert records[1]["mentions"] == [m.to_dict() for m in quantnorm.parse("over 5 km and 3 kg")]
    assert all(list(m) == _SCHEMA_KEYS for r in records for m in r["mentions"])


def test_cli_with_file_is_for_jsonl_output_of_text_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--with-file", "--format", "table", "--text", "5 km"]) == 2
    assert "--with-file" in capsys.readouterr().err
    assert main(["--with-file", "--input-format", "jsonl", "/nonexistent.jsonl"]) == 2
    assert "--with-file" in capsys.readouterr().err


def test_cli_verify_table_keeps_a_claim_across_a_line_break_on_one_row(capsys: pytest.CaptureFixture[str]) -> None:
    text = "The city covers more than 380 square miles, more than 1.5 times\nthe area of Seoul."
    (check,) = quantnorm.verify(text)
    assert "\n" in check.claim
    assert main(["verify", "--format", "table", "--text", text]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3  # the name, the header, one row
    assert check.claim.replace("\n", "\\n")[:44] in lines[2]
