"""The unit stage (issue 5): surface forms -> pint units, money, counted nouns, ages,
the ambiguity rules of units.txt [ambiguous], the words pint would misread, and a
property tying the lexicon to pint's own conversions.

Every case is a short phrase of our own, parsed whole with ``quantnorm.parse``; a case
names the mention text it expects and the pint unit (an expression of quantnorm's
registry, compared as a pint Unit).
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quantnorm
from quantnorm import Mention, _data, registry
from quantnorm.units import Sense, lexicon


def _find(text: str, span: str, **options: object) -> Mention:
    """The one mention of ``text`` whose text is ``span``."""
    found = quantnorm.parse(text, **options)
    for m in found:
        assert text[m.start:m.end] == m.text
    hits = [m for m in found if m.text == span]
    assert len(hits) == 1, f"{span!r} not found in {text!r}: got {[(m.text, str(m.unit)) for m in found]}"
    return hits[0]


def _same_unit(unit: object, expr: str) -> bool:
    """``unit`` is the unit ``expr`` names: the same pint Unit, or one pint spells another way
    with the same exact conversion ("kilowatt_hour" and "kilowatt * hour")."""
    expected = registry.unit(expr)
    if unit == expected:
        return True
    try:
        return registry.conversion(str(unit)) == registry.conversion(expr)
    except quantnorm.UnitError:
        return False


def _unit_is(m: Mention, expr: str) -> None:
    assert _same_unit(m.unit, expr), f"{m.text!r}: unit {m.unit!s}, expected {expr}"


# ---------------------------------------------------------------------------------------
# 1. Surface forms -> pint unit: (phrase, mention text, expected pint expression)
# ---------------------------------------------------------------------------------------
LENGTH = [
    ("a 5 km run", "5 km", "kilometer"),
    ("a 5km run along the river", "5km", "kilometer"),
    ("She swam 1,500 m before dawn.", "1,500 m", "meter"),
    ("a 12 cm gash", "12 cm", "centimeter"),
    ("2 mm of rain fell", "2 mm", "millimeter"),
    ("a 3 mi loop through the park", "3 mi", "mile"),
    ("They walked 10 miles.", "10 miles", "mile"),
    ("He stands 6 feet tall.", "6 feet", "foot"),
    ("a 6 ft fence", "6 ft", "foot"),
    ("30 inches of snow", "30 inches", "inch"),
    ("a 100 yd dash", "100 yd", "yard"),
    ("The ball flew 300 yards.", "300 yards", "yard"),
    ("The boat sank 20 nautical miles offshore.", "20 nautical miles", "nautical_mile"),
    ("The road runs 40 kilometres.", "40 kilometres", "kilometer"),
    ("The road runs 40 kilometers.", "40 kilometers", "kilometer"),
    ("The wall is 3 metres high.", "3 metres", "meter"),
    ("The wall is 3 meters high.", "3 meters", "meter"),
    ("It grew 40 centimetres.", "40 centimetres", "centimeter"),
    ("It moved 7 millimetres.", "7 millimetres", "millimeter"),
    ("a 250 nm chip process", "250 nm", "nanometer"),
    ("particles of 10 microns", "10 microns", "micron"),
    ("The star is 4.2 light years away.", "4.2 light years", "light_year"),
    ("a probe at 1.5 astronomical units", "1.5 astronomical units", "astronomical_unit"),
    ("a galaxy 3 parsecs wide", "3 parsecs", "parsec"),
    ("a race of 2 furlongs", "2 furlongs", "furlong"),
    ("a wreck at 30 fathoms", "30 fathoms", "fathom"),
    ("a gap of 5 Å", "5 Å", "angstrom"),
    ("a stretch of 12 kms", "12 kms", "kilometer"),
    ("a 40 µm filter", "40 µm", "micrometer"),
]

AREA = [
    ("The fire burned 2 sq mi of forest.", "2 sq mi", "mile ** 2"),
    ("a 5 sq km reserve", "5 sq km", "kilometer ** 2"),
    ("an island of 12 km2", "12 km2", "kilometer ** 2"),
    ("an island of 12 km²", "12 km²", "kilometer ** 2"),
    ("a 40 m^2 flat", "40 m^2", "meter ** 2"),
    ("a 40 m² flat", "40 m²", "meter ** 2"),
    ("a shop of 200 square metres", "200 square metres", "meter ** 2"),
    ("a shop of 200 square meters", "200 square meters", "meter ** 2"),
    ("a 1,200 square feet home", "1,200 square feet", "foot ** 2"),
    ("a 1,200 sq ft home", "1,200 sq ft", "foot ** 2"),
    ("a 1,200 sq. ft. home", "1,200 sq. ft.", "foot ** 2"),
    ("a 900 ft² office", "900 ft²", "foot ** 2"),
    ("The farm covers 5 hectares.", "5 hectares", "hectare"),
    ("The farm covers 5 ha.", "5 ha", "hectare"),
    ("They bought 40 acres.", "40 acres", "acre"),
    ("It covers 380 square miles.", "380 square miles", "mile ** 2"),
    ("It covers 980 square kilometres.", "980 square kilometres", "kilometer ** 2"),
    ("It covers 980 square kilometers.", "980 square kilometers", "kilometer ** 2"),
    ("a 4 sq in label", "4 sq in", "inch ** 2"),
    ("a 4 square inches label", "4 square inches", "inch ** 2"),
    ("a sensor of 25 cm2", "25 cm2", "centimeter ** 2"),
    ("a 50 sq yd lawn", "50 sq yd", "yard ** 2"),
]

VOLUME = [
    ("3,000 cubic feet of gas", "3,000 cubic feet", "foot ** 3"),
    ("a fridge of 30 cu ft", "30 cu ft", "foot ** 3"),
    ("a tank of 30 ft3", "30 ft3", "foot ** 3"),
    ("20 m³ of concrete", "20 m³", "meter ** 3"),
    ("20 m3 of concrete", "20 m3", "meter ** 3"),
    ("20 cubic metres of concrete", "20 cubic metres", "meter ** 3"),
    ("20 cubic meters of concrete", "20 cubic meters", "meter ** 3"),
    ("a 50 cu in engine", "50 cu in", "inch ** 3"),
    ("Drink 2 litres of water.", "2 litres", "liter"),
    ("Drink 2 liters of water.", "2 liters", "liter"),
    ("a 1.5 L bottle", "1.5 L", "liter"),
    ("a 330 ml can", "330 ml", "milliliter"),
    ("a 330 mL can", "330 mL", "milliliter"),
    ("a 75 cl bottle", "75 cl", "centiliter"),
    ("a 5 dl jug", "5 dl", "deciliter"),
    ("a harvest of 40 hl", "40 hl", "hectoliter"),
    ("a 5 gal bucket", "5 gal", "gallon"),
    ("2 quarts of milk", "2 quarts", "quart"),
    ("3 pints of beer", "3 pints", "pint"),
    ("2 cups of flour", "2 cups", "cup"),
    ("3 tablespoons of oil", "3 tablespoons", "tablespoon"),
    ("3 tbsp of oil", "3 tbsp", "tablespoon"),
    ("2 teaspoons of salt", "2 teaspoons", "teaspoon"),
    ("2 tsp of salt", "2 tsp", "teaspoon"),
    ("8 fl oz of milk", "8 fl oz", "fluid_ounce"),
    ("8 fluid ounces of milk", "8 fluid ounces", "fluid_ounce"),
    ("2 million barrels of crude", "2 million barrels", "barrel"),
    ("500 bbl of crude", "500 bbl", "barrel"),
    ("a 125 cc scooter", "125 cc", "cubic_centimeter"),
    ("a 2.5-litre engine", "2.5-litre", "liter"),
    ("10 imperial gallons of cider", "10 imperial gallons", "imperial_gallon"),
]

MASS = [
    ("a 20 kg bag", "20 kg", "kilogram"),
    ("She lost 5 kilograms.", "5 kilograms", "kilogram"),
    ("He lost 5 kilos.", "5 kilos", "kilogram"),
    ("Add 200 g of sugar.", "200 g", "gram"),
    ("Add 200 grams of sugar.", "200 grams", "gram"),
    ("a 500 mg tablet", "500 mg", "milligram"),
    ("a 500 milligrams dose", "500 milligrams", "milligram"),
    ("50 µg of iodine", "50 µg", "microgram"),
    ("a 10 lb bag of rice", "10 lb", "pound"),
    ("a 10 lbs bag of rice", "10 lbs", "pound"),
    ("He gained 12 pounds.", "12 pounds", "pound"),
    ("an 8 oz steak", "8 oz", "ounce"),
    ("8 ounces of cheese", "8 ounces", "ounce"),
    ("He weighs 12 stone.", "12 stone", "stone"),
    ("200 tonnes of grain", "200 tonnes", "metric_ton"),
    ("200 metric tons of grain", "200 metric tons", "metric_ton"),
    ("a 100t press", "100t", "metric_ton"),
    ("a 15 kiloton blast", "15 kiloton", "kilometric_ton"),
    ("a 50 megaton bomb", "50 megaton", "megametric_ton"),
    ("36 Gt of carbon dioxide", "36 Gt", "gigametric_ton"),
    ("a 2 carat diamond", "2 carat", "carat"),
    ("100 troy ounces of gold", "100 troy ounces", "troy_ounce"),
    ("a 5,000-tonne ship", "5,000-tonne", "metric_ton"),
    ("3 short tons of coal", "3 short tons", "ton"),
    ("3 long tons of coal", "3 long tons", "long_ton"),
]

TIME = [
    ("It lasted 30 seconds.", "30 seconds", "second"),
    ("a 30 sec ad", "30 sec", "second"),
    ("a 10 s delay", "10 s", "second"),
    ("a 200 ms lag", "200 ms", "millisecond"),
    ("a 200 milliseconds lag", "200 milliseconds", "millisecond"),
    ("a 5 ns pulse", "5 ns", "nanosecond"),
    ("a 40 µs pulse", "40 µs", "microsecond"),
    ("It took 20 minutes.", "20 minutes", "minute"),
    ("a 20 min walk", "20 min", "minute"),
    ("a 20 mins walk", "20 mins", "minute"),
    ("The strike lasted 48 hours.", "48 hours", "hour"),
    ("a 3 hr flight", "3 hr", "hour"),
    ("a 3 hrs flight", "3 hrs", "hour"),
    ("a 24 h race", "24 h", "hour"),
    ("It took 12 days.", "12 days", "day"),
    ("It took 6 weeks.", "6 weeks", "week"),
    ("It took 6 months.", "6 months", "month"),
    ("It took 10 years.", "10 years", "year"),
    ("a 5 yr bond", "5 yr", "year"),
    ("It took 3 decades.", "3 decades", "decade_of_years"),
    ("after 2 centuries", "2 centuries", "century"),
    ("after 2 millennia", "2 millennia", "millennium"),
    ("after 2 fortnights", "2 fortnights", "fortnight"),
    ("a five-year plan", "five-year", "year"),
    ("a 40-hour week", "40-hour", "hour"),
    ("a 30-minute drive", "30-minute", "minute"),
]

SPEED = [
    ("driving at 60 mph", "60 mph", "mile / hour"),
    ("driving at 90 km/h", "90 km/h", "kilometer / hour"),
    ("driving at 90 kph", "90 kph", "kilometer / hour"),
    ("driving at 90 kmh", "90 kmh", "kilometer / hour"),
    ("driving at 90 km/hr", "90 km/hr", "kilometer / hour"),
    ("driving at 60 miles an hour", "60 miles an hour", "mile / hour"),
    ("driving at 60 miles per hour", "60 miles per hour", "mile / hour"),
    ("driving at 100 kilometres an hour", "100 kilometres an hour", "kilometer / hour"),
    ("sailing at 20 knots", "20 knots", "knot"),
    ("sailing at 20 kn", "20 kn", "knot"),
    ("sailing at 20 kts", "20 kts", "knot"),
    ("winds of 30 m/s", "30 m/s", "meter / second"),
    ("a 10 metres per second gust", "10 metres per second", "meter / second"),
    ("a shot at 90 ft/s", "90 ft/s", "foot / second"),
    ("a car that does 40 mpg", "40 mpg", "mile_per_gallon"),
    ("a car that does 40 miles per gallon", "40 miles per gallon", "mile_per_gallon"),
]

ENERGY_POWER = [
    ("It used 300 kWh last month.", "300 kWh", "kilowatt * hour"),
    ("a 10 kilowatt-hours battery", "10 kilowatt-hours", "kilowatt * hour"),
    ("It produced 50 MWh.", "50 MWh", "megawatt * hour"),
    ("It produced 7 GWh.", "7 GWh", "gigawatt * hour"),
    ("The nation used 300 TWh.", "300 TWh", "terawatt * hour"),
    ("a 60 Wh battery", "60 Wh", "watt_hour"),
    ("a 500 MW plant", "500 MW", "megawatt"),
    ("a 2 GW plant", "2 GW", "gigawatt"),
    ("a 3 kW heater", "3 kW", "kilowatt"),
    ("a 60 W bulb", "60 W", "watt"),
    ("a 60 watts bulb", "60 watts", "watt"),
    ("a 1,000-megawatt plant", "1,000-megawatt", "megawatt"),
    ("a 300 hp engine", "300 hp", "horsepower"),
    ("a 300 bhp engine", "300 bhp", "horsepower"),
    ("a 300 horsepower engine", "300 horsepower", "horsepower"),
    ("a 150 PS engine", "150 PS", "metric_horsepower"),
    ("a 5 kJ pulse", "5 kJ", "kilojoule"),
    ("a 5 MJ charge", "5 MJ", "megajoule"),
    ("It releases 40 joules.", "40 joules", "joule"),
    ("a snack of 120 calories", "120 calories", "calorie"),
    ("a snack of 250 kcal", "250 kcal", "kilocalorie"),
    ("a 12,000 Btu air conditioner", "12,000 Btu", "british_thermal_unit"),
    ("a 12,000 BTU air conditioner", "12,000 BTU", "british_thermal_unit"),
    ("gas at $3 per MMBtu", "$3 per MMBtu", "USD / MMBtu"),
    ("a 13 TeV collision", "13 TeV", "teraelectron_volt"),
    ("a 125 GeV particle", "125 GeV", "gigaelectron_volt"),
]

ELECTRIC = [
    ("a 12 V battery", "12 V", "volt"),
    ("a 400 kV line", "400 kV", "kilovolt"),
    ("a 230 volts socket", "230 volts", "volt"),
    ("a 13 A fuse", "13 A", "ampere"),
    ("a 500 mA charger", "500 mA", "milliampere"),
    ("a 30 amps circuit", "30 amps", "ampere"),
    ("a 5,000 mAh battery", "5,000 mAh", "milliampere * hour"),
    ("a 100 Ah battery", "100 Ah", "ampere * hour"),
    ("a 10 kΩ resistor", "10 kΩ", "kiloohm"),
    ("a 100 µF capacitor", "100 µF", "microfarad"),
    ("a 10 kVA generator", "10 kVA", "kilovolt_ampere"),
]

PRESSURE_TORQUE = [
    ("tyres at 32 psi", "32 psi", "force_pound / inch ** 2"),
    ("a steel rated at 50 ksi", "50 ksi", "kip / inch ** 2"),
    ("a 9 bar pump", "9 bar", "bar"),
    ("a 1,013 mbar reading", "1,013 mbar", "millibar"),
    ("a 101 kPa reading", "101 kPa", "kilopascal"),
    ("a 250 MPa steel", "250 MPa", "megapascal"),
    ("a 1,013 hPa reading", "1,013 hPa", "hectopascal"),
    ("a pressure of 2 atm", "2 atm", "standard_atmosphere"),
    ("380 lb-ft of torque", "380 lb-ft", "force_pound * foot"),
    ("500 pound-feet of torque", "500 pound-feet", "force_pound * foot"),
    ("400 Nm of torque", "400 Nm", "newton * meter"),
    ("400 N·m of torque", "400 N·m", "newton * meter"),
    ("400 newton-metres of torque", "400 newton-metres", "newton * meter"),
    ("200 ft-lbs of torque", "200 ft-lbs", "force_pound * foot"),
]

FREQUENCY_DATA = [
    ("a 50 Hz grid", "50 Hz", "hertz"),
    ("a 3.2 GHz chip", "3.2 GHz", "gigahertz"),
    ("a 100 MHz signal", "100 MHz", "megahertz"),
    ("a 20 kHz tone", "20 kHz", "kilohertz"),
    ("an engine at 3,000 rpm", "3,000 rpm", "revolutions_per_minute"),
    ("a 256 GB phone", "256 GB", "gigabyte"),
    ("a 2 TB drive", "2 TB", "terabyte"),
    ("a 500 MB file", "500 MB", "megabyte"),
    ("a 64 kB cache", "64 kB", "kilobyte"),
    ("a 3 PB archive", "3 PB", "petabyte"),
    ("a file of 800 bytes", "800 bytes", "byte"),
    ("a 16 gigabytes card", "16 gigabytes", "gigabyte"),
    ("a 100 Mbps line", "100 Mbps", "megabit / second"),
    ("a 1 Gbps line", "1 Gbps", "gigabit / second"),
    ("a 56 kbps modem", "56 kbps", "kilobit / second"),
    ("a 100 Mb/s line", "100 Mb/s", "megabit / second"),
    ("a 64 bits register", "64 bits", "bit"),
    ("a 12 MP camera", "12 MP", "megapixel"),
    ("a 1080 pixels screen", "1080 pixels", "pixel"),
]

SCIENCE = [
    ("a 70 dB alarm", "70 dB", "decibel"),
    ("a 70 decibels alarm", "70 decibels", "decibel"),
    ("CO2 at 420 ppm", "420 ppm", "ppm"),
    ("lead at 5 ppb", "5 ppb", "ppb"),
    ("lead at 5 parts per billion", "5 parts per billion", "ppb"),
    ("CO2 at 420 parts per million", "420 parts per million", "ppm"),
    ("a 2 mSv dose", "2 mSv", "millisievert"),
    ("a 500 Bq sample", "500 Bq", "becquerel"),
    ("a 2 mol solution", "2 mol", "mole"),
    ("a 1,600 lumens lamp", "1,600 lumens", "lumen"),
    ("a room lit at 500 lux", "500 lux", "lux"),
    ("an arc of 2 radians", "2 radians", "radian"),
    ("a tilt of 15 arcseconds", "15 arcseconds", "arcsecond"),
    ("a 5 permille share", "5 permille", "permille"),
]

OIL_RATES = [
    ("It pumps 10,000 barrels per day.", "10,000 barrels per day", "barrel / day"),
    ("It pumps 10,000 barrels a day.", "10,000 barrels a day", "barrel / day"),
    ("It pumps 10,000 bpd.", "10,000 bpd", "barrel / day"),
    ("It pumps 10,000 b/d.", "10,000 b/d", "barrel / day"),
    ("Brent hit $80 a barrel.", "$80 a barrel", "USD / barrel"),
    ("Brent hit $80 per barrel.", "$80 per barrel", "USD / barrel"),
    ("The minimum wage is $15 an hour.", "$15 an hour", "USD / hour"),
    ("Petrol costs €2 a litre.", "€2 a litre", "EUR / liter"),
    ("Diesel costs $4 per gallon.", "$4 per gallon", "USD / gallon"),
    ("Steel sells at $600 per tonne.", "$600 per tonne", "USD / metric_ton"),
    ("Rent is £30 per square foot.", "£30 per square foot", "GBP / foot ** 2"),
    ("It pays $1.40 a share.", "$1.40 a share", "USD / share"),
    ("Tickets are $30 a head.", "$30 a head", "USD / person"),
    ("a salary of $50,000 a year", "$50,000 a year", "USD / year"),
    ("The pump moves 2 litres per minute.", "2 litres per minute", "liter / minute"),
    ("a dose of 5 mg/kg", "5 mg/kg", "milligram / kilogram"),
]

TEMPERATURE = [
    ("It hit 40 °C.", "40 °C", "degree_Celsius"),
    ("It hit 40°C.", "40°C", "degree_Celsius"),
    ("It hit 40 ℃.", "40 ℃", "degree_Celsius"),
    ("It hit 40 deg C.", "40 deg C", "degree_Celsius"),
    ("It hit 40 degrees Celsius.", "40 degrees Celsius", "degree_Celsius"),
    ("It hit 40 degrees centigrade.", "40 degrees centigrade", "degree_Celsius"),
    ("It hit 104 °F.", "104 °F", "degree_Fahrenheit"),
    ("It hit 104 degrees Fahrenheit.", "104 degrees Fahrenheit", "degree_Fahrenheit"),
    ("It hit 104 Fahrenheit.", "104 Fahrenheit", "degree_Fahrenheit"),
    ("It hit 104 deg F.", "104 deg F", "degree_Fahrenheit"),
    ("a cryostat at 4 K", "4 K", "kelvin"),
    ("a cryostat at 4 kelvin", "4 kelvin", "kelvin"),
    ("Water boils at 100° Celsius.", "100° Celsius", "degree_Celsius"),
]

PERCENT = [
    ("Sales rose 5%.", "5%", "percent"),
    ("Sales rose 5 percent.", "5 percent", "percent"),
    ("Sales rose 5 per cent.", "5 per cent", "percent"),
    ("Sales rose 5 pc.", "5 pc", "percent"),
    ("Sales rose 5 pct in May.", "5 pct", "percent"),
    ("Support rose 3 percentage points.", "3 percentage points", "percentage_point"),
    ("Support rose 3 pp.", "3 pp", "percentage_point"),
    ("Support rose 3 points.", "3 points", "count"),
    ("The bank cut rates by 25 basis points.", "25 basis points", "basis_point"),
    ("The bank cut rates by 25 bps.", "25 bps", "basis_point"),
    ("The bank cut rates by 25 bp.", "25 bp", "basis_point"),
]

MONEY = [
    ("It cost $5.", "$5", "USD"),
    ("It cost US$5.", "US$5", "USD"),
    ("It cost A$10.", "A$10", "AUD"),
    ("It cost C$20.", "C$20", "CAD"),
    ("It cost HK$100.", "HK$100", "HKD"),
    ("It cost NZ$50.", "NZ$50", "NZD"),
    ("It cost S$30.", "S$30", "SGD"),
    ("It cost £20.", "£20", "GBP"),
    ("It cost €15.", "€15", "EUR"),
    ("It cost ¥500.", "¥500", "JPY"),
    ("It cost ₹100.", "₹100", "INR"),
    ("It cost ₩10,000.", "₩10,000", "KRW"),
    ("It cost ₽300.", "₽300", "RUB"),
    ("It cost ₪40.", "₪40", "ILS"),
    ("It cost R$25.", "R$25", "BRL"),
    ("It cost CHF 50.", "CHF 50", "CHF"),
    ("It cost EUR 50.", "EUR 50", "EUR"),
    ("It cost 50 USD.", "50 USD", "USD"),
    ("It cost 500 yuan.", "500 yuan", "CNY"),
    ("It cost 500 renminbi.", "500 renminbi", "CNY"),
    ("It cost 500 rupees.", "500 rupees", "INR"),
    ("It cost 500 ringgit.", "500 ringgit", "MYR"),
    ("It cost 500 shekels.", "500 shekels", "ILS"),
    ("It cost 500 euros.", "500 euros", "EUR"),
    ("It cost 500 yen.", "500 yen", "JPY"),
    ("It cost 500 Swiss francs.", "500 Swiss francs", "CHF"),
    ("It cost 500 rubles.", "500 rubles", "RUB"),
    ("It cost 500 Turkish lira.", "500 Turkish lira", "TRY"),
    ("It cost 500 Mexican pesos.", "500 Mexican pesos", "MXN"),
    ("It cost 500 Canadian dollars.", "500 Canadian dollars", "CAD"),
    ("It cost 500 Australian dollars.", "500 Australian dollars", "AUD"),
    ("It cost 500 Swedish kronor.", "500 Swedish kronor", "SEK"),
    ("It cost 500 Danish kroner.", "500 Danish kroner", "DKK"),
    ("It cost 500 Norwegian kroner.", "500 Norwegian kroner", "NOK"),
    ("It cost 500 South African rand.", "500 South African rand", "ZAR"),
    ("It cost 500 zlotys.", "500 zlotys", "PLN"),
    ("It cost 500 Kenyan shillings.", "500 Kenyan shillings", "KES"),
    ("It cost 500 Nigerian naira.", "500 Nigerian naira", "NGN"),
    ("It cost 500 Egyptian pounds.", "500 Egyptian pounds", "EGP"),
    ("It cost 500 Saudi riyals.", "500 Saudi riyals", "SAR"),
    ("It cost 500 Kuwaiti dinars.", "500 Kuwaiti dinars", "KWD"),
    ("It cost 500 Thai baht.", "500 Thai baht", "THB"),
    ("It cost 500 Brazilian reais.", "500 Brazilian reais", "BRL"),
    ("It cost 500 Argentine pesos.", "500 Argentine pesos", "ARS"),
    ("It cost 500 Peruvian soles.", "500 Peruvian soles", "PEN"),
    ("It cost 500 Ghanaian cedis.", "500 Ghanaian cedis", "GHS"),
    ("It cost 500 Iraqi dinars.", "500 Iraqi dinars", "IQD"),
    ("It cost 500 Philippine pesos.", "500 Philippine pesos", "PHP"),
    ("It cost 500 Vietnamese dong.", "500 Vietnamese dong", "VND"),
    ("It cost 500 Indonesian rupiah.", "500 Indonesian rupiah", "IDR"),
    ("It cost 500 Pakistani rupees.", "500 Pakistani rupees", "PKR"),
    ("It cost 500 Czech korunas.", "500 Czech korunas", "CZK"),
    ("It cost 500 Hungarian forints.", "500 Hungarian forints", "HUF"),
    ("It cost 500 Ukrainian hryvnias.", "500 Ukrainian hryvnias", "UAH"),
    ("It cost 500 Romanian lei.", "500 Romanian lei", "RON"),
    ("It cost 500 CFA francs.", "500 CFA francs", "XOF"),
    ("It cost 500 UAE dirhams.", "500 UAE dirhams", "AED"),
    ("It cost 500 Moroccan dirhams.", "500 Moroccan dirhams", "MAD"),
    ("It cost 500 Bangladeshi taka.", "500 Bangladeshi taka", "BDT"),
    ("It cost 500 Jamaican dollars.", "500 Jamaican dollars", "JMD"),
    ("It cost 500 bitcoins.", "500 bitcoins", "BTC"),
    ("It cost KSh 2,000.", "KSh 2,000", "KES"),
    ("It cost GH₵ 50.", "GH₵ 50", "GHS"),
    ("It cost ₦5,000.", "₦5,000", "NGN"),
    ("It cost ₱250.", "₱250", "PHP"),
    ("It cost ₺90.", "₺90", "TRY"),
    ("It cost ₴400.", "₴400", "UAH"),
    ("It cost 300 zł.", "300 zł", "PLN"),
    ("It cost RM 50.", "RM 50", "MYR"),
    ("It cost 50 RM.", "50 RM", "MYR"),
    ("It cost 50 GH₵.", "50 GH₵", "GHS"),
    ("It cost Rp 50,000.", "Rp 50,000", "IDR"),
    ("It cost ₫20,000.", "₫20,000", "VND"),
    ("It cost ฿300.", "฿300", "THB"),
    ("It cost NT$500.", "NT$500", "TWD"),
    ("It cost R$ 40.", "R$ 40", "BRL"),
    ("It cost AED 250.", "AED 250", "AED"),
    ("It cost SAR 250.", "SAR 250", "SAR"),
    ("It cost NOK 250.", "NOK 250", "NOK"),
    ("It cost ZAR 250.", "ZAR 250", "ZAR"),
    ("It cost 20 pence.", "20 pence", "GBP_penny"),
    ("It cost 75 cents.", "75 cents", "USD_cent"),
    ("It cost 75 euro cents.", "75 euro cents", "EUR_cent"),
    ("It cost 50 kopecks.", "50 kopecks", "RUB_kopeck"),
    ("It cost 50 paise.", "50 paise", "INR_paisa"),
    ("It cost 50 centavos.", "50 centavos", "MXN_centavo"),
    ("It cost 50 centimes.", "50 centimes", "CHF_centime"),
    ("It cost 50 agorot.", "50 agorot", "ILS_agora"),
    ("It cost 50 groszy.", "50 groszy", "PLN_grosz"),
    ("It cost 50 halalas.", "50 halalas", "SAR_halala"),
    ("It cost 50 satang.", "50 satang", "THB_satang"),
    ("It cost 50 fils.", "50 fils", "AED_fils"),
    ("It cost 50 piastres.", "50 piastres", "EGP_piastre"),
    ("It cost 50 öre.", "50 öre", "SEK_öre"),
    ("It cost 50 øre.", "50 øre", "NOK_øre"),
    ("It cost 50 haléřů.", "50 haléřů", "CZK_haler"),
    ("It cost 50 kobo.", "50 kobo", "NGN_kobo"),
    ("a $5bn deal", "$5bn", "USD"),
    ("a €3.2 million grant", "€3.2 million", "EUR"),
    ("a 5 million euros grant", "5 million euros", "EUR"),
    ("a £1.5m fee", "£1.5m", "GBP"),
    ("It raised 5 million pounds.", "5 million pounds", "GBP"),
    ("It raised 20 pounds sterling.", "20 pounds sterling", "GBP"),
]

ADJECTIVAL = [
    ("a 3-inch pipe", "3-inch", "inch"),
    ("a 10-mile hike", "10-mile", "mile"),
    ("a 20-foot container", "20-foot", "foot"),
    ("a 12-ounce can", "12-ounce", "ounce"),
    ("a 100-metre sprint", "100-metre", "meter"),
    ("a 10-kilometre race", "10-kilometre", "kilometer"),
    ("a 75-inch TV", "75-inch", "inch"),
    ("a 2-litre bottle", "2-litre", "liter"),
    ("a 500-acre ranch", "500-acre", "acre"),
    ("a 6-kilogram baby", "6-kilogram", "kilogram"),
]

COUNTED = [
    ("They sent 3,000 North Korean troops.", "3,000 North Korean troops", "count"),
    ("They hired 200 people.", "200 people", "count"),
]

SURFACE_FORMS = (
    LENGTH + AREA + VOLUME + MASS + TIME + SPEED + ENERGY_POWER + ELECTRIC + PRESSURE_TORQUE
    + FREQUENCY_DATA + SCIENCE + OIL_RATES + TEMPERATURE + PERCENT + MONEY + ADJECTIVAL + COUNTED
)


def test_the_table_is_large_and_has_no_duplicates() -> None:
    assert len(SURFACE_FORMS) >= 300
    assert len({(t, s) for t, s, _ in SURFACE_FORMS}) == len(SURFACE_FORMS)
    for text, span, expr in SURFACE_FORMS:
        assert span in text
        registry.unit(expr)  # every expected unit is a unit of quantnorm's registry


@pytest.mark.parametrize(("text", "span", "expr"), SURFACE_FORMS)
def test_surface_form_names_the_pint_unit(text: str, span: str, expr: str) -> None:
    _unit_is(_find(text, span), expr)


# ---------------------------------------------------------------------------------------
# 2. Values and canonical quantities: (phrase, mention text, stated value, canonical
#    magnitude, canonical unit); every number exact
# ---------------------------------------------------------------------------------------
F = Fraction
CANONICAL = [
    ("a 5 km run", "5 km", F(5), F(5000), "meter"),
    ("It covers 3 sq mi.", "3 sq mi", F(3), F(3) * F(1609344, 1000) ** 2, "meter ** 2"),
    ("a 2.5-litre engine", "2.5-litre", F(5, 2), F(1, 400), "meter ** 3"),
    ("driving at 90 km/h", "90 km/h", F(90), F(25), "meter / second"),
    ("a 10 lb bag", "10 lb", F(10), F(45359237, 10_000_000), "kilogram"),
    ("a 5,000-tonne ship", "5,000-tonne", F(5000), F(5_000_000), "kilogram"),
    ("a five-year plan", "five-year", F(5), F(5 * 31557600), "second"),
    ("a 3 kW heater", "3 kW", F(3), F(3000), "watt"),
    ("It used 2 kWh.", "2 kWh", F(2), F(7_200_000), "joule"),
    ("a $5bn deal", "$5bn", F(5_000_000_000), F(5_000_000_000), "USD"),
    ("a €3.2 million grant", "€3.2 million", F(3_200_000), F(3_200_000), "EUR"),
    ("a 5 million euros grant", "5 million euros", F(5_000_000), F(5_000_000), "EUR"),
    ("a £1.5m fee", "£1.5m", F(1_500_000), F(1_500_000), "GBP"),
    ("a $5m deal", "$5m", F(5_000_000), F(5_000_000), "USD"),
    ("a salary of $50K", "$50K", F(50_000), F(50_000), "USD"),
    ("It cost 20 pence.", "20 pence", F(20), F(1, 5), "GBP"),
    ("It cost 75 cents.", "75 cents", F(75), F(3, 4), "USD"),
    ("It cost 500 Kuwaiti dinars.", "500 Kuwaiti dinars", F(500), F(500), "KWD"),
    ("It cost 250 fils.", "250 fils", F(250), F(5, 2), "AED"),
    ("It cost Rs.500 only.", "Rs.500", F(500), F(500), "INR"),
    ("It cost 3 tomans.", "3 tomans", F(3), F(30), "IRR"),
    ("Sales rose 5%.", "5%", F(5), F(5), "percent"),
    ("The bank cut rates by 25 basis points.", "25 basis points", F(25), F(1, 4), "percent"),
    ("CO2 at 420 ppm", "420 ppm", F(420), F(420, 10_000), "percent"),
    ("Support rose 3 percentage points.", "3 percentage points", F(3), F(3), "percentage_point"),
    ("10K runners took part.", "10K runners", F(10_000), F(10_000), "count"),
    ("5m people voted.", "5m people", F(5_000_000), F(5_000_000), "count"),
    ("It took 3 decades.", "3 decades", F(3), F(3 * 10 * 31557600), "second"),
    # parse() must never raise: these forms are in units.txt but did not convert
    ("a car using 6 l/100km", "6 l/100km", F(6), F(6, 100_000_000), "meter ** 2"),
    ("a car using 6 litres per 100 km", "6 litres per 100 km", F(6), F(6, 100_000_000), "meter ** 2"),
    ("an 18 karat gold ring", "18 karat", F(18), F(75), "percent"),
    ("It took 2 centuries.", "2 centuries", F(2), F(2 * 100 * 31557600), "second"),
]


@pytest.mark.parametrize(("text", "span", "value", "magnitude", "canonical"), CANONICAL)
def test_value_and_canonical_quantity(
    text: str, span: str, value: Fraction, magnitude: Fraction, canonical: str
) -> None:
    m = _find(text, span)
    assert m.value == value
    assert isinstance(m.value, Fraction)
    assert m.quantity.units == registry.unit(canonical)
    assert Fraction(m.quantity.magnitude) == magnitude


# ---------------------------------------------------------------------------------------
# 3. Temperatures: offset units convert to kelvin; a change is a difference
# ---------------------------------------------------------------------------------------
TEMPERATURES = [
    # (phrase, mention text, unit, interval low = high in kelvin)
    ("It hit 40 °C.", "40 °C", "degree_Celsius", F(31315, 100)),
    ("It hit -10 °C overnight.", "-10 °C", "degree_Celsius", F(26315, 100)),
    ("It hit 104 °F.", "104 °F", "degree_Fahrenheit", F(104 + F(45967, 100)) * F(5, 9)),
    ("a low of 14 degrees Fahrenheit", "14 degrees Fahrenheit", "degree_Fahrenheit", (14 + F(45967, 100)) * F(5, 9)),
    ("a cryostat at 4 K", "4 K", "kelvin", F(4)),
    ("Water boils at 100 degrees Celsius.", "100 degrees Celsius", "degree_Celsius", F(37315, 100)),
    ("Temperatures rose 5 °C.", "5 °C", "delta_degree_Celsius", F(5)),
    ("Temperatures rose by 2 degrees Celsius.", "2 degrees Celsius", "delta_degree_Celsius", F(2)),
    ("Temperatures fell 9 °F.", "9 °F", "delta_degree_Fahrenheit", F(5)),
]


@pytest.mark.parametrize(("text", "span", "expr", "kelvin"), TEMPERATURES)
def test_temperature_interval_in_kelvin(text: str, span: str, expr: str, kelvin: Fraction) -> None:
    m = _find(text, span)
    _unit_is(m, expr)
    assert m.interval.units == "kelvin"
    assert m.interval.low == m.interval.high == kelvin


# ---------------------------------------------------------------------------------------
# 4. Money options and minor units
# ---------------------------------------------------------------------------------------
DOLLAR_OPTION = [
    # (phrase, mention text, Parser(dollar=...), unit, canonical magnitude)
    ("It cost $5.", "$5", "CAD", "CAD", F(5)),
    ("It cost 5 dollars.", "5 dollars", "CAD", "CAD", F(5)),
    ("It cost 75 cents.", "75 cents", "CAD", "CAD_cent", F(3, 4)),
    ("It cost $5.", "$5", "AUD", "AUD", F(5)),
    ("It cost US$5.", "US$5", "CAD", "USD", F(5)),
    ("It cost C$5.", "C$5", "USD", "CAD", F(5)),
    ("It cost 5 US dollars.", "5 US dollars", "AUD", "USD", F(5)),
]


@pytest.mark.parametrize(("text", "span", "dollar", "expr", "magnitude"), DOLLAR_OPTION)
def test_dollar_option(text: str, span: str, dollar: str, expr: str, magnitude: Fraction) -> None:
    m = _find(text, span, dollar=dollar)
    _unit_is(m, expr)
    assert Fraction(m.quantity.magnitude) == magnitude


MINOR_WITH_MAJOR = [
    # (phrase, mention text, currency, total in the major unit)
    ("It cost £5 and 20 pence.", "£5 and 20 pence", "GBP", F(26, 5)),
    ("It cost 3 dollars and 50 cents.", "3 dollars and 50 cents", "USD", F(7, 2)),
    ("It cost 300 zlotys and 50 groszy.", "300 zlotys and 50 groszy", "PLN", F(601, 2)),
]


@pytest.mark.parametrize(("text", "span", "code", "total"), MINOR_WITH_MAJOR)
def test_major_and_minor_units_add_up(text: str, span: str, code: str, total: Fraction) -> None:
    m = _find(text, span)
    _unit_is(m, code)
    assert Fraction(m.quantity.magnitude) == total


def test_every_minor_unit_is_its_exact_fraction() -> None:
    lex = lexicon()
    checked = 0
    for cur in lex.currencies.values():
        if cur.code == "$":
            continue
        for name, fraction in cur.minors:
            conv = registry.conversion(f"{cur.code}_{name}")
            assert conv.canonical == cur.code
            assert conv.scale == fraction
            checked += 1
    assert checked > 50


def test_every_currency_code_is_a_unit_of_its_own() -> None:
    codes = registry.currency_codes()
    assert {"USD", "EUR", "GBP", "JPY", "CNY", "INR", "KES", "ALL", "TRY", "PEN"} <= codes
    for code in codes:
        conv = registry.conversion(code)
        assert (conv.scale, conv.offset, conv.canonical) == (Fraction(1), Fraction(0), code)


# ---------------------------------------------------------------------------------------
# 5. Counted nouns and ages
# ---------------------------------------------------------------------------------------
NOUNS = [
    # (phrase, mention text, lemma)
    ("They sent 3,000 North Korean troops.", "3,000 North Korean troops", "troop"),
    ("They hired 200 people.", "200 people", "person"),
    ("The school has 40 children.", "40 children", "child"),
    ("The lab bred 12 mice.", "12 mice", "mouse"),
    ("The store stocks 5,700 categories of products.", "5,700 categories", "category"),
    ("The farm keeps 30 geese.", "30 geese", "goose"),
    ("Protests spread to 25 cities.", "25 cities", "city"),
    ("The board named two women.", "two women", "woman"),
    ("Regulators fined 15 companies.", "15 companies", "company"),
    ("The park released 8 wolves.", "8 wolves", "wolf"),
    ("The fleet lost 4 ships.", "4 ships", "ship"),
    ("The bus held 40 persons.", "40 persons", "person"),
    ("He sold 500 shares.", "500 shares", "share"),
    # an unknown word after a number is a counted noun, never an error
    ("The shop sold 12 zorbles.", "12 zorbles", "zorble"),
    ("Then 7 flibbets arrived.", "7 flibbets", "flibbet"),
    ("He owns 3 CDs.", "3 CDs", "CD"),
]


@pytest.mark.parametrize(("text", "span", "lemma"), NOUNS)
def test_counted_noun(text: str, span: str, lemma: str) -> None:
    # the span given is where the mention starts; it may go on ("of products")
    hits = [m for m in quantnorm.parse(text) if m.text.startswith(span)]
    assert len(hits) == 1, (text, [(m.text, str(m.unit)) for m in quantnorm.parse(text)])
    m = hits[0]
    _unit_is(m, "count")
    assert m.noun == lemma
    assert m.quantity.units == registry.unit("count")


AGES = [
    # (phrase, mention text, unit, value)
    ("The suspect, 29 years old, was held.", "29 years old", "year", F(29)),
    ("a 15-year-old was hurt", "15-year-old", "year", F(15)),
    ("The 42-year-old coach resigned.", "42-year-old", "year", F(42)),
    ("a 3-month-old baby", "3-month-old", "month", F(3)),
]


@pytest.mark.parametrize(("text", "span", "expr", "value"), AGES)
def test_age(text: str, span: str, expr: str, value: Fraction) -> None:
    m = _find(text, span)
    _unit_is(m, expr)
    assert m.age is True
    assert m.value == value


@pytest.mark.parametrize(("text", "span"), [("a 10-year plan", "10-year"), ("It took 29 years.", "29 years")])
def test_a_duration_is_not_an_age(text: str, span: str) -> None:
    assert _find(text, span).age is False


# ---------------------------------------------------------------------------------------
# 6. The ambiguity rules of units.txt [ambiguous]: (phrase, options, mention text, unit)
# ---------------------------------------------------------------------------------------
AMBIGUOUS: list[tuple[str, dict[str, str], str, str]] = [
    # m: million in money, metre otherwise
    ("a $5m deal", {}, "$5m", "USD"),
    ("a 5m euros grant", {}, "5m euros", "EUR"),
    ("a 5 m drop", {}, "5 m", "meter"),
    # b / B: billion in money, bit / byte otherwise
    ("a $5B deal", {}, "$5B", "USD"),
    ("a 5 B file", {}, "5 B", "byte"),
    # pound: mass unless money
    ("a 10 pound bag", {}, "10 pound", "pound"),
    ("He lost 20 pounds.", {}, "20 pounds", "pound"),
    ("It raised 5 million pounds.", {}, "5 million pounds", "GBP"),
    ("It cost 30 pounds sterling.", {}, "30 pounds sterling", "GBP"),
    # ton: metric by default, or the caller's choice; a named ton is that ton
    ("5 tons of steel", {}, "5 tons", "metric_ton"),
    ("5 tons of steel", {"ton": "short"}, "5 tons", "ton"),
    ("5 tons of steel", {"ton": "long"}, "5 tons", "long_ton"),
    ("5 short tons of steel", {}, "5 short tons", "ton"),
    ("5 long tons of steel", {"ton": "short"}, "5 long tons", "long_ton"),
    ("5 metric tons of steel", {"ton": "short"}, "5 metric tons", "metric_ton"),
    ("a 100 ton crane", {}, "100 ton", "metric_ton"),
    # gallon: US by default, imperial on request; a named gallon is that gallon
    ("5 gallons of fuel", {}, "5 gallons", "gallon"),
    ("5 gallons of fuel", {"gallon": "imperial"}, "5 gallons", "imperial_gallon"),
    ("5 US gallons of fuel", {"gallon": "imperial"}, "5 US gallons", "gallon"),
    ("5 imperial gallons of fuel", {}, "5 imperial gallons", "imperial_gallon"),
    # °: an angle unless a scale follows
    ("Turn the dial 45°.", {}, "45°", "degree"),
    ("Water boils at 100° Celsius.", {}, "100° Celsius", "degree_Celsius"),
    ("Water boils at 100°C.", {}, "100°C", "degree_Celsius"),
    ("an angle of 30 degrees", {}, "30 degrees", "degree"),
    # in: an inch after feet or before closing punctuation, the preposition otherwise
    ("He is 5 ft 2 in tall.", {}, "5 ft", "foot"),
    ("a 10 in. screen", {}, "10 in.", "inch"),
    ('a 10" tablet', {}, '10"', "inch"),
    # min: a minute after a number
    ("a 20 min walk", {}, "20 min", "minute"),
    # t: the metric tonne
    ("a 100t press", {}, "100t", "metric_ton"),
    ("a 40 t truck", {}, "40 t", "metric_ton"),
    # K: kelvin after a space, a thousand attached to digits
    ("a cryostat at 300 K", {}, "300 K", "kelvin"),
    ("10K runners took part.", {}, "10K runners", "count"),
    # oz: mass; fl oz: volume
    ("an 8 oz steak", {}, "8 oz", "ounce"),
    ("an 8 fl oz cup", {}, "8 fl oz", "fluid_ounce"),
]


@pytest.mark.parametrize(("text", "options", "span", "expr"), AMBIGUOUS)
def test_ambiguity_rule(text: str, options: dict[str, str], span: str, expr: str) -> None:
    _unit_is(_find(text, span, **options), expr)


def test_feet_and_inches_read_the_inches() -> None:
    found = quantnorm.parse("He is 5 ft 2 in tall.")
    inches = [m for m in found if m.text.endswith("2 in")]
    assert inches, [m.text for m in found]
    metres = sum(Fraction(m.quantity.magnitude) for m in found if m.quantity.units == registry.unit("meter"))
    assert metres == F(5 * 12 + 2) * F(254, 10_000)


def test_every_ambiguity_rule_is_documented() -> None:
    lex = lexicon()
    assert lex.rules
    documented: set[str] = set()
    for key, doc in lex.rule_docs.items():
        assert doc.strip(), key
        forms = [f for alt in key.split("|") for f in _data.expand(alt)]
        documented.update(lex.rules[f] for f in forms if f in lex.rules)
    assert set(lex.rules.values()) <= documented


# ---------------------------------------------------------------------------------------
# 7. Words pint would read as units: (phrase, pint's wrong reading, right reading as a list
#    of (mention text, unit))
# ---------------------------------------------------------------------------------------
PINT_TRAPS: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("The kids got 3 a piece.", "year", [("3", "dimensionless")]),
    ("They play 5-a-side football.", "year", []),
    ("He scored 3 in the final.", "inch", [("3", "dimensionless")]),
    ("In 2024 the firm grew.", "inch", []),
    ("The team took a 5 pt lead.", "pint", []),
    ("Labour leads by 6 pts.", "pint", [("6 pts", "count")]),
    ("a 15 kt warhead", "knot", []),
    ("Add a pinch of salt.", "picoinch", []),
    ("Add 2 pinches of salt.", "picoinch", [("2 pinches", "count")]),
    ("The 2 Mt Everest climbers rested.", "metric_ton", []),
    ("She earned the min wage for 5 years.", "minute", [("5 years", "year")]),
    ("The bill raised the min wage to $15 an hour.", "minute", [("$15 an hour", "USD / hour")]),
    ("The painting sold 5 at auction.", "technical_atmosphere", []),
    ("The 3 are friends.", "are", []),
    ("The index fell 190 points.", "point", [("190 points", "count")]),
    ("He dealt 3 hands.", "hand", [("3 hands", "count")]),
    ("Profits rose in 3 quarters.", "quarter", [("3 quarters", "count")]),
    ("The club won 5 league titles.", "league", [("5 league titles", "count")]),
    ("They had 3 shots on goal.", "shot", [("3 shots", "count")]),
    ("Fire destroyed 2 barns.", "barn", [("2 barns", "count")]),
    ("They carried 3 bags of rice.", "bag", [("3 bags", "count")]),
    ("She ate 5 bars of chocolate.", "bar", [("5 bars", "count")]),
    ("Use 4 grains of rice.", "grain", [("4 grains", "count")]),
    ("The ship lost 3 chains.", "chain", [("3 chains", "count")]),
    ("We meet at 5 pm.", "picometer", []),
    ("We meet at 5 am.", "attometer", []),
    ("a 5 pc rise", "parsec", [("5 pc", "percent")]),
    ("a 2 ppt gap", "ppt", [("2 ppt", "percentage_point")]),
    ("a 3 pi radius", "pi", []),
    ("a salary of 50 thou", "thou", []),
    ("He owns 3 CDs.", "candela", [("3 CDs", "count")]),
]


@pytest.mark.parametrize(("text", "wrong", "right"), PINT_TRAPS)
def test_pint_trap(text: str, wrong: str, right: list[tuple[str, str]]) -> None:
    found = quantnorm.parse(text)
    assert not any(_same_unit(m.unit, wrong) for m in found), [(m.text, str(m.unit)) for m in found]
    for span, expr in right:
        _unit_is(_find(text, span), expr)
    with_units = [m for m in found if str(m.unit) not in ("dimensionless", "count")]
    assert {m.text for m in with_units} <= {span for span, _ in right}


@pytest.mark.parametrize("form", sorted(lexicon().not_units))
def test_not_units_are_not_in_the_lexicon(form: str) -> None:
    lex = lexicon()
    assert form not in lex.exact
    if form.islower():
        assert form not in lex.folded


# ---------------------------------------------------------------------------------------
# 8. Property: any unambiguous alias of the lexicon, after any value, gives pint's own
#    conversion of that value in that unit
# ---------------------------------------------------------------------------------------
def _convertible(sense: Sense) -> bool:
    try:
        registry.conversion(sense.expr)
        registry.unit(sense.expr)
    except quantnorm.UnitError:
        return False
    return True


def _aliases() -> list[tuple[str, str]]:
    lex = lexicon()
    out: dict[str, str] = {}
    for table in (lex.exact, lex.folded):
        for form, sense in table.items():
            if (
                sense.rule is None
                and not sense.per_only
                and sense.scale == 1
                and not sense.expr.startswith("$")
                and form not in lex.rules
                and _convertible(sense)
            ):
                out.setdefault(form, sense.expr)
    return sorted(out.items())


ALIASES = _aliases()
VALUES = st.builds(
    lambda whole, frac, places: Fraction(whole) + Fraction(frac, 10**places) if places else Fraction(whole),
    st.integers(1, 99_999),
    st.integers(0, 999),
    st.sampled_from([0, 1, 2, 3]),
)


def _render(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    for places in (1, 2, 3):
        scaled = value * 10**places
        if scaled.denominator == 1:
            return f"{value.numerator // value.denominator}.{int(scaled) % 10**places:0{places}d}"
    raise AssertionError(value)


def test_the_property_draws_from_many_aliases() -> None:
    assert len(ALIASES) > 1000
    forms = dict(ALIASES)
    for form in ("km", "sq mi", "mph", "kWh", "°C", "psi", "USD", "euros", "pence"):
        assert form in forms or form.casefold() in forms, form


@given(value=VALUES, alias=st.sampled_from(ALIASES))
def test_alias_after_value_is_pints_conversion(value: Fraction, alias: tuple[str, str]) -> None:
    form, expr = alias
    # the unit may be read another way with the same meaning ("million Btu" is a scale
    # word and Btu), but the mention must be the whole text and its canonical quantity
    # pint's own conversion
    assert _reads_as(value, form, expr) is None


def _reads_as(value: Fraction, form: str, expr: str) -> str | None:
    """Why "<value> <form>" does not give pint's conversion of value in expr (None if it does).
    The mention is followed by a comma: a period at the very end would end the sentence, and
    quantnorm leaves a sentence's period out of a mention ("It was 2 ft.")."""
    text = f"{_render(value)} {form}"
    found = quantnorm.parse(text + ", it said")
    if len(found) != 1 or found[0].text != text:
        return f"{text!r} -> {[(m.text, str(m.unit)) for m in found]}"
    canonical = registry.conversion(expr).canonical
    expected = quantnorm.ureg.Quantity(float(value), expr).to(canonical).magnitude
    got = found[0].quantity
    if got.units != registry.unit(canonical) or not math.isclose(float(got.magnitude), expected, rel_tol=1e-9):
        return f"{text!r} -> {got} (pint: {expected} {canonical})"
    return None


