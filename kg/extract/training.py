"""Training and cross-validating the relation model on annotated articles (``kg train-relations``).

Every candidate of every article is labelled by the shared scorer's own name matching: a candidate is right
when the scorer would count the claim it makes as a true positive. Each relation is decided by two logistic
regressions (``kg/extract/stacking.py``): the first on a candidate's own features, the second on those and on
what the first says of the article's other candidates; in both fits a right claim weighs one however many
candidates propose it (``claim_weights``). The second's acceptance thresholds are those that
maximise claim F1 in an inner cross-validation on the training articles, repeated over three assignments of
the articles to its folds (``kg/extract/thresholds.py``). ``--cv K`` scores K
document-level folds of the reviewed articles with models that never saw them (the other folds and every
training-only article), pooled into one claims file and one scorer table.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType

from kg.errors import InputError
from kg.extract import lists_of_principals, name_origin, one_object_each, preference, shown
from kg.extract.candidates import by_rule
from kg.extract.decision import RelationModel, RelationWeights, Stage
from kg.extract.entities import stray
from kg.extract.name_origin import NameOrigin, own_counts
from kg.extract.stacking import FirstStage, article_features
from kg.extract.thresholds import (TOLERANCE, Counts, article_claim, best_thresholds, inner_assignments, pair_key,
                                   threshold_counts)
from kg.model import Claim
from kg.relations import REGISTRY

# Inverse regularisation strength of the logistic regressions. Chosen in session 58 by paired cross-validation
# (bench/where_it_acts.py's measure: the 450 articles under six assignments to five folds, the same for each
# value): against 0.3, claims F1 -0.0008 at 0.05, +0.0020 at 0.1, +0.0017 at 0.15, +0.0016 at 0.2, -0.0014 at
# 0.6, -0.0046 at 1.2 (standard deviations 0.0012-0.0025): the middle of the plateau.
C = 0.15
INNER_FOLDS = 3
INNER_REPEATS = 3  # assignments of the articles to the inner folds; their summed counts choose the thresholds
EVENT_GROUPS = 5  # jackknife groups of the event recogniser: each article is read by one trained without its group


@dataclass
class Candidate:
    relation: str
    subject: str  # the name the claims file gives
    object: str | None
    features: list[str]
    claim: Claim  # what the candidate claims: its rule, date and role decide which of a pair's candidates is kept
    record: dict[str, object]  # the claims-file line the candidate makes when accepted
    label: bool = False


@dataclass
class Document:
    id: str
    language: str
    entities: list[dict[str, object]]
    candidates: list[Candidate] = field(default_factory=list)


def load_scorer(gold: Path) -> ModuleType:
    """The shared scorer beside the gold folder (``../shared/eval/score.py``): labels come from its matching."""
    path = gold.resolve().parent / "score.py"
    if not path.is_file():
        raise InputError(f"{path}: the scorer is not there; --data must be a folder of ../shared/eval")
    spec = importlib.util.spec_from_file_location("kg_shared_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _document(path: Path, events: Path | None = None) -> Document | None:
    from kg import extract, ingest, nlp
    from kg.nlp.ner import events as event_recogniser

    articles = list(ingest.run([path], ingest.Skipped()))
    if not articles:
        return None
    article = articles[0]
    recogniser = event_recogniser.load(events) if events is not None else None
    proposals = extract.propose_all(nlp.run(article, events=recogniser))
    names = {key: entity.name for key, entity in proposals.entities.items()}
    entities = [{"doc": article.id, "kind": "entity", "name": e.name, "type": e.type, "aliases": e.aliases}
                for e in proposals.entities.values()]
    document = Document(article.id, article.language, entities)
    for claim in proposals.claims:
        record = {"doc": article.id, "kind": "claim", "relation": claim.relation, "subject": names[claim.subject],
                  "object": names.get(claim.object or ""), "role": claim.role, "date": claim.date,
                  "place": names.get(claim.place or ""), "rule": claim.rule}
        document.candidates.append(Candidate(claim.relation, names[claim.subject], names.get(claim.object or ""),
                                             proposals.features(claim), claim, record))
    return document


def articles(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt"))


def read_documents(paths: list[Path], jobs: int = 1, events: list[Path] | None = None) -> list[Document]:
    """Candidates and features of the articles, in the order given; the article at position i is read with
    the event recogniser ``events[i % len(events)]``, the one trained without its group (none: the head-word
    rules alone)."""
    models = [events[i % len(events)] if events else None for i in range(len(paths))]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            found = list(pool.map(_document, paths, models, chunksize=4))
    else:
        found = [_document(p, m) for p, m in zip(paths, models)]
    return [d for d in found if d is not None]


def event_recognisers(dev: list[Path], extra: list[Path], groups: int, scratch: Path, jobs: int,
                      log: Callable[[str], None]) -> list[Path]:
    """One event recogniser per group, trained on every annotated article outside the group: an article's
    event and agreement names are then found by a model that never saw them, as on a user's articles (a
    relation model trained on names its recogniser had learnt by heart would trust them too much)."""
    from kg.nlp.ner import event_corpus

    documents = [event_corpus.read_document(p) for p in dev + extra]
    group = [i % groups for i in range(len(dev))] + [j % groups for j in range(len(extra))]
    log(f"training {groups} event recognisers, each without one group of articles")
    sets = [[d for d, g in zip(documents, group) if d is not None and g != k] for k in range(groups)]
    paths = [scratch / f"events-{k}.crfsuite" for k in range(groups)]
    if jobs > 1:
        with ProcessPoolExecutor(min(jobs, groups)) as pool:
            list(pool.map(event_corpus.train, sets, paths))
    else:
        for docs, path in zip(sets, paths):
            event_corpus.train(docs, path)
    return paths


def label(documents: list[Document], scorer: ModuleType, gold_folders: list[Path]) -> None:
    gold = scorer.load_gold([str(f) for f in gold_folders])
    for document in documents:
        g = gold.get(document.id)
        if g is None:
            continue
        for c in document.candidates:
            s = g.match(c.subject)
            o = g.match(c.object) if c.object else None
            c.label = s is not None and (c.relation == "quoted" or o is not None) and g.key(c.relation, s, o) in g.claims


class Design:
    """The candidates of one relation as a sparse binary matrix, built once and sliced by document, with each
    candidate's weight in the fit (``claim_weights``)."""

    def __init__(self, candidates: list[Candidate]) -> None:
        import numpy as np
        from scipy.sparse import csr_matrix

        self.names: dict[str, int] = {}
        indptr, indices = [0], []
        for c in candidates:
            indices += sorted({self.names.setdefault(name, len(self.names)) for name in c.features})
            indptr.append(len(indices))
        self.matrix = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(candidates), len(self.names)))
        self.labels = np.array([c.label for c in candidates], dtype=int)
        self.weights = np.array(claim_weights(candidates))

    def fit(self, rows: list[int]) -> tuple[float, dict[str, float]]:
        """A logistic regression on the given rows; returns its bias and per-feature weights."""
        from sklearn.linear_model import LogisticRegression

        labels = self.labels[rows]
        if not len(rows) or labels.min() == labels.max():
            return (5.0 if len(rows) and labels[0] else -5.0), {}
        model = LogisticRegression(C=C, solver="liblinear", dual=True, random_state=0, max_iter=2000)
        model.fit(self.matrix[rows], labels, sample_weight=self.weights[rows])
        coef = model.coef_[0]
        weights = {name: round(float(coef[j]), 5) for name, j in self.names.items() if abs(coef[j]) >= 1e-5}
        return round(float(model.intercept_[0]), 5), weights


