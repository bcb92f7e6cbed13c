"""A listed Indonesian body named with a province or another country after it is another body.

"BNN NTB" is the province's narcotics board and "Kemenlu Jepang" Japan's foreign ministry: neither is the national
body the gazetteer lists, and a post held there ("Juru bicara Kemenlu Rusia Maria Zakharova") is not a post in
Indonesia's ministry. The annotators name such bodies in full ("Badan Narkotika Nasional NTB",
"Forum Koordinasi Pencegahan Terorisme Jawa Timur", "Kementerian Dalam Negeri Mesir"), and so does the graph: one
node per branch, keyed by the listed body and the place, so that an article's two spellings of it are one node.
Only a province makes a branch: after a city the words name where the national body sits or met ("DPR Jakarta").
English joins another country with "of": "the National Police of Colombia" is Colombia's, not Polri. The body's
own country after its short form ("Badan Narkotika Nasional (BNN) Republik Indonesia") qualifies the national body
itself, as in "BNN RI": it is no party of its own.
The words of a regional office written before the body ("Pengurus Wilayah", "Kanwil") and of the level between
it and the province ("Provinsi") belong to the branch's name (``gazetteers/branch_words.tsv``).
"""

from __future__ import annotations

from kg.nlp.gazetteer import Gazetteer, GazetteerEntry, norm_key, token_key
from kg.nlp.tokens import Token


def branch_at(tokens: list[Token], i: int, gaz: Gazetteer, found: tuple[int, GazetteerEntry] | None) -> tuple[int, str] | None:
    """(tokens, key) of a branch or counterpart named at ``i``, its office's words included; else None.
    ``found``: the gazetteer's match at ``i``, which every caller has already looked up."""
    if not tokens[i].is_cap:
        return None
    for n in (3, 2, 1):  # "Dewan Pimpinan Wilayah", "Pengurus Wilayah", "Kanwil"
        if i + n < len(tokens) and token_key(tokens[i:i + n]) in gaz.branch_prefixes:
            body = gaz.match(tokens, i + n)
            branched = branch(tokens, i + n, body[0], body[1], gaz) if body else None
            if branched:
                return n + branched[0], branched[1]
    return branch(tokens, i, found[0], found[1], gaz) if found else None


def branch(tokens: list[Token], i: int, n: int, entry: GazetteerEntry, gaz: Gazetteer) -> tuple[int, str] | None:
    """(tokens from ``i``, key) of the branch or counterpart named by the listed body ``entry`` at
    ``tokens[i:i + n]``, its bracketed short form if any, and the province or country right after; else None."""
    if entry.type != "Organization" or entry.country != "ID":
        return None
    j = i + n
    if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 2].text == ")":
        j += 3  # "Forum Koordinasi Pencegahan Terorisme (FKPT) Jawa Timur"
    if j + 1 < len(tokens) and token_key(tokens[j:j + 1]) in gaz.branch_levels:
        j += 1  # "FKPT Provinsi Kalimantan Timur"
    linked = j + 1 < len(tokens) and tokens[j].text.lower() == "of"  # "National Police of Colombia"
    if linked:
        j += 2 if j + 2 < len(tokens) and tokens[j + 1].text.lower() == "the" else 1
    if j >= len(tokens) or not tokens[j].is_cap:
        return None
    found = gaz.match(tokens, j)
    if found is None:
        return None
    place = found[1]
    if place.type == "Country" and place.iso == entry.country and not linked and j > i + n:
        return j + found[0] - i, entry.key  # "Badan Narkotika Nasional (BNN) Republik Indonesia": the body itself
    abroad = place.type == "Country" and place.iso != entry.country  # a counterpart
    province = place.type == "Place" and place.country == entry.country and place.kind == "province"
    if not (abroad or (province and not linked)):
        return None
    return j + found[0] - i, f"organization:{norm_key(entry.labels['id'])} {norm_key(place.labels['id'])}"
