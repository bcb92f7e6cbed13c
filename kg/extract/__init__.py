"""Stage 3, extract: an ``AnalyzedArticle`` in; resolved entities and claims with evidence out.

Needs mentions, dates and quotes from nlp; adds coreference (titles and pronouns to people), entity
resolution (one entity per real-world thing, canonical names) and the six relations of GUIDELINES.md,
each claim carrying its evidence sentence, the rule that made it and a confidence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from kg.extract import decision
from kg.extract.aliases import unify_forms, without_articles
from kg.extract.place_names import unify_places
from kg.extract.spellings import unify_spellings
from kg.extract.candidates import Carried, by_rule, counterparts, implied_posts, propose
from kg.extract.context import SentenceView, build_views
from kg.extract.coordination import ahead_of, held_events
from kg.extract.features import ArticleFacts, features, reads_as_post
from kg.extract.coref import person_refs
from kg.extract.entities import (build_entities, ensure_entity, resolve_event_references, stray, unify_events,
                                 unify_people, without_initials)
from kg.extract.occasions import Occasions
from kg.extract.qualifiers import date_occasions, fallback_qualifiers
from kg.extract.quotes import quoted
from kg.extract.posts import as_written, former_post, holds_position, is_minister, listed, post_kind, post_rule, titled
from kg.extract.scenes import across, hearing, sides
from kg.extract.relations import attends, cooperates, meets, present, signs, the_two
from kg.model import AnalyzedArticle, Article, Claim, Entity, Evidence, ExtractedArticle, Sentence
from kg.nlp import gazetteer, lexicon
from kg.relations import REGISTRY, claim_key


__all__ = ["run", "propose_all", "decide", "Proposals"]


@dataclass
class Proposals:
    """Every candidate claim of one article, the rules' and the general ones, before the model decides."""

    article: Article
    sentences: list[Sentence]
    entities: dict[str, Entity]
    views: list[SentenceView]
    facts: ArticleFacts
    claims: list[Claim]

    def features(self, claim: Claim) -> list[str]:
        return features(claim, self.views[claim.evidence.sentence], self.facts)


def run(analyzed: AnalyzedArticle, model: decision.RelationModel | None = None, *, rules_only: bool = False) -> ExtractedArticle:
    """Candidates from the rules and from every allowed pair, accepted or rejected by the trained model (the
    bundled one unless ``model`` is given); ``rules_only`` keeps the rules' verdicts alone, as with no model."""
    return decide(propose_all(analyzed), None if rules_only else (model or decision.load()))


def decide(proposals: Proposals, model: decision.RelationModel | None) -> ExtractedArticle:
    """The claims the model accepts, each with its probability as confidence; without a model, the rules' claims."""
    kept: list[Claim] = []
    judged: list[tuple[Claim, list[str]]] = []
    for claim in proposals.claims:
        if model is None or claim.relation not in model.relations:
            if by_rule(claim.rule):
                kept.append(claim)
            continue
        judged.append((claim, proposals.features(claim)))
    scored: list[tuple[Claim, float, bool, list[str]]] = []
    if model is not None:
        probabilities = model.probabilities([(c.relation, c.subject, c.object, f) for c, f in judged])
        scored = [(c, p, model.accepts(c.relation, p, by_rule(c.rule)), f)
                  for (c, f), p in zip(judged, probabilities) if p is not None]
    listed = lists_of_principals([(c, accepted, features) for c, _p, accepted, features in scored])
    judged_kept = [(replace(c, confidence=round(p, 3)), f) for k, (c, p, accepted, f) in enumerate(scored)
                   if accepted or k in listed]
    features_of = {id(c): f for c, f in judged_kept}
    kept += [c for c, _f in judged_kept]
    claims = [shown(c, features_of.get(id(c), [])) for c in one_object_each(_dedupe(kept))]
    used = {key for c in claims for key in (c.subject, c.object, c.place) if key}
    entities = {key: e for key, e in proposals.entities.items() if key in used or not stray(e.name, e.type, e.aliases)}
    return ExtractedArticle(proposals.article, proposals.sentences, entities, claims)