def claim_weights(candidates: list[Candidate]) -> list[float]:
    """Each candidate's weight in the fit: a right claim weighs one however many of its article's candidates
    propose it, a wrong candidate one each.

    An article keeps a claim when any one of its candidates passes the threshold, so a right claim needs one
    likely candidate, while every candidate of a wrong claim must be unlikely. Yet a right pair's candidates are
    all labelled right, those of the sentences that say it ("A met B") and of those that merely name both
    ("A said B's country ..."): fitted alike, the second kind teaches the model that naming two parties
    together is evidence, and the claims proposed most often (a quoted person, a body named in every paragraph)
    outweigh the rest. Spreading a right claim's weight over its candidates is the soft form of multiple-
    instance learning (Bunescu and Mooney 2007). Paired over six assignments of the 450 annotated articles to
    five folds (session 60): claims F1 +0.0041 +- 0.0019 (attendances +0.0096, meetings +0.0073, cooperation
    +0.0077), +0.0026 +- 0.0012 by ``bench/where_it_acts.py``; n^-0.75 alike, n^-2 -0.0021; spreading the
    weight of wrong claims too +0.0017, of wrong ones only -0.0053 (docs/relation-model-log.md, session 60). On
    twelve assignments that chose nothing (``bench/objectives.py``, session 61) the gain is smaller, +0.0011 +-
    0.0018; the noisy-or likelihood this weighting approximates, +0.0019 +- 0.0021 against it, is not used: it
    doubles the training time for a gain two sets of assignments disagree on."""
    keys = [article_claim(c) for c in candidates]
    proposed = Counter(key for key, c in zip(keys, candidates) if c.label)
    return [1.0 / proposed[key] if c.label else 1.0 for key, c in zip(keys, candidates)]


