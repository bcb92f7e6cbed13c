"""The normal form of a name, shared by every stage: entity keys (nlp), IRIs (rdf) and comparisons.

It lives outside the stages so that a later stage never imports an earlier one to spell a key the same way.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


_NOT_KEY = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=1 << 16)
def norm_key(text: str) -> str:
    """Accent-, case- and punctuation-free form of a name, used for keys and comparisons."""
    if not text.isascii():  # ASCII has nothing to decompose and no combining marks
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_NOT_KEY.sub(" ", text.lower()).split())


def without_parentheses(name: str) -> str:
    """A name with an inner "(MLA)" taken out: "Treaty on Mutual Legal Assistance in Criminal Matters"."""
    return " ".join(re.sub(r"\s*\([^()]*\)\s*", " ", name).split())
