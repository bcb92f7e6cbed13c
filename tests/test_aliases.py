"""One node per actor inside an article: short forms (acronyms of initials, a leading article, a body's home
country after its name, a surname the recogniser mistyped, "the MoU") resolve to the entity named in full."""

from __future__ import annotations

import json

from kg.cli import app
from tests.conftest import read_claims


def _build(runner, tmp_path, text: str, language: str, published: str = "2024-03-06") -> list[dict]:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(text, encoding="utf-8")
    (src / "a.meta.json").write_text(json.dumps({"id": "a", "language": language, "published": published}), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return read_claims(out / "claims.jsonl")


def _entities(records: list[dict], etype: str) -> dict[str, set[str]]:
    return {r["name"]: set(r["aliases"]) for r in records if r["kind"] == "entity" and r["type"] == etype}


def _posts(records: list[dict]) -> dict[tuple[str, str], str | None]:
    """(person, body) -> role of each post in the claims file."""
    return {(r["subject"], r["object"]): r["role"] for r in records if r["kind"] == "claim" and r["relation"] == "holds_position"}


def test_acronyms_of_initials_and_a_leading_article_are_the_named_entity(runner, tmp_path):
    records = _build(runner, tmp_path, (
        "Leaders meet in London\n"
        "LONDON - The Commonwealth Heads of Government Meeting opened in London on Monday, 4 March 2024. "
        "Delegates from 56 countries attended CHOGM, which ends on Friday. "
        "The Ministry of Home Affairs sent a delegation of ten officials. "
        "\"We came to listen,\" an MHA spokesman said. "
        "The Ministry of Home Affairs will report to parliament next week.\n"), "en")
    events = _entities(records, "Event")
    assert list(events) == ["Commonwealth Heads of Government Meeting"] and "CHOGM" in events["Commonwealth Heads of Government Meeting"]
    bodies = _entities(records, "Organization")
    assert "MHA" in bodies.get("Ministry of Home Affairs", set()), bodies
    assert not any(name.startswith("The ") for name in bodies), bodies


def test_a_body_with_its_home_country_after_it_and_a_person_by_initials_are_one_node(runner, tmp_path):
    records = _build(runner, tmp_path, (
        "Jakarta - Badan Keamanan Laut Republik Indonesia menggelar latihan bersama di Batam, Selasa (5/3/2024). "
        "Latihan itu diikuti kapal-kapal Badan Keamanan Laut dari tiga pangkalan. "
        "Presiden Susilo Bambang Yudhoyono membuka latihan tersebut. "
        "Menurut SBY, latihan serupa akan digelar setiap tahun.\n"), "id")
    bodies = _entities(records, "Organization")
    assert [n for n in bodies if n.startswith("Badan Keamanan Laut")] == ["Badan Keamanan Laut"], bodies
    people = _entities(records, "Person")
    assert list(people) == ["Susilo Bambang Yudhoyono"] and "SBY" in people["Susilo Bambang Yudhoyono"], people


def test_a_listed_body_with_its_countrys_suffix_is_the_body_and_the_suffix_no_party(runner, tmp_path):
    """"BNN RI", "Kementerian Kesehatan RI", "DPR-RI": the suffix Indonesian news writes after its own bodies
    is part of the body's name (``country_suffixes.tsv``), not the country as a party of the signing, and a body
    the article names only so is the listed body."""
    records = _build(runner, tmp_path, (
        "Jakarta - BNN RI dan Kementerian Kesehatan RI menandatangani nota kesepahaman tentang rehabilitasi "
        "di Jakarta, Selasa (5/3/2024). Penandatanganan itu disaksikan anggota Komisi IX DPR-RI.\n"), "id")
    bodies = _entities(records, "Organization")
    assert {"Badan Narkotika Nasional", "Kementerian Kesehatan"} <= set(bodies), bodies
    assert "BNN RI" in bodies["Badan Narkotika Nasional"] and "Kementerian Kesehatan RI" in bodies["Kementerian Kesehatan"]
    signers = {c["subject"] for c in records if c["kind"] == "claim" and c["relation"] == "signs"}
    assert signers == {"Badan Narkotika Nasional", "Kementerian Kesehatan"}, signers


def test_a_listed_body_named_with_its_home_country_in_another_form_is_the_listed_body(runner, tmp_path):
    """"Kepolisian RI" and "Kepolisian Indonesia" are the gazetteer's "Kepolisian Negara Republik Indonesia"
    (listed with the alias "Kepolisian Republik Indonesia"), and the post a title gives there goes to it."""
    records = _build(runner, tmp_path, (
        "Jakarta - Wakil Kepala Kepolisian RI Komjen Pol Budi Santoso menerima kunjungan Komisaris Kepolisian "
        "Federal Australia John Carter di Jakarta, Selasa (5/3/2024). "
        "Hubungan Kepolisian Indonesia dan Kepolisian Federal Australia sangat erat, kata Budi.\n"), "id")
    bodies = _entities(records, "Organization")
    assert "Kepolisian Negara Republik Indonesia" in bodies, bodies
    assert not {"Kepolisian RI", "Kepolisian Indonesia"} & set(bodies), bodies
    posts = _posts(records)
    assert ("Budi Santoso", "Kepolisian Negara Republik Indonesia") in posts, posts


def test_a_post_whose_title_names_its_body_by_a_short_form_goes_to_the_body_named_in_full(runner, tmp_path):
    """"Wakil Ketua Komisi II, X" after "Komisi II DPR RI" in the lead: the short form resolves to the body named
    in full, and the post the title gives follows it (it had been lost with the short form's own node)."""
    records = _build(runner, tmp_path, (
        "Jakarta - Komisi II DPR RI menggelar rapat kerja dengan Komisi Pemilihan Umum di Jakarta, Selasa (5/3/2024). "
        "Rapat dipimpin oleh Wakil Ketua Komisi II, Budi Santoso. "
        "Kepala Badan Siber dan Sandi Negara Andi Wijaya juga hadir. "
        "Menurut Kepala BSSN, rapat serupa digelar setiap tahun.\n"), "id")
    bodies = _entities(records, "Organization")
    assert "Komisi II DPR RI" in bodies and "Komisi II" not in bodies, bodies
    posts = _posts(records)
    assert posts.get(("Budi Santoso", "Komisi II DPR RI")) == "Wakil Ketua", posts


def test_a_post_whose_body_is_spelt_another_way_goes_to_the_listed_body(runner, tmp_path):
    """"Organization of Islamic Cooperation" is the gazetteer's "Organisation of Islamic Cooperation": the
    title's post follows the body to its listed spelling."""
    records = _build(runner, tmp_path, (
        "OIC Secretary General Receives Ambassador\n"
        "Jeddah, Jan 11, 2024 -- Secretary General of the Organization of Islamic Cooperation (OIC), Dr. John Doe "
        "received here today the Permanent Representative of Gambia to the OIC, Omar Salah. "
        "Doe said the OIC supports the summit.\n"), "en")
    posts = _posts(records)
    assert posts.get(("John Doe", "Organisation of Islamic Cooperation")) == "Secretary General", posts

def test_the_mou_is_the_one_named_memorandum_and_takes_its_date(runner, tmp_path):
    records = _build(runner, tmp_path, (
        "Jakarta - Kepolisian Negara Republik Indonesia dan Kepolisian Diraja Malaysia menandatangani Nota "
        "Kesepahaman tentang Kerja Sama Pemberantasan Kejahatan Lintas Negara di Jakarta, Senin (4/3/2024). "
        "MoU tersebut berlaku selama lima tahun.\n"
        "Kepala Divisi Hubungan Internasional Polri mengatakan MoU itu ditandatangani setelah dua tahun perundingan.\n"),
        "id", published="2024-03-06")
    agreements = _entities(records, "Agreement")
    assert len(agreements) == 1, agreements
    [(name, aliases)] = agreements.items()
    assert name.startswith("Nota Kesepahaman tentang Kerja Sama") and "MoU" in aliases
    signed = [c for c in records if c["kind"] == "claim" and c["relation"] == "signs"]
    assert signed and all(c["object"] == name and c["date"] == "2024-03-04" for c in signed), signed


def test_a_short_form_that_fits_two_entities_is_left_alone(runner, tmp_path):
    records = _build(runner, tmp_path, (
        "Jakarta - Indonesia dan Australia menandatangani Nota Kesepahaman tentang Kerja Sama Maritim dan Nota "
        "Kesepahaman tentang Kerja Sama Pendidikan di Jakarta, Senin (4/3/2024). "
        "MoU itu disaksikan kedua menteri.\n"), "id")
    agreements = _entities(records, "Agreement")
    names = sorted(agreements)
    assert len([n for n in names if n.startswith("Nota Kesepahaman tentang")]) == 2, names
    assert not any("MoU" in aliases for name, aliases in agreements.items() if name.startswith("Nota Kesepahaman tentang")), agreements


def test_a_body_run_on_into_a_title_case_headline_is_the_body(runner, tmp_path):
    records = _build(runner, tmp_path, (
        "Komisi III DPR Gelar Rapat Tertutup Bahas Terorisme\n"
        "Jakarta - Komisi III DPR menggelar rapat tertutup dengan Badan Nasional Penanggulangan Terorisme di "
        "Jakarta, Senin (4/3/2024). Rapat Komisi III DPR itu membahas pencegahan terorisme.\n"), "id")
    bodies = _entities(records, "Organization")
    assert [n for n in bodies if n.startswith("Komisi III")] == ["Komisi III DPR"], bodies


def test_a_possessive_is_no_part_of_a_persons_name(runner, tmp_path):
    records = _build(runner, tmp_path, (
        "Statement on Minister Kumaran’s Visit to Kuala Lumpur\n"
        "Mr R. Kumaran, Minister for Home Affairs, led a delegation to Kuala Lumpur on 25 Jan 2016. "
        "During the visit, Minister Kumaran met Malaysian Home Minister Ahmad Zulkifli.\n"), "en", published="2016-01-26")
    people = _entities(records, "Person")
    assert people and not any(name.endswith(("’s", "'s")) for name in people), people
    assert len([n for n in people if "Kumaran" in n]) == 1, people


def _with_second_sharma_as_a_place(text: str):
    """The article extracted as if the recogniser had typed its "Sharma said" as a place, which it sometimes does."""
    from dataclasses import replace

    from kg import extract, nlp
    from kg.model import Article

    analyzed = nlp.run(Article(id="t", text=text, source="test", language="en"))
    start = text.index("Sharma said")
    mentions = [m for m in analyzed.mentions if not (m.start == start and m.end == start + 6)]
    mistyped = replace(next(m for m in analyzed.mentions if m.text == "Kuala Lumpur"), start=start, end=start + 6,
                       text="Sharma", name="Sharma", key="place:sharma", sentence=1, rule="model")
    return extract.run(replace(analyzed, mentions=sorted([*mentions, mistyped], key=lambda m: m.start)), rules_only=True)


def test_a_surname_the_recogniser_typed_as_a_place_is_the_person_and_a_shared_one_is_left_alone():
    text = ("British minister Alok Sharma met Malaysian officials in Kuala Lumpur on Monday. "
            "Sharma said the talks went well.")
    one = _with_second_sharma_as_a_place(text)
    people = [e for e in one.entities.values() if e.type == "Person"]
    assert [p.name for p in people] == ["Alok Sharma"] and "Sharma" in people[0].aliases
    assert not any(e.type == "Place" and e.name == "Sharma" for e in one.entities.values())

    two = _with_second_sharma_as_a_place(text.replace("met Malaysian officials", "met Malaysian minister Kiran Sharma"))
    assert any(e.type == "Place" and e.name == "Sharma" for e in two.entities.values())  # two Sharmas: no guess


def test_bodies_named_by_short_forms_of_their_kind_and_place_are_one_node(runner, tmp_path):
    records = _build(runner, tmp_path, (
        "Bandung - Polda Jabar dan Pemprov Sumbar menandatangani nota kesepahaman di Bandung, Senin (4/3/2024). "
        "Kepolisian Daerah Jawa Barat akan mengirim tim ke Padang. "
        "Pemerintah Provinsi Sumatera Barat menyambut baik kerja sama itu. "
        "Komisi III DPR RI mendukung langkah tersebut, dan Komisi III meminta laporan berkala. "
        "Divisi Humas Polri dan Divisi Humas Polda Metro Jaya menyiarkannya, kata Divisi Humas.\n"), "id")
    bodies = _entities(records, "Organization")
    assert "Polda Jabar" in bodies.get("Kepolisian Daerah Jawa Barat", set()), bodies
    assert "Pemprov Sumbar" in bodies.get("Pemerintah Provinsi Sumatera Barat", set()), bodies
    assert "Komisi III" in bodies.get("Komisi III DPR RI", set()), bodies
    assert {"Divisi Humas Polda Metro Jaya", "Divisi Humas"} <= set(bodies), bodies  # two units: left apart


def test_a_memorandum_is_not_the_action_plan_the_article_names(runner, tmp_path):
    records = _build(runner, tmp_path, (
        "Lyon - Under a Memorandum of Understanding signed by the two agencies' heads in Lyon on 4 March 2024, "
        "the agencies will exchange information. They also agreed a collaborative operational action plan.\n"), "en")
    agreements = _entities(records, "Agreement")
    assert "Memorandum of Understanding" in agreements and len(agreements) == 2, agreements


def test_memoranda_named_with_their_parties_are_one_node_each_and_their_parties_sign_them(runner, tmp_path):
    records = _build(runner, tmp_path, (
        "Polri teken tiga nota kesepahaman\n"
        "Jakarta - Kapolri menandatangani tiga nota kesepahaman di Jakarta, Senin (4/3/2024). "
        "Pertama, MoU antara Polri dan Kepolisian Negara Zembla tentang kerja sama pemberantasan kejahatan lintas negara. "
        "Kedua, Memorandum of Understanding between the Indonesian National Police and the Ministry of Interior of "
        "the Republic of Borduria on Cooperation in Preventing Transnational Crimes. "
        "Ketiga, nota kesepahaman antara Polri dengan Kepolisian Federal Syldavia.\n"), "id")
    agreements = _entities(records, "Agreement")
    zembla = "MoU antara Polri dan Kepolisian Negara Zembla tentang kerja sama pemberantasan kejahatan lintas negara"
    borduria = ("Memorandum of Understanding between the Indonesian National Police and the Ministry of Interior of "
                "the Republic of Borduria on Cooperation in Preventing Transnational Crimes")
    syldavia = "nota kesepahaman antara Polri dengan Kepolisian Federal Syldavia"
    assert {zembla, borduria, syldavia} <= set(agreements), agreements
    signed = {(c["subject"], c["object"]) for c in records if c["kind"] == "claim" and c["relation"] == "signs"}
    assert ("Kepolisian Negara Zembla", zembla) in signed and ("Kepolisian Federal Syldavia", syldavia) in signed, signed
    assert ("Kepolisian Negara Zembla", syldavia) not in signed, signed


def test_the_parties_an_english_memorandum_is_between_sign_it(runner, tmp_path):
    records = _build(runner, tmp_path, (
        "Coast guards sign pact\n"
        "LONDON - The memorandum of understanding between the Zembla Coast Guard and the Borduria Maritime Agency "
        "took effect on Monday, 4 March 2024, officials said. Under the memorandum, the two agencies will share "
        "patrol data.\n"), "en")
    signed = {c["subject"] for c in records if c["kind"] == "claim" and c["relation"] == "signs"}
    assert {"Zembla Coast Guard", "Borduria Maritime Agency"} <= signed, signed


def test_a_name_blended_into_one_word_is_the_person_unless_it_fits_two(runner, tmp_path):
    records = _build(runner, tmp_path, (
        "Jakarta - Presiden Joko Widodo menerima Perdana Menteri Malaysia Ismail Sabri di Istana Bogor, Jumat "
        "(9/4/2021). Jokowi mengatakan kerja sama kedua negara akan diperkuat.\n"), "id")
    people = _entities(records, "Person")
    assert "Jokowi" not in people and "Jokowi" in people.get("Joko Widodo", set()), people
    other = tmp_path / "two"
    other.mkdir()
    records = _build(runner, other, (
        "Jakarta - Menteri Joko Widodo bertemu Menteri Joko Wibowo di Jakarta, Jumat (9/4/2021). "
        "Jokowi mengatakan pertemuan itu penting.\n"), "id")
    assert "Jokowi" in _entities(records, "Person"), "a blend of two people's names is neither"


def test_a_person_written_with_and_without_initials_in_two_articles_is_one_node(runner, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Menteri Luar Negeri Retno L.P. Marsudi bertemu Menlu Australia Julie Bishop di "
                               "Jakarta, Rabu (7/4/2021).\n", encoding="utf-8")
    (src / "b.txt").write_text("Menlu Retno Marsudi menerima Duta Besar Jepang Kenji Tanaka di Jakarta, Kamis (8/4/2021). "
                               "Menteri John C. Carter dan Menteri John D. Carter hadir.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    people = runner.invoke(app, ["query", "SELECT DISTINCT ?p WHERE { ?p a kg:Person }", "-g", str(out), "-f", "csv"])
    iris = sorted(people.output.split()[1:])
    assert [i for i in iris if "marsudi" in i] == ["https://w3id.org/kg-news/id/person/retno-marsudi"], iris
    assert len([i for i in iris if "carter" in i]) == 2, "two people whose names differ only by initials stay two"


def test_an_event_named_without_its_round_is_the_one_round_the_article_numbers(runner, tmp_path):
    """"KTT G20" beside "KTT ke-17 G20", "the ASEANAPOL Conference" beside "the 35th ASEANAPOL Conference": one
    node with both names; beside two numbered rounds the unnumbered name is left alone."""
    cases = [("id", "JAKARTA - Presiden Joko Widodo menghadiri KTT ke-17 G20 di Nusa Dua, Selasa (15/11/2022). "
                    "KTT G20 membahas pemulihan ekonomi dunia.\n", "KTT ke-17 G20", "KTT G20"),
             ("en", "SINGAPORE - Police chiefs attended the 35th ASEANAPOL Conference in Singapore on Tuesday, 5 March "
                    "2024. The ASEANAPOL Conference adopted a joint communique.\n", "35th ASEANAPOL Conference",
              "ASEANAPOL Conference")]
    for n, (language, text, name, short) in enumerate(cases):
        folder = tmp_path / str(n)
        folder.mkdir()
        events = _entities(_build(runner, folder, text, language), "Event")
        assert list(events) == [name] and short in events[name], events
    folder = tmp_path / "two"
    folder.mkdir()
    events = _entities(_build(runner, folder, (
        "SINGAPORE - Police chiefs attended the 35th ASEANAPOL Conference in Singapore on Tuesday, 5 March 2024. "
        "The 36th ASEANAPOL Conference was held in Jakarta a year later. The ASEANAPOL Conference has met every "
        "year since 1981.\n"), "en"), "Event")
    assert len(events) == 3, events


def test_an_acronym_defined_for_an_event_names_it_wherever_the_article_writes_it(runner, tmp_path):
    # Invented, of the genre: the event defined with its acronym in brackets, then named by the acronym alone as
    # the subject of an attendance ("PTMPT kali ini dihadiri oleh ...").
    records = _build(runner, tmp_path, (
        "Kemenko Polhukam menggelar Pertemuan Tingkat Menteri Penanggulangan Terorisme (PTMPT) di Nusa Dua, "
        "Bali, Selasa (5/3/2024). PTMPT kali ini dihadiri oleh Menteri Dalam Negeri Malaysia Saifuddin Nasution "
        "Ismail dan Menteri Dalam Negeri Singapura K. Shanmugam.\n"), "id")
    events = _entities(records, "Event")
    assert list(events) == ["Pertemuan Tingkat Menteri Penanggulangan Terorisme"], events
    assert "PTMPT" in events["Pertemuan Tingkat Menteri Penanggulangan Terorisme"]
    assert "PTMPT" not in _entities(records, "Organization")
    attends = {(r["subject"], r["object"]) for r in records if r.get("relation") == "attends"}
    assert {("Saifuddin Nasution Ismail", "Pertemuan Tingkat Menteri Penanggulangan Terorisme"),
            ("K. Shanmugam", "Pertemuan Tingkat Menteri Penanggulangan Terorisme")} <= attends


def test_an_acronym_before_a_regions_name_is_the_branch_named_in_full(runner, tmp_path):
    # Invented, of the genre: regional branches named in full with their acronyms in brackets before the
    # region, then by acronym and region ("PWNU Jawa Timur", as "BNNP Maluku Utara" and "KTT G20" are written).
    records = _build(runner, tmp_path, (
        "Pengurus Wilayah Nahdlatul Ulama (PWNU) Jawa Timur menerima audiensi dari Forum Koordinasi Pencegahan "
        "Terorisme (FKPT) Jawa Timur di Surabaya, Selasa (5/3/2024). Pertemuan PWNU Jawa Timur dan FKPT Jawa "
        "Timur membahas pencegahan radikalisme di pesantren.\n"), "id")
    bodies = _entities(records, "Organization")
    assert "PWNU Jawa Timur" not in bodies and "FKPT Jawa Timur" not in bodies, bodies
    assert "PWNU" in bodies["Pengurus Wilayah Nahdlatul Ulama Jawa Timur"], bodies
    assert "FKPT Jawa Timur" in bodies["Forum Koordinasi Pencegahan Terorisme Jawa Timur"], bodies
    assert not _entities(records, "Person").keys() & {"PWNU", "PWNU Jawa Timur"}
    meets = {frozenset((r["subject"], r["object"])) for r in records if r.get("relation") == "meets"}
    assert meets == {frozenset(("Pengurus Wilayah Nahdlatul Ulama Jawa Timur",
                                "Forum Koordinasi Pencegahan Terorisme Jawa Timur"))}, meets


def test_a_name_and_the_short_form_in_the_bracket_after_it_are_one_node(runner, tmp_path):
    records = _build(runner, tmp_path, (
        "Jakarta - United Nation Developement Programme (UNDP) bekerja sama dengan Badan Nasional Penanggulangan "
        "Terorisme (BNPT) menggelar lokakarya di Bali International Convention Center (BICC), Nusa Dua, "
        "Selasa (5/3/2024). Australian Transaction Reports and Analysis Center (AUSTRAC) dan Pusat Pelaporan dan "
        "Analisis Transaksi Keuangan (PPATK) menandatangani kerja sama dalam lokakarya itu. "
        "UNDP menyebut kerja sama itu berlanjut. Menurut AUSTRAC, lokakarya berikutnya juga digelar di BICC. "
        "Pemerintah Provinsi Jawa Barat (Jabar) mengirim dua pejabat.\n"), "id")
    bodies = _entities(records, "Organization")
    assert [n for n in bodies if "Develop" in n] == ["United Nations Development Programme"], bodies  # the listed name
    assert "United Nation Developement Programme" in bodies["United Nations Development Programme"], bodies
    assert "AUSTRAC" in bodies.get("Australian Transaction Reports and Analysis Center", set()) and "AUSTRAC" not in bodies, bodies
    places = _entities(records, "Place")
    assert "BICC" in places.get("Bali International Convention Center", set()) and "BICC" not in bodies, (places, bodies)
    assert "Pemerintah Provinsi Jawa Barat" in bodies and "Jawa Barat" in places, (bodies, places)  # a province's short form is a place


def test_a_bodys_short_form_the_recogniser_took_for_a_person_is_the_body(runner, tmp_path):
    """"Mindef" is the Ministry of Defence's short form where the article gives it so, not a person who speaks."""
    records = _build(runner, tmp_path, (
        "Navies hold joint drill\n"
        "SINGAPORE, March 5 \u2014 The two navies held a joint drill on Monday, said the Ministry of Defence (Mindef). "
        "Defence Minister Arjun Patel met his counterpart Lukas Weber in Singapore. "
        "In a statement, Mindef said the exercise would be held every year.\n"), "en")
    bodies, people = _entities(records, "Organization"), _entities(records, "Person")
    assert "Mindef" in bodies.get("Ministry of Defence", set()) and "Mindef" not in people, (bodies, people)
    assert not [r for r in records if r["kind"] == "claim" and "Mindef" in (r["subject"], r["object"])], records


def test_a_possessive_in_the_headline_does_not_keep_the_surname_from_the_full_name(runner, tmp_path):
    records = _build(runner, tmp_path, (
        "Readout of Secretary Halvorsen’s Meeting with Minister Okafor\n"
        "WASHINGTON - Secretary of Commerce Dana Halvorsen today met with Trade Minister Chidi Okafor to discuss "
        "supply chains. “We face shared challenges,” said Secretary Halvorsen.\n"), "en")
    people = _entities(records, "Person")
    assert [n for n in people if "Halvorsen" in n] == ["Dana Halvorsen"], people
    assert "Halvorsen" in people["Dana Halvorsen"], people


def test_one_person_or_body_spelt_two_ways_is_one_node_but_two_near_short_names_stay_two(runner, tmp_path):
    records = _build(runner, tmp_path, (
        "Jakarta - Kepala Staf Angkatan Darat Jenderal Hendrawan Kusumadjaja menerima Kepala Badan Nasional "
        "Penanggulangan Teroris Komjen Arief Santoso di Jakarta, Selasa (5/3/2024). "
        "Menurut Hendrawan Kusumajaja, pertemuan itu membahas latihan bersama. "
        "Badan Nasional Penanggulangan Terorisme menyiapkan dua instruktur. "
        "Kolonel Abdul Rahman dan Kolonel Abdul Rahmat ikut mendampingi. "
        "Menko Polhukam Taro Binsar Sujatmiko hadir pula. Taro Sujatmiko memuji latihan itu. "
        "Menurut Taro Sudjatmiko, latihan digelar dua kali setahun.\n"), "id")
    people = _entities(records, "Person")
    assert [n for n in people if n.startswith("Hendrawan")] in (["Hendrawan Kusumadjaja"], ["Hendrawan Kusumajaja"]), people
    # the old spelling fits both the full name and its short form, which are one person: one node
    assert [n for n in people if n.startswith("Taro")] == ["Taro Binsar Sujatmiko"], people
    assert {"Abdul Rahman", "Abdul Rahmat"} <= set(people), people  # short names one letter apart: two people
    bodies = _entities(records, "Organization")
    assert [n for n in bodies if n.startswith("Badan Nasional")] == ["Badan Nasional Penanggulangan Terorisme"], bodies


def test_a_place_named_with_and_without_its_kind_or_with_its_city_after_a_venue_is_one_node(runner, tmp_path):
    records = _build(runner, tmp_path, (
        "Presiden Budi Santoso menerima Perdana Menteri Australia Tom Harlow di Istana Merdeka Jakarta, "
        "Senin (5/3/2024). Keduanya lalu berbincang di Istana Merdeka. Sebelumnya Harlow berkunjung ke Kabupaten "
        "Badung, Bali. Di Badung, ia meninjau pelabuhan. Ia juga singgah di Jakarta Selatan dan di DKI Jakarta. "
        "Malam harinya ia kembali ke DKI.\n"), "id")
    places = _entities(records, "Place")
    assert "Istana Merdeka" in places and not any(n.startswith("Istana Merdeka ") for n in places), places
    assert "Badung" in places.get("Kabupaten Badung", set()) and "Badung" not in places, places
    assert {"Jakarta", "Jakarta Selatan"} <= set(places), places
    assert {"DKI Jakarta", "Daerah Khusus Ibukota Jakarta"} <= places["Jakarta"], places  # still the gazetteer's city


def test_an_event_written_in_other_forms_abbreviated_translated_by_acronym_or_ordinal_word_is_one_node(runner, tmp_path):
    """"KTT" and "Pertemuan puncak", "Patkor Malindo" and "Patroli Koordinasi Malaysia-Indonesia", an acronym the
    article writes for a run of the name's capitalised words, "eighth" and "8th": one event each. Rounds that
    differ stay apart, and a blend of two countries' names alone joins no event."""
    cases = [
        ("id", "HANOI - Presiden Budi Santoso tiba di Hanoi untuk mengikuti KTT ke-17 ASEAN, Jumat (29/10/2010). "
               "Pertemuan puncak ke-17 Perhimpunan Bangsa-Bangsa Asia Tenggara itu diikuti para pemimpin ASEAN.\n"),
        ("id", "BATAM - TNI AL dan TLDM menggelar Patroli Koordinasi Malaysia-Indonesia di Selat Malaka, Selasa "
               "(5/3/2024). Patkor Malindo tahun ini diikuti enam kapal perang.\n"),
        ("en", "MELAKA - Ministers met at the 19th ASEAN Ministerial Meeting on Transnational Crime in Melaka on "
               "Tuesday, 5 March 2024. The 19th AMMTC adopted a work plan.\n"),
        ("en", "CANBERRA - Foreign Minister Tom Harlow attended the eighth Bali Process Ministerial Conference in Bali "
               "on Tuesday, 5 March 2024. The 8th Bali Process Ministerial Conference adopted a declaration.\n"),
    ]
    for n, (language, text) in enumerate(cases):
        folder = tmp_path / str(n)
        folder.mkdir()
        events = _entities(_build(runner, folder, text, language), "Event")
        assert len(events) == 1, events
    folder = tmp_path / "apart"
    folder.mkdir()
    events = _entities(_build(runner, folder, (
        "KUALA LUMPUR - Menteri Pertahanan Budi Santoso menghadiri Sidang ke-10 High Level Committee (HLC) "
        "Malaysia-Indonesia (Malindo) di Kuala Lumpur, Selasa (5/3/2024). Sidang itu juga membahas hasil "
        "Sidang ke-39 General Border Committee (GBC) Malindo. KTT ke-17 ASEAN dan KTT ke-18 ASEAN dibahas "
        "pula.\n"), "id"), "Event")
    assert sum("High Level" in name for name in events) == 1, events
    assert sum("General Border" in name for name in events) == 1, events
    assert sum("ke-17" in name for name in events) == 1 and sum("ke-18" in name for name in events) == 1, events


def test_a_numbered_session_named_by_a_bodys_acronym_is_the_event_not_the_body(runner, tmp_path):
    """"IPU ke-137" is the IPU's 137th assembly, an event of its own, though "IPU" is the body's acronym."""
    records = _build(runner, tmp_path, (
        "Delegasi DPR hadiri sidang IPU\n"
        "Sebanyak sepuluh anggota Dewan Perwakilan Rakyat mengikuti Sidang Umum IPU ke-137 di St Petersburg, "
        "Rusia, Minggu (15/10/2017). Dalam IPU ke-137, mereka mendukung proposal resolusi Persatuan Parlemen Sedunia "
        "(Inter-Parliamentary Union/IPU) tentang krisis kemanusiaan.\n"), "id", "2017-10-16")
    bodies, events = _entities(records, "Organization"), _entities(records, "Event")
    assert any(form.endswith("IPU ke-137") for name, aliases in events.items() for form in (name, *aliases)), events
    assert not any(form.endswith("ke-137") for aliases in bodies.values() for form in aliases), bodies