def first_stage(documents: list[Document], folds: int = INNER_FOLDS) -> tuple[dict[str, Stage], dict[int, float]]:
    """Each relation's first stage, fitted on every article, and the probability it gives each candidate
    (by ``id``) when fitted without the candidate's fold: the second stage learns from first-stage
    probabilities of articles the first never saw, as it meets them on a user's article."""
    stages: dict[str, Stage] = {}
    held: dict[int, float] = {}
    for relation in sorted({c.relation for d in documents for c in d.candidates}):
        rows = [(i, c) for i, d in enumerate(documents) for c in d.candidates if c.relation == relation]
        design = Design([c for _i, c in rows])
        for k in range(folds):
            stage = Stage(*design.fit([n for n, (i, _c) in enumerate(rows) if i % folds != k]))
            held.update({id(c): stage.probability(c.features) for i, c in rows if i % folds == k})
        stages[relation] = Stage(*design.fit(list(range(len(rows)))))
    return stages, held


def stacked(document: Document, probability: Callable[[Candidate], float]) -> Document:
    """The document with the second stage's features added to each candidate's (``stacking``)."""
    first = [FirstStage(c.relation, c.claim.subject, c.claim.object, probability(c)) for c in document.candidates]
    return replace(document, candidates=[replace(c, features=c.features + more)
                                         for c, more in zip(document.candidates, article_features(first))])


def train(documents: list[Document], gold_total: dict[str, int], folds: int = INNER_FOLDS,
          note: str = "", repeats: int = INNER_REPEATS) -> RelationModel:
    """Two stages per relation (``stacking``); the second's thresholds from a repeated inner document-level
    cross-validation. Whose country a name reads as (``name_origin``) is learnt from the articles' right posts
    to countries; each training article's candidates get its features from the model without that article's
    own posts, as an article the model never saw would."""
    posts = [_country_posts(d) for d in documents]
    origin = NameOrigin.fit(p for own in posts for p in own)
    documents = [_with_origin(d, origin, own) for d, own in zip(documents, posts)]
    stages, held = first_stage(documents, folds)
    second = [stacked(d, lambda c: held[id(c)]) for d in documents]
    return RelationModel({r: replace(w, first=stages[r]) for r, w in second_stage(second, gold_total, folds, repeats).items()},
                         note, origin)


def _country_posts(document: Document) -> list[tuple[str, str]]:
    return name_origin.country_posts((c.relation, c.claim.subject, c.claim.object) for c in document.candidates if c.label)


def _with_origin(document: Document, origin: NameOrigin, posts: list[tuple[str, str]]) -> Document:
    """The document with the name model's features added, the article's own ``posts`` taken out of it."""
    more = name_origin.features(origin, [(c.relation, c.claim.subject, c.claim.object) for c in document.candidates],
                                own_counts(posts))
    return replace(document, candidates=[replace(c, features=c.features + extra) if extra else c
                                         for c, extra in zip(document.candidates, more)])