def test_every_alias_reads_as_its_unit() -> None:
    """The property above, over every alias at one value: all the failures at once."""
    failures = [why for form, expr in ALIASES if (why := _reads_as(F(25, 2), form, expr)) is not None]
    assert not failures, f"{len(failures)} aliases of the lexicon do not read as their unit:\n" + "\n".join(failures)


# ---------------------------------------------------------------------------------------
# 9. The audit of pint's symbols and names (units.txt [names], [symbols], [si]), bits and
#    bytes by letter case, informal storage sizes, and historic currencies
# ---------------------------------------------------------------------------------------
PINT_SYMBOLS = [
    ("The patient's pressure was 120 mmHg.", "120 mmHg", "millimeter_Hg"),
    ("a systolic reading of 140 mm Hg", "140 mm Hg", "millimeter_Hg"),
    ("Pressure fell to 735 millimetres of mercury.", "735 millimetres of mercury", "millimeter_Hg"),
    ("The barometer read 29.92 inHg at noon.", "29.92 inHg", "inch_Hg"),
    ("a low of 28.5 inches of mercury", "28.5 inches of mercury", "inch_Hg"),
    ("a ventilator set to 8 cmH2O", "8 cmH2O", "centimeter_H2O"),
    ("a duct at 0.5 inH2O", "0.5 inH2O", "inch_H2O"),
    ("The yacht sailed 40 nmi overnight.", "40 nmi", "nautical_mile"),
    ("a 16 GiB memory stick", "16 GiB", "gibibyte"),
    ("a 512 MiB buffer", "512 MiB", "mebibyte"),
    ("a disk of 2 tebibytes", "2 tebibytes", "tebibyte"),
    ("a card of 8 gibibytes", "8 gibibytes", "gibibyte"),
    ("a thrust of 5,000 lbf", "5,000 lbf", "force_pound"),
    ("a spring rated at 12 kgf", "12 kgf", "force_kilogram"),
    ("a torque of 25 kgf·m", "25 kgf·m", "force_kilogram * meter"),
    ("a press of 200 tf", "200 tf", "force_metric_ton"),
    ("a load cell of 50 gf", "50 gf", "force_gram"),
    ("They shipped 40 hundredweight of grain.", "40 hundredweight", "hundredweight"),
    ("a load of 20 long hundredweight", "20 long hundredweight", "long_hundredweight"),
    ("a 300,000 dwt tanker", "300,000 dwt", "metric_ton"),
    ("a 70 kDa protein", "70 kDa", "kilodalton"),
    ("a 5 Ci source", "5 Ci", "curie"),
    ("a 10 µCi dose", "10 µCi", "microcurie"),
    ("a 300 dpi printer", "300 dpi", "pixels_per_inch"),
    ("a flat of 1,150 sqft", "1,150 sqft", "foot ** 2"),
    ("a 900 sft apartment", "900 sft", "foot ** 2"),
    ("a 350 kcmil conductor", "350 kcmil", "kilocircular_mil"),
    ("energy use of 300 Mtoe, up 2%", "300 Mtoe", "megatonne_of_oil_equivalent"),
    ("a blast of 20 kilotons of TNT", "20 kilotons of TNT", "kiloton_TNT"),
    ("a 5,000 mcd LED", "5,000 mcd", "millicandela"),
    ("a display of 600 cd/m²", "600 cd/m²", "candela / meter ** 2"),
    ("a signal of -85 dBm", "-85 dBm", "decibelmilliwatt"),
    ("a fluid of 50 cP", "50 cP", "centipoise"),
    ("a star 4.2 ly away", "4.2 ly", "light_year"),
    ("a comet at 3.5 AU", "3.5 AU", "astronomical_unit"),
    ("a 24 bpp image", "24 bpp", "bits_per_pixel"),
    ("a yield of 180 bu per acre", "180 bu per acre", "bushel / acre"),
    ("a gas at 500 °R", "500 °R", "degree_Rankine"),
    ("water at 80 degrees Réaumur", "80 degrees Réaumur", "degree_Reaumur"),
    ("a magnet of 12 kOe", "12 kOe", "kilooersted"),
    ("a flux of 3 mWb", "3 mWb", "milliweber"),
    ("a gas flow of 20 slpm", "20 slpm", "liter / minute"),
    ("a parallax of 1.2 mas", "1.2 mas", "milliarcsecond"),
    ("a peak at 1650 cm⁻¹ in the spectrum", "1650 cm⁻¹", "reciprocal_centimeter"),
    ("12 MBF of lumber", "12 MBF", "kiloboard_foot"),
    ("It weighs 3 toz.", "3 toz", "troy_ounce"),
    ("a bill of 5 thm", "5 thm", "therm"),
    ("The amulet weighs 1 drachma.", "1 drachma", "dram"),
]

