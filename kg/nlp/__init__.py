"""Stage 2, nlp: an ``Article`` in; sentences, entity mentions, post titles, dates and quotes out.

Needs the cleaned text and language from ingest; adds everything the extract stage reasons over, with
character offsets into the article text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kg.model import AnalyzedArticle, Article, Mention
from kg.nlp import gazetteer, lexicon, ner
from kg.nlp.agreement_parties import with_parties
from kg.nlp.body_ends import bodies_without_people
from kg.nlp.appositions import with_appositions
from kg.nlp.capitalised import name_mentions
from kg.nlp.credits import without_credits
from kg.nlp.dates import find_times
from kg.nlp.gazetteer import norm_key
from kg.nlp.lexicon import Lexicon
from kg.nlp.heads import head_chunks
from kg.nlp.ner.clusters import load as load_clusters
from kg.nlp.ner import events as ner_events
from kg.nlp.ner.events import EventRecogniser
from kg.nlp.occasions import with_defined_acronyms, with_named_occasions, with_ordinal
from kg.nlp.proposals import model_mentions, propose
from kg.nlp.quotes import find_quotes
from kg.nlp.recognise import known_names, second_pass, sentence_mentions
from kg.nlp.signed import signed_documents
from kg.nlp.tokens import split_sentences
from kg.nlp.venues import with_venues
from kg.resources import load_table

__all__ = ["run"]


def run(article: Article, *, events: EventRecogniser | None | bool = True) -> AnalyzedArticle:
    """``events``: the recogniser of event and agreement names (True: the bundled one; None or False: the
    head-word rules alone, as when the model is being trained on other folds)."""
    gaz = gazetteer.load()
    lex = lexicon.load(article.language)
    sentences = split_sentences(article.text)
    # each pass sees the mentions already found in its sentence, kept per sentence so that a long article
    # costs time in proportion to its length
    chunks = [head_chunks(sentence.tokens, lex, gaz) for sentence in sentences]  # head-word names, read by three passes
    recogniser = ner.load(article.language)
    proposed = [propose(sentence.tokens, recogniser, lex) if recogniser else [] for sentence in sentences]
    bodies = [bodies_without_people(sentence.tokens, here, spans, gaz, lex)  # the event recogniser reads ``chunks`` as trained
              for sentence, here, spans in zip(sentences, chunks, proposed)]
    found: list[list[Mention]] = [sentence_mentions(sentence, article.text, gaz=gaz, lex=lex, chunks=here, proposed=spans)
                                  for sentence, here, spans in zip(sentences, bodies, proposed)]
    if recogniser is None:  # no trained model for this language: capitalised names, before surnames are sought
        for sentence, here in zip(sentences, found):
            here.extend(name_mentions(sentence, article.text, here, gaz=gaz, lex=lex))
    found = [with_venues(sentence, article.text, here, gaz) for sentence, here in zip(sentences, found)]
    everything = [m for here in found for m in here]
    acronyms = {**_bracketed_acronyms(everything), **{m.text: m for m in everything if m.rule == "acronym"}}
    people = known_names(everything)
    for sentence, here in zip(sentences, found):
        here.extend(second_pass(sentence, article.text, here, people=people, acronyms=acronyms, lex=lex))
    if recogniser is not None:  # after the second pass, so a defined acronym is never re-typed by the model
        for sentence, here, spans in zip(sentences, found, proposed):
            here.extend(model_mentions(sentence, article.text, here, proposed=spans, gaz=gaz, lex=lex))
    occasions = ner_events.load() if events is True else events or None
    if occasions is not None:
        found = [with_named_occasions(sentence, article.text, here, recogniser=occasions, language=article.language,
                                      chunks=named) for sentence, here, named in zip(sentences, found, chunks)]
    found = with_defined_acronyms(article.text, sentences, found, lex.generic_agreements)
    found = with_parties(sentences, article.text, [signed_documents(sentence, article.text, here, lex)
                                                    for sentence, here in zip(sentences, found)], lex)
    found = [without_credits(sentence, with_appositions(sentence, here, gaz=gaz, lex=lex, chunks=named))
             for sentence, here, named in zip(sentences, found, bodies)]
    case = load_clusters(article.language).case
    if article.language == "id":  # English surnames are often common words ("Charles Fries", "Condoleezza Rice")
        found = [[_without_common_tail(m, case, lex.headline_verbs) for m in here] for here in found]
    common = _with_english(article.language)
    kept = [m for here in found for m in here if not _no_body(m, article.text, lex) and not _common_words(m, common, lex)]
    named = {m.key for m in kept if m.rule != "name-again"}  # a short form stands for a person kept by name
    mentions = [with_ordinal(_one_memorandum(_as_country(m, gaz), lex), article.text) for m in kept
                if m.rule != "name-again" or m.key in named]
    mentions.sort(key=lambda m: (m.start, -m.end))
    times = find_times(article.text, sentences, published=article.published, language=article.language)
    return AnalyzedArticle(article, sentences, mentions, times, find_quotes(article.text))


_WEB = re.compile(r"\.(?:com|id|co\.id|net|org|go\.id)\b")
_BRACKETED = re.compile(r"\(([A-Z][A-Z0-9]{1,9})\)")  # "(PWNU)" inside a body's name


def _no_body(m: Mention, text: str, lex: Lexicon) -> bool:
    """A mention that names no actor: a kind of body ("Pemerintah Provinsi"), a news outlet ("Bernama",
    ``lexicons/news_outlets.tsv``) or a news site named by its domain ("diterima Tribunnews.com", which the
    recogniser may even take for a person), or a degree written without its full stops ("Boy Rafli Amar, MH",
    "Syafi'i, SH"), or a place's name naming a street or a ship ("Jalan Medan Merdeka Barat", "KRI Banda
    Aceh"), or a "person" or body whose first word is a ship's or a street's ("KRI Krait", "KRI Tarihu": the
    recogniser took the patrol ships of a coordinated patrol for people; 9 such nodes in the 450 annotated
    articles, none annotated)."""
    if m.type in ("Organization", "Person") and (_WEB.match(text, m.end) or _degree(m.text, lex)):
        return True
    flat = " ".join(m.text.lower().split())
    if flat in _news_outlets():
        return True
    if m.type == "Place" and _street_or_ship(text, m.start):
        return True
    if m.type in ("Person", "Organization") and flat.partition(" ")[0] in _not_place_before():
        return True
    return m.type == "Organization" and flat in lex.generic_bodies


@lru_cache(maxsize=1)
def _news_outlets() -> frozenset[str]:
    return frozenset(" ".join(row["outlet"].lower().split()) for row in load_table("lexicons/news_outlets.tsv"))


_WORD_BEFORE = re.compile(r"(\w+)\.?\s+$")


@lru_cache(maxsize=1)
def _not_place_before() -> frozenset[str]:
    return frozenset(row["word"] for row in load_table("lexicons/not_place_before.tsv"))


def _street_or_ship(text: str, start: int) -> bool:
    before = _WORD_BEFORE.search(text, max(0, start - 12), start)
    return before is not None and before.group(1).lower() in _not_place_before()


def _degree(text: str, lex: Lexicon) -> bool:
    return len(text) <= 8 and tuple(text.lower().replace(".", " ").split()) in _degrees(lex.language)


@lru_cache(maxsize=2)
def _degrees(language: str) -> frozenset[tuple[str, ...]]:
    """Degrees as their letters run together ("mh", "sik") and as written ("m", "h")."""
    listed = lexicon.load(language).degrees
    return frozenset(listed) | frozenset((("".join(k),) for k in listed))


_LETTERS = re.compile(r"[^\W\d_]{2,}")
COMMON = frozenset({"lower", "mixed", "mostly"})  # how the word clusters saw a common word written mid-sentence


def _common_words(m: Mention, case: dict[str, str], lex: Lexicon) -> bool:
    """A "person" whose every word running text writes in lower case ("Pertemuan", "Bahas Terorisme",
    "Lingkungan Hidup", "Soft Power"): a headline's or a title-case phrase's words, not a name. A short form
    of a person already named ("Bishop" after "Julie Bishop") stays.

    A word capitalised most of the time mid-sentence ("mostly") is a name's word when the recogniser or an
    English title found it: "President Trump", "Foreign Minister Bishop", "PM Mark Brown" (of such "people" in
    the 450 annotated articles, 12 were people and 4 not). After an Indonesian title it is more often a
    title-case headline's verb or noun ("Kapolda Temui ...", "Kepala Pusat ...": 3 people, 15 not), and a body's
    head word or a rank is no name in either language ("Executive Director of ASEANAPOL Secretariat")."""
    if m.type != "Person" or m.rule == "name-again":
        return False
    words = [w.lower() for w in _LETTERS.findall(m.name or m.text)]
    habits = [case.get(w) for w in words]
    if not words or not all(h in COMMON for h in habits):
        return False
    if lex.language == "en" and m.rule == "title-name" and len(words) == 1 and not (
            lex.post_word(words[0]) or (words[0],) in lex.title_modifiers):
        return False  # "President Bush", "Secretary Rice", "Secretary General Stock": a surname after an English title
    surname = (all(h == "mostly" for h in habits) and not (lex.language == "id" and m.rule == "title-name")
               and not any(w in lex.head_words or (w,) in lex.ranks for w in words))
    return not surname


@lru_cache(maxsize=None)
def _with_english(language: str) -> dict[str, str]:
    """How running text writes each word, in the article's language and, for words it does not know, in
    English: Indonesian news quotes English phrases in title case ("Mutual Evaluation", "Plenary Session"),
    which the Indonesian clusters never saw and the Indonesian recogniser takes for people."""
    case = load_clusters(language).case
    return case if language == "en" else {**load_clusters("en").case, **case}


_WORDS = re.compile(r"\S+")


def _bracketed_acronyms(mentions: list[Mention]) -> dict[str, Mention]:
    """Acronyms a body's name defines inside it: "Pengurus Wilayah Nahdlatul Ulama (PWNU) Jawa Timur", one
    mention of a branch, defines "PWNU", which later names the branch alone ("Pertemuan PWNU Jawa Timur ...")."""
    out: dict[str, Mention] = {}
    for m in mentions:
        if m.type == "Organization" and m.rule in ("gazetteer-branch", "head-word"):
            for acronym in _BRACKETED.findall(m.text):
                out.setdefault(acronym, m)
    return out


def _without_common_tail(m: Mention, case: dict[str, str], verbs: frozenset[str]) -> Mention:
    """An Indonesian person's name cut where a word that running text writes in lower case begins: a name run on
    into a title-case headline's verb ("Armuji Berharap Ada Sister City", "Abdullah II Minta Kerja Sama"). Of
    1,699 gold Indonesian person names and aliases in the annotated articles, 7 have such a word after their first.
    Headlines capitalise some verbs so often that the clusters saw them with a capital ("Prabowo Terima Surat",
    "Retno Adakan Pertemuan"): those are listed (``lexicons/id/headline_verbs.tsv``), and no gold name holds one."""
    if m.type != "Person" or m.rule == "name-again" or m.name and m.name != m.text:
        return m
    for found in list(_WORDS.finditer(m.text))[1:]:
        word = found.group().strip(".,'’")
        if len(word) > 3 and word.isalpha() and (case.get(word.lower()) == "lower" or word.lower() in verbs):
            text = m.text[:found.start()].rstrip(" ,")
            return replace(m, end=m.start + len(text), text=text, name=text, key=f"person:{norm_key(text)}")
    return m


@lru_cache(maxsize=1)
def _government_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words before and after a country's name, longest first ("government of the" before "government of")."""
    rows = sorted(load_table("lexicons/government_words.tsv"), key=lambda r: (-len(r["words"]), r["words"]))
    return (tuple(r["words"] for r in rows if r["position"] == "before"),
            tuple(r["words"] for r in rows if r["position"] == "after"))


def _as_country(m: Mention, gaz: gazetteer.Gazetteer) -> Mention:
    """"Pemerintah Turki", "Government of Malaysia", "the Australian government": the country acting, one node
    with the country (``lexicons/government_words.tsv``); a region's government stays a body."""
    if m.type != "Organization":
        return m
    words = " ".join((m.name or m.text).split())
    low = words.lower()
    before, after = _government_words()
    rest = next((words[:-len(tail) - 1] for tail in after if low.endswith(" " + tail)), None) or next(
        (words[len(lead) + 1:] for lead in before if low.startswith(lead + " ")), None)
    if not rest:
        return m
    rest = rest[4:] if rest.lower().startswith("the ") else rest
    key = gaz.adjectives.get(rest.lower())
    entry = gaz.by_alias(rest)
    if entry is not None and entry.type == "Country":
        key = entry.key
    return replace(m, type="Country", key=key, name=rest) if key else m


def _one_memorandum(m: Mention, lex: Lexicon) -> Mention:
    """"nota kesepahaman", "MoU" and "Memorandum of Understanding" with nothing more: one agreement's names."""
    kind = lex.agreement_kind(m.text) if m.type == "Agreement" else None
    return replace(m, key=f"agreement:{kind}") if kind else m
