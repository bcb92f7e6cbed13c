"""Reading CoNLL-style NER files, mapping their labels to PER/ORG/LOC, and scoring exact entity spans.

The three public Indonesian sets each name their labels differently (PERSON, ORGANISATION, PLACE, ...);
``label_map.tsv`` beside them says how they map, so no mapping is hard-coded here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg.errors import InputError

Sentence = tuple[list[str], list[str]]  # words, BIO tags
DOCSTART = "-DOCSTART-"  # CoNLL-2003's document break


def read_conll(path: Path, *, separator: str | None = None, comments: bool = False,
               lenient: bool = False) -> Iterator[list[list[str]]]:
    """Sentences as lists of rows (columns split on tab, or on any space when the line has no tab).

    ``comments``: lines starting with "# " are metadata (UD-style ``# sent_id = ...``), not tokens.
    ``lenient``: a line with an empty token is dropped (training data: BTC has three) instead of refused."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    with handle:
        rows: list[list[str]] = []
        for number, raw in enumerate(handle, 1):
            line = raw.rstrip("\r\n")
            if comments and line.startswith("# "):
                continue
            if not line.strip():
                if rows:
                    yield rows
                    rows = []
                continue
            sep = separator if separator is not None else ("\t" if "\t" in line else None)
            columns = line.split(sep) if sep else line.split()
            if not columns or not columns[0]:
                if lenient:
                    continue
                raise InputError(f"{path}:{number}: a token line with no token in its first column")
            rows.append(columns)
        if rows:
            yield rows


def load_label_map(path: Path) -> dict[str, dict[str, str]]:
    mapping: dict[str, dict[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        dataset, source, merged = (line.split("\t") + ["", "", ""])[:3]
        mapping.setdefault(dataset, {})[source] = merged
    return mapping


def labelled_sentences(path: Path, labels: dict[str, str], *, token_column: int = 0, tag_column: int = -1,
                       comments: bool = False) -> list[Sentence]:
    """Training or dev sentences with tags mapped to B-/I- PER, ORG, LOC (anything else is O).

    IOB1 files (CoNLL-2003, WikiGold: I- throughout, B- only between two touching names) come out as IOB2
    through ``repair_bio``; ``-DOCSTART-`` lines between documents are dropped."""
    return [s for document in labelled_documents(path, labels, token_column=token_column, tag_column=tag_column,
                                                 comments=comments) for s in document]


def labelled_documents(path: Path, labels: dict[str, str], *, token_column: int = 0, tag_column: int = -1,
                       comments: bool = False) -> list[list[Sentence]]:
    """``labelled_sentences`` grouped as ``tag_lines`` groups them: the sentences between two ``-DOCSTART-``
    lines are one document; before the first such line, and in a file without them, each sentence is one."""
    out: list[list[Sentence]] = []
    in_documents = False
    for all_rows in read_conll(path, comments=comments, lenient=True):
        rows = [row for row in all_rows if row[token_column] != DOCSTART]
        if len(rows) < len(all_rows):
            in_documents = True
            out.append([])
        if not rows:
            continue
        if not in_documents:
            out.append([])
        words = [row[token_column] for row in rows]
        tags: list[str] = []
        for row in rows:
            tag = row[tag_column] if len(row) > 1 else "O"
            prefix, _, label = tag.partition("-")
            merged = labels.get(label, "O") if label else "O"
            tags.append("O" if merged in ("O", "-", "") else f"{prefix}-{merged}")
        out[-1].append((words, repair_bio(tags)))
    return [document for document in out if document]


def repair_bio(tags: list[str]) -> list[str]:
    """An I- tag that does not continue an entity of its type starts one."""
    fixed: list[str] = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and (i == 0 or fixed[i - 1] == "O" or fixed[i - 1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        fixed.append(tag)
    return fixed


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) of each entity in a BIO sequence; end is exclusive."""
    found: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and (tag == "O" or tag.startswith("B-") or tag[2:] != kind):
            found.append((start, i, kind))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = i, tag[2:]
    return found


@dataclass
class Score:
    tp: Counter
    fp: Counter
    fn: Counter

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        tp = sum(self.tp.values()) if kind is None else self.tp[kind]
        fp = sum(self.fp.values()) if kind is None else self.fp[kind]
        fn = sum(self.fn.values()) if kind is None else self.fn[kind]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: Iterable[list[str]], predicted: Iterable[list[str]]) -> Score:
    """Exact-span entity scores, counted per type (micro over types with ``prf()``)."""
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    for g, p in zip(gold, predicted):
        gs, ps = set(spans(g)), set(spans(p))
        for s in gs & ps:
            tp[s[2]] += 1
        for s in ps - gs:
            fp[s[2]] += 1
        for s in gs - ps:
            fn[s[2]] += 1
    return Score(tp, fp, fn)


def tag_lines(lines: Iterable[str], tag_document: Callable[[list[list[str]]], list[list[str]]]) -> Iterator[str]:
    """Each input line with its predicted tag appended after a tab; blank lines (sentence breaks) kept.

    The token is the first column (tab-separated, or space-separated where a line has no tab); the rest of
    the line is passed through untouched, so a scorer can line the output up with its gold file.
    ``-DOCSTART-`` lines (CoNLL-2003 document breaks) are tagged O and not shown to the model; the sentences
    from one to the next are one document, tagged together (``tag_document``: a list of sentences' words in,
    their tags out). Before the first such line, and in a file without them, each sentence is tagged alone and
    written as soon as it is read.
    """
    pending: list[tuple[list[str], list[str]] | str] = []  # the document so far: (lines, words) of each sentence, blank lines
    block: list[str] = []
    in_documents = False

    def flush() -> Iterator[str]:
        sentences = [item for item in pending if not isinstance(item, str)]
        kept = [[k for k, word in enumerate(words) if word != DOCSTART] for _lines, words in sentences]
        tagged = iter(tag_document([[words[k] for k in ks] for (_lines, words), ks in zip(sentences, kept) if ks]))
        predicted = iter([dict(zip(ks, next(tagged))) if ks else {} for ks in kept])
        for item in pending:
            if isinstance(item, str):
                yield item
                continue
            tags = next(predicted)
            for k, line in enumerate(item[0]):
                yield f"{line}\t{tags.get(k, 'O')}"
        pending.clear()

    def close() -> Iterator[str]:
        nonlocal in_documents
        if not block:
            return
        words = [_token(line) for line in block]
        if DOCSTART in words:
            yield from flush()  # the document before this break is complete
            in_documents = True
        pending.append((list(block), words))
        block.clear()
        if not in_documents:
            yield from flush()

    for raw in lines:
        line = raw.rstrip("\r\n")
        if line.strip():
            block.append(line)
            continue
        yield from close()
        if in_documents:
            pending.append(line)
        else:
            yield line
    yield from close()
    yield from flush()


def _token(line: str) -> str:
    return (line.split("\t") if "\t" in line else line.split())[0]
