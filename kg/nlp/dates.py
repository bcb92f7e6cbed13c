"""Dates in news text, at the precision the text gives, resolved against the article and never invented.

"Kamis (11/11)" has no year: the year comes from the publication date or, failing that, a year the article
names, and a stated weekday must agree with it ("Kamis (11/11)" in an article about 2021 is 2021-11-11, a
Thursday). A date whose year cannot be found stays a month-day (``--11-11``).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from kg.model import Sentence, TimeExpr
from kg.resources import load_table

_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_DIGIT = re.compile(r"\d")
_WORDS_ONLY = frozenset({"month-last", "relative", "period", "weekday"})  # the kinds of _patterns that match without a digit


class Calendar(NamedTuple):
    """A language's calendar words (``lexicons/LANG/calendar.tsv``), each kind with its value."""

    month: dict[str, int]  # "Januari": 1
    weekday: dict[str, int]  # "Senin": 0
    relative: dict[str, int]  # a day before publication: "kemarin": 1
    weeks_ago: dict[str, int]  # a week, a month or a year before it, which give the month or the year only:
    months_ago: dict[str, int]  # "last week": 1, "bulan lalu": 1, "tahun lalu": 1
    years_ago: dict[str, int]
    count: dict[str, int]  # how many of them: "dua": 2; "beberapa": 0, some
    since: dict[str, int]  # "sejak", "since": what follows opens a period


@lru_cache(maxsize=None)
def _calendar(language: str) -> Calendar:
    tables: dict[str, dict[str, int]] = {kind: {} for kind in Calendar._fields}
    for lang in dict.fromkeys([language, "id", "en"]):  # the article's language first: its reading wins
        for row in load_table(f"lexicons/{lang}/calendar.tsv"):
            tables[row["kind"].replace("-", "_")].setdefault(row["word"].lower(), int(row["value"]))
    return Calendar(**tables)


@lru_cache(maxsize=None)
def _periods(language: str) -> dict[str, int]:
    """The phrases of a week, a month or a year back."""
    calendar = _calendar(language)
    return {**calendar.weeks_ago, **calendar.months_ago, **calendar.years_ago}


@lru_cache(maxsize=None)
def _period_ends(language: str) -> frozenset[str]:
    """The last words of the phrases of a week, month or year back ("week", "lalu", "ini")."""
    return frozenset(phrase.split()[-1] for phrase in _periods(language))


