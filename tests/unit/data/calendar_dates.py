#!/usr/bin/env python3
"""Writes calendar_dates.tsv: fiscal years of several rules, 2000 to 2040,
computed independently of kessan by walking days with Python's datetime.

Each year end is found by stepping one day at a time from the last day of
the nominal year-end month: backwards to the last given weekday, or both
ways to the nearest one. Quarter and month ends come from counting the
days of the year one by one (a week is 7 of them); month-end years walk
days until the month changes. fiscal_calendar_test.cpp reads the file and
compares every field with FiscalYearRule.

Usage: calendar_dates.py > calendar_dates.tsv
"""
import datetime

DAY = datetime.timedelta(days=1)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
PATTERNS = {"4-4-5": [4, 4, 5], "4-5-4": [4, 5, 4], "5-4-4": [5, 4, 4]}

# year_end, weekday, end month, naming, month weeks, quarter with the 53rd week
RULES = [
    ("last-weekday", "saturday", 9, "end", "4-4-5", "fourth-quarter"),
    ("nearest-weekday", "saturday", 1, "start", "4-5-4", "fourth-quarter"),
    ("nearest-weekday", "saturday", 12, "end", "5-4-4", "fourth-quarter"),
    ("last-weekday", "friday", 6, "start", "-", "fourth-quarter"),
    ("nearest-weekday", "sunday", 2, "end", "-", "fourth-quarter"),
    ("last-weekday", "saturday", 9, "end", "-", "first-quarter"),
    ("nearest-weekday", "saturday", 8, "start", "4-4-5", "first-quarter"),
    ("month-end", "-", 3, "start", "-", "-"),
    ("month-end", "-", 2, "end", "-", "-"),
]


def month_end(year, month):
    d = datetime.date(year, month, 1)
    while (d + DAY).month == month:
        d += DAY
    return d


def year_end(rule, year):
    kind, weekday, month = rule[:3]
    end = month_end(year, month)
    if kind == "month-end":
        return end
    target = WEEKDAYS.index(weekday)
    if kind == "last-weekday":
        while end.weekday() != target:
            end -= DAY
        return end
    for distance in range(7):
        for d in (end - distance * DAY, end + distance * DAY):
            if d.weekday() == target:
                return d
    raise AssertionError("no weekday within a week")


def nominal_end_year(rule, fiscal_year):
    month, naming = rule[2:4]
    return fiscal_year + 1 if naming == "start" and month != 12 else fiscal_year


def walk(first, last):
    days = []
    d = first
    while d <= last:
        days.append(d)
        d += DAY
    return days


def week_year(rule, days):
    weeks = len(days) // 7
    assert len(days) % 7 == 0 and weeks in (52, 53)
    long_quarter = (0 if rule[5] == "first-quarter" else 3) if weeks == 53 else None
    quarter_weeks = [13 + (q == long_quarter) for q in range(4)]
    month_weeks = []
    for q in range(4):
        pattern = list(PATTERNS[rule[4]]) if rule[4] != "-" else [quarter_weeks[q]]
        if q == long_quarter and rule[4] != "-":
            pattern[-1] += 1
        month_weeks += pattern
    ends = []
    count = 0
    for w in (quarter_weeks if rule[4] == "-" else month_weeks):
        count += 7 * w
        ends.append(days[count - 1])
    assert count == len(days)
    if rule[4] == "-":
        return weeks, ends, []
    return weeks, ends[2::3], ends


def month_end_year(days):
    month_ends = [d for i, d in enumerate(days) if i + 1 == len(days) or days[i + 1].month != d.month]
    assert len(month_ends) == 12
    return 0, month_ends[2::3], month_ends


def main():
    print("# year_end\tweekday\tend_month\tnamed_by\tmonth_weeks\textra_week\tfiscal_year\tfirst\tlast\tweeks"
          "\tquarter_ends(4)\tmonth_ends(12, or -)")
    for rule in RULES:
        for fy in range(2000, 2041):
            end_year = nominal_end_year(rule, fy)
            last = year_end(rule, end_year)
            first = year_end(rule, end_year - 1) + DAY
            days = walk(first, last)
            weeks, quarter_ends, month_ends = (month_end_year(days) if rule[0] == "month-end"
                                               else week_year(rule, days))
            fields = [rule[0], rule[1], str(rule[2]), rule[3], rule[4], rule[5], str(fy), first.isoformat(),
                      last.isoformat(), str(weeks)]
            fields += [d.isoformat() for d in quarter_ends]
            fields += [d.isoformat() for d in month_ends] or ["-"]
            print("\t".join(fields))


if __name__ == "__main__":
    main()
