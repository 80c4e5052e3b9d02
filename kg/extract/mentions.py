"""The trained mention model: spans of persons, organizations, places and posts, found by a character BiLSTM-CRF.

It reads what the pipeline already has, the tagger's tokens, plus lexicon matches (see
mention_features), and runs in plain numpy: no torch, no second tagger run. The weights,
vocabulary and HanLP word lists sit in kg/models/mentions/ (MODEL_CARD.md says how they were
trained, on what, and how well they do). `scripts/train_mentions.py` makes them.

    >>> from kg.extract.tagger import tagger
    >>> from kg.lexicon import load
    >>> text = "衡南县人民医院院长李建华昨日到柞市镇卫生院调研。"
    >>> [(s.type, text[s.start:s.end]) for s in mention_model().spans(text, tagger().tag(text), load())]
    [('organization', '衡南县人民医院'), ('role', '院长'), ('person', '李建华'), ('organization', '柞市镇卫生院')]

Texts are cut into sentences (at most MAX_SEGMENT characters), sorted by length and run in
batches: each step of the recurrence is one matrix product for both directions and the rows still
running (the backward direction reads each row from its own end, so both run the same rows), and
no padding is computed. With the batches as MAX_BATCH_CHARS makes them every number is the one a padded
batch made, to the bit, but not in batches of any size: BLAS may sum a row in another order in a matrix of
another shape (batches of 1,500 characters changed a few spans of the annotated text, 2026-12-07), so the
batch size is part of what the figures were measured with.
"""
from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..datamodel import ORGANIZATION, PERSON, PLACE, ROLE
from ..lexicon import Lexicon
from .mention_features import (
    MODEL_DIR,
    N_LEXICON_BITS,
    Vocabulary,
    features_many,
    lexicon_words,
    shipped_words,
)
from .tagger import Token, split_segment

TYPES = {"PER": PERSON, "ORG": ORGANIZATION, "LOC": PLACE, "TITLE": ROLE}
MAX_SEGMENT = 150          # characters per sequence; longer sentences are cut at a comma or here
MAX_BATCH_CHARS = 3000    # characters (padding included) per batch
SENTENCE_END = re.compile(r"[。！？!?；;\n]+[”’」』）)]*")


@dataclass(frozen=True)
class Span:
    type: str        # person, organization, place, role
    start: int
    end: int         # exclusive
    score: float     # mean over its characters of the probability the emissions give their tags (0-1)