def _alternation(words: dict[str, int]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _patterns(language: str) -> list[tuple[str, re.Pattern[str]]]:
    calendar = _calendar(language)
    m, w, r = _alternation(calendar.month), _alternation(calendar.weekday), _alternation(calendar.relative)
    p = _alternation(_periods(language))
    part = r"(?:\s+(?:lalu|pagi|siang|sore|malam|dini hari|morning|afternoon|evening|night|this morning))?"
    return [
        ("numeric", re.compile(rf"(?:\b(?P<wd>{w})\b{part}\s*,?\s*)?\(\s*(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?:/(?P<y>\d{{2,4}}))?\s*\)", re.I)),
        ("numeric", re.compile(rf"\b(?P<wd>{w})\b{part}\s*,?\s*(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?:/(?P<y>\d{{2,4}}))?\b", re.I)),
        # a multi-day event is dated by its first day (GUIDELINES): "from 25 to 26 Jan 2016", "25-26 Januari 2016",
        # "13 sampai dengan 16 Desember 2015"
        ("day-month", re.compile(rf"\b(?P<d>\d{{1,2}})\s*(?:[-–]|to|sampai dengan|sampai|hingga|s\.d\.?|s/d)\s*\d{{1,2}}\s+(?P<m>{m})\.?(?:\s+(?P<y>\d{{4}}))?\b", re.I)),
        ("day-month", re.compile(rf"(?:\b(?P<wd>{w})\b\s*,?\s*)?\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{m})\.?(?:,?\s+(?P<y>\d{{4}}))?\b", re.I)),
        ("month-day", re.compile(rf"\b(?P<m>{m})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?(?:\s*,\s*(?P<y>\d{{4}}))?\b(?!\s*(?:{m}))", re.I)),
        ("month-year", re.compile(rf"\b(?P<m>{m})\s+(?P<y>\d{{4}})\b", re.I)),
        ("month-last", re.compile(rf"\b(?P<m>{m})\s+(?:lalu|kemarin|(?P<last>tahun lalu|last year))\b", re.I)),
        ("year", re.compile(r"\b(?:tahun|sejak|pada|in|since|year)\s+(?P<y>19[5-9]\d|20[0-4]\d)\b", re.I)),
        ("relative", re.compile(rf"\b(?P<rel>{r})\b", re.I)),
        ("period", re.compile(rf"\b(?P<rel>{p})\b", re.I)),
        ("weekday", re.compile(rf"\b(?:pada|hari|on|last)\s+(?P<wd>{w})\b", re.I)),
    ]


def full_date(value: str | None) -> bool:
    """A value dated to the day with its year ("2021-11-11"), not "2021-11", "2021" or "--11-11"."""
    return value is not None and len(value) == 10 and value[:1].isdigit()


@lru_cache(maxsize=1)
def period_openers() -> frozenset[str]:
    """The words before the start of a period ("sejak", "since"), of both languages (``calendar.tsv``)."""
    return frozenset(_calendar("id").since)


def opens_period(time: TimeExpr) -> bool:
    """A date the text gives with the word that opens a period ("sejak 2004", "since 2011"): background, not
    the day of an occasion the article reports."""
    words = time.text.split()
    return bool(words) and words[0].lower() in period_openers()


def candidate_years(text: str, published: date | None) -> list[int]:
    """Years a day-month may belong to: the publication year first, then years the article names."""
    counts = Counter(int(y) for y in _YEAR.findall(text))
    years = [published.year] if published else []
    years += [y for y, _ in counts.most_common() if y not in years]
    if published:
        years.append(published.year - 1)
    return years


def _full_year(y: str | None) -> int | None:
    if not y:
        return None
    year = int(y)
    return year + 2000 if year < 100 else year


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_day(day: int, month: int, year: int | None, weekday: int | None, years: list[int],
                anchored: bool = True) -> str | None:
    """ISO value for a day and month, choosing the year in which the stated weekday holds. With no publication
    date to anchor the years (``anchored`` false), a stated weekday that no year the article names fits says
    those years are not the day's ("Kamis (29/10)" in a story naming only "Corona Virus Disease 2019"): the
    day is given without a year (GUIDELINES: "--10-29")."""
    if year is not None:
        found = _valid(year, month, day)
        return found.isoformat() if found else None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if weekday is not None:
        for candidate in years:
            found = _valid(candidate, month, day)
            if found and found.weekday() == weekday:
                return found.isoformat()
        if not anchored:
            return f"--{month:02d}-{day:02d}"
    for candidate in years[:1]:
        found = _valid(candidate, month, day)
        if found:
            return found.isoformat()
    return f"--{month:02d}-{day:02d}"


def find_times(text: str, sentences: list[Sentence], *, published: date | None, language: str) -> list[TimeExpr]:
    calendar = _calendar(language)
    years = candidate_years(text, published)
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    for sentence in sentences:
        digits = _DIGIT.search(sentence.text) is not None
        for kind, pattern in _patterns(language):
            if not digits and kind not in _WORDS_ONLY:
                continue  # its pattern needs a digit: most sentences have none
            if kind == "numeric" and "/" not in sentence.text:
                continue  # "(11/11)", "Kamis 11/11": a slash or nothing
            if kind == "period" and not any(word in sentence.text for word in _period_ends(language)):
                continue  # "last week", "bulan lalu": their last word, in lower case, or nothing
            for match in pattern.finditer(sentence.text):
                start, end = sentence.start + match.start(), sentence.start + match.end()
                if any(start < e and end > s for s, e in taken):
                    continue
                value = _value(kind, match, calendar, years, published)
                if value:
                    found.append(TimeExpr(start, end, match.group(), value, sentence.index))
                    taken.append((start, end))
    return sorted(found, key=lambda t: t.start)


def _value(kind: str, match: re.Match[str], calendar: Calendar, years: list[int], published: date | None) -> str | None:
    months, weekdays = calendar.month, calendar.weekday
    groups = match.groupdict()
    weekday = weekdays.get((groups.get("wd") or "").lower())
    anchored = published is not None
    if kind == "numeric":
        a, b, year = int(groups["a"]), int(groups["b"]), _full_year(groups.get("y"))
        first = resolve_day(a, b, year, weekday, years, anchored) if b <= 12 else None
        if first and weekday is not None and not first.startswith("--") and groups.get("y") is None:
            # with the year written out, the stated date wins over a weekday that contradicts it (GUIDELINES)
            if date.fromisoformat(first).weekday() != weekday and a <= 12:
                second = resolve_day(b, a, year, weekday, years, anchored)
                if second and not second.startswith("--") and date.fromisoformat(second).weekday() == weekday:
                    return second
        return first or (resolve_day(b, a, year, weekday, years, anchored) if a <= 12 else None)
    if kind in ("day-month", "month-day"):
        return resolve_day(int(groups["d"]), months[groups["m"].lower()], _full_year(groups.get("y")), weekday, years,
                           anchored)
    if kind == "month-year":
        return f"{int(groups['y']):04d}-{months[groups['m'].lower()]:02d}"
    if kind == "month-last":
        if not years:
            return None
        month = months[groups["m"].lower()]
        if groups.get("last") and published:  # "Desember tahun lalu", "October last year"
            return f"{published.year - 1:04d}-{month:02d}"
        year = years[0] - (1 if published and month > published.month else 0)
        return f"{year:04d}-{month:02d}"
    if kind == "year":
        return groups["y"]
    if kind == "relative" and published:
        return (published - timedelta(days=calendar.relative[groups["rel"].lower()])).isoformat()
    if kind == "period" and published:  # "last week", "bulan lalu": the text gives the month, not the day
        word = groups["rel"].lower()
        n = _count(match, calendar.count)
        if n == 0:
            return None  # "beberapa tahun lalu": some years ago
        if word in calendar.weeks_ago:
            return (published - timedelta(weeks=n or calendar.weeks_ago[word])).isoformat()[:7]
        if word in calendar.years_ago:  # "tahun lalu", "last year": the year alone
            return f"{published.year - (n or calendar.years_ago[word]):04d}"
        back = published.year * 12 + published.month - 1 - (n or calendar.months_ago[word])
        return f"{back // 12:04d}-{back % 12 + 1:02d}"
    if kind == "weekday" and published and weekday is not None:
        back = (published.weekday() - weekday) % 7
        return (published - timedelta(days=back)).isoformat()
    return None


def _count(match: re.Match[str], counts: dict[str, int]) -> int | None:
    """How many weeks, months or years back the word before says ("dua tahun lalu": 2, "3 bulan lalu": 3); None
    where it says none, 0 where it says only some ("beberapa", "several")."""
    before = match.string[:match.start()].split()
    if not before:
        return None
    word = before[-1].lower()
    return int(word) if word.isdigit() else counts.get(word)