def shown(claim: Claim, features: list[str]) -> Claim:
    """The claim as the claims file and the graph show it, once the model has decided. A general candidate's
    role is the words between the person and the body; where they read as a clause, not a title ("said in a
    Facebook post", "stressed": ``reads_as_post``), the post is shown with no role (GUIDELINES: the role is the
    title as written). Of the roles of accepted general posts in the cross-validation of the 450 articles, 49
    were such clauses, and 3 of them held the annotated title among other words. Applied after the decision,
    so that what is kept does not change with what is shown (a former post is told by its role). A post left
    with no role shows the title its person was given before the name elsewhere (``posts.titled``): on the train
    articles' cross-validation, role accuracy 0.835 -> 0.845 (12 posts gained a role, 7 of them annotated)."""
    if claim.role and not by_rule(claim.rule) and not reads_as_post(features):
        claim = replace(claim, role=None)
    if not claim.role and claim.title:
        claim = replace(claim, role=claim.title)
    return as_written(claim)


def lists_of_principals(scored: list[tuple[Claim, bool, list[str]]]) -> set[int]:
    """The positions of scored candidates (claim, accepted, features) that ``decision.whole_lists`` adds to
    the accepted: meetings between two people of a list of principals."""
    at = [k for k, (c, _a, f) in enumerate(scored) if c.relation == "meets" and "stype=Person" in f and "otype=Person" in f]
    pairings = [decision.Pairing(c.evidence.sentence, frozenset((c.subject, c.object or "")), accepted, "two-sides" in f)
                for c, accepted, f in (scored[k] for k in at)]
    return {at[k] for k in decision.whole_lists(pairings)}


def one_object_each(claims: list[Claim]) -> list[Claim]:
    """Of several accepted claims of a ``single`` relation with one subject, the most confident stays: a
    person holds one post in an article, besides the posts held before (``former_post``). In the 450
    annotated articles 1,537 of the 1,578 people given a post hold one (none holds posts for two countries);
    in cross-validation a second post the model accepted for someone was right 2 times in 19."""
    best: dict[tuple[str, str], Claim] = {}
    for c in claims:
        if REGISTRY[c.relation].single and not former_post(c):
            kept = best.get((c.relation, c.subject))
            if kept is None or c.confidence > kept.confidence:
                best[(c.relation, c.subject)] = c
    return [c for c in claims
            if not REGISTRY[c.relation].single or former_post(c) or best[(c.relation, c.subject)] is c]


