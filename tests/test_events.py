"""The recogniser of named events and agreements: trained on annotated articles by ``kg train-events``, it
finds names the head-word rules miss or cut, and its spans merge with the rules' in the nlp stage."""

from __future__ import annotations

import json
from pathlib import Path

from kg import nlp
from kg.cli import app
from kg.model import Article
from kg.nlp.ner.events import EventRecogniser

# Invented sentences of the genre: a named event that holds an agency's name, and an agreement.
_ARTICLES = {
    "a1": ("Delegasi Polri menghadiri Sidang Tahunan Kerja Sama Kepolisian ASEAN ke-7 di Manila. "
           "Kedua pihak juga menandatangani Nota Kesepahaman tentang Pertukaran Data Kejahatan.",
           [("Sidang Tahunan Kerja Sama Kepolisian ASEAN ke-7", "Event"),
            ("Nota Kesepahaman tentang Pertukaran Data Kejahatan", "Agreement")]),
    "a2": ("The delegation attended the Regional Maritime Security Dialogue in Jakarta on Monday. "
           "Both sides signed a Letter of Intent on Coast Guard Training.",
           [("Regional Maritime Security Dialogue", "Event"), ("Letter of Intent on Coast Guard Training", "Agreement")]),
}


def _annotated(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for doc, (text, names) in _ARTICLES.items():
        (folder / f"{doc}.txt").write_text(text, encoding="utf-8")
        gold = {"doc": doc, "language": "en" if doc == "a2" else "id", "published": None, "claims": [],
                "entities": [{"name": n, "type": t, "aliases": []} for n, t in names]}
        (folder / f"{doc}.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def test_train_events_writes_a_model_that_finds_the_annotated_names(runner, tmp_path):
    data = _annotated(tmp_path / "dev")
    model = tmp_path / "events.crfsuite"
    result = runner.invoke(app, ["train-events", "--data", str(data), "--out", str(model)])
    assert result.exit_code == 0, result.output
    assert "4 event and agreement names located" in result.output
    recogniser = EventRecogniser(model)
    words = ["Delegasi", "Polri", "menghadiri", "Sidang", "Tahunan", "Kerja", "Sama", "Kepolisian", "ASEAN",
             "ke-7", "di", "Manila", "."]
    assert (3, 10, "EVENT") in recogniser.entities(words, "id")


def test_train_events_cross_validates_by_document_and_writes_no_model(runner, tmp_path):
    data = _annotated(tmp_path / "dev")
    result = runner.invoke(app, ["train-events", "--data", str(data), "--cv", "2"])
    assert result.exit_code == 0, result.output
    assert "2-fold cross-validation" in result.output
    rows = {line.split()[0]: line.split()[1:] for line in result.output.splitlines() if line.startswith(("EVENT", "AGREEMENT", "all"))}
    assert set(rows) == {"EVENT", "AGREEMENT", "all"} and all(len(v) == 4 for v in rows.values())
    assert not list(tmp_path.rglob("*.crfsuite"))


def test_train_events_on_a_missing_folder_is_one_clear_error(runner, tmp_path):
    result = runner.invoke(app, ["train-events", "--data", str(tmp_path / "nowhere"), "--out", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert "no such folder" in result.output
    assert not (tmp_path / "m").exists()


def test_build_names_an_event_whose_name_holds_a_body_as_one_event(runner, tmp_path):
    """The head-word rules cut this name at the body inside it; the trained recogniser keeps it whole, and
    the body named inside stays an actor of its own."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        "Delegasi BNPT mengikuti Pertemuan ASEAN Senior Officials on Transnational Crime ke-20 di Hanoi, "
        "Vietnam, Senin (3/6/2024).", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(src), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    entities = {(r["name"], r["type"]) for r in map(json.loads, (out / "claims.jsonl").read_text().splitlines())
                if r["kind"] == "entity"}
    assert ("Pertemuan ASEAN Senior Officials on Transnational Crime ke-20", "Event") in entities
    assert any(t == "Organization" and "ASEAN" in n or "Southeast Asian" in n for n, t in entities)


def test_without_the_recogniser_the_rules_still_name_events():
    article = Article(id="t", text="Delegasi BNPT menghadiri Konferensi Regional Kepolisian di Bangkok.", source="t")
    rules = {m.text for m in nlp.run(article, events=None).mentions if m.type == "Event"}
    assert rules, "the head-word rules name the event on their own"


def test_an_events_name_takes_the_english_ordinal_before_it():
    text = "Police chiefs met at the 84th General Assembly of the International Criminal Police Organization in Rome."
    for events in (None, True):
        names = {m.name for m in nlp.run(Article(id="t", text=text, source="t", language="en"), events=events).mentions
                 if m.type == "Event"}
        assert names == {"84th General Assembly of the International Criminal Police Organization"}, names


def test_a_place_or_a_title_before_of_the_is_no_part_of_the_name_after_it():
    """A name goes on through "of the" / "for the" after its own words ("Regular Session of the UN General
    Assembly"), not after a place or a post title: "returning to Port Moresby for the APEC Summit" names the
    summit, "Chief of the Xylophonian Defence Forces" the forces."""
    text = ("Leaders spoke at the 71st Regular Session of the UN General Assembly in New York. Ministers look "
            "forward to returning to Port Moresby for the APEC Summit in November. Chief of the Xylophonian "
            "Defence Forces General Budi Santoso attended.")
    mentions = nlp.run(Article(id="t", text=text, source="t", language="en"), events=None).mentions
    names = {(m.name, m.type) for m in mentions}
    assert ("71st Regular Session of the UN General Assembly", "Event") in names, names
    assert ("APEC Summit", "Event") in names, names
    assert ("Xylophonian Defence Forces", "Organization") in names, names
    assert not any(n.startswith(("Port Moresby for", "Chief of")) for n, _t in names), names


def test_english_names_parties_parliaments_and_universities_by_their_head_words():
    """The English heads of the bodies Indonesian names by "Partai", "Parlemen", "Senat", "Universitas" and
    "Yayasan" name a body the recogniser alone may miss; a name before "for the" with no head word of its own
    ("X for the Labour Party": whom someone speaks for) is no part of the body."""
    text = ("Arjun Mehra for the Liberal Reform Party of Canada said the Grand Parliament and the Upper Senate "
            "would vote. Budi Santoso of the University of Oldtown thanked the Quillfield Foundation.")
    mentions = nlp.run(Article(id="t", text=text, source="t", language="en"), events=None).mentions
    names = {(m.name, m.type) for m in mentions}
    for body in ("Liberal Reform Party of Canada", "Grand Parliament", "Upper Senate", "University of Oldtown",
                 "Quillfield Foundation"):
        assert (body, "Organization") in names, (body, names)
    assert not any(n.startswith("Arjun Mehra for") for n, _t in names), names


def test_the_head_words_of_the_genre_name_events_and_agreements_without_the_recogniser():
    """Lectures, retreats, general assemblies, ministerials, dialogues, protocols, declarations, joint statements,
    memoranda of cooperation, action and work plans and exchanges of notes are named by their head words (``heads.tsv``), so the rules find them where the recogniser
    does not; a convention centre stays no agreement."""
    cases = [
        ("id", "Kepala BNPT memberikan Kuliah Umum Bahaya Radikalisme di Depok.", "Kuliah Umum Bahaya Radikalisme", "Event"),
        ("id", "Kedua menteri menandatangani Protokol Kerja Sama Industri Pertahanan di Abu Dhabi.",
         "Protokol Kerja Sama Industri Pertahanan", "Agreement"),
        ("en", "The two agencies signed a Memorandum of Cooperation on maritime safety in Tokyo.",
         "Memorandum of Cooperation on maritime safety", "Agreement"),
        ("en", "Both coast guards issued the Manila Joint Statement after the talks.", "Manila Joint Statement", "Agreement"),
        ("en", "The ministers met at the Leaders Retreat in Bogor.", "Leaders Retreat", "Event"),
        ("en", "Delegates attended the AFRIPOL General Assembly in Algiers.", "AFRIPOL General Assembly", "Event"),
        ("en", "The deputy secretary hosted the Western Hemisphere Counterterrorism Ministerial in Washington.",
         "Western Hemisphere Counterterrorism Ministerial", "Event"),
        ("en", "Officials met at the ASEAN Ministerial Meeting on Transnational Crime in Bali.",
         "ASEAN Ministerial Meeting on Transnational Crime", "Event"),
        ("en", "The air force flew at the Singapore Airshow last week.", "Singapore Airshow", "Event"),
        ("en", "Special forces joined the latest iteration of Exercise Southern Lion in July.", "Exercise Southern Lion", "Event"),
        ("en", "Singapore supported Operation Coral Shield throughout the year.", "Operation Coral Shield", "Event"),
        ("id", "BNPT menggelar Dialog Kebangsaan Pemuda Lintas Agama di Semarang.", "Dialog Kebangsaan Pemuda Lintas Agama", "Event"),
        ("id", "BNPT dan NU menggelar Halaqoh Nasional Ulama Pesantren di Jombang.", "Halaqoh Nasional Ulama Pesantren", "Event"),
        ("en", "The two police forces adopted the Joint Action Plan on Counter-Terrorism in Canberra.",
         "Joint Action Plan on Counter-Terrorism", "Agreement"),
        ("en", "The ministers endorsed the Regional Work Plan on Securing Communities against Illicit Drugs.",
         "Regional Work Plan on Securing Communities against Illicit Drugs", "Agreement"),
        ("id", "Kedua pihak menandatangani Exchange of Notes di Jakarta, Senin.", "Exchange of Notes", "Agreement"),
        ("id", "Kedua menteri menandatangani Pertukaran Nota tentang Proyek Pelabuhan di Tokyo.",
         "Pertukaran Nota tentang Proyek Pelabuhan", "Agreement"),
    ]
    for language, text, name, etype in cases:
        article = Article(id="t", text=text, source="t", language=language)
        found = {(m.text, m.type) for m in nlp.run(article, events=None).mentions if m.type in ("Event", "Agreement")}
        assert (name, etype) in found, (text, found)
    article = Article(id="t", text="The forum was held at the Jakarta Convention Center.", source="t", language="en")
    assert not [m for m in nlp.run(article, events=None).mentions if m.type == "Agreement"]


def _built(runner, tmp_path: Path, text: str) -> list[dict]:
    """The claims file's records of ``kg build`` over one article."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(src), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in (out / "claims.jsonl").read_text().splitlines()]


def test_an_event_named_in_several_forms_in_one_article_is_one_node(runner, tmp_path):
    """"The fifth Australia-UK Ministerial Dialogue" and "the Australia-United Kingdom Ministerial Dialogue"
    name one event (a country by either of its names); "the 12th Interpol Regional Conference" and "the 12th
    Regional Conference of the International Criminal Police Organization" too; two events the article sets
    apart by their words stay two."""
    records = _built(runner, tmp_path,
                     "Foreign ministers met in Perth for the fifth Australia-UK Ministerial Dialogue on Tuesday. "
                     "The Australia-United Kingdom Ministerial Dialogue agreed on a plan for cyber security. "
                     "Police chiefs attended the 12th Interpol Regional Conference in Hanoi on Wednesday. "
                     "The 12th Regional Conference of the International Criminal Police Organization elected a chair. "
                     "The delegates also attended the Regional Maritime Security Conference in Hanoi.")
    events = [r["name"] for r in records if r["kind"] == "entity" and r["type"] == "Event"]
    assert len([n for n in events if "Ministerial Dialogue" in n]) == 1, events
    assert len([n for n in events if "Regional Conference" in n and "Maritime" not in n]) == 1, events
    assert any("Maritime Security Conference" in n for n in events), events


def test_an_event_numbered_ke_85_or_ke_dash_85_is_one_node(runner, tmp_path):
    """An Indonesian ordinal is written "ke-85" or "ke 85": "Sidang Umum ke 85" is "Sidang Umum Interpol ke-85"
    named short, one event whoever attends it."""
    records = _built(runner, tmp_path,
                     "Kapolri Jenderal Tito Karnavian membuka Sidang Umum Interpol ke-85 di Nusa Dua, Bali, Senin "
                     "(7/11/2016). Sidang Umum ke 85 itu dihadiri delegasi dari 160 negara. "
                     "Wakil Presiden Jusuf Kalla juga menghadiri Sidang Umum ke 85 tersebut.")
    events = [r["name"] for r in records if r["kind"] == "entity" and r["type"] == "Event"]
    assert len(events) == 1, events
    assert {r["object"] for r in records if r.get("relation") == "attends"} <= set(events)


def test_a_recognised_name_starts_after_the_lower_case_words_that_frame_it():
    """The recogniser's span may open with the words that introduce an event ("acara", "kegiatan", "the
    annual", "sebagai"): the name (as kg build and bench/event_spans.py cut it) starts at its own first word,
    and a name whose head is written in lower case keeps it."""
    from kg.nlp.occasions import name_start

    assert name_start(["acara", "Police", "Specialist", "Conference"], 0, 4) == 1
    assert name_start(["kegiatan", "Southeast", "Asia", "Regional", "Seminar"], 0, 5) == 1
    assert name_start(["the", "annual", "Shangri-La", "Dialogue"], 0, 4) == 2
    assert name_start(["sidang", "umum", "Interpol"], 0, 3) == 0


def test_a_recognised_name_cut_inside_a_bracket_is_made_whole():
    """A span that stops before the ")" of an acronym takes it (the name then drops the acronym); one that
    opens at the acronym goes back to the name the rules found before the "("; a bracket nothing closes goes."""
    from kg.nlp.occasions import whole_brackets

    words = "pertemuan ASEAN Senior Official on Drug Matters ( ASOD ) di Jakarta".split()
    assert whole_brackets(words, 1, 9, []) == (1, 10)
    words = "menandatangani Memorandum of Understanding ( MoU ) on anti-terrorism cooperation .".split()
    assert whole_brackets(words, 5, 10, [(1, 4)]) == (1, 10)
    assert whole_brackets("hadir Supriyanto ( F-PGerindra".split(), 1, 4, []) == (1, 2)
    words = "at the 21st Global Counterterrorism Forum ( GCTF ) Coordination Committee Meeting in".split()
    assert whole_brackets(words, 7, 11, []) == (2, 11)  # no rule span: the capitalised words before the "("


def test_a_recognised_name_ends_before_a_clause_a_place_or_a_trailing_function_word():
    """A name may run on over the verb of its clause ("... has been renewed twice since 2009"), over a
    conjunction that opens another clause ("... sebagai payung hukum", "the pact during a meeting"), over where
    the signing happened ("di Canberra") or end on a preposition before a date ("... Meeting on 9 September"):
    the name ends before them."""
    def names(text: str, language: str) -> set[str]:
        analyzed = nlp.run(Article(id="t", text=text, source="test", published=None, language=language))
        return {m.name for m in analyzed.mentions if m.type in ("Event", "Agreement")}

    assert names("The MOU on defence cooperation has been renewed twice since 2009.", "en") == {
        "MOU on defence cooperation"}
    assert names("Kedua menteri menandatangani Perjanjian Kerja Sama Pertahanan di Canberra, Kamis.",
                 "id") == {"Perjanjian Kerja Sama Pertahanan"}
    assert names("Their meeting followed the Seventh Indonesia-Australia 2+2 Meeting on 9 September 2021 in "
                 "Jakarta.", "en") == {"Seventh Indonesia-Australia 2+2 Meeting"}
    assert names("Indonesia dan Rusia menandatangani perjanjian ekstradisi yang menurut kedua negara akan "
                 "membantu memerangi kejahatan transnasional.", "id") == {"perjanjian ekstradisi"}
    from kg.nlp.occasions import name_end  # the recogniser's span as it may come, cut at a date or a weekday

    assert name_end(["Seventh", "Indonesia-Australia", "2+2", "Meeting", "on"], 0, 5) == 4
    assert name_end(["signed", "a", "pact", "on", "Tuesday"], 2, 5) == 3
    assert name_end(["perjanjian", "ekstradisi", "yang"], 0, 3) == 2
    # nor over a conjunction that opens a clause of its own ("as", "during", "before")
    assert name_end(["MoU", "kerja", "sama", "antara", "Xylo", "dan", "Quor", "sebagai", "payung", "hukum"], 0, 10) == 7
    assert name_end(["pact", "during", "a", "two", "-day", "meeting"], 0, 6) == 1


def test_a_recognised_name_never_starts_inside_a_hyphenated_word():
    """The tokeniser splits "two-day" into "two", "-", "day"; a name the recogniser starts at the "-" or at
    "day" starts at "two", as the annotators write it ("two-day trilateral meeting on maritime security")."""
    from kg.nlp.occasions import whole_word_start
    from kg.nlp.tokens import split_sentences

    tokens = split_sentences("They met at a two-day trilateral meeting on maritime security.")[0].tokens
    words = [t.text for t in tokens]
    assert words[4:7] == ["two", "-", "day"], words
    assert whole_word_start(tokens, 5) == 4 and whole_word_start(tokens, 6) == 4 and whole_word_start(tokens, 7) == 7
    analyzed = nlp.run(Article(id="t", text="The ministers signed the pact during a two-day trilateral meeting on "
                                            "maritime security in Bali.", source="test", published=None, language="en"))
    assert not [m.name for m in analyzed.mentions if m.type == "Event" and not m.name[:1].isalnum()], analyzed.mentions


def test_the_event_recogniser_tags_a_sentence_alike_whatever_it_read_before(monkeypatch):
    """Once a recogniser has tagged ``AMORTISE`` sentences it passes crfsuite only the attributes of its model.
    That must leave out only what crfsuite would drop anyway: leaving out attributes of small weight too had
    made a tag depend on which articles a worker had read before, and ``kg train-relations`` irreproducible."""
    import kg.nlp.ner as ner
    from kg.nlp.ner.attributes import model_attributes
    from kg.nlp.ner.events import EventRecogniser, model_path

    monkeypatch.setattr(ner, "AMORTISE", 0)
    recogniser = EventRecogniser(model_path())
    words = "Delegasi Xylophonia hadir pada Rapat Koordinasi Penanganan Konflik Sosial di Jakarta .".split()
    first = recogniser.tag(words, "id")
    assert recogniser.known == model_attributes(recogniser.path)
    assert recogniser.tag(words, "id") == first


def test_a_name_keeps_its_reach_se_asean():
    """"se-ASEAN" (all of ASEAN) is part of the name it follows: the annotated names of the shared articles
    keep it ("Konferensi Kepolisian se-ASEAN", "Kominda se-Sumbagsel")."""
    text = "Wakil Presiden Jusuf Kalla membuka Konferensi Kepolisian se-ASEAN ke-35 di Jakarta."
    article = Article(id="t", text=text, source="t", language="id")
    found = {(m.text, m.type) for m in nlp.run(article, events=None).mentions if m.type == "Event"}
    assert ("Konferensi Kepolisian se-ASEAN ke-35", "Event") in found, found
