"""Publication dates from metadata, in whatever form a site or scraper wrote them.

ISO 8601 is read directly; anything else ("2022-5-5 22:17:36", "10/05/2022 05:22 pm", "Selasa, 10 Mei 2022
17:22 WIB", "Thu, 05 May 2022 10:00:00 +0700") goes through dateparser, in Indonesian and English, day before
month when a numeric date could be either (the Indonesian and British order). A value that names no whole
day ("Mei 2022", "kemarin sore", "3 days ago") gives no date: a relative date would be relative to the day
of the build, not of the article, and a month is no publication date. The caller decides what to say.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache
from typing import Any

_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],  # no "timestamp", no "relative-time" ("yesterday")
    "REQUIRE_PARTS": ["day", "month", "year"],
    "DATE_ORDER": "DMY",
    "PREFER_LOCALE_DATE_ORDER": False,
    "RETURN_AS_TIMEZONE_AWARE": False,
}
MAX_LENGTH = 100  # longer "dates" are text, not metadata


def parse_date(value: object) -> date | None:
    """The calendar day ``value`` names, as written (no shift to another time zone), or None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    if not text or len(text) > MAX_LENGTH:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    parsed = _dateparser().parse(text, languages=["id", "en"], settings=_SETTINGS)
    return parsed.date() if parsed else None


def parse_published(value: object, where: str, warn: Callable[[str], None]) -> date | None:
    """A publication date from metadata; one that cannot be read is reported through ``warn`` and dropped,
    never a reason to lose the article."""
    if value in (None, ""):
        return None
    parsed = parse_date(value)
    if parsed is None:
        warn(f"{where}: published date {str(value).strip()[:MAX_LENGTH]!r} not understood; the article is kept without it")
    return parsed


@lru_cache(maxsize=1)
def _dateparser() -> Any:
    import dateparser  # about half a second to load its language data: only when a date is not ISO

    return dateparser
