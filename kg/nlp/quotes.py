"""Spans of quoted speech. An unbalanced quotation mark yields no quote: refusal over guessing."""

from __future__ import annotations

import re

_PAIRS = re.compile(r"“([^”“]{3,}?)”|\"([^\"]{3,}?)\"|‘([^’‘]{12,}?)’")


def find_quotes(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _PAIRS.finditer(text):
        spans.append((match.start(), match.end()))
    return spans
