import datetime as dt

from checks.workdays import add_workdays


def test_five_working_days_after_a_friday() -> None:
    assert add_workdays(dt.date(2022, 12, 23), 5) == (dt.date(2022, 12, 30), True)


def test_national_day_holiday_is_skipped() -> None:
    # 2023-09-29 .. 10-06 holiday; 10-07 and 10-08 (weekend) were make-up working days
    day, official = add_workdays(dt.date(2023, 9, 28), 2)
    assert official and day == dt.date(2023, 10, 8)


def test_unknown_year_falls_back_to_monday_to_friday() -> None:
    day, official = add_workdays(dt.date(2090, 1, 6), 5)  # a Friday
    assert not official and day == dt.date(2090, 1, 13)
