"""Stage 3, extract: an ``AnalyzedArticle`` in; resolved entities and claims with evidence out.

Needs mentions, dates and quotes from nlp; adds coreference (titles and pronouns to people), entity
resolution (one entity per real-world thing, canonical names) and the six relations of GUIDELINES.md,
each claim carrying its evidence sentence, the rule that made it and a confidence.
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.context import SentenceView, build_views
from kg.extract.coref import person_refs
from kg.extract.entities import build_entities, ensure_entity, unify_events, unify_people
from kg.extract.occasions import Occasions
from kg.extract.quotes import quoted
from kg.extract.relations import attends, cooperates, holds_position, is_minister, meets, present, signs, the_two
from kg.model import AnalyzedArticle, Claim, Entity, Evidence, ExtractedArticle
from kg.nlp import lexicon

__all__ = ["run"]

SYMMETRIC = ("meets", "cooperates_with")


def run(analyzed: AnalyzedArticle) -> ExtractedArticle:
    article = analyzed.article
    language = article.language
    lex = lexicon.load(language)
    analyzed = unify_events(unify_people(analyzed))
    refs = person_refs(analyzed)
    entities = build_entities(analyzed)
    if article.dateline_place:
        _dateline_entity(entities, article.dateline_place, language)
    views = build_views(analyzed, refs, lex)
    claims: list[Claim] = []
    bodies: dict[str, str] = {}
    ministers: set[str] = set()
    anaphors = {(r.start, r.end): r.key for r in refs if r.how == "title-anaphor"}
    posts = [(m, body, role, "holds_position:title", 0.9) for m, body, role in holds_position(analyzed.mentions, language, article.text)]
    posts += [(replace(m, key=anaphors[(m.start, m.end)]), m.body, m.role, "holds_position:title-anaphor", 0.7)
              for m in analyzed.mentions if m.type == "Title" and (m.start, m.end) in anaphors]
    for mention, body, role, rule, confidence in posts:
        if ensure_entity(entities, body, language) is None:
            continue
        sentence = analyzed.sentences[mention.sentence]
        claims.append(Claim("holds_position", mention.key, body, Evidence(sentence.index, sentence.start, sentence.end, sentence.text),
                            rule, confidence, role=role))
        bodies.setdefault(mention.key, body)
        if is_minister(role):
            ministers.add(mention.key)
    _date_events(views, entities)
    last_event = last_agreement = previous_subject = None
    last_pair: tuple[str, str] | None = None  # the two countries named last together
    last_bodies: tuple[str, str] | None = None  # the two bodies or countries named last together
    last_people: list[str] = []
    recent: dict[str, None] = {}  # people by last mention, most recent last
    people_phrases, presence, pair_phrases = lex.phrases("people"), lex.phrases("presence"), lex.phrases("pair")
    occasions = Occasions(lex.phrases("occasion"))
    for view in views:
        two_people = the_two(view, people_phrases, last_people, list(recent), ministers)
        here = [*meets(view, entities), *signs(view, entities, last_agreement, bodies, two_people, last_pair),
                *attends(view, entities, last_event), *present(view, entities, last_event, presence)]
        named = list(dict.fromkeys(p.key for p in view.parties if p.type == "Person"))
        if len(named) >= 2:
            last_people = named
        for key in named:
            recent.pop(key, None)
            recent[key] = None
        occasions.lend(view, here)
        here += _meeting_of_event(view, here)
        occasions.record(view, here)
        claims += here
        claims += cooperates(view, previous_subject, last_pair, bodies, last_bodies, pair_phrases)
        claims += quoted(view, refs, analyzed)
        if view.events:
            last_event = view.events[-1].key
        if view.agreements:
            last_agreement = view.agreements[-1].key
        bodies_here = [p for p in view.parties if p.type in ("Organization", "Country")]
        if bodies_here:
            previous_subject = bodies_here[0].key
        distinct = list(dict.fromkeys(p.key for p in bodies_here if p.type == "Country"))
        if len(distinct) >= 2:
            last_pair = (distinct[0], distinct[1])
        bodies_named = list(dict.fromkeys(p.key for p in bodies_here))
        if len(bodies_named) >= 2:
            last_bodies = (bodies_named[0], bodies_named[1])
    claims += _bilateral_parties(claims, entities, language)
    claims = _dedupe([c for c in claims if c.subject != c.object and c.subject in entities
                      and (c.object is None or c.object in entities)])
    return ExtractedArticle(article, analyzed.sentences, entities, claims)


def _bilateral_parties(claims: list[Claim], entities: dict[str, Entity], language: str) -> list[Claim]:
    """The two countries a bilateral event is named after attend it when anyone is said to: "Konsultasi
    Bilateral ... Indonesia-Australia ke-8", "Indonesia-Australia Ministerial Council"."""
    from kg.nlp import gazetteer
    from kg.nlp.tokens import tokenize

    gaz = gazetteer.load()
    added: list[Claim] = []
    for claim in [c for c in claims if c.relation == "attends"]:
        event = entities.get(claim.object or "")
        if event is None or event.type != "Event" or any(a.subject.startswith("country:") and a.object == event.key for a in added):
            continue
        tokens = tokenize(event.name)
        countries = list(dict.fromkeys(found[1].key for k in range(len(tokens))
                                       if (found := gaz.match(tokens, k)) and found[1].type == "Country"))
        if len(countries) != 2:
            continue
        for country in countries:
            if ensure_entity(entities, country, language) is not None:
                added.append(Claim("attends", country, event.key, claim.evidence, "attends:bilateral-name", 0.6,
                                   date=claim.date, place=claim.place))
    return added


