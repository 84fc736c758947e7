"""Dates in the forms news pages write them, read as ISO ``YYYY-MM-DD``."""
from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
_WEEKDAYS = frozenset({"mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu",
                       "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun",
                       "sunday"})
_TIME_WORDS = frozenset({"am", "pm", "a", "p", "m", "utc", "gmt", "z", "t", "est", "edt", "cst",
                         "cdt", "pst", "pdt", "mst", "mdt", "bst", "cet", "cest", "msk", "bjt",
                         "jst", "kst", "ist", "at", "updated", "published", "posted"})
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_NUM_DATE = re.compile(r"(\d{1,4})([./])(\d{1,2})\2(\d{1,4})(?![\d])")
_CJK_DATE = re.compile(r"(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日")
_DATE_TOKENS = re.compile(r"[^\W\d_]+|\d+")


def _ymd(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(value: object, *, strict: bool = False) -> str | None:
    """An ISO ``YYYY-MM-DD`` date from a date-like value, else None.

    Reads ``2023-03-22`` (with any time after it), ``22.03.2023``,
    ``23 Mar., 2023``, ``March 22, 2023`` (optionally after a weekday) and
    ``2023年3月23日``. With ``strict`` the whole string must be a date (plus an
    optional time), which is how header lines are recognised.
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    s = value.strip()[:80]
    if not s:
        return None
    for pattern in (_ISO_DATE, _CJK_DATE):
        m = pattern.match(s)
        if m:
            if strict and not _only_time(s[m.end():]):
                return None
            return _ymd(int(m[1]), int(m[2]), int(m[3]))
    m = _NUM_DATE.match(s)
    if m:
        if strict and not _only_time(s[m.end():]):
            return None
        a, sep, b, c = int(m[1]), m[2], int(m[3]), int(m[4])
        if len(m[1]) == 4:
            return _ymd(a, b, c)
        if len(m[4]) != 4:
            return None
        if sep == "." or a > 12:
            return _ymd(c, b, a)
        if b > 12:
            return _ymd(c, a, b)
        return None  # 03/04/2023: month first or day first? Refuse to guess.
    tokens = _DATE_TOKENS.findall(s)
    while tokens and tokens[0].lower() in _WEEKDAYS:
        tokens = tokens[1:]
    if len(tokens) < 3:
        return None
    t0, t1, t2 = tokens[:3]
    result = None
    if t0.isdigit() and t1.lower() in _MONTHS and t2.isdigit() and len(t2) == 4:
        result = _ymd(int(t2), _MONTHS[t1.lower()], int(t0))
    elif t0.lower() in _MONTHS and t1.isdigit() and t2.isdigit() and len(t2) == 4:
        result = _ymd(int(t2), _MONTHS[t0.lower()], int(t1))
    if result and strict:
        rest = tokens[3:]
        if len(rest) > 6 or any(not t.isdigit() and t.lower() not in _TIME_WORDS for t in rest):
            return None
    return result


def _only_time(rest: str) -> bool:
    return all(t.isdigit() or t.lower() in _TIME_WORDS for t in _DATE_TOKENS.findall(rest)) \
        and len(rest) <= 40
