"""Dates of facts as a reader writes them: "7 April 2021", "April 2021", "7 April, year unknown".

The store keeps XSD forms (``2021-04-07``, ``2021-04`` as gYearMonth, ``--04-07`` as gMonthDay when the
article gave no year); those are right for queries and wrong for people.
"""

from __future__ import annotations

import re

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
_FORM = re.compile(r"^(?P<year>-?\d{4})?(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$|^--(?P<md_month>\d{2})(?:-(?P<md_day>\d{2}))?$")


def human_date(value: str) -> str:
    """``value`` in words; anything that is not one of the XSD date forms comes back unchanged."""
    text = (value or "").strip()
    match = _FORM.match(text.split("T", 1)[0]) if text else None
    if not match:
        return text
    year, month, day = match["year"], match["month"] or match["md_month"], match["day"] or match["md_day"]
    if month and not 1 <= int(month) <= 12:
        return text
    words = MONTHS[int(month) - 1] if month else ""
    if day:
        words = f"{int(day)} {words}"
    if year:
        return f"{words} {int(year)}".strip()
    return f"{words}, year unknown" if words else text