def _meeting_of_event(view: SentenceView, claims: list[Claim]) -> list[Claim]:
    """People who meet at a named event attend it: "Andrews and Mahfud met in Jakarta for the eighth meeting
    of the Ministerial Council" (GUIDELINES: attends)."""
    meetings = [c for c in claims if c.relation == "meets"]
    if not meetings or not view.events:
        return []
    first_trigger = view.first("meets")
    events = [m for m in view.events if first_trigger is None or m.start > first_trigger.start]
    if not events:
        return []
    event = events[0].key
    people = dict.fromkeys(k for c in meetings for k in (c.subject, c.object) if k)
    return [Claim("attends", key, event, view.evidence(), "attends:meeting-at-event", 0.6,
                  date=meetings[0].date, place=meetings[0].place) for key in people]


def _dateline_entity(entities: dict[str, Entity], place: str, language: str) -> None:
    from kg.nlp import gazetteer

    entry = gazetteer.load().by_alias(place)
    if entry is not None:
        ensure_entity(entities, entry.key, language)


def _date_events(views: list[SentenceView], entities: dict[str, Entity]) -> None:
    """Events and agreements take the date and place of the first sentence that gives them one."""
    for view in views:
        for mention in [*view.events, *view.agreements]:
            entity = entities.get(mention.key)
            if entity is None:
                continue
            if entity.date is None and view.times:
                entity.date = view.time_near(mention.start)
            if entity.place is None:
                entity.place = view.place()


def _dedupe(claims: list[Claim]) -> list[Claim]:
    best: dict[tuple[str, str, str | None], Claim] = {}
    for claim in claims:
        s, o = claim.subject, claim.object
        if claim.relation in SYMMETRIC and o is not None and o < s:
            s, o = o, s
        key = (claim.relation, s, o)
        kept = best.get(key)
        if kept is None or (kept.date is None and claim.date is not None) or _fuller_role(claim, kept):
            best[key] = claim
    return list(best.values())


def _fuller_role(claim: Claim, kept: Claim) -> bool:
    """The same post stated twice keeps its fullest title: "Menteri Luar Negeri" in the text over "Menlu" in
    the headline."""
    return bool(claim.role and kept.role and len(claim.role.split()) > len(kept.role.split()))
