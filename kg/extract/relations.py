"""Relation rules, one function per relation of GUIDELINES.md, each over one sentence view (posts, which the
nlp stage's titles give, are in ``posts.py``).

Rules refuse rather than guess: a planned or negated event gives no claim, a meeting needs meeting language,
and a cooperation needs two named parties.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from kg.extract.context import Party, SentenceView, Trigger
from kg.extract.coordination import (PARTNER, ahead_of, coordinated, coordinated_subject, held_events, meeting_words,
                                     run_from)
from kg.extract.event_names import whose_event
from kg.extract.quotes import reporters
from kg.model import Claim, Entity, Mention
from kg.nlp import gazetteer
from kg.nlp.agreement_parties import party_words
from kg.nlp.lexicon import state_posts
from kg.relations import REGISTRY

# How far before a trigger (in characters) a modal word governs it; an invitation reaches past the invitees
# named between ("mengundang Menlu Jepang Taro Yamada untuk menghadiri ...", "invited X, Y and Z to attend").
MODAL_REACH = {"future": 30, "negation": 30, "invitation": 90}



def planned(view: SentenceView, trigger_start: int) -> bool:
    """A future, negated or invited-to trigger: "akan bertemu", "dijadwalkan menandatangani", "will sign",
    "diundang menghadiri" (GUIDELINES: invited is not present), and a trigger tied by "before"/"after" to a
    planned one: "He will pay a visit to the Sultan before meeting with X"."""
    if any(0 <= trigger_start - t.end < MODAL_REACH.get(t.relation, 0) for t in view.triggers):
        return True
    tied = any(t.relation == "sequence" and 0 <= trigger_start - t.end <= 1 for t in view.triggers)  # "before meeting"
    return tied and any(t.relation == "future" and t.end <= trigger_start for t in view.triggers)


def witnessed(view: SentenceView) -> list[tuple[int, int]]:
    """Where the sentence names the witnesses of a signing, who do not sign (GUIDELINES): after "disaksikan
    oleh" / "witnessed by" up to the next signing word, and before "menyaksikan" / "witnessed" back to the
    signing word before it ("Presiden X menyaksikan penandatanganan MoU antara A dan B")."""
    signing = [t for t in view.triggers if t.relation == "signs"]
    spans = []
    for t in view.triggers:
        if t.relation == "witnessed_by":
            stop = min((s.start for s in signing if s.start > t.end), default=view.sentence.end)
            spans.append((t.end, stop))
        elif t.relation == "witnessing":
            start = max((s.end for s in signing if s.end <= t.start), default=view.sentence.start)
            spans.append((start, t.start))
    return spans


def witness(party: Party, spans: list[tuple[int, int]]) -> bool:
    """The party is named where ``witnessed`` says the witnesses are."""
    return any(a <= party.start and party.end <= b for a, b in spans)


def reported_before(view: SentenceView, trigger: Trigger) -> bool:
    """A meeting noun that refers back ("pertemuan tersebut", "their meeting", "pertemuan yang kelima ini")."""
    return trigger.text in meeting_words("nominal") and _anaphoric_after(view, trigger.end)


def names_a_side(view: SentenceView, party: Party) -> bool:
    """"dari pihak Inggris": a side of a meeting, not a party that attends it."""
    return view.word_before(party.start) in SIDE_WORDS


def refusals(view: SentenceView) -> set[str]:
    """Relations a sentence must not state, whatever pairs it names (GUIDELINES): what is planned or negated.
    Rules and general candidates alike."""
    refused = set()
    for name, spec in REGISTRY.items():
        own = [t for t in view.triggers if t.relation in spec.triggers]
        if spec.dated and ((own and all(planned(view, t.start) for t in own))
                           or (not own and any(t.relation in ("future", "negation") for t in view.triggers))):
            refused.add(name)
    return refused


def told_again(view: SentenceView) -> bool:
    """Every meeting word of the sentence refers back to a meeting told before ("Dalam pertemuan tersebut, A
    dan B membahas ..."): no new meeting, so the rules pair only a list of those present at it ("Hadir dalam
    pertemuan tersebut A, B, C"), but the pairs it names may be ones the article tells nowhere else; its meeting
    candidates carry it as their kind (``candidates.propose``; until session 62 they were refused)."""
    meetings = [t for t in view.triggers if t.relation == "meets"]
    return bool(meetings) and all(reported_before(view, t) for t in meetings)


ANAPHORIC = frozenset({"tersebut", "ini", "itu"})
SIDE_WORDS = frozenset({"pihak"})


def _anaphoric_after(view: SentenceView, position: int) -> bool:
    """"ini"/"tersebut" right after a noun, or after "yang" and one more word ("pertemuan yang kelima ini")."""
    words = [t.text.lower() for t in view.tokens if t.start >= position][:3]
    return bool(words) and (words[0] in ANAPHORIC or (len(words) == 3 and words[0] == "yang" and words[2] in ANAPHORIC))


def _has_people(parties: list[Party]) -> bool:
    """True for a side made of people."""
    return any(p.type == "Person" for p in parties)


def _distinct(parties: list[Party]) -> list[Party]:
    seen: set[str] = set()
    out = []
    for p in parties:
        if p.key not in seen:
            seen.add(p.key)
            out.append(p)
    return out


def _principals(parties: list[Party]) -> list[Party]:
    """People where people are named; otherwise bodies and countries. Bodies inside a person's title are not principals."""
    people = [p for p in parties if p.type == "Person"]
    if people:
        return _distinct(people)
    return _distinct([p for p in parties if p.rule != "title-body"])


def meets(view: SentenceView, entities: dict[str, Entity], bodies: dict[str, str] | None = None) -> Iterator[Claim]:
    """Two parties meet, visit, receive or hold talks (GUIDELINES: meets); a coordination meeting pairs everyone
    but two people of one body (``bodies``: person -> the body of the post the rules gave them), who are one
    side ("Hadir dalam pertemuan itu Kepala BNN A, Sekretaris Utama BNN B, Deputi ... BNN C")."""
    bodies = bodies or {}
    trigger = _telling(view)
    if trigger is None:
        yield from _visited(view, entities)
        return
    if planned(view, trigger.start):
        return
    here = [p for p in view.parties if not view.venue(p)]
    before = _principals([p for p in here if p.end <= trigger.start])  # not where it happens: "di Pattaya, Thailand"
    after = _principals([p for p in here if p.start >= trigger.end])
    pairs: list[tuple[str, str]] = []
    attend = view.first("attends")
    nominal = trigger.text in meeting_words("nominal")
    present = attend and len(after) >= 3 and not _partnered(view, trigger, after[0])
    if reported_before(view, trigger) and not present:
        return  # "pertemuan tersebut", "pertemuan yang kelima ini": a meeting already reported where it was introduced
    reciprocal = trigger.text in meeting_words("reciprocal")
    if trigger.text in meeting_words("topical") and after and not _partnered(view, trigger, after[0]):
        after, reciprocal = [], True  # "A and B discussed the situation in Myanmar and Papua"
    together = coordinated(view, before) if len(before) >= 2 else []
    if present and len({p.type == "Person" for p in after}) == 1:
        pairs = [(a.key, b.key) for a, b in combinations(after, 2)  # "Hadir dalam rapat ini A, B, C"
                 if not (bodies.get(a.key) and bodies.get(a.key) == bodies.get(b.key))]
    elif nominal and len(after) >= 2 and view.word_before(trigger.start) not in PARTNER:
        pairs = [(after[0].key, after[1].key)]  # "pertemuan Kepala BNPT dan Menlu Inggris"
    elif (len(together) >= 2 and reciprocal and view.word_after(trigger.end) not in PARTNER
          and _has_people(together) and not _object(trigger, after)):
        pairs = _every_pair(together)  # "Retno dan Nikola bertemu di Beograd pada ..."
    elif before and after and nominal and _has_people(before) != _has_people(after):
        pass  # "Gemma Huggins ... dalam pertemuan ... Indonesia": a person and a body on either side of a noun
    elif before and after:
        if nominal and _in_a_meeting(view, trigger):
            subjects = run_from(view, before)  # "A membahas kunjungan B ke X dalam pertemuan bilateral dengan C"
        else:
            subjects = coordinated(view, before) if all(p.type == "Person" for p in after) else before[-1:]
        pairs = [(s.key, o.key) for s in subjects for o in after]  # "A and B hosted C and D"
    elif nominal and not after and coordinated_subject(view, before, trigger):
        pairs = [(before[-2].key, before[-1].key)]  # "BNPT dan Densus 88 menggelar rapat koordinasi"
    elif len(together) >= 2 and not after and reciprocal:
        pairs = _every_pair(together)  # "Andrews and Mahfud met in Jakarta"
    told = reporters(view, trigger)
    yield from _meetings(view, entities, trigger, [(a, b) for a, b in pairs if a not in told and b not in told])


IN_A_MEETING = frozenset({"dalam", "in", "during"})  # "dalam pertemuan dengan", "in a meeting with"


def _in_a_meeting(view: SentenceView, trigger: Trigger) -> bool:
    """A meeting noun in a phrase of circumstance with its partner after it ("dalam pertemuan bilateral dengan
    C", "in a meeting with C"): the meeting is the sentence's subject's, the first party it names, whoever the
    clause between names ("A membahas rencana kunjungan B ke X dalam pertemuan dengan C": A meets C)."""
    k = view.ending_by(trigger.start)
    return bool(IN_A_MEETING & {w.lower() for w in view.words[max(0, k - 2):k]}) and view.word_after(trigger.end) in PARTNER


def _telling(view: SentenceView) -> Trigger | None:
    """The meeting word a sentence tells its meeting by: the first that is neither planned nor a reference back
    ("Dalam kunjungan tersebut, A diterima langsung B": "diterima"), else the first."""
    meetings = [t for t in view.triggers if t.relation == "meets"]
    return next((t for t in meetings if not planned(view, t.start) and not reported_before(view, t)),
                meetings[0] if meetings else None)


def _meetings(view: SentenceView, entities: dict[str, Entity], trigger: Trigger,
              pairs: list[tuple[str, str]]) -> Iterator[Claim]:
    """The meeting rule's claims of a sentence's pairs, dated and placed by the sentence or its event."""
    if not pairs:
        return
    date = view.time_near(trigger.start) or _event_date(view, entities)
    place = view.place() or _event_place(view, entities)
    for s, o in pairs:
        yield Claim("meets", s, o, view.evidence(), "meets:trigger", 0.7, date=date, place=place)


def _event_date(view: SentenceView, entities: dict[str, Entity]) -> str | None:
    for m in view.events:
        if entities.get(m.key) and entities[m.key].date:
            return entities[m.key].date
    return None


def _event_place(view: SentenceView, entities: dict[str, Entity]) -> str | None:
    for m in view.events:
        if entities.get(m.key) and entities[m.key].place:
            return entities[m.key].place
    return None


def the_two(view: SentenceView, phrases: frozenset[str], last_people: list[str], recent: list[str],
            ministers: set[str]) -> list[str]:
    """Who "the two ministers" / "kedua menteri" of this sentence are: the two ministers named last when the
    phrase says ministers ("He met President A and Foreign Minister B. The two foreign ministers ..." is the
    visitor and B), else the people of the last sentence that named two or more."""
    said = view.said(phrases)
    if not said:
        return []
    if any(word in phrase for phrase in said for word in state_posts("minister")):
        chosen = [key for key in reversed(recent) if key in ministers][:2]
        if len(chosen) == 2:
            return chosen
    return last_people[:2]


def _parties_open(view: SentenceView, agreement: Mention) -> int | None:
    """Where "antara" / "between" opens the parties an agreement names, inside its name or right after it
    (``lexicons/agreement_parties.tsv``)."""
    if view.word_before(agreement.end + 1) == "":
        return None
    between = party_words().between
    return next((t.start for t in view.tokens if agreement.start < t.start <= agreement.end + 1
                 and t.text.lower() in between), None)


def signs(view: SentenceView, entities: dict[str, Entity], last_agreement: str | None,
          bodies: dict[str, str], two_people: list[str] | None = None,
          last_pair: tuple[str, str] | None = None) -> Iterator[Claim]:
    """Each party to a signing signs the agreement; a person signing for a body brings the body (GUIDELINES: signs).

    A sentence listing several agreements after one signing word ("penandatanganan MoU A, Treaty B dan
    MoU C") has every party sign each; with no party named, the two countries the article just named sign."""
    trigger = view.first("signs")
    agreement = view.agreements[0].key if view.agreements else last_agreement
    if agreement is None:
        return
    agreements = [agreement]
    if trigger is None:
        # "Nota Kesepahaman antara Kepala BNPT dengan Panglima TNI": the agreement names its parties, in its
        # name (``nlp.agreement_parties``) or after it
        first = view.agreements[0] if view.agreements else None
        opens = _parties_open(view, first) if first is not None else None
        if opens is None:
            return
        parties = _distinct([p for p in view.parties if p.start > opens])
        rule = "signs:agreement-parties"
    else:
        if planned(view, trigger.start):
            return
        spans = witnessed(view)
        parties = _distinct([p for p in view.parties if not witness(p, spans) and (p.rule != "title-body" or not any(
            q.type == "Person" and q.start > p.start and q.start - p.end < 40 for q in view.parties))
            and not view.venue(p)])  # "di Kantor Kementerian Pertahanan RI"
        rule = "signs:trigger"
        listed = list(dict.fromkeys(m.key for m in view.agreements if m.start > trigger.start))
        if len(listed) > 1:
            agreements = listed
        if not parties and two_people:  # "The two foreign ministers clinched a MoU"
            parties = [Party(trigger.start, trigger.start, key, "Person", "people") for key in two_people]
            rule = "signs:the-two"
        elif not parties and last_pair and view.agreements:
            parties = [Party(trigger.start, trigger.start, key, "Country", "pair") for key in last_pair]
            rule = "signs:the-two-countries"
    signers: list[str] = []
    for p in parties:
        signers.append(p.key)
        if p.type == "Person" and p.key in bodies:
            signers.append(bodies[p.key])
    for key in agreements:
        entity = entities.get(key)
        date = view.time_near(trigger.start if trigger else view.sentence.start) or (entity.date if entity else None)
        place = view.place() or (entity.place if entity else None)
        for signer in dict.fromkeys(signers):
            yield Claim("signs", signer, key, view.evidence(), rule, 0.75 if rule == "signs:trigger" else 0.6,
                        date=date, place=place)


def present(view: SentenceView, entities: dict[str, Entity], last_event: str | None, phrases: frozenset[str]) -> Iterator[Claim]:
    """People who speak or act "on that occasion" ("Dalam kesempatan itu, X menekankan ...") take part in the
    event just named (GUIDELINES: attends)."""
    if last_event is None or view.events or view.has("attends"):
        return
    if not view.said(phrases):
        return
    event = entities.get(last_event)
    for key in dict.fromkeys(p.key for p in view.parties if p.type == "Person"):
        yield Claim("attends", key, last_event, view.evidence(), "attends:on-the-occasion", 0.6,
                    date=event.date if event else None, place=event.place if event else None)


def attends(view: SentenceView, entities: dict[str, Entity], last_event: str | None) -> Iterator[Claim]:
    """Parties present at, taking part in, hosting or leading a named event (GUIDELINES: attends)."""
    attend = view.first("attends")
    meeting = view.first("meets")
    held = held_events(view)  # not "menjelang KTT ASEAN"
    event = held[0].key if held else (last_event if attend and not view.events else None)
    if event is None or (attend is None and meeting is None):
        return
    trigger = attend or meeting
    assert trigger is not None
    if planned(view, trigger.start):
        return
    inside = [(m.start, m.end) for m in view.events]
    parties = [p for p in view.parties if not any(a <= p.start < b for a, b in inside)]
    parties = [p for p in parties if not names_a_side(view, p)
               and not view.venue(p)]  # "menghadiri KTT X di Istanbul, Turki"
    if attend is None:
        if ahead_of(view, meeting.end, held[0].start):  # type: ignore[union-attr]
            return
        parties = [p for p in parties if p.start > meeting.start]  # type: ignore[union-attr]
    people_bodies = [p for p in parties if p.rule == "title-body"]
    entity = entities.get(event)
    parties = [p for p in parties if p not in people_bodies and not whose_event(entity, entities.get(p.key))]
    for p in _distinct(parties):
        yield Claim("attends", p.key, event, view.evidence(), "attends:trigger" if attend else "attends:meeting", 0.7,
                    date=entity.date if entity else None, place=entity.place if entity else None)


def cooperates(view: SentenceView, previous_subject: str | None, last_pair: tuple[str, str] | None,
               people_bodies: dict[str, str] | None = None, last_bodies: tuple[str, str] | None = None,
               pair_phrases: frozenset[str] = frozenset()) -> Iterator[Claim]:
    """Two bodies or countries stated to cooperate (GUIDELINES: cooperates_with). With only a partner named
    ("kerja sama dengan Australia"), the other side is the body of the person speaking ("Menurut Eddy, ..."),
    else the body the text named last."""
    trigger = view.first("cooperates_with")
    if trigger is None or planned(view, trigger.start):  # "akan bekerja sama", "menjajaki kerja sama" (GUIDELINES)
        return
    bodies = [p for p in view.parties if p.type in ("Organization", "Country")]
    after = _distinct([p for p in bodies if p.start >= trigger.end])
    before = _distinct([p for p in bodies if p.end <= trigger.start])
    pairs: list[tuple[str, str]] = []
    if coordinated_subject(view, before, trigger):
        pairs = [(before[-2].key, before[-1].key)]  # "AS dan Indonesia harus terus bekerja sama ..., kata X"
    elif len(after) >= 2:
        run = run_from(view, after)  # "kerja sama antara A, B, dan C": each two of the list (GUIDELINES)
        pairs = _every_pair(run) if len(run) >= 3 else [(after[0].key, after[1].key)]
    elif len(after) == 1:
        speaker = next(((people_bodies or {}).get(p.key) for p in view.parties
                        if p.type == "Person" and (people_bodies or {}).get(p.key)), None)
        subject = before[-1].key if before else speaker or previous_subject
        if subject and subject != after[0].key:
            pairs = [(subject, after[0].key)]
    elif len(before) >= 2:
        pairs = [(before[0].key, before[1].key)]
    if not pairs:  # "kedua negara" are the two countries named last, "kedua instansi" the two bodies
        said = view.said(pair_phrases)
        countries = any(word in phrase for phrase in said for word in ("negara", "countries", "nations"))
        chosen = (last_pair if countries else last_bodies or last_pair) if said else None
        pairs = [chosen] if chosen else []
    for s, o in pairs:
        if not _own_country(s, o):
            yield Claim("cooperates_with", s, o, view.evidence(), "cooperates:trigger", 0.7)


def _every_pair(parties: list[Party]) -> list[tuple[str, str]]:
    """Each two of a list of distinct parties, in the list's order: those coordinated before a reciprocal meeting
    word ("A dan B bertemu"), or after a cooperation word ("kerja sama antara A, B, dan C"). A list before a
    cooperation word is left to its first two: "attended by China, Japan and South Korea, to bolster regional
    cooperation" names who came, not who cooperates. On the 450 annotated articles the cooperation lists after
    the word gave 4 pairs right and 2 wrong (a cooperation hoped for, whose first pair was already wrong), those
    before it 2 wrong."""
    return [(a.key, b.key) for a, b in combinations(parties, 2)]


def _visited(view: SentenceView, entities: dict[str, Entity]) -> Iterator[Claim]:
    """"A mengunjungi Gubernur B dan Sekretaris Daerah C", "X has visited the CSTO Secretariat": visiting a named
    body or person is meeting it, visiting a country or a place is not (GUIDELINES). Only a verb's object right
    after it and those coordinated with it are visited; a visit told by a noun ("kunjungan kerja", "on a visit
    to") dates and places the meetings told after it (``occasions``) and pairs nobody."""
    trigger = next((t for t in view.triggers if t.relation == "visit" and t.text in meeting_words("visiting")), None)
    if trigger is None or planned(view, trigger.start):
        return
    before = _principals([p for p in view.parties if p.end <= trigger.start])
    after = [p for p in view.parties if p.start >= trigger.end and not p.rule.startswith("title-")]  # not a title's body
    if not before or not _object(trigger, after, "Person", "Organization"):
        return  # nothing visited, or a country or a place
    visited = run_from(view, after)  # of one type with the first: no country joins a body visited
    yield from _meetings(view, entities, trigger, [(s.key, o.key) for s in coordinated(view, before) for o in visited])


def _object(trigger: Trigger, after: list[Party], *types: str) -> bool:
    """A person right after a meeting verb is whom its subjects met: "A and B met Hammouchi at ..."."""
    return bool(after) and after[0].type in (types or ("Person",)) and after[0].start - trigger.end < 40


def _partnered(view: SentenceView, trigger: Trigger, first: Party) -> bool:
    """"... melakukan pertemuan dwipihak dengan sejumlah kepala negara antara lain A, B, C": the list after
    "dengan" / "with" holds the partners of whoever meets them, not people present together."""
    return not PARTNER.isdisjoint(view.text_between(trigger.end, first.start).lower().split())


def _own_country(a: str, b: str) -> bool:
    """A country and one of its own bodies ("Indonesia" and Polri) are no two parties to a cooperation."""
    entries = gazetteer.load().entries
    for country, body in ((a, b), (b, a)):
        entry = entries.get(body)
        if country.startswith("country:") and entry is not None and entry.country and country == entry.country_key:
            return True
    return False
