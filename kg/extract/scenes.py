"""Meetings told over several sentences: the scene the sentences of one meeting share (those present listed
after it, the list it opens, the partner a sentence names without its subject), the leaders of two sides each
told in a sentence of its own, two people told of in different sentences of meetings, and a parliamentary
hearing's two sides. Each gives meeting candidates (``candidates.py``) for the trained model to decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

from kg.extract.context import PARTY_TYPES, SentenceView, party_keys
from kg.extract.coordination import PARTNER, meeting_words, only_names
from kg.extract.relations import planned
from kg.model import Claim
from kg.nlp import gazetteer
from kg.nlp.tokens import tokenize
from kg.resources import committee_words

CANDIDATE = "candidate"  # the rule name of a claim no rule proposed: "candidate:meets"
SCENE = 2  # sentences after one telling of a meeting in which a list of those present still tells of it
SIDE_GAP = 6  # characters between a side's name and its leading word: "The United States was represented by"
MODAL = frozenset({"future", "negation", "invitation"})  # trigger kinds that say a fact is not (yet) so


@dataclass
class Scene:
    """The people of the meeting being told: "Tampak hadir A, B. Selain itu, hadir juga C dan D." lists the
    principals of one meeting over two sentences, with its convener in the sentence before ("X mengumpulkan
    sejumlah pejabat") or further back when the list points to it ("Rapat itu dihadiri oleh ...")
    (GUIDELINES: in a coordination meeting each body is its own side, and each pair of principals meets; at a
    named event they attend instead, so whether one is near is part of the candidate's kind). A sentence of the
    meeting that opens a list ("Adapun duta besar yang diterima oleh Presiden X antara lain:") has its guests
    on the lines that follow, one an item ("- Y, Duta Besar ..."): each meets the scene's first person, its
    host, not those who accompany the host."""

    members: list[str] = field(default_factory=list)  # the people told of so far, in order
    last: int = -10  # the last sentence that told of the meeting
    named: bool = False  # a named event is told of in the scene
    listing: bool = False  # the last sentence that told of it opened a list (": ") whose items follow

    def pairs(self, view: SentenceView, points_back: bool, event_near: bool) -> list[tuple[str, str, str]]:
        """(member, person of this sentence, kind) for a list of those present that goes on the scene, or an
        item of the list a sentence of the meeting opened ("... yang diterima oleh Presiden X antara lain:" and
        a line "- Y, Duta Besar ..." for each guest, or the next sentence opening with "Seperti", "Yakni": "X
        bertemu dengan Menlu negara-negara Pasifik. Seperti Menlu A, Menlu B dan Menlu C."), or the partner of a
        meeting whose sentence names no one before its meeting word, the scene's first person being its subject
        ("Pertemuan selanjutnya dengan Menlu Y ...")."""
        host = self.members[0] if self.members else None  # the scene's first person: its host or subject
        if self._item(view) or self._continued(view):
            return [(host, person, "listed") for person in people_of(view) if host and person != host]
        subjectless = self._subjectless(view, points_back)
        if subjectless and host:
            return [(host, person, "subjectless") for person in subjectless]
        if not (view.has("attends") and tells_of_meeting(view) and self._goes_on(view, points_back)):
            return []
        here = people_of(view)
        kind = "scene-named" if self.named or view.events or event_near else "scene"
        return [(member, person, kind) for member in self.members for person in here if person != member]

    def _item(self, view: SentenceView) -> bool:
        return self.listing and _BULLET.match(view.sentence.text) is not None  # listing ends at any other sentence

    def _continued(self, view: SentenceView) -> bool:
        """The sentence right after one telling of the meeting, opening with a word that gives examples and
        then a title or a name ("Seperti Menlu A, ...", not "Seperti biasa, ...")."""
        if not self.members or view.sentence.index - self.last != 1 or view.has("meets") or view.has("attends"):
            return False
        tokens = view.tokens
        return any(tuple(view.words[:len(p)]) == p and len(tokens) > len(p) and tokens[len(p)].text[:1].isupper()
                   for p in _openers())

    def _subjectless(self, view: SentenceView, points_back: bool) -> list[str]:
        """The people "dengan" / "with" names after a meeting word when no party stands before it, in a scene
        that goes on: the partners of the meeting whose subject the sentence leaves out."""
        trigger = view.first("meets")
        if not self.members or trigger is None or not tells_of_meeting(view) or not self._goes_on(view, points_back) \
                or planned(view, trigger.start):
            return []
        if any(p.start < trigger.start for p in view.parties if p.type in PARTY_TYPES):
            return []
        words = view.words
        first = view.starting_from(trigger.end)
        partner = next((k for k in range(first, len(words)) if words[k] in PARTNER), None)
        if partner is None:
            return []
        people = [p for p in view.parties if p.type == "Person" and p.rule != "title-body"
                  and view.tokens[partner].end <= p.start and _named_after(view, partner + 1, p.start)]
        return list(dict.fromkeys(p.key for p in people if p.key not in self.members))

    def update(self, view: SentenceView, points_back: bool) -> None:
        if self._item(view):
            self.last = view.sentence.index  # the list goes on; its items are the guests, not the hosts
            return
        opens = view.sentence.text.rstrip().endswith(":")
        self.listing = False
        if not tells_of_meeting(view):
            here = people_of(view)
            if opens and self.members and (self._goes_on(view, points_back) or self.members[0] in here):
                # "Adapun tamu yang diterima X antara lain:", or further on, naming the host again: "Berikut daftar
                # duta besar yang menyerahkan surat kepercayaan kepada Presiden X:"
                self.last, self.listing = view.sentence.index, True
                self.members += [person for person in here if person not in self.members]
            return
        self.listing = opens
        if not self._goes_on(view, points_back):
            self.members, self.named = [], False
        self.last = view.sentence.index
        self.named = self.named or bool(view.events)
        self.members += [person for person in people_of(view) if person not in self.members]

    def _goes_on(self, view: SentenceView, points_back: bool) -> bool:
        return view.sentence.index - self.last <= SCENE or points_back


def _named_after(view: SentenceView, first: int, position: int) -> bool:
    """Only names, titles and the words that join them stand from token ``first`` to ``position``: "dengan
    Menlu Monako X" or "with Minister A and Minister B", not "berkaitan dengan hubungan ..., ujar X"."""
    return only_names([t.text for t in view.tokens[first:view.ending_by(position)] if t.is_word])


@lru_cache(maxsize=1)
def _openers() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in meeting_words("examples"))


_BULLET = re.compile(r"^\s*(?:[-\u2013\u2022*\u00b7]|\d{1,2}[.)])\s+")  # an item of a list: "- X", "• X", "2. X"


def tells_of_meeting(view: SentenceView) -> bool:
    """The sentence tells of a meeting as done: meeting or attendance words, none of planning or refusal."""
    return (view.has("meets") or view.has("attends")) and not any(t.relation in MODAL for t in view.triggers)


def people_of(view: SentenceView) -> list[str]:
    """The sentence's people (not a title's body), as many as a sentence's pairs take."""
    return party_keys([p for p in view.parties if p.rule != "title-body"], ("Person",))


def _one_side(bodies: dict[str, str], a: str, b: str) -> bool:
    """Two people holding posts of one body are one side of a meeting (GUIDELINES: pair only across sides)."""
    return bodies.get(a) is not None and bodies.get(a) == bodies.get(b)


def sides(views: list[SentenceView], bodies: dict[str, str], proposed: list[Claim]) -> list[Claim]:
    """The leaders of a meeting's two sides, each told in a sentence of its own, meet ("The Indian delegation
    was headed by X. The Israeli delegation was co-led by Y."): a rule's claim for each two leaders of different
    sentences (``_side_leaders``) that no claim pairs yet, or of two leading words of one sentence that no rule's
    claim pairs (the sentence's general candidates pair them too)."""
    paired: dict[frozenset[str], bool] = {}  # pair -> whether a rule's claim pairs it
    for c in proposed:
        if c.relation == "meets" and c.object:
            key = frozenset((c.subject, c.object))
            paired[key] = paired.get(key, False) or not c.rule.startswith(CANDIDATE)
    leaders = _side_leaders(views)
    return [Claim("meets", a, b, views[max(leaders[a], leaders[b])[0]].evidence(), "meets:sides", 0.0)
            for a, b in combinations(sorted(leaders), 2)
            if leaders[a] != leaders[b] and not _one_side(bodies, a, b)
            and (frozenset((a, b)) not in paired if leaders[a][0] != leaders[b][0] else not paired.get(frozenset((a, b))))]


def across(views: list[SentenceView], bodies: dict[str, str], proposed: list[Claim]) -> list[Claim]:
    """Meetings whose two sides are told of in different sentences: "Dari BNPT hadir langsung Kepala BNPT X.
    Sementara dari CTU-Jepang dipimpin Y." or a host in the lead and the guest in a later sentence of the
    meeting ("Dalam pertemuan itu, Ketua PP Muhammadiyah Y mengatakan ..."). Each two people that sentences
    telling of a meeting name, and that no sentence pairs, are a candidate of kind "across" (evidence: the
    later of the two sentences), except two holding posts of one body, who are one side (GUIDELINES: pair
    only across sides). Whether they met is the model's to weigh, from what the article says of the two
    (``features._across``: where they stand among its people, their sides; how many sentences apart they are
    told of, tried too, lost on both the dev and the train articles). Such a meeting is dated as a claim whose
    sentence gives no date is (``qualifiers.fallback_qualifiers``): dated by the first sentence telling of a meeting
    that gives a date, these were right as often as wrong (the sentence's date is often another occasion's:
    "menjelang perayaan hari Natal 25 Desember")."""
    telling: dict[str, int] = {}  # person -> the first sentence telling of a meeting that names them
    for view in views:
        if tells_of_meeting(view):
            for person in people_of(view):
                telling.setdefault(person, view.sentence.index)
    paired = {frozenset((c.subject, c.object)) for c in proposed if c.relation == "meets" and c.object}
    out: list[Claim] = []
    for a, b in combinations(sorted(telling), 2):
        if frozenset((a, b)) in paired or _one_side(bodies, a, b):
            continue
        view = views[max(telling[a], telling[b])]
        out.append(Claim("meets", a, b, view.evidence(), f"{CANDIDATE}:meets:across", 0.0))
    return out


def _side_leaders(views: list[SentenceView]) -> dict[str, tuple[int, int]]:
    """Person -> (sentence, leading word) that names them leading or representing one side of a meeting: a
    delegation or side word, or the side's name just before, then a leading word, then the person ("delegasi
    Indonesia dipimpin oleh X", "The Indian delegation was headed by Y", "The United States was represented by
    Z"). Two such sentences, or two leading words of one ("The Pakistani side was led by X, while the Russian
    side was led by Y"), name the two sides, whose leaders meet (GUIDELINES: pair across sides)."""
    words = meeting_words("delegation")
    out: dict[str, tuple[int, int]] = {}
    for view in views:
        leads = [t for t in view.triggers if t.relation == "led_by"]
        for k, lead in enumerate(leads):
            start = leads[k - 1].end if k else view.sentence.start
            before = view.words[view.starting_from(start):view.ending_by(lead.start)]
            side = any(p.type in ("Country", "Organization") and not p.rule.startswith("title-")
                       and 0 <= lead.start - p.end <= SIDE_GAP  # a body named by its head's title is no side:
                       for p in view.parties)  # "Pangdam IX/Udayana, diwakili oleh X" is a deputy standing in
            if not (words & set(before) or side) or (k and not words & set(before)):
                continue  # a second leading word of a sentence needs a side word of its own
            end = min([t.start for t in view.triggers if t.relation == "accompany" and t.start >= lead.end]
                      + [t.start for t in leads[k + 1:]], default=view.sentence.end)  # "dipimpin oleh X didampingi Y"
            for p in view.parties:
                if p.type == "Person" and p.rule != "title-body" and lead.end <= p.start < end:
                    out.setdefault(p.key, (view.sentence.index, k))
    return out


_NUMBER = re.compile(r"^(?:[IVX]+|\d{1,2})$")
MAX_COMMITTEE = 4  # words of a committee's name: "Komisi III DPR RI"; a longer one ran on into a name


def committee(name: str) -> bool:
    """A parliamentary committee's name: a committee head word and a number ("Komisi III DPR RI")."""
    words = name.split()
    return 2 <= len(words) <= MAX_COMMITTEE and words[0].lower() in committee_words() and _NUMBER.match(words[1]) is not None


def hearing(views: list[SentenceView], bodies: dict[str, str], proposed: list[Claim],
            types: dict[str, tuple[str, str]]) -> list[Claim]:
    """A parliamentary hearing's two sides, told anywhere in the article (GUIDELINES: the committee and its
    members present are one side, the invited officials the other; pair across sides only): "Ketua Komisi III
    DPR RI X membuka rapat kerja dengan BNPT" and, paragraphs later, "rapat dengan mitra Komisi III lainnya,
    yakni Polri".
    Where the article names a committee and tells of a meeting, the committee and the people whose posts are
    in it or in the parliament that a sentence telling of the meeting names (its members present; one only
    quoted on it is not shown there) are one side; the bodies and people such a sentence names are the other
    ("Raker Komisi III dengan Jaksa Agung X", "rapat itu diikuti Kapolri Y, ...", "Dari KPU hadir ... Z"), with
    the people posted to those bodies. A body the article names only elsewhere is no guest, as a body of the
    members' questions ("kasus yang ditangani KPK"): on the 450 annotated articles the hearing candidates were
    right 17 times of 64 when every body the article named was a guest, 27 of 53 so. Each pair across that no
    candidate joins is a candidate of kind "hearing" (``types``: key -> (type, name) of the article's entities)."""
    committees = {k for k, (t, name) in types.items() if t == "Organization" and committee(name)}
    words = committee_words("hearing")
    if not any(words & set(view.words) and any(p.key in committees for p in view.parties) for view in views):
        return []  # no sentence names a committee with a word of a hearing ("rapat kerja", "RDP")
    gaz = gazetteer.load()
    parliament = set(committees)  # and the parliament a committee's name holds ("DPR" in "Komisi III DPR RI")
    for key in committees:
        tokens = tokenize(types[key][1])
        parliament |= {found[1].key for i in range(1, len(tokens))
                       if (found := gaz.match(tokens, i)) and found[1].type == "Organization"}
    named: dict[str, int] = {}  # key -> the first sentence naming it
    told: set[str] = set()  # the keys a sentence telling of a meeting names
    for view in views:
        for p in view.parties:
            named.setdefault(p.key, view.sentence.index)
        if tells_of_meeting(view):
            told.update(p.key for p in view.parties)
    factions = committee_words("faction")
    house = [k for k in named if k in committees  # a member is on the committee's side when told as present
             or (types.get(k, ("", ""))[0] == "Person" and bodies.get(k) in parliament and k in told)]
    guests = [k for k in named if k not in parliament and k not in house
              and types.get(k, ("", ""))[0] in ("Organization", "Person")
              and (k in told or (types[k][0] == "Person" and bodies.get(k) in told))
              and types[k][1].split()[0].lower() not in factions]
    paired = {frozenset((c.subject, c.object)) for c in proposed if c.relation == "meets" and c.object}
    out: list[Claim] = []
    for a in house:
        for b in guests:
            if frozenset((a, b)) in paired or bodies.get(b) in parliament:
                continue
            view = views[max(named[a], named[b])]
            kind = "hearing" if a in told and b in told else "hearing-half"  # or one only named elsewhere
            out.append(Claim("meets", a, b, view.evidence(), f"{CANDIDATE}:meets:{kind}", 0.0))
    return out