DATA_CASE = [
    # bytes: upper-case B
    ("It copies at 200 MB/s now.", "200 MB/s", "megabyte / second"),
    ("It copies at 250 MBps now.", "250 MBps", "megabyte / second"),
    ("an SSD that reads at 3 GB/s", "3 GB/s", "gigabyte / second"),
    ("an SSD that reads at 7 GBps", "7 GBps", "gigabyte / second"),
    ("a 56 KB/s download", "56 KB/s", "kilobyte / second"),
    ("an 800 B/s trickle", "800 B/s", "byte / second"),
    ("a 2 TB/s memory bus", "2 TB/s", "terabyte / second"),
    # bits: lower-case b
    ("a 200 Mb/s uplink", "200 Mb/s", "megabit / second"),
    ("a 300 Mbps plan", "300 Mbps", "megabit / second"),
    ("a 300 mbps plan", "300 mbps", "megabit / second"),
    ("a 10 gbps port", "10 gbps", "gigabit / second"),
    ("a 33 kb/s modem", "33 kb/s", "kilobit / second"),
    ("a 1 Tbps backbone", "1 Tbps", "terabit / second"),
    # informal lower-case storage sizes: g and t are no SI prefixes, so "gb", "tb" are bytes
    ("A 64gb phone", "64gb", "gigabyte"),
    ("a laptop with 8 gb of RAM", "8 gb", "gigabyte"),
    ("a 2 tb drive", "2 tb", "terabyte"),
]