def second_stage(documents: list[Document], gold_total: dict[str, int], folds: int,
                 repeats: int) -> dict[str, RelationWeights]:
    relations = sorted({c.relation for d in documents for c in d.candidates})
    fitted: dict[str, tuple[float, dict[str, float]]] = {}
    counts: dict[str, Counts] = {}
    assignments = inner_assignments(len(documents), folds, repeats)
    for relation in relations:
        rows = [(i, d.id, c) for i, d in enumerate(documents) for c in d.candidates if c.relation == relation]
        design = Design([c for _i, _d, c in rows])
        summed: Counts = {}
        for fold in assignments:
            scored: list[tuple[str, Candidate, float]] = []
            for k in range(folds):
                probe = Stage(*design.fit([n for n, (i, _d, _c) in enumerate(rows) if fold[i] != k]))
                scored += [(doc, c, probe.probability(c.features)) for i, doc, c in rows if fold[i] == k]
            for key, (right, kept) in threshold_counts(scored, REGISTRY[relation].single).items():
                before = summed.get(key, (0, 0))
                summed[key] = (before[0] + right, before[1] + kept)
        fitted[relation] = design.fit(list(range(len(rows))))
        counts[relation] = summed
    thresholds = best_thresholds(counts, {r: n * len(assignments) for r, n in gold_total.items()},
                                 TOLERANCE * len(assignments))
    return {r: RelationWeights(fitted[r][0], thresholds[r][0], fitted[r][1], thresholds[r][1]) for r in relations}


def predict(model: RelationModel, documents: list[Document]) -> Iterator[dict[str, object]]:
    """The claims-file lines of documents under a model: entities, and each accepted claim once (the
    likeliest of its candidates, preferring one with a date)."""
    for d in documents:
        chosen: dict[tuple[str, ...], tuple[float, Candidate]] = {}
        probabilities = model.probabilities([(c.relation, c.claim.subject, c.claim.object, c.features)
                                             for c in d.candidates])
        scored = [(c, p, model.accepts(c.relation, p, by_rule(c.claim.rule)))
                  for c, p in zip(d.candidates, probabilities) if p is not None]
        listed = lists_of_principals([(c.claim, accepted, c.features) for c, _p, accepted in scored])
        for k, (c, p, accepted) in enumerate(scored):
            if not accepted and k not in listed:
                continue
            key = pair_key(c)
            kept = chosen.get(key)
            if kept is None or (preference(c.claim), p) > (preference(kept[1].claim), kept[0]):
                chosen[key] = (p, c)
        claims = [(replace(c.claim, confidence=p), p, c) for p, c in chosen.values()]
        kept = {id(k) for k in one_object_each([k for k, _p, _c in claims])}
        records = [{**c.record, "role": shown(c.claim, c.features).role, "confidence": round(p, 3)}
                   for k, p, c in claims if id(k) in kept]
        used = {r[field] for r in records for field in ("subject", "object", "place") if r[field]}
        yield from (e for e in d.entities if e["name"] in used or not stray(e["name"], e["type"], e["aliases"]))
        yield from records


def claim_totals(gold: dict[str, object]) -> Callable[[set[str]], dict[str, int]]:
    """The gold claims of a set of articles counted per relation (the thresholds' recall denominators), from the
    scorer's loaded gold."""
    def totals(ids: set[str]) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for doc_id in ids:
            for key in gold[doc_id].claims if doc_id in gold else ():  # type: ignore[attr-defined]
                counts[key[0]] += 1
        return counts

    return totals


def cross_validate(dev: list[Document], extra: list[Document], gold_total: Callable[[set[str]], dict[str, int]],
                   folds: int, assignment: list[int] | None = None) -> list[dict[str, object]]:
    """Claims of every dev document from a model trained without it (its fold left out, ``extra`` always in);
    document i is in fold ``assignment[i]``, by default ``i % folds``."""
    fold = assignment or [i % folds for i in range(len(dev))]
    out: list[dict[str, object]] = []
    for k in range(folds):
        held = [d for d, f in zip(dev, fold) if f == k]
        training = [d for d, f in zip(dev, fold) if f != k] + extra
        model = train(training, gold_total({d.id for d in training}))
        out += predict(model, held)
    return out


