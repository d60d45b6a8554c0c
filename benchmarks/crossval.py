"""Fitting the scorer and measuring it by cross-validation over documents.

Everything fitted — weights and each provision's threshold — is fitted on the training
agreements of a fold only: the threshold on out-of-fold scores of an inner split of them.
"""

from __future__ import annotations

import itertools
import math
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from labelled import FOLDS, Rows, fold_of
from termgen.their_drafts.scorer import BUCKETS, PROVISIONS, Rule, Weights

C = 1.0
"""Inverse regularisation strength of the logistic regression (L2, liblinear), fixed before
measuring."""
CLASS_WEIGHT: str | None = "balanced"
INNER_FOLDS = 3
NEVER = 1.01
"""A threshold no score reaches: under "either", the cues alone decide."""
SCORES_UNDER_RULE: dict[Rule, Callable[[float, float | None], float]] = {
    "score": lambda score, cued: score,
    "either": lambda score, cued: 2.0 if cued is not None else score,
    "both": lambda score, cued: score if cued is not None else -1.0,
    "one": lambda score, cued: cued if cued is not None else -1.0,
}
"""Each rule as a score to threshold: "either" lifts cued drafts above every cut, "both"
drops uncued ones below, and "one" takes the best cued sentence's score."""


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, truth: bool, said: bool) -> None:
        if truth and said:
            self.tp += 1
        elif truth:
            self.fn += 1
        elif said:
            self.fp += 1
        else:
            self.tn += 1

    @staticmethod
    def _prf(hit: int, false_alarm: int, miss: int) -> tuple[float, float, float] | None:
        """Precision, recall, F1; None when the class has no member (nothing to find)."""
        if hit + miss == 0:
            return None
        precision = hit / (hit + false_alarm) if hit + false_alarm else 0.0
        recall = hit / (hit + miss)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def present(self) -> tuple[float, float, float] | None:
        return self._prf(self.tp, self.fp, self.fn)

    def missing(self) -> tuple[float, float, float] | None:
        return self._prf(self.tn, self.fn, self.fp)


def counted(doc: Rows, provision: str) -> Any:
    """The agreement's candidate sentences for the provision as a sparse matrix of feature
    counts over the buckets, one row a sentence; made once, kept on the agreement."""
    import numpy as np
    from scipy.sparse import csr_matrix

    found = doc.counts.get(provision)
    if found is None:
        features = doc.features[provision]
        indptr = np.cumsum([0, *map(len, features)])
        indices = np.fromiter(itertools.chain.from_iterable(features), np.int64, indptr[-1])
        found = csr_matrix(
            (np.ones(len(indices), np.int64), indices, indptr), shape=(len(features), BUCKETS)
        )
        found.sum_duplicates()
        doc.counts[provision] = found
    return found


def fit(docs: Sequence[Rows], provision: str) -> tuple[Any, float]:
    """Logistic regression over the candidate sentences: covered by a labelled span or not."""
    import numpy as np
    from scipy.sparse import csr_matrix, vstack
    from sklearn.linear_model import LogisticRegression

    labels = np.fromiter(
        (
            int(doc.labels[provision] == 1 and covered)
            for doc in docs
            for covered in doc.covered[provision]
        ),
        np.int64,
    )
    if len(set(labels.tolist())) < 2:  # too few agreements to learn from: the cues decide alone
        return np.zeros(BUCKETS), (-10.0 if not labels.any() else 10.0)
    # Fit over the hashed features that occur, then put the weights back in their buckets:
    # the same model (an unseen feature gets no weight), many times faster to fit.
    matrix = vstack([counted(doc, provision) for doc in docs], format="csr")
    used, columns = np.unique(matrix.indices, return_inverse=True)
    matrix = csr_matrix(
        (np.log1p(matrix.data), columns, matrix.indptr), shape=(matrix.shape[0], len(used))
    )
    model = LogisticRegression(
        C=C, class_weight=CLASS_WEIGHT, solver="liblinear", max_iter=1000, random_state=0
    )
    model.fit(matrix, labels)
    weights = np.zeros(BUCKETS)
    weights[used] = model.coef_[0]
    return weights, float(model.intercept_[0])


def quantised(weights: Any, bias: float, threshold: float, rule: Rule) -> Weights:
    """Fitted weights as the package ships them: int8 steps times a scale."""
    import numpy as np

    scale = float(np.abs(weights).max()) / 127 or 1.0
    steps = np.clip(np.rint(weights / scale), -127, 127).astype(np.int8)
    return Weights(array("b", steps.tobytes()), scale, bias, threshold, rule)


def decisive(doc: Rows, provision: str, weights: Weights) -> tuple[float, float | None]:
    """The best sentence's score, and that of the best sentence a `present` cue matches
    (None where none does): each sentence's total as `Weights.total` adds it, a weight per
    occurrence of a feature, in whole numbers."""
    import numpy as np

    totals = counted(doc, provision) @ np.frombuffer(weights.weights, np.int8).astype(np.int64)
    scores = [weights.probability(total) for total in totals.tolist()]
    cued = [score for score, hit in zip(scores, doc.cued[provision], strict=True) if hit]
    return max(scores, default=0.0), max(cued, default=None)


