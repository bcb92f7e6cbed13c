"""Where bundled files live, and one cached loader for the TSV data files.

In a source checkout the data sit at the top level (``data/``, ``ontology/``); in an installed wheel they
are copied into the package (``kg/_data``, ``kg/_ontology``). Everything else asks this module, so no stage
depends on the current directory.
"""

from __future__ import annotations

import csv
import hashlib
from functools import lru_cache
from pathlib import Path

from kg.errors import DataFileError

_PACKAGE = Path(__file__).resolve().parent


def _locate(installed: str, source: str) -> Path:
    inside = _PACKAGE / installed
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / source


def data_dir() -> Path:
    """The folder of gazetteers, lexicons, queries and the sample article."""
    return _locate("_data", "data")


def ontology_dir() -> Path:
    """The folder holding ``kg.ttl`` and ``shapes.ttl``."""
    return _locate("_ontology", "ontology")


def sample_article() -> Path:
    return data_dir() / "sample" / "bnpt-uk-joint-working-group.txt"


@lru_cache(maxsize=None)
def load_table(relative: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV data file under ``data/`` as dicts keyed by its header.

    Lines starting with ``#`` before the header are the file's provenance (source, licence, date). A row
    with the wrong number of fields is reported as ``file:line``.
    """
    path = data_dir() / relative
    if not path.is_file():
        raise DataFileError(f"{path}: data file not found; reinstall kg or restore the file")
    rows: list[dict[str, str]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [(n, line) for n, line in enumerate(fh, 1) if line.strip() and not line.startswith("#")]
    if not lines:
        raise DataFileError(f"{path}: no header row")
    header_line = lines[0][1]
    header = header_line.rstrip("\r\n").split("\t")
    for number, line in lines[1:]:
        fields = next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(fields) > len(header):
            raise DataFileError(f"{path}:{number}: {len(fields)} fields, header has {len(header)}")
        fields += [""] * (len(header) - len(fields))
        rows.append({key: value.strip() for key, value in zip(header, fields)})
    return tuple(rows)


def split_list(value: str) -> list[str]:
    """A ``|``-separated cell as a list, empty cells giving an empty list."""
    return [item.strip() for item in value.split("|") if item.strip()]


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A digest of kg's code and bundled data: an article is re-extracted when either changed, even if its
    text did not, so a store never mixes facts from two versions of the rules."""
    digest = hashlib.sha256()
    roots = [_PACKAGE, data_dir()]
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".tsv", ".rq", ".crfsuite", ".json") and "sample" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=None)
def committee_words(kind: str = "committee") -> frozenset[str]:
    """Head words of parliamentary committees (``lexicons/committees.tsv``), or with ``kind`` "hearing" the
    words of a hearing and with "faction" the first words of parties' names: a committee's hearings pair its
    side with the invited officials'."""
    return frozenset(row["word"].lower() for row in load_table("lexicons/committees.tsv") if row["kind"] == kind)


@lru_cache(maxsize=None)
def country_services() -> dict[str, str]:
    """Service word -> the word of the body's name it stands for when a country's name follows ("Polisi
    Singapura" is "Kepolisian Singapura"; ``lexicons/country_services.tsv``): a body, where the same word before
    a person's name is a rank's marker."""
    return {row["word"].lower(): row["body"] for row in load_table("lexicons/country_services.tsv")}


@lru_cache(maxsize=1)
def premises() -> frozenset[str]:
    """Words naming a body's premises before its name after a locative ("di Kantor", "at the headquarters of";
    ``lexicons/premises.tsv``): the body there is where something happened, not a party to it."""
    return frozenset(row["word"].lower() for row in load_table("lexicons/premises.tsv"))


@lru_cache(maxsize=1)
def post_links() -> tuple[tuple[str, ...], ...]:
    """Phrases that give the person before them the post after them, as lower-case words, longest first
    (``lexicons/post_links.tsv``: "selaku", "yang juga menjabat sebagai", "in his capacity as")."""
    phrases = {tuple(row["phrase"].lower().split()) for row in load_table("lexicons/post_links.tsv")}
    return tuple(sorted(phrases, key=lambda p: (-len(p), p)))


@lru_cache(maxsize=None)
def relaying_speakers(*kinds: str) -> frozenset[str]:
    """Words naming a speaker who is no named person ("statement", "officials", "it"; ``lexicons/relaying_speakers.tsv``),
    of the given kinds or all: a sentence that ends by giving its words to one quotes none of the people it names."""
    return frozenset(row["word"].lower() for row in load_table("lexicons/relaying_speakers.tsv")
                     if not kinds or row["kind"] in kinds)


@lru_cache(maxsize=None)
def function_words(language: str | None = None) -> frozenset[str]:
    """A language's function words in lower case (``lexicons/LANG/function_words.tsv``), or with no language
    both languages' (Indonesian news quotes English names): they tell the language of an article, and no post
    title ends with one ("of", "the", "dari")."""
    if language is None:
        return function_words("id") | function_words("en")
    return frozenset(row["word"].lower() for row in load_table(f"lexicons/{language}/function_words.tsv"))


@lru_cache(maxsize=1)
def clause_words() -> frozenset[str]:
    """The function words of both languages that belong to a clause, not to a name (``kind`` clause: "was",
    "has", "akan", "telah"): a name never runs on over one."""
    return frozenset(row["word"].lower() for language in ("id", "en")
                     for row in load_table(f"lexicons/{language}/function_words.tsv") if row["kind"] == "clause")
