"""The attributes (feature strings) a crfsuite model knows, so that tagging passes crfsuite only those.

crfsuite looks every feature string of a token up in the model's attribute dictionary and drops the ones it
does not find; a fifth of what the featurizers build is such (rare words, word pairs). Converting and looking
up a string costs more in crfsuite than a set look-up here, and a word's features are cached, so they are
filtered once per word. Dropping unknown attributes changes no score: crfsuite never adds them.

The names are read from the model file's attribute database (CQDB, crfsuite's ``crf1dm`` format): pycrfsuite's
``Tagger.info()`` would dump the whole model as text, two seconds for the English one.
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from sys import byteorder

from kg.errors import DataFileError

Known = frozenset[str] | None  # a model's attributes, or None: keep every feature (training)
Feature = str | bytes  # bytes: a feature filtered for tagging, already encoded for crfsuite
_HEADER = struct.Struct("<4sI4sIIIIIIIII")  # magic, size, type, version, counts, then the sections' offsets
_CQDB = struct.Struct("<4sIIIII")  # chunk id, size, flags, byte order, backward array size and offset


def model_attributes(path: Path) -> frozenset[str]:
    """Every attribute name in the crfsuite model at ``path``, read anew each call (a model retrained to the
    same path must not be tagged with its predecessor's names; ``CrfModel`` keeps them per opened model)."""
    data = path.read_bytes()
    magic, *_counts, _features, _labels, off_attrs, _labelrefs, _attrrefs = _HEADER.unpack_from(data, 0)
    chunk, _size, _flags, _order, count, backward = _CQDB.unpack_from(data, off_attrs)
    if magic != b"lCRF" or chunk != b"CQDB":
        raise DataFileError(f"{path}: not a crfsuite model")
    offsets = array("I", data[off_attrs + backward:off_attrs + backward + 4 * count])
    if byteorder != "little":
        offsets.byteswap()
    names = []
    for offset in offsets:
        if offset:  # a record: int32 id, uint32 key size (with its NUL), the key
            record = off_attrs + offset
            start = record + 8
            size = int.from_bytes(data[start - 4:start], "little")
            names.append(data[start:start + size - 1].decode("utf-8"))
    return frozenset(names)


def known_only(features: Callable[..., tuple], maxsize: int) -> Callable[..., tuple]:
    """``features(*args)`` (a word's feature strings, or a tuple of such tuples) restricted to a model's
    attributes and encoded as UTF-8, as crfsuite reads them (pycrfsuite encodes a str on every call, a fifth
    of tagging time), cached by the arguments; with ``known`` None, the features as they are. This is the
    featurizers' only cache of a word's features, for training (``known`` None) as for tagging."""

    @lru_cache(maxsize=maxsize)
    def restricted(known: Known, *args: str) -> tuple:
        value = features(*args)
        if known is None:
            return value
        if value and isinstance(value[0], tuple):
            return tuple(tuple(f.encode() for f in part if f in known) for part in value)
        return tuple(f.encode() for f in value if f in known)

    return restricted
