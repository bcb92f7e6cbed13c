"""The people, bodies and places ``kg build`` finds in English text outside its genre, scored as distinct names
per document against human NER annotation: a proxy for issue 15's held-out defence-and-security corpus.

Usage: python bench/en_names.py [--data ../shared/ner-en] [--show N]
Reads the dev files with document boundaries (CoNLL-2003 eng.testa, WikiGold dev, UNER English-EWT dev: the
English recogniser never trained on UNER, and scores eng.testa and WikiGold dev only as dev sets) and two with
none, cut into documents of a fixed number of sentences (CrossNER politics dev, whose examples are Wikipedia
paragraphs on parties, parliaments and elections, and multiNER dev, Sri Lankan government documents: the nearest
of the shared sets to the held-out corpus's government texts), rebuilds each document's text from its tokens, runs the whole pipeline (``nlp.run`` then ``extract.propose_all``, what
``kg build`` does before the relation model) and compares its entities with the annotated names:

- a gold name is the text of an annotated PER, ORG or LOC span, normalised by ``../shared/eval/score.py``'s
  ``norm``;
  each distinct name of a document counts once per type;
- a kg entity of type Person, Organization, or Country/Place (LOC) is right when its name or one of its aliases
  is a gold name of that type in the document; a gold name is found when some entity of its type has it as a
  form. Precision is over kg's entities, recall over gold names.

Prints precision, recall and F1 per set and type, and with ``--show`` kg's wrong Person entities, the class of
error issue 15 names (title-case phrases, page furniture, a preposition and a place taken for people).
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from kg import extract, nlp
from kg.errors import InputError
from kg.extract.training import load_scorer
from kg.model import Article
from kg.nlp.ner.corpus import load_label_map, repair_bio, spans

TYPES = {"Person": "PER", "Organization": "ORG", "Country": "LOC", "Place": "LOC"}
SETS = {  # name: (file under --data, token column, tag column, label-map name, sentences per document)
    "conll2003": ("conll2003/dev.txt", 0, -1, "conll2003", 0),  # 0: the file's own document marks
    "wikigold": ("wikigold/dev.txt", 0, -1, "wikigold", 0),
    "uner-ewt": ("uner-ewt/dev.iob2", 1, 2, "uner-ewt", 0),
    "crossner-politics": ("crossner-politics/dev.tsv", 0, -1, "crossner-politics", 1),  # a Wikipedia paragraph each
    "multiner": ("multiner/dev.txt", 0, -1, "multiner", 10),  # government documents' sentences, ten to a document
}
_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$", re.I)


def documents(path: Path, token_column: int, tag_column: int) -> list[list[tuple[list[str], list[str]]]]:
    """Documents as lists of (tokens, raw tags) sentences: a ``-DOCSTART-`` line or a ``# newdoc`` comment
    begins one."""
    docs: list[list[tuple[list[str], list[str]]]] = [[]]
    words: list[str] = []
    tags: list[str] = []

    def close() -> None:
        nonlocal words, tags
        if words:
            docs[-1].append((words, tags))
        words, tags = [], []

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("# newdoc") or line.startswith("-DOCSTART-"):
            close()
            if docs[-1]:
                docs.append([])
            continue
        if line.startswith("#"):
            continue
        if not line:
            close()
            continue
        columns = raw.split("\t") if "\t" in raw else raw.split()
        words.append(columns[token_column])
        tags.append(columns[tag_column] if len(columns) > 1 else "O")
    close()
    return [d for d in docs if d]


def detokenise(words: list[str]) -> str:
    out = ""
    for word in words:
        if out and not _NO_SPACE_BEFORE.match(word) and not out.endswith(("(", "[", "$")):
            out += " "
        out += word
    return out


def gold_names(doc: list[tuple[list[str], list[str]]], labels: dict[str, str], norm: Callable[[str], str]) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {"PER": set(), "ORG": set(), "LOC": set()}
    for words, raw in doc:
        tags = []
        for tag in raw:
            prefix, _, label = tag.partition("-")
            merged = labels.get(label, "O") if label else "O"
            tags.append("O" if merged in ("O", "-", "") else f"{prefix}-{merged}")
        for start, end, kind in spans(repair_bio(tags)):
            if kind in names:
                names[kind].add(norm(" ".join(words[start:end])))
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "ner-en")
    parser.add_argument("--eval", type=Path, default=None, help="../shared/eval, for its scorer (default: beside --data)")
    parser.add_argument("--show", type=int, default=0, help="print this many of kg's wrong Person entities")
    args = parser.parse_args()
    if not (args.data / "label_map.tsv").is_file():
        raise SystemExit(f"{args.data}: no English NER data (label_map.tsv) there")
    label_map = load_label_map(args.data / "label_map.tsv")
    try:
        norm = load_scorer((args.eval or args.data.parent / "eval") / "dev").norm
    except InputError as exc:
        raise SystemExit(f"--eval: {exc}") from None
    wrong_people: list[tuple[str, str]] = []
    for name, (file, token_column, tag_column, labels, per_document) in SETS.items():
        counts: Counter[tuple[str, str]] = Counter()
        docs = documents(args.data / file, token_column, tag_column)
        if per_document:
            sentences = [s for d in docs for s in d]
            docs = [sentences[k:k + per_document] for k in range(0, len(sentences), per_document)]
        for number, doc in enumerate(docs):
            gold = gold_names(doc, label_map[labels], norm)
            text = "\n".join(detokenise(words) for words, _tags in doc)
            proposals = extract.propose_all(nlp.run(Article(f"{name}-{number}", text, "bench", language="en")))
            found: dict[str, set[str]] = {"PER": set(), "ORG": set(), "LOC": set()}
            for entity in proposals.entities.values():
                kind = TYPES.get(entity.type)
                if kind is None:
                    continue
                forms = {norm(f) for f in [entity.name, *entity.aliases]} - {""}
                right = bool(forms & gold[kind])
                counts[(kind, "tp" if right else "fp")] += 1
                found[kind] |= forms
                if kind == "PER" and not right:
                    wrong_people.append((f"{name}-{number}", entity.name))
            for kind, names in gold.items():
                counts[(kind, "found")] += len(names & found[kind])
                counts[(kind, "gold")] += len(names)
        print(f"{name} ({len(docs)} documents)")
        for kind in ("PER", "ORG", "LOC"):
            tp, fp = counts[(kind, "tp")], counts[(kind, "fp")]
            p = tp / (tp + fp) if tp + fp else 0.0
            r = counts[(kind, "found")] / counts[(kind, "gold")] if counts[(kind, "gold")] else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"  {kind}: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (entities {tp + fp}, gold names {counts[(kind, 'gold')]})")
    if args.show:
        random.Random(0).shuffle(wrong_people)
        print("kg's Person entities that are no annotated person:")
        for doc, person in wrong_people[:args.show]:
            print(f"  {doc}: {person}")


if __name__ == "__main__":
    main()