def write_jsonl(records: Iterable[dict[str, object]], path: Path) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


@dataclass
class Report:
    """What ``kg train-relations`` prints: scorer tables of the cross-validation, and what it wrote."""

    tables: dict[str, str] = field(default_factory=dict)  # "all" / "en" / "id" -> the scorer's table
    model: Path | None = None
    documents: int = 0
    extra_documents: int = 0


def read_annotated(scorer: ModuleType, data: Path, extra: Path | None, jobs: int,
                   log: Callable[[str], None] = lambda _line: None) -> tuple[list[Document], list[Document]]:
    """The annotated articles of ``data`` and ``extra`` read as the relation model learns from them, each with
    an event recogniser trained without its group of articles, and their candidates labelled by the scorer
    (``load_scorer``, which the caller has loaded for its own scoring too): what ``kg train-relations`` and the
    benchmarks that cross-validate it start from."""
    import tempfile

    dev_paths, extra_paths = articles(data), articles(extra) if extra else []
    with tempfile.TemporaryDirectory() as scratch:
        events = event_recognisers(dev_paths, extra_paths, EVENT_GROUPS, Path(scratch), jobs, log)
        log(f"reading {data}" + (f" and {extra}" if extra else ""))
        dev = read_documents(dev_paths, jobs, events)
        more = read_documents(extra_paths, jobs, events)
    label(dev, scorer, [data])
    if extra:
        label(more, scorer, [extra])
    return dev, more


def run(data: Path, extra: Path | None, *, folds: int, out: Path | None, jobs: int,
        log: Callable[[str], None] = lambda _line: None, claims: Path | None = None) -> Report:
    """Cross-validate (``folds`` > 1) and/or train the shipped model on every article (``out``)."""
    import contextlib
    import io
    import tempfile

    if not data.is_dir():
        raise InputError(f"{data}: no such folder of annotated articles (--data)")
    if extra is not None and not extra.is_dir():
        raise InputError(f"{extra}: no such folder of annotated articles (--extra)")
    scorer = load_scorer(data)
    if not articles(data):
        raise InputError(f"{data}: no articles (*.txt with gold *.json) found")
    dev, more = read_annotated(scorer, data, extra, jobs, log)  # the same readings with or without --cv: one shipped model
    if not dev:
        raise InputError(f"{data}: no articles (*.txt with gold *.json) found")
    folders = [data] + ([extra] if extra else [])
    gold = scorer.load_gold([str(f) for f in folders])
    totals = claim_totals(gold)
    report = Report(documents=len(dev), extra_documents=len(more))
    if folds > 1:
        log(f"{folds}-fold cross-validation over {len(dev)} articles ({len(more)} training-only articles in every fold)")
        records = cross_validate(dev, more, totals, folds)
        with tempfile.TemporaryDirectory() as tmp:
            pooled = Path(tmp) / "cv-claims.jsonl"
            write_jsonl(records, pooled)
            if claims is not None:
                write_jsonl(records, claims)
            languages = {"all": [d.id for d in dev], "en": [d.id for d in dev if d.language == "en"],
                         "id": [d.id for d in dev if d.language != "en"]}
            for name, ids in languages.items():
                if not ids:
                    continue
                args = [a for i in ids for a in ("--gold", str(data / f"{i}.json"))] + ["--system", str(pooled)]
                buffer = io.StringIO()
                with contextlib.redirect_stdout(buffer):
                    scorer.main(args)
                report.tables[name] = buffer.getvalue()
    if out is not None:
        everything = dev + more
        model = train(everything, totals({d.id for d in everything}),
                      note=f"{len(dev)} articles of {data.name}/ and {len(more)} of {extra.name if extra else '-'}/")
        tmp_out = out.with_name(f".{out.name}.tmp")
        tmp_out.write_text(model.to_json(), encoding="utf-8")
        os.replace(tmp_out, out)
        report.model = out
    return report
