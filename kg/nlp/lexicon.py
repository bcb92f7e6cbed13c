"""The per-language lexicons of the nlp stage (titles, ranks, degrees, role words, heads), loaded once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from kg.nlp.gazetteer import phrase_prefixes, token_key
from kg.nlp.tokens import tokenize
from kg.resources import data_dir, load_table

LOCATIVE = frozenset({"di", "in", "at"})  # the words that say where something happened: "di Canberra", "in Bali"


@dataclass(frozen=True)
class Title:
    text: str
    kind: str  # head | compound
    body: str
    full: str = ""  # the title spelled out, which an abbreviation is read as ("Menlu": "Menteri Luar Negeri")


@dataclass(frozen=True)
class Lexicon:
    titles: dict[tuple[str, ...], Title]
    ranks: frozenset[tuple[str, ...]]  # ranks, honorifics, academic titles and service markers: none is a name
    degrees: frozenset[tuple[str, ...]]
    role_words: frozenset[str]
    heads: dict[tuple[str, ...], tuple[str, str]]  # head tokens -> (type, position)
    head_words: frozenset[str]
    triggers: dict[tuple[str, ...], str]
    trigger_prefixes: frozenset[tuple[str, ...]]
    title_prefixes: frozenset[tuple[str, ...]]
    rank_prefixes: frozenset[tuple[str, ...]]
    pronouns: dict[tuple[str, ...], str]
    not_names: frozenset[str]  # words that begin no person's name ("Nomor", "Gedung", "Tuhan")
    honorifics: frozenset[str]  # "Bapak", "Ibu", "Mr": before a name, never part of it
    longest_title: int
    longest_rank: int
    lower_case_titles: bool = False  # English writes "the BNPT chief", "the head of ..." in lower case
    lower_heads: dict[tuple[str, ...], tuple[str, bool]] = field(default_factory=dict)  # lower-case head -> (type, a name alone)
    lower_head_prefixes: frozenset[tuple[str, ...]] = frozenset()
    generic_bodies: frozenset[str] = frozenset()  # "pemerintah provinsi": a kind of body, no one body
    generic_agreements: dict[str, str] = field(default_factory=dict)  # "nota kesepahaman" -> "memorandum of understanding"
    # capitalised phrases that are no entity, by kind: "timezone" ("WIB"), "furniture" ("Story Text"), "before"
    # (a word that makes the name after it no person's: "Operation"), "leading" (words a name never starts with)
    not_entities: dict[str, str] = field(default_factory=dict)
    headline_verbs: frozenset[str] = frozenset()  # "Terima", "Adakan": a headline's verb, where a name has ended
    # a recurring meeting's or exercise's name, lower-cased -> as written: ("amm",) -> ("AMM",)
    event_series: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    longest_series: int = 0
    # words before a title that make another post of it, part of the role: "Wakil", "Plt", "Vice", "Acting"
    title_modifiers: frozenset[tuple[str, ...]] = frozenset()
    # titles a portfolio's role words may stand before ("Public Safety Minister"): ``portfolio_heads.tsv``
    portfolio_heads: frozenset[tuple[str, ...]] = frozenset()
    language: str = "id"
    # the ranks of armed forces and police ("Brigjen", "Rear Admiral"), not honorifics or markers: a name after
    # one is a person's
    service_ranks: frozenset[tuple[str, ...]] = frozenset()

    def phrases(self, kind: str) -> frozenset[str]:
        """The pronoun or trigger phrases of one kind ("people", "occasion", "accompany"), words joined by spaces."""
        return self._phrases.get(kind, frozenset())

    def agreement_kind(self, text: str) -> str | None:
        """The kind of agreement ``text`` names when it names nothing more ("nota kesepahaman", "MoU": "memorandum
        of understanding"; ``lexicons/generic_agreements.tsv``), whatever its case and spacing."""
        return self.generic_agreements.get(" ".join(text.lower().split()))

    def post_word(self, word: str) -> bool:
        """A word (lower case) that is a title, a rank, a role word or a body's head word: no word of a name."""
        return (word,) in self.titles or (word,) in self.ranks or word in self.role_words or word in self.head_words

    @cached_property
    def modifier_prefixes(self) -> frozenset[tuple[str, ...]]:
        """Leading parts of the title modifiers, for ``match_phrase`` as titles and ranks have theirs."""
        return phrase_prefixes(self.title_modifiers)

    @cached_property
    def longest_modifier(self) -> int:
        return max((len(k) for k in self.title_modifiers), default=1)

    @cached_property
    def _phrases(self) -> dict[str, frozenset[str]]:
        """The phrases of every kind, gathered once: each article asks for half a dozen kinds."""
        kinds: dict[str, set[str]] = {}
        for table in (self.triggers, self.pronouns):
            for key, value in table.items():
                kinds.setdefault(value, set()).add(" ".join(key))
        return {kind: frozenset(phrases) for kind, phrases in kinds.items()}


def _keys(rows: tuple[dict[str, str], ...], column: str) -> frozenset[tuple[str, ...]]:
    return frozenset(token_key(tokenize(row[column])) for row in rows)


def _optional(relative: str) -> tuple[dict[str, str], ...]:
    return load_table(relative) if (data_dir() / relative).is_file() else ()


@lru_cache(maxsize=None)
def _calendar_words(kind: str, languages: tuple[str, ...]) -> frozenset[str]:
    """The words of one kind ("month", "weekday") of the languages' calendar lexicons, in lower case."""
    return frozenset(row["word"].lower() for lang in languages for row in load_table(f"lexicons/{lang}/calendar.tsv")
                     if row["kind"] == kind)


def months(languages: tuple[str, ...] = ("id", "en")) -> frozenset[str]:
    """Month names of the calendar lexicons: a name does not run on over "in" or "on" into one ("Exercise
    Southern Lion in July")."""
    return _calendar_words("month", languages)


def weekdays(languages: tuple[str, ...] = ("id", "en")) -> frozenset[str]:
    """Weekday names of the calendar lexicons: they end a name ("Konferensi ASEANAPOL Kamis (8/11)": the day is
    no part of it) and begin none ("kata Mendag, Senin (15/5)")."""
    return _calendar_words("weekday", languages)


@lru_cache(maxsize=None)
def state_posts(*kinds: str) -> tuple[str, ...]:
    """The words a state's posts of these kinds begin with (``lexicons/state_posts.tsv``: "menteri", "minister",
    "president" ...), for ``str.startswith``."""
    return tuple(row["word"] for row in load_table("lexicons/state_posts.tsv") if row["kind"] in kinds)


@lru_cache(maxsize=1)
def unit_names() -> dict[str, str]:
    """Short forms of the kinds of Indonesian regional, police, military and prison bodies, spelled out as the
    annotators write them ("polda" -> "Kepolisian Daerah", "lanud" -> "Pangkalan TNI Angkatan Udara";
    ``lexicons/unit_names.tsv``)."""
    return {row["short"]: row["long"] for row in load_table("lexicons/unit_names.tsv")}


@lru_cache(maxsize=1)
def offices() -> dict[str, tuple[str, ...]]:
    """The offices a head title heads, as a body's name begins ("dirjen" -> "Direktorat Jenderal", "Ditjen";
    ``lexicons/offices.tsv``)."""
    out: dict[str, tuple[str, ...]] = {}
    for row in load_table("lexicons/offices.tsv"):
        out[row["title"]] = out.get(row["title"], ()) + (row["office"],)
    return out


@lru_cache(maxsize=1)
def spellings() -> dict[str, str]:
    """British spellings of words in body names, to their American ones ("defence" -> "defense";
    ``lexicons/en/spellings.tsv``)."""
    return {row["british"]: row["american"] for row in load_table("lexicons/en/spellings.tsv")}


@dataclass(frozen=True)
class EventReferences:
    """The words around an event's head word that name no particular event (``lexicons/event_references.tsv``)."""

    kinds: dict[str, str]  # lower-case word -> determiner | demonstrative | modifier | type
    before: frozenset[str]  # words that, before a head word, make it point back to one named before ("the meeting")
    after: frozenset[str]  # and after it ("pertemuan tersebut")


@lru_cache(maxsize=1)
def abbreviated_titles() -> tuple[tuple[str, str], ...]:
    """(abbreviation, the title spelled out) of the minister titles the Indonesian lexicon spells out
    ("Menlu", "Menteri Luar Negeri"), longest title first."""
    rows = {(title.text, title.full) for title in load("id").titles.values() if title.full}
    return tuple(sorted(rows, key=lambda r: (-len(r[1]), r)))


@lru_cache(maxsize=1)
def event_references() -> EventReferences:
    rows = load_table("lexicons/event_references.tsv")
    return EventReferences({row["word"].lower(): row["kind"] for row in rows},
                           frozenset(row["word"].lower() for row in rows if row["back"] == "before"),
                           frozenset(row["word"].lower() for row in rows if row["back"] == "after"))


@lru_cache(maxsize=None)
def load(language: str) -> Lexicon:
    """The lexicon of one language; Indonesian titles and ranks are known in English articles too, and English
    titles with their modifiers in Indonesian ones, which write a foreign official's post in English ("AFP
    Commander SEA, X", "Deputy Counsellor NSS Y": of the 43 annotated posts of the 450 articles whose role is
    such a title, the rules found 4 with two-word titles alone, 11 now); English ranks only of two words or more
    ("Rear Admiral X"), as one English rank word may begin a body's name ("General Border Committee")."""
    languages = ["id"] if language == "id" else [language, "id"]
    posts = ["id", "en"] if language == "id" else languages
    titles: dict[tuple[str, ...], Title] = {}
    ranks: set[tuple[str, ...]] = set()
    service: set[tuple[str, ...]] = set()
    degrees: set[tuple[str, ...]] = set()
    role_words: set[str] = set()
    triggers: dict[tuple[str, ...], str] = {}
    pronouns: dict[tuple[str, ...], str] = {}
    for lang in posts:
        for row in _optional(f"lexicons/{lang}/titles.tsv"):
            key = token_key(tokenize(row["title"]))
            titles.setdefault(key, Title(row["title"], row["kind"], row["body"], row.get("full") or ""))
        for row in _optional(f"lexicons/{lang}/ranks.tsv"):
            key = token_key(tokenize(row["rank"]))
            if lang in languages or len(key) > 1:
                ranks.add(key)
                if row["kind"] == "rank":
                    service.add(key)
    for lang in languages:
        degrees |= _keys(_optional(f"lexicons/{lang}/degrees.tsv"), "degree")
        role_words |= {row["word"].lower() for row in _optional(f"lexicons/{lang}/role_words.tsv")}
    for row in _optional(f"lexicons/{language}/triggers.tsv"):
        triggers[token_key(tokenize(row["phrase"]))] = row["relation"]
    for row in _optional(f"lexicons/{language}/pronouns.tsv"):
        pronouns[token_key(tokenize(row["phrase"]))] = row["refers"]
    series = {token_key(tokenize(row["name"])): tuple(t.text for t in tokenize(row["name"]) if t.text != ".")
              for row in load_table("lexicons/event_series.tsv")}
    head_rows = load_table("lexicons/heads.tsv")
    heads = {token_key(tokenize(row["head"])): (row["type"], row["position"]) for row in head_rows
             if not row["position"].startswith("lower")}
    lower_heads = {token_key(tokenize(row["head"])): (row["type"], row["position"] == "lower-name") for row in head_rows
                   if row["position"].startswith("lower")}
    return Lexicon(
        titles=titles, ranks=frozenset(ranks), degrees=frozenset(degrees), role_words=frozenset(role_words),
        heads=heads, head_words=frozenset(word for head in heads for word in head), triggers=triggers,
        trigger_prefixes=phrase_prefixes(triggers), title_prefixes=phrase_prefixes(titles),
        rank_prefixes=phrase_prefixes(ranks), pronouns=pronouns,
        # the article's own language only: Indonesian "Tim" (team) begins English names ("Tim Guldimann")
        not_names=frozenset(row["word"].lower() for row in _optional(f"lexicons/{language}/not_names.tsv"))
        | weekdays(tuple(languages)),
        honorifics=frozenset(row["word"] for row in load_table("lexicons/ner/person_cues.tsv") if row["cue"] == "honorific"),
        longest_title=max((len(k) for k in titles), default=1), longest_rank=max((len(k) for k in ranks), default=1),
        lower_case_titles=language == "en", lower_heads=lower_heads, lower_head_prefixes=phrase_prefixes(lower_heads),
        generic_bodies=frozenset(" ".join(row["phrase"].lower().split()) for lang in languages
                                 for row in _optional(f"lexicons/{lang}/generic_bodies.tsv")),
        generic_agreements={row["phrase"]: row["kind"] for row in load_table("lexicons/generic_agreements.tsv")},
        not_entities={" ".join(row["phrase"].lower().split()): row["kind"]
                      for row in _optional(f"lexicons/{language}/not_entities.tsv")},
        headline_verbs=frozenset(row["word"].lower() for row in _optional(f"lexicons/{language}/headline_verbs.tsv")),
        portfolio_heads=frozenset(token_key(tokenize(row["title"])) for row in _optional(f"lexicons/{language}/portfolio_heads.tsv")),
        event_series=series, longest_series=max((len(k) for k in series), default=0),
        title_modifiers=frozenset(modifier for lang in posts
                                  for modifier in _keys(_optional(f"lexicons/{lang}/title_modifiers.tsv"), "modifier")),
        language=language, service_ranks=frozenset(service),
    )
