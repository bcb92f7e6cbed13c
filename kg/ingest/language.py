"""Which language an article is written in, from its function words: Indonesian or English."""

from __future__ import annotations

import re

from kg.resources import function_words

_WORD = re.compile(r"[a-z]+")


def detect_language(text: str, hint: str | None = None) -> str:
    """``"en"`` when English function words outnumber Indonesian ones, ``"id"`` when the reverse. A tie is
    decided by ``hint`` (the language a page or sidecar declares), else ``"id"`` (the default genre): pages
    often declare a language they are not written in (a theme's ``lang="en-US"``), so it never outweighs
    the text."""
    words = _WORD.findall(text.lower())
    english = sum(1 for w in words if w in function_words("en"))
    indonesian = sum(1 for w in words if w in function_words("id"))
    if english == indonesian and hint:
        return "en" if hint.lower().startswith("en") else "id"
    return "en" if english > indonesian else "id"
