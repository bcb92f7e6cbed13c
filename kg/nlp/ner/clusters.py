"""Word clusters learnt offline from unlabelled text, as features for the entity recogniser.

A CRF knows only the words its training data held; clusters let it generalise to words it never saw
labelled, because a city it was never taught shares a cluster with the cities it was. The clusters here are
Brown-like bit strings: each word's left and right neighbours are counted, weighted by positive PMI, reduced
by a truncated SVD, and the words split in two by 2-means, again and again, so that a word's path down the
tree ("0110...") is its cluster and a prefix of it a coarser one. The same pass records how often a word is
written with a capital where a sentence does not force one: a word never seen in lower case is a name.

Learning is deterministic (fixed seeds, sorted vocabulary) and runs with ``python -m kg.nlp.ner.learn_clusters``;
the result is a small TSV in ``data/models/`` (words and bit strings only, no text).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from kg.resources import data_dir

DEPTH = 14  # bits of the longest path
PREFIXES = (4, 8, 12)  # coarser clusters the features also use
CASE_BUCKETS = ((0.95, "always"), (0.6, "mostly"), (0.2, "mixed"), (-1.0, "lower"))


def clusters_path(language: str) -> Path:
    return data_dir() / "models" / f"clusters-{language}.tsv"


@dataclass(frozen=True)
class Clusters:
    paths: dict[str, str]  # lower-cased word -> bit string
    case: dict[str, str]  # lower-cased word -> how it is written mid-sentence (always/mostly/mixed/lower capital)

    def features(self, word: str, *, short: bool = False) -> tuple[str, ...]:
        lower = word.lower()
        feats: list[str] = []
        path = self.paths.get(lower)
        if path is not None:
            if short:
                feats.append(f"c8={path[:8]}")
            else:
                feats.extend(f"c{n}={path[:n]}" for n in PREFIXES)
                feats.append(f"c={path}")
        else:
            feats.append("c=unk")
        case = self.case.get(lower)
        if case and not short:
            feats.append(f"case={case}")
        return tuple(feats)


@lru_cache(maxsize=None)
def load(language: str) -> Clusters:
    """The bundled clusters of a language; none (every word unknown) where no file is shipped."""
    path = clusters_path(language)
    paths: dict[str, str] = {}
    case: dict[str, str] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#") or line.startswith("word\t"):
                continue
            word, bits, written = (line.split("\t") + ["", ""])[:3]
            paths[word] = bits
            if written:
                case[word] = written
    return Clusters(paths, case)


def learn(sentences: Iterable[list[str]], *, min_count: int = 3, contexts: int = 3000, dims: int = 80,
          depth: int = DEPTH) -> tuple[dict[str, str], dict[str, str]]:
    """Bit-string clusters and capitalisation habits of the words of ``sentences`` (lists of tokens)."""
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    counts: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    middle: Counter[str] = Counter()
    pairs: Counter[tuple[str, str, str]] = Counter()  # (word, side, context word)
    for words in sentences:
        lowers = [w.lower() for w in words]
        headline = sum(w.isupper() for w in words if w.isalpha()) * 2 > max(1, sum(w.isalpha() for w in words))
        for i, low in enumerate(lowers):
            counts[low] += 1
            if i > 0 and not headline and words[i][:1].isalpha() and lowers[i - 1] not in (".", "\"", ":", "``", "'"):
                middle[low] += 1
                capital[low] += words[i][:1].isupper()
            pairs[(low, "L", lowers[i - 1] if i else "<s>")] += 1
            pairs[(low, "R", lowers[i + 1] if i + 1 < len(lowers) else "</s>")] += 1
    vocab = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    index = {w: k for k, w in enumerate(vocab)}
    context_words = vocab[:contexts] + ["<s>", "</s>"]
    cindex = {(side, w): k for k, (side, w) in enumerate((s, w) for s in "LR" for w in context_words)}
    rows, cols, vals = [], [], []
    for (word, side, ctx), n in pairs.items():
        if word in index and (side, ctx) in cindex:
            rows.append(index[word])
            cols.append(cindex[(side, ctx)])
            vals.append(float(n))
    matrix = coo_matrix((vals, (rows, cols)), shape=(len(vocab), len(cindex))).tocsr()
    total = matrix.sum()
    row_sum = np.asarray(matrix.sum(axis=1)).ravel()
    col_sum = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75  # smoothed context distribution
    col_sum = col_sum / col_sum.sum() * total
    coo = matrix.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape).tocsr()
    u, s, _ = svds(ppmi, k=min(dims, min(ppmi.shape) - 1), random_state=0)
    vectors = u * np.sqrt(s)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.where(norms == 0, 1, norms)
    paths = {w: "" for w in vocab}
    _bisect(vectors, np.arange(len(vocab)), vocab, paths, depth)
    case: dict[str, str] = {}
    for word in vocab:
        if middle[word] >= 2 and any(c.isalpha() for c in word):
            share = capital[word] / middle[word]
            case[word] = next(label for bound, label in CASE_BUCKETS if share > bound)
    return paths, case


def _bisect(vectors, members, vocab: list[str], paths: dict[str, str], depth: int) -> None:  # type: ignore[no-untyped-def]
    """Split ``members`` in two by spherical 2-means (seeded from the two most frequent members) and recurse."""
    import numpy as np

    if depth == 0 or len(members) < 2:
        return
    points = vectors[members]
    first = points[0]
    second = points[int(np.argmin(points @ first))]  # the member least like the most frequent one
    centres = np.stack([first, second])
    for _ in range(12):
        side = np.argmax(points @ centres.T, axis=1)
        if side.min() == side.max():
            return
        centres = np.stack([points[side == k].mean(axis=0) for k in (0, 1)])
        centres /= np.linalg.norm(centres, axis=1, keepdims=True) + 1e-12
    for k in (0, 1):
        part = members[side == k]
        for m in part:
            paths[vocab[m]] += str(k)
        _bisect(vectors, part, vocab, paths, depth - 1)


def write(path: Path, paths: dict[str, str], case: dict[str, str], header: list[str]) -> None:
    lines = [f"# {line}" for line in header] + ["word\tpath\tcase"]
    lines += [f"{word}\t{paths[word]}\t{case.get(word, '')}" for word in sorted(paths)]
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
