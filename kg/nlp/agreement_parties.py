"""An agreement named with its parties: "MoU antara PTDI dan AIROD", "Memorandum of Understanding between the
Indonesian National Police and the Ministry of Interior of the Kingdom of Cambodia on Cooperation in ...".

The recognisers take the document's kind ("MoU", "Memorandum of Understanding") and leave its parties out, so an
article telling of the memoranda one ceremony signed with three police forces gave one node for all three, and the
annotators, who name each by its parties, matched none of them. Where an article names two documents or more so,
each is named with its parties and subject, and is its kind and its parties: the same two parties joined by "dan"
in one sentence and "dengan" in another are one document. An article's one memorandum keeps its kind's name, as
the annotators write it. The parties stay mentions of their own (a mention may hold others), so who signs is read
as before. Only "antara" / "between" opens the parties, inside a recognised name or right after it: "signed an MoU
with X" names a counterpart, not a document.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from kg.model import Mention, Sentence, Token
from kg.names import norm_key
from kg.nlp.heads import CONNECTORS, agreement_subject
from kg.nlp.lexicon import Lexicon, months, weekdays
from kg.nlp.titles import match_title
from kg.resources import load_table

PARTY_TYPES = ("Organization", "Country", "Person")
MAX_PARTIES = 6
MIN_DOCUMENTS = 2  # documents an article must name by their parties for the parties to name each


@dataclass(frozen=True)
class PartyWords:
    """The words of ``lexicons/agreement_parties.tsv``, by the part they play."""

    between: frozenset[str]
    joiners: frozenset[str]
    articles: frozenset[str]
    of: frozenset[str]
    openers: frozenset[str]


@lru_cache(maxsize=1)
def party_words() -> PartyWords:
    rows = load_table("lexicons/agreement_parties.tsv")

    def part(name: str) -> frozenset[str]:
        return frozenset(r["word"] for r in rows if r["part"] == name)

    return PartyWords(part("between"), part("joiner"), part("article"), part("of"), part("opener"))


def with_parties(sentences: list[Sentence], text: str, found: list[list[Mention]], lex: Lexicon) -> list[list[Mention]]:
    """The mentions of each sentence (``found``), each agreement named with the parties written after its kind
    when the article names two documents or more so: then the parties tell them apart, and the annotators write
    each so ("MoU antara PTDI dan AIROD", "MoU antara PTDI dan SMEA"). An article's one memorandum is named by
    its kind, as they write it ("Nota Kesepahaman"), and its other mentions join it. A document is its kind and
    its parties, however the article joins them: "Nota Kesepahaman antara BNN dengan PT X" and, further on,
    "Nota Kesepahaman antara BNN dan PT X" (or a recognised name that holds them already) are one."""
    words = party_words()
    named: list[dict[int, tuple[int, str]]] = []  # per sentence: position of an agreement mention -> (end, key)
    for sentence, here in zip(sentences, found):
        parties = sorted((m for m in here if m.type in PARTY_TYPES), key=lambda m: (m.start, -m.end))
        named.append({k: read for k, m in enumerate(here)
                      if m.type == "Agreement" and (read := _document(m, sentence.tokens, text, parties, words, lex))})
    if len({key for here in named for _end, key in here.values()}) < MIN_DOCUMENTS:
        return found
    return [[_named(m, *here_named[k], text) if k in here_named else m for k, m in enumerate(here)]
            for here, here_named in zip(found, named)]


def _named(m: Mention, end: int, key: str, text: str) -> Mention:
    name = text[m.start:end]
    return replace(m, end=end, text=name, name=name, key=key)


def _document(m: Mention, tokens: list[Token], text: str, parties: list[Mention], words: PartyWords,
              lex: Lexicon) -> tuple[int, str] | None:
    """(end, key) of an agreement named with its parties: "antara" / "between" inside its name or right after
    it, then two parties or more; the key is the document's kind and its parties' keys."""
    k = next((i for i, t in enumerate(tokens) if t.start > m.start and t.text.lower() in words.between
              and (t.end <= m.end or not text[m.end:t.start].strip())), None)
    if k is None:
        return None
    read = _parties_end(tokens, k, parties, words, lex)
    if read is None:
        return None
    end, keys = read
    written = text[m.start:tokens[k - 1].end]
    kind = lex.agreement_kind(written) or norm_key(written)  # "MoU" = "nota kesepahaman"
    return max(end, m.end), f"agreement:{kind} {norm_key(' '.join(sorted(keys)))}"


def _parties_end(tokens: list[Token], k: int, parties: list[Mention], words: PartyWords,
                 lex: Lexicon) -> tuple[int, set[str]] | None:
    """Where the parties named from the word at ``k`` on ("antara") end, with the document's subject after
    them, and the parties' keys; None for fewer than two."""
    j, keys, last = k + 1, set(), k
    while j < len(tokens) and len(keys) < MAX_PARTIES:
        j = _after_articles(tokens, j, words)
        titled = j + match_title(tokens, j, lex)  # "antara Kepala BNPT X dengan Panglima TNI Y"
        if titled > j and _party_at(parties, tokens, titled) is not None:
            j = titled
        party = _party_at(parties, tokens, j)
        if party is None:
            break
        keys.add(party.key)
        j = _index_from(tokens, party.end, j)
        while (more := _party_at(parties, tokens, j)) is not None or (
                j < len(tokens) and tokens[j].text.lower() in words.of
                and (more := _party_at(parties, tokens, _after_articles(tokens, j + 1, words))) is not None):
            j = _index_from(tokens, more.end, j)  # a title and its holder's name ("Kepala BNPT Suhardi Alius"), a
            # body and its country ("the Indonesian National Police of the Republic of Indonesia")
        if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 2].text == ")":
            j += 3  # "Pemerintah Republik Indonesia (RI) dan ..."
        last = j
        if j < len(tokens) and tokens[j].text.lower() in words.joiners:
            j += 1
        else:
            break
    if len(keys) < 2:
        return None
    return tokens[_subject_end(tokens, last, words) - 1].end, keys


def _party_at(parties: list[Mention], tokens: list[Token], j: int) -> Mention | None:
    """The longest party named from token ``j`` on."""
    if j >= len(tokens):
        return None
    return next((p for p in parties if p.start == tokens[j].start), None)


def _after_articles(tokens: list[Token], j: int, words: PartyWords) -> int:
    while j < len(tokens) and tokens[j].text.lower() in words.articles:
        j += 1
    return j


def _index_from(tokens: list[Token], position: int, j: int) -> int:
    while j < len(tokens) and tokens[j].start < position:
        j += 1
    return j


def _subject_end(tokens: list[Token], end: int, words: PartyWords) -> int:
    """After the parties, the document's subject: "tentang kerja sama pemberantasan kejahatan lintas negara",
    "on Cooperation in Preventing and Combating Transnational Crimes" (a title goes on over its joining words);
    not a day or month ("on Tuesday")."""
    if end + 1 >= len(tokens) or tokens[end].text.lower() not in words.openers:
        return end
    first = tokens[end + 1].text.lower()
    if first in weekdays() or first in months() or first[:1].isdigit():
        return end
    j = agreement_subject(tokens, end)
    if tokens[j - 1].is_cap:
        while j < len(tokens) and (_title_word(tokens[j]) or (
                tokens[j].text.lower() in CONNECTORS and j + 1 < len(tokens) and _title_word(tokens[j + 1]))):
            j += 1
    return j


def _title_word(token: Token) -> bool:
    return token.is_cap and token.is_word
