import datetime as dt

import pytest

from index.dates import date_from_filename, find_dates, parse_date

D = dt.date
NOV10 = D(2021, 11, 10)


@pytest.mark.parametrize("s, want", [
    ("den 10 november 2021", D(2021, 11, 10)),
    ("Den 4 februari 2015 anordnades", D(2015, 2, 4)),
    ("2015-02-04", D(2015, 2, 4)),
    ("4:e september 2019", D(2019, 9, 4)),
    ("June 22, 2017", D(2017, 6, 22)),
    ("22 June 2017", D(2017, 6, 22)),
    ("\\date{2022-02-09}", D(2022, 2, 9)),
    ("# Node.js TSC Meeting 2019-10-16", D(2019, 10, 16)),
    ("Thursday February 26th 2015.", D(2015, 2, 26)),
    ("{\\Large 2020--11--24}", D(2020, 11, 24)),
    ("13 May 2021", D(2021, 5, 13)),
    ("08 Juni 2018", D(2018, 6, 8)),
])
def test_explicit_dates(s, want):
    assert parse_date(s) == want


def test_day_month_order_and_year_from_base():
    base = D(2015, 2, 4)
    assert parse_date("4/3 Bubbel & Debatt", base=base) == D(2015, 3, 4)
    assert parse_date("28/6-5/7 Almedalsveckan", base=base) == D(2015, 6, 28)
    assert parse_date("9-10/9 Nordic Life Science Days", base=base) == D(2015, 9, 9)


def test_no_year_without_base_is_unresolved():
    assert parse_date("4/3") is None
    assert parse_date("den 4 februari") is None


def test_forward_rolls_into_next_year():
    assert parse_date("Nästa möte äger rum den 4 februari.", base=NOV10, forward=True) == D(2022, 2, 4)
    # without forward the year is simply the meeting's
    assert parse_date("den 4 februari", base=NOV10) == D(2021, 2, 4)
    # a later date in the same year does not roll
    assert parse_date("Fredag 12 November 13.15", base=D(2021, 11, 1), forward=True) == D(2021, 11, 12)
    # an explicit year never rolls
    assert parse_date("4 februari 2021", base=NOV10, forward=True) == D(2021, 2, 4)


def test_ordinal_word_and_times_are_not_dates():
    assert parse_date("Preliminärt andra mars.", base=D(2022, 2, 9), forward=True) == D(2022, 3, 2)
    assert find_dates("Mötet öppnas 12:21, 2/3/1 röster för/emot/blankt") == []
    assert parse_date("Onsdag 11:e september 12:15-13:00", base=D(2019, 9, 4)) == D(2019, 9, 11)


def test_find_dates_spans():
    text = "Möte den 10 november 2021; nästa 4/3."
    hits = find_dates(text, base=NOV10, forward=True)
    assert [text[s:e] for _, (s, e) in hits] == ["10 november 2021", "4/3"]
    assert hits[1][0] == D(2022, 3, 4)


def test_invalid_dates_are_skipped():
    assert parse_date("31/2") is None and parse_date("2021-13-40") is None


@pytest.mark.parametrize("name, want", [
    ("2019-09-04-styrelsemote.md", D(2019, 9, 4)),
    ("lithekod/2019-09-04-styrelsemote.md", D(2019, 9, 4)),
    ("styrelsemote_190904.md", D(2019, 9, 4)),
    ("20-21/styrelsemote_201112.md", D(2020, 11, 12)),
    ("20211110_x.txt", D(2021, 11, 10)),
    ("notes.md", None),
])
def test_date_from_filename(name, want):
    assert date_from_filename(name) == want
