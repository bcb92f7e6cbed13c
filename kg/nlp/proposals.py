"""Spans proposed by the statistical recogniser, corrected by the gazetteers and the title lexicon.

How the three combine: rules run first and win (a titled person, a listed agency, a head-word body are
never re-typed by the model); the model then proposes PER/ORG/LOC spans on the tokens the rules left
untouched; a proposal is trimmed of titles, ranks and honorifics, and typed by the gazetteer where the
gazetteer knows it (a listed country is a Country, a listed agency an Organization, whatever the model
said). What is left becomes a Person, Organization or Place mention keyed by its normalised name.
"""

from __future__ import annotations

from kg.model import Mention, Sentence
from kg.nlp.gazetteer import Gazetteer, norm_key
from kg.nlp.lexicon import Lexicon
from kg.nlp.ner import Recogniser
from kg.nlp.tokens import Token, tokenize

_TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}
_ENGLISH_LINKS = frozenset({"in", "of", "on", "for", "the", "and"})
_EDGE_PUNCT = frozenset(".,;:()[]\"'“”‘’-–—/")


def model_mentions(sentence: Sentence, text: str, taken: list[Mention], *, recogniser: Recogniser,
                   gaz: Gazetteer, lex: Lexicon) -> list[Mention]:
    tokens = tokenize(sentence.text, sentence.start)
    if not tokens:
        return []
    occupied = [(m.start, m.end) for m in taken]
    found: list[Mention] = []
    for start, end, label in recogniser.entities([t.text for t in tokens]):
        start, end = _trim(tokens, start, end, lex)
        if start >= end:
            continue
        span = tokens[start:end]
        first, last = span[0].start, span[-1].end
        if any(not (last <= a or first >= b) for a, b in occupied):
            continue
        if not span[0].is_cap or not any(t.is_word and t.is_cap and len(t.text) > 1 for t in span):
            continue
        if span[0].text.lower() in lex.not_names:
            continue
        if start > 0 and tokens[start - 1].text in _ENGLISH_LINKS:
            continue  # "(MLA) in Criminal Matters": the tail of an English name the rules cut, not a name
        words = tuple(t.text.lower() for t in span if t.text != ".")
        if words in lex.titles or words in lex.ranks or words in lex.pronouns or (len(words) == 1 and words[0] in lex.role_words):
            continue
        surface = text[first:last]
        name = " ".join(surface.split())
        match = gaz.match(tokens, start)
        if match and match[0] == end - start:
            etype, key = match[1].type, match[1].key
            rule = "model+gazetteer"
        else:
            etype = _TYPES[label]
            key = f"{'person' if etype == 'Person' else etype.lower()}:{norm_key(name)}"
            rule = "model"
        if not norm_key(name):
            continue
        found.append(Mention(first, last, surface, etype, sentence.index, key=key, name=name, rule=rule))
        occupied.append((first, last))
    return found


def _trim(tokens: list[Token], start: int, end: int, lex: Lexicon) -> tuple[int, int]:
    """Drop titles, ranks, honorifics and degrees at the front and punctuation at either edge."""
    while start < end:
        word = tokens[start].text.lower().rstrip(".")
        if tokens[start].text in _EDGE_PUNCT or (word,) in lex.ranks or (word,) in lex.titles or (word,) in lex.degrees or word in lex.honorifics:
            start += 1
        else:
            break
    while end > start and (tokens[end - 1].text in _EDGE_PUNCT or (tokens[end - 1].text.lower().rstrip("."),) in lex.degrees):
        end -= 1
    return start, end