HISTORIC_MONEY = [
    ("a coffee for 2,000 lire", "2,000 lire", "ITL"),
    ("a ticket for 300 drachmas", "300 drachmas", "GRD"),
    ("paid 40 Greek drachmae", "40 Greek drachmae", "GRD"),
    ("a loan of 5 million German marks", "5 million German marks", "DEM"),
    ("a stamp for 80 Deutschmarks", "80 Deutschmarks", "DEM"),
    ("a meal for 200 pesetas", "200 pesetas", "ESP"),
    ("a 500 French francs fine", "500 French francs", "FRF"),
    ("a tip of 10 guilders", "10 guilders", "NLG"),
    ("a 1,000 escudos bill", "1,000 escudos", "PTE"),
    ("a fee of 50 schillings", "50 schillings", "ATS"),
    ("a pint for 2 Irish punts", "2 Irish punts", "IEP"),
    ("a bond of 300 million Luxembourg francs", "300 million Luxembourg francs", "LUF"),
    ("The bank raised LUF 400 million.", "LUF 400 million", "LUF"),
    ("a budget of 5 billion European Currency Units", "5 billion European Currency Units", "XEU"),
    ("a wage of 900 Ostmarks", "900 Ostmarks", "DDM"),
    ("a price of 20 cruzados", "20 cruzados", "BRC"),
    ("a fare of 3 convertible pesos", "3 convertible pesos", "CUC"),
    ("a debt of 40 billion karbovantsi", "40 billion karbovantsi", "UAK"),
    ("a charge of 35 ROL", "35 ROL", "ROL"),
]