def threshold(scores: Sequence[float], truths: Sequence[bool]) -> tuple[float, float]:
    """The cut that maximises the mean of F1 present and F1 missing, and that mean."""
    ranked = sorted(zip(scores, truths, strict=True), reverse=True)
    positives = sum(truths)
    counts = Counts(fn=positives, tn=len(ranked) - positives)
    best, chosen = -1.0, 1.0
    for position, (score, truth) in enumerate(ranked):
        counts.tp, counts.fn = counts.tp + truth, counts.fn - truth
        counts.fp, counts.tn = counts.fp + (not truth), counts.tn - (not truth)
        if position + 1 < len(ranked) and ranked[position + 1][0] == score:
            continue
        figures = [f[2] for f in (counts.present(), counts.missing()) if f is not None]
        value = sum(figures) / len(figures) if figures else 0.0
        if value > best:
            below = ranked[position + 1][0] if position + 1 < len(ranked) else None
            best, chosen = value, _between(score, below)
    return chosen, best


def _between(lowest_in: float, highest_out: float | None) -> float:
    """A cut halfway between the lowest score taken and the highest one left out, in log-odds:
    a cut on the lowest score taken leaves out an unseen draft that scores a hair below it,
    though nothing in the data put the line there. On the lowest score taken where either is
    not a probability strictly between 0 and 1 (a rule's mark for cued or uncued drafts)."""
    if highest_out is None or not 0.0 < highest_out < lowest_in < 1.0:
        return lowest_in
    return _sigmoid((_logit(lowest_in) + _logit(highest_out)) / 2)


def _logit(probability: float) -> float:
    return math.log(probability / (1 - probability))


def _sigmoid(value: float) -> float:
    return 1 / (1 + math.exp(-value))


def fit_with_threshold(docs: Sequence[Rows], provision: str) -> Weights:
    """Weights fitted on `docs`; rule and threshold chosen on their out-of-fold scores."""
    held_out: list[tuple[float, float | None, bool]] = []
    for inner in range(INNER_FOLDS):
        train = [doc for doc in docs if fold_of(doc, INNER_FOLDS) != inner]
        test = [doc for doc in docs if fold_of(doc, INNER_FOLDS) == inner]
        weights = quantised(*fit(train, provision), 0.5, "score")
        held_out += [
            (*decisive(doc, provision, weights), doc.labels[provision] == 1) for doc in test
        ]
    truths = [truth for _, _, truth in held_out]
    best: tuple[float, float, Rule] = (-1.0, 0.5, "score")
    for rule, shown in SCORES_UNDER_RULE.items():
        cut, value = threshold([shown(score, cued) for score, cued, _ in held_out], truths)
        if value > best[0]:
            best = (value, min(cut, NEVER), rule)
    _, cut, rule = best
    return quantised(*fit(docs, provision), cut, rule)


def cross_validate(
    docs: Sequence[Rows],
    measured: Callable[[Rows], bool],
    *,
    extra_training: Sequence[Rows] = (),
    folds: int = FOLDS,
) -> dict[str, list[tuple[Rows, bool]]]:
    """For each provision, every measured agreement with the decision of a model fitted
    without its fold (training: the other folds' agreements plus `extra_training`)."""
    decisions: dict[str, list[tuple[Rows, bool]]] = {provision: [] for provision in PROVISIONS}
    for fold in range(folds):
        test = [doc for doc in docs if measured(doc) and fold_of(doc, folds) == fold]
        if not test:
            continue
        train = [doc for doc in docs if fold_of(doc, folds) != fold] + list(extra_training)
        for provision in PROVISIONS:
            weights = fit_with_threshold(train, provision)
            decisions[provision] += [
                (doc, weights.settles(*decisive(doc, provision, weights))) for doc in test
            ]
    return decisions


def table(decisions: dict[str, list[tuple[Rows, bool]]], target: float) -> tuple[list[str], int]:
    """Lines of P/R/F1 for present and missing per provision, and how many miss the target."""
    header = f"{'provision':32} {'present P/R/F1':>16} {'missing P/R/F1':>16}   n+/n-"
    lines = [header, "-" * len(header)]
    below = 0
    for provision, decided in decisions.items():
        counts = Counts()
        for doc, said in decided:
            counts.add(doc.labels[provision] == 1, said)
        cells = []
        for figures in (counts.present(), counts.missing()):
            if figures is None:
                cells.append(f"{'N/A':>16}")
            else:
                cells.append(f"{figures[0]:.2f}/{figures[1]:.2f}/{figures[2]:.2f}".rjust(16))
                below += figures[2] < target
        lines.append(
            f"{provision:32} {cells[0]} {cells[1]}   "
            f"{counts.tp + counts.fn}/{counts.fp + counts.tn}"
        )
    return lines, below
