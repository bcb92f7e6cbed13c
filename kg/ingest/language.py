"""Which language an article is written in, from its function words: Indonesian or English."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.resources import load_table

_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=None)
def _function_words(language: str) -> frozenset[str]:
    return frozenset(row["word"] for row in load_table(f"lexicons/{language}/function_words.tsv"))


def detect_language(text: str) -> str:
    """``"en"`` when English function words outnumber Indonesian ones, else ``"id"`` (the default genre)."""
    words = _WORD.findall(text.lower())
    english = sum(1 for w in words if w in _function_words("en"))
    indonesian = sum(1 for w in words if w in _function_words("id"))
    return "en" if english > indonesian else "id"