class MentionModel:
    def __init__(self, weights: dict[str, np.ndarray], chars: list[str], tags: list[str], shipped: dict[str, int],
                 bigrams: list[str] | None = None):
        """`weights` as scripts/train_mentions.py exports them; `chars` the vocabulary (0 padding, 1 OOV); `tags`
        the BIOES tags (0 is O); `shipped` the word lists' word -> kinds; `bigrams` the bigram vocabulary, if any."""
        w = weights
        self.vocab = Vocabulary(chars, bigrams)
        self.tags = tags
        self._parts = [t.partition("-")[::2] for t in tags]     # (B, PER) of B-PER
        self.shipped = shipped
        h = w["w_hh"].shape[1]
        self.hidden = h
        gate = np.ones(4 * h, dtype=np.float32)      # sigmoid(x) = (1 + tanh(x / 2)) / 2: i, f, o take x / 2
        gate[:2 * h] = gate[3 * h:] = 0.5
        w_ih = np.concatenate(w["w_ih"] * gate, axis=1)        # (inputs, 8h): both directions side by side
        dc, dt, nb = w["char_emb"].shape[1], w["tok_emb"].shape[1], N_LEXICON_BITS
        # torch's gate order i, f, g, o read as i, f, o, g (a column of a product is the same alone or moved):
        # the three sigmoids are one slice
        order = np.r_[0:2 * h, 3 * h:4 * h, 2 * h:3 * h]
        both = np.r_[order, 4 * h + order]
        # the input's share of the gates (the bias in the characters'), ready per character and per token tag
        char_gates = w["char_emb"] @ w_ih[:dc] + np.concatenate(w["b"] * gate)
        self.char_gates = np.ascontiguousarray(char_gates.astype(np.float32)[:, both])                       # (V, 8h)
        self.tok_gates = np.ascontiguousarray((w["tok_emb"] @ w_ih[dc:dc + dt]).astype(np.float32)[:, both])
        self.lex_gates = np.ascontiguousarray(w_ih[dc + dt:dc + dt + nb].astype(np.float32)[:, both])        # (bits, 8h)
        self.bigram_emb = w["bigram_emb"].astype(np.float32) if "bigram_emb" in w else None   # shipped as float16
        self.bigram_gates = np.ascontiguousarray(w_ih[dc + dt + nb:].astype(np.float32)[:, both])            # (2 dims, 8h)
        self.w_hh = np.ascontiguousarray((w["w_hh"] * gate).astype(np.float32)[:, :, order])                 # (2, h, 4h)
        self.out_w, self.out_b = w["out_w"].astype(np.float32), w["out_b"].astype(np.float32)
        self.transitions, self.start, self.end = _constrained(tags, w["transitions"], w["start"], w["end"])

    @classmethod
    def load(cls, folder: Path = MODEL_DIR) -> MentionModel:
        meta = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        with np.load(folder / "weights.npz") as w:
            weights = {k: w[k] for k in w.files}
        return cls(weights, meta["chars"], meta["tags"], shipped_words(folder / "words.tsv.gz"), meta.get("bigrams"))

    def words(self, lex: Lexicon) -> dict[str, int]:
        return lex.derived(("mention_words", id(self)), lambda: lexicon_words(lex, self.shipped))

    def spans(self, text: str, tokens: list[Token], lex: Lexicon) -> list[Span]:
        return self.spans_many([text], [tokens], lex)[0]

    def spans_many(self, texts: list[str], tokens_per_text: list[list[Token]], lex: Lexicon) -> list[list[Span]]:
        """The spans of each text, sorted by start; `tokens_per_text` are the tagger's, offsets into each text."""
        feats, starts = features_many(texts, tokens_per_text, self.vocab, self.words(lex), lex)
        segs = sorted(((i, s, e) for i, t in enumerate(texts) for s, e in segments(t)), key=lambda x: x[2] - x[1])
        out: list[list[Span]] = [[] for _ in texts]
        for batch in _batches(segs):
            paths, probs = self._tag(feats, np.array([starts[i] + s for i, s, _ in batch]),
                                     np.array([e - s for _, s, e in batch]))
            for (i, s, e), path, prob in zip(batch, paths, probs):
                out[i].extend(self._spans(path[:e - s], prob, s))
        for spans in out:
            spans.sort(key=lambda sp: (sp.start, sp.end))
        return out

    def tag_batch(self, rows: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]):
        """Best tag paths (B, T) and, where a path's tag is not O, its probability under the emissions (else 0),
        for rows of (chars, bigrams, token tags, lexicon bits)."""
        lengths = np.array([len(r[0]) for r in rows])
        return self._tag(tuple(np.concatenate(f) for f in zip(*rows)), np.cumsum(lengths) - lengths, lengths)

    def _tag(self, feats: tuple, firsts: np.ndarray, lengths: np.ndarray):
        """tag_batch of the rows feats[firsts[r]:firsts[r] + lengths[r]] of features (chars, bigrams, token tags,
        lexicon bits) made together."""
        b, t, h = len(lengths), int(lengths.max()), self.hidden
        order = np.argsort(lengths, kind="stable")          # shortest first: the rows still running are a tail
        lengths = lengths[order]
        # each character's place (time, row) and row in feats; the backward direction reads a row from its end
        row_of = np.repeat(np.arange(b), lengths)
        time_of = np.arange(len(row_of)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        gates = self._input_gates([f[firsts[order][row_of] + time_of] for f in feats], b)    # (characters, 8h)
        x = np.zeros((t, 2, b, 4 * h), dtype=np.float32)
        x[time_of, 0, row_of] = gates[:, :4 * h]
        x[lengths[row_of] - 1 - time_of, 1, row_of] = gates[:, 4 * h:]
        first_live = np.searchsorted(lengths, np.arange(t), side="right")   # rows with length > i start here
        out = _lstm(x, first_live, self.w_hh, h)                            # (t, 2, b, h)
        hs = np.zeros((t, b, 2 * h), dtype=np.float32)
        hs[:, :, :h] = out[:, 0]
        hs[time_of, row_of, h:] = out[lengths[row_of] - 1 - time_of, 1, row_of]
        emissions = hs @ self.out_w + self.out_b                            # (t, b, k)
        paths = np.empty((b, t), dtype=np.int64)
        paths[order] = _viterbi(emissions, first_live, self.transitions, self.start, self.end)
        emissions = emissions.transpose(1, 0, 2)
        emissions = emissions[np.argsort(order, kind="stable")]
        probs = np.zeros(paths.shape, dtype=np.float32)
        at = np.nonzero(paths)
        if at[0].size:
            em = emissions[at]
            probs[at] = 1.0 / np.exp(em - em[np.arange(len(em)), paths[at]][:, None]).sum(1)
        return paths, probs

    def _input_gates(self, feats: list[np.ndarray], b: int) -> np.ndarray:
        """The input's share of both directions' gates at each character of `feats` (chars, bigrams, token tags,
        lexicon bits of a batch's b rows): the characters' and token tags' rows added, then the lexicon bits' and
        bigrams' products. Each product's row is what it was in a padded (time, row) batch of the same rows (checked
        byte for byte on the annotated text and the public sets); a batch of one row took the vector product (gemv),
        and does."""
        chars, pairs, toks, bits = feats
        gates = self.char_gates[chars]
        gates += self.tok_gates[toks]
        n = len(chars)
        one = (1,) if b == 1 else ()                # (n, 1, k) @ (k, 8h): n vector products
        gates += (bits.reshape(n, *one, -1) @ self.lex_gates).reshape(n, -1)
        if self.bigram_emb is not None:
            gates += (self.bigram_emb[pairs].reshape(n, *one, -1) @ self.bigram_gates).reshape(n, -1)
        return gates

    def _spans(self, path: np.ndarray, probs: np.ndarray, offset: int) -> list[Span]:
        out, parts = [], self._parts
        start = kind = None
        at = np.flatnonzero(path)                       # tag 0 is O
        for j, tag in zip(at.tolist(), path[at].tolist()):
            head, label = parts[tag]
            if head in ("B", "S"):
                start, kind = j, label
            if head in ("E", "S") and start is not None and label == kind:
                out.append(Span(TYPES[kind], offset + start, offset + j + 1, float(probs[start:j + 1].mean())))
                start = kind = None
        return out


def _lstm(x: np.ndarray, first_live: np.ndarray, w_hh: np.ndarray, h: int) -> np.ndarray:
    """Both directions' LSTM over input gates x (T, 2, B, 4h: gates i, f, o, g, the sigmoids' columns halved),
    the backward direction's each row read from its own end, rows shortest first: step k runs rows
    first_live[k]: on (two at least: a product of one row is BLAS's vector product, its sums in another order).
    Returns each step's states (T, 2, B, h), zero where a row has ended."""
    t, _, b, _ = x.shape
    out = np.zeros((t, 2, b, h), dtype=np.float32)
    state = np.zeros((2, b, h), dtype=np.float32)
    cell = np.zeros((2, b, h), dtype=np.float32)
    z = np.empty((2, b, 4 * h), dtype=np.float32)
    ig = np.empty((2, b, h), dtype=np.float32)
    lo = max(b - 2, 0)
    for k in range(t):
        j = min(first_live[k], lo)
        s, c, zz, tmp = state[:, j:], cell[:, j:], z[:, j:], ig[:, j:]
        np.matmul(s, w_hh, out=zz)
        zz += x[k, :, j:]
        np.tanh(zz, out=zz)
        sig = zz[..., :3 * h]
        sig *= 0.5
        sig += 0.5                                  # (1 + tanh(x / 2)) / 2 = sigmoid(x)
        c *= zz[..., h:2 * h]
        np.multiply(zz[..., :h], zz[..., 3 * h:], out=tmp)
        c += tmp
        np.tanh(c, out=s)
        s *= zz[..., 2 * h:3 * h]
        out[k, :, j:] = s
    return out


def _viterbi(emissions: np.ndarray, first_live: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray):
    """The CRF's best path of each row of time-major emissions (T, B, K), rows shortest first and those still
    running at step i from first_live[i] on (padding ignored): a slice, not a mask."""
    t, b, k = emissions.shape
    score = (start + emissions[0]).astype(np.float32)
    back = np.empty((t, b, k), dtype=np.int64)
    back[:] = np.arange(k)                         # a row that has ended keeps its last tag
    into = np.ascontiguousarray(trans.T)           # (to, from): each candidate's from-tags side by side
    buf = np.empty((b, k, k), dtype=np.float32)
    for i in range(1, t):
        j = first_live[i]
        cand = np.add(score[j:, None, :], into, out=buf[j:])          # (rows, to, from)
        best = cand.argmax(2)
        back[i, j:] = best
        # the best candidate's score read where argmax found it: a second reduction (max) cost a third of the loop
        np.add(np.take_along_axis(cand, best[..., None], 2)[..., 0], emissions[i, j:], out=score[j:])
    path = np.empty((b, t), dtype=np.int64)
    path[:, t - 1] = (score + end).argmax(1)
    rows = np.arange(b)
    for i in range(t - 1, 0, -1):
        path[:, i - 1] = back[i, rows, path[:, i]]
    return path


def _constrained(tags: list[str], trans, start, end):
    """The CRF's scores with the moves BIOES forbids made impossible (I-ORG after B-PER, a span left open)."""
    trans, start, end = trans.astype(np.float32).copy(), start.astype(np.float32).copy(), end.astype(np.float32).copy()
    parts = [t.partition("-")[::2] for t in tags]
    for a, (ha, la) in enumerate(parts):
        if ha in ("I", "E"):
            start[a] = -1e4
        if ha in ("B", "I"):
            end[a] = -1e4
        for c, (hc, lc) in enumerate(parts):
            open_a = ha in ("B", "I")
            inside_c = hc in ("I", "E")
            if open_a != inside_c or (open_a and la != lc):
                trans[a, c] = -1e4
    return trans, start, end


def segments(text: str) -> list[tuple[int, int]]:
    """Sentence-sized spans of `text` (line breaks left out), none longer than MAX_SEGMENT."""
    out = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        _cut(text, start, m.end(), out)
        start = m.end()
    _cut(text, start, len(text), out)
    return out


def _cut(text: str, s: int, e: int, out: list) -> None:
    while e > s and text[e - 1] == "\n":
        e -= 1
    split_segment(text, s, e, out, MAX_SEGMENT)


def _batches(segs: list[tuple[int, int, int]]):
    """Runs of length-sorted segments of at most MAX_BATCH_CHARS characters, padding included."""
    batch: list = []
    for seg in segs:
        if batch and (len(batch) + 1) * (seg[2] - seg[1]) > MAX_BATCH_CHARS:
            yield batch
            batch = []
        batch.append(seg)
    if batch:
        yield batch


_local = threading.local()


def mention_model() -> MentionModel:
    """One model per thread, loaded on first use (0.1 s). numpy's BLAS is held to one thread then: builds run a
    process per core, and on a batch of sentences BLAS's own threads cost four times what they save."""
    m = getattr(_local, "model", None)
    if m is None:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
        m = _local.model = MentionModel.load()
    return m