def propose_all(analyzed: AnalyzedArticle) -> Proposals:
    article = analyzed.article
    language = article.language
    lex = lexicon.load(language)
    words = lexicon.event_references().kinds
    analyzed = unify_events(resolve_event_references(unify_places(unify_forms(unify_people(unify_spellings(without_articles(analyzed))))), words, _event_heads(language)), words)
    analyzed = unify_events(analyzed, words, "Agreement")
    analyzed = without_initials(analyzed)
    refs = person_refs(analyzed)
    entities = build_entities(analyzed)
    if article.dateline_place:
        _dateline_entity(entities, article.dateline_place, language)
    views = build_views(analyzed, refs, lex)
    claims: list[Claim] = []
    bodies: dict[str, str] = {}
    ministers: set[str] = set()
    anaphors = {(r.start, r.end): (r.key, r.how) for r in refs if r.how in ("title-anaphor", "title-apposition")}
    posts = [(m, body, role, post_rule(how), 0.9) for m, body, role, how in holds_position(analyzed.mentions, language, article.text)]
    posts += [(replace(m, key=anaphors[(m.start, m.end)][0]), m.body, m.role, f"holds_position:{anaphors[(m.start, m.end)][1]}", 0.7)
              for m in analyzed.mentions if m.type == "Title" and (m.start, m.end) in anaphors]
    posts += [(m, body, role, "holds_position:listed", 0.6) for m, body, role in listed(analyzed.mentions, article.text, language)]
    for mention, body, role, rule, confidence in posts:
        if ensure_entity(entities, body, language) is None:
            continue
        sentence = analyzed.sentences[mention.sentence]
        claims.append(Claim("holds_position", mention.key, body, Evidence(sentence.index, sentence.start, sentence.end, sentence.text),
                            rule, confidence, role=role))
        bodies.setdefault(mention.key, body)
        if is_minister(role):
            ministers.add(mention.key)
    spanned = date_occasions(views, entities, _event_heads(language))
    posts_in: dict[int, list[Claim]] = {}
    for claim in claims:
        posts_in.setdefault(claim.evidence.sentence, []).append(claim)
    last_event = last_agreement = previous_subject = None
    last_pair: tuple[str, str] | None = None  # the two countries named last together
    last_bodies: tuple[str, str] | None = None  # the two bodies or countries named last together
    last_people: list[str] = []
    recent: dict[str, None] = {}  # people by last mention, most recent last
    people_phrases, presence, pair_phrases = lex.phrases("people"), lex.phrases("presence"), lex.phrases("pair")
    occasions = Occasions(lex.phrases("occasion"))
    carried = Carried(_event_heads(language), _agreement_heads(language), lexicon.event_references())
    for view in views:
        two_people = the_two(view, people_phrases, last_people, list(recent), ministers)
        here = [*meets(view, entities, bodies), *signs(view, entities, last_agreement, bodies, two_people, last_pair),
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
        here += cooperates(view, previous_subject, last_pair, bodies, last_bodies, pair_phrases)
        here += quoted(view, refs, analyzed)
        general = propose(view, carried, [*here, *posts_in.get(view.sentence.index, [])])
        occasions.lend(view, general)
        carried.update(view)
        claims += here + general
        held = held_events(view)  # not "ahead of the 12th ADMM"
        if held:
            last_event = held[-1].key
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
    claims += _bilateral_parties([c for c in claims if by_rule(c.rule)], entities, language)
    others = counterparts(views, lex.phrases("counterpart"), lex.phrases("counterparts"))  # "X met his Indonesian counterpart": X is not Indonesia's
    claims += implied_posts(analyzed.mentions, views, claims, others)
    claims += sides(views, bodies, claims)
    claims += across(views, bodies, claims)
    claims += hearing(views, bodies, claims, {k: (e.type, e.name) for k, e in entities.items()})
    claims = [c for c in claims if c.subject != c.object and c.subject in entities
              and (c.object is None or c.object in entities) and _typed(c, entities)
              and not (c.relation == "holds_position" and c.object in others.get(c.subject, ()))]
    claims = titled(claims, analyzed.mentions)
    fallback_qualifiers(claims, entities, article, analyzed.times, views)
    for claim in claims:  # GUIDELINES: a multi-day event's attendance is dated by its first day
        if claim.relation == "attends" and claim.object in spanned:
            claim.date = entities[claim.object].date
    counts: dict[str, int] = {}
    for key in [m.key for m in analyzed.mentions if m.type not in ("Title", "Pronoun")] + [r.key for r in refs if r.how != "name"]:
        counts[key] = counts.get(key, 0) + 1
    together: dict[frozenset[str], int] = {}
    for view in views:
        keys = sorted({p.key for p in view.parties} | {m.key for m in [*view.events, *view.agreements]})
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                together[frozenset((a, b))] = together.get(frozenset((a, b)), 0) + 1
    ruled = {claim_key(c.relation, c.subject, c.object) for c in claims if by_rule(c.rule)}
    attended = frozenset(c.object for c in claims if c.relation == "attends" and c.object)
    posts: dict[str, set[tuple[str, tuple[bool, str]]]] = {}
    for c in claims:
        if c.relation == "holds_position" and c.object and c.role and c.rule.count(":") < 2:  # a title's, not a guess's
            posts.setdefault(c.object, set()).add((c.subject, post_kind(c.role, language)))
    facts = ArticleFacts(language, entities, analyzed.quotes, len(analyzed.sentences), bodies, counts, together, ruled,
                         attended, _dateline_country(article.dateline_place), posts)
    return Proposals(article, analyzed.sentences, entities, views, facts, claims)


@lru_cache(maxsize=None)
def _agreement_heads(language: str) -> frozenset[str]:
    """Agreement heads that are one word ("MoU", "perjanjian", "treaty"); "kerja sama ini" is cooperation, not
    a document, so the words of longer heads are left out."""
    lex = lexicon.load(language)
    return frozenset(key[0] for key, (etype, _p) in [*lex.heads.items(), *lex.lower_heads.items()]
                     if etype == "Agreement" and len(key) == 1)


@lru_cache(maxsize=None)
def _event_heads(language: str) -> frozenset[str]:
    """The words of event head words ("Conference", "pertemuan", "sidang umum")."""
    lex = lexicon.load(language)
    heads = [key for key, (etype, _position) in lex.heads.items() if etype == "Event"]
    heads += [key for key, (etype, _alone) in lex.lower_heads.items() if etype == "Event"]
    meeting_words = [key for key, relation in lex.triggers.items() if relation == "meets" and len(key) == 1]
    return frozenset(word for key in [*heads, *meeting_words] for word in key)


def _typed(claim: Claim, entities: dict[str, Entity]) -> bool:
    """The claim's arguments have types its relation allows (GUIDELINES: the table of claims)."""
    spec = REGISTRY[claim.relation]
    if entities[claim.subject].type not in spec.subject_types:
        return False
    return claim.object is None if not spec.object_types else (claim.object is not None and entities[claim.object].type in spec.object_types)


def _bilateral_parties(claims: list[Claim], entities: dict[str, Entity], language: str) -> list[Claim]:
    """The two countries a bilateral event is named after attend it when anyone is said to: "Konsultasi
    Bilateral ... Indonesia-Australia ke-8", "Indonesia-Australia Ministerial Council"."""
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
    of the Ministerial Council" (GUIDELINES: attends); not one they met ahead of ("ahead of the 12th ADMM",
    "menjelang KTT"; ``lexicons/meeting_words.tsv``, kind before)."""
    meetings = [c for c in claims if c.relation == "meets"]
    if not meetings or not view.events:
        return []
    first_trigger = view.first("meets")
    opens = first_trigger.end if first_trigger else view.sentence.start
    events = [m for m in view.events if (first_trigger is None or m.start > first_trigger.start)
              and not ahead_of(view, opens, m.start)]
    if not events:
        return []
    event = events[0].key
    people = dict.fromkeys(k for c in meetings for k in (c.subject, c.object) if k)
    return [Claim("attends", key, event, view.evidence(), "attends:meeting-at-event", 0.6,
                  date=meetings[0].date, place=meetings[0].place) for key in people]


def _dateline_entity(entities: dict[str, Entity], place: str, language: str) -> None:
    entry = gazetteer.load().by_alias(place)
    if entry is not None:
        ensure_entity(entities, entry.key, language)


def _dateline_country(place: str | None) -> str:
    """The country a dateline names or holds the city of ("SINGAPORE:", "Jakarta -"), "" where none is known."""
    entry = gazetteer.load().by_alias(place) if place else None
    return entry.country_key if entry is not None else ""


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per relation and pair: a rule's over a general candidate's, a title's, a dated one, the fullest
    role."""
    best: dict[tuple[str, str, str | None], Claim] = {}
    for claim in claims:
        key = claim_key(claim.relation, claim.subject, claim.object)
        kept = best.get(key)
        if kept is None or preference(claim) > preference(kept):
            best[key] = claim
    return list(best.values())


def preference(claim: Claim) -> tuple[bool, bool, bool, bool, int]:
    """Which of two claims of one fact to keep: a rule's verdict carries its role and qualifiers best, and of
    two candidates for a post the one a title proposed (``candidate:holds_position:title-host``) carries the
    title as its role, where a general candidate's role is the words before the person ("relayed his
    appreciation"); so does one whose role is the title written before the person's name (an implied post's),
    whichever of them the model accepts."""
    titled = claim.role is not None and claim.role == claim.title
    return (by_rule(claim.rule), ":title" in claim.rule, claim.date is not None, titled, len((claim.role or "").split()))