@pytest.mark.parametrize(("text", "span", "expr"), PINT_SYMBOLS + DATA_CASE + HISTORIC_MONEY)
def test_audited_form_names_the_pint_unit(text: str, span: str, expr: str) -> None:
    _unit_is(_find(text, span), expr)


# Forms the audit left as words: (phrase, the wrong reading, the right reading)
AUDIT_TRAPS: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("She came 3rd in the race.", "rod", []),
    ("It was his 5th title.", "thou", []),
    ("He bought a 6 pk of soda.", "peck", []),
    ("Tune in to 98.5 fm tonight.", "femtometer", []),
    ("The file is 100 mb.", "millibarn", [("100 mb", "megabit")]),
    ("The file is 100 mb.", "megabyte", [("100 mb", "megabit")]),
    ("Dividends rose to 45 cps.", "counts_per_second", []),
    ("The API served 9,000 rps.", "revolutions_per_second", []),
    ("a bottle of 100 ct tablets", "carat", []),
    ("He got 45 marks out of 50.", "DEM", [("45 marks", "count")]),
    ("The punter made 3 punts.", "IEP", [("3 punts", "count")]),
    ("They sent 3 ECUs for testing.", "XEU", []),
    ("They hired 2 au pairs.", "astronomical_unit", []),
]


@pytest.mark.parametrize(("text", "wrong", "right"), AUDIT_TRAPS)
def test_audit_trap(text: str, wrong: str, right: list[tuple[str, str]]) -> None:
    test_pint_trap(text, wrong, right)


def test_mpg_follows_the_gallon_option() -> None:
    _unit_is(_find("The car does 45 mpg.", "45 mpg", gallon="imperial"), "mile / imperial_gallon")
    _unit_is(_find("The car does 45 mpg.", "45 mpg"), "mile / gallon")
    _unit_is(_find("It gets 50 miles per gallon.", "50 miles per gallon", gallon="imperial"), "mile / imperial_gallon")


@pytest.mark.parametrize(
    ("text", "span", "expr"),
    [
        ("The size of this file is 100 mb.", "100 mb", "megabit"),
        ("A 5 mb download.", "5 mb", "megabit"),
        ("A 940 mb hurricane made landfall.", "940 mb", "millibar"),
        ("Pressure fell to 985 mb overnight.", "985 mb", "millibar"),
    ],
)
def test_lower_case_mb_is_a_millibar_among_words_of_pressure(text: str, span: str, expr: str) -> None:
    _unit_is(_find(text, span), expr)
