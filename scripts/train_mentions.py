"""Train the mention model (kg/extract/mentions.py) and write it to kg/models/mentions/.

    make train
    # which runs, in a venv with the [train] extra (torch):
    python scripts/train_mentions.py --shared ../shared --seed 1

A character BiLSTM-CRF over the features of kg/extract/mention_features.py, trained with torch on
one thread on MSRA NER train (less its last 5%, the dev set that picks the best epoch), with TITLE
weakly labelled from post lists, plus the tune half of our annotated text (see mention_data.py).
The same data and seed give the same weights, byte for byte. It prints each epoch's dev figures
and writes weights.npz, vocab.json and words.tsv.gz; the model card is written by hand from them.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import pickle
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np
import torch
from torch import nn

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import mention_data as data  # noqa: E402

from kg.extract.mention_features import (  # noqa: E402
    MODEL_DIR,
    N_LEXICON_BITS,
    N_TOKEN_TAGS,
    Vocabulary,
    features,
    fold,
    lexicon_words,
    shipped_words,
)
from kg.extract.mentions import MentionModel, segments  # noqa: E402
from kg.lexicon import load as load_lexicon  # noqa: E402

LABELS = ("PER", "ORG", "LOC", "TITLE")
TAGS = ["O"] + [f"{h}-{label}" for label in LABELS for h in "BIES"]
TAG_ID = {t: k for k, t in enumerate(TAGS)}
TUNE_REPEAT = 3            # the tune half is small and closest to our text: seen three times an epoch


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--hidden", type=int, default=64, help="LSTM units per direction")
    ap.add_argument("--char-dim", type=int, default=64)
    ap.add_argument("--bigram-dim", type=int, default=32, help="bigram embedding size (0: no bigrams)")
    ap.add_argument("--bigram-min", type=int, default=5, help="bigrams seen fewer times in training are OOV")
    ap.add_argument("--dropout", type=float, default=0.25, help="on the LSTM's inputs and outputs")
    ap.add_argument("--tune-repeat", type=int, default=TUNE_REPEAT,
                    help="times an epoch the tune half is seen (0: not trained on, so it stays a development set)")
    ap.add_argument("--limit", type=int, default=0, help="train on the first N MSRA sentences only (quick runs)")
    ap.add_argument("--no-lexicon", action="store_true", help="ablation: lexicon features all zero")
    ap.add_argument("--no-tokens", action="store_true", help="ablation: no tagger-token features")
    ap.add_argument("--cache", type=Path, default=ROOT / "build" / "mentions-train")
    args = ap.parse_args(argv)
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    torch.use_deterministic_algorithms(True)
    started = time.time()

    lex = load_lexicon(None)
    hanlp = data.hanlp_words(args.shared / "benchmarks/hanlp-lexicons")
    args.out.mkdir(parents=True, exist_ok=True)
    data.write_words(hanlp, args.out / "words.tsv.gz")
    shipped = shipped_words(args.out / "words.tsv.gz")
    words = lexicon_words(lex, shipped)
    titles = data.title_words(lex, hanlp)

    msra = data.read_msra(args.shared / "benchmarks/msra-ner-train/msra_train_bio.txt")
    cut = len(msra) - len(msra) // 20
    train_msra, dev_msra = msra[:cut], msra[cut:]
    if args.limit:
        train_msra = train_msra[:args.limit]
    tune = data.read_tune_half(args.shared)
    texts = [t for t, _ in train_msra + dev_msra + tune]
    tokens = tag_cached(texts, args.cache)
    tok_of = dict(zip(texts, tokens))
    print(f"data: {len(train_msra)} MSRA train, {len(dev_msra)} dev sentences, {len(tune)} tune texts "
          f"({sum(map(len, (t for t, _ in tune)))} chars); tagged in {time.time() - started:.0f} s", flush=True)

    def labelled(items, weak):
        out = []
        for text, spans in items:
            toks = tok_of[text]
            out.append((text, toks, spans + (data.weak_titles(toks, titles, spans) if weak else [])))
        return out
    train_items = labelled(train_msra, True) + labelled(tune, False) * args.tune_repeat
    dev_items = labelled(dev_msra, True)
    chars = Counter(c for text, _, _ in train_items for c in fold(text))
    vocab_chars = ["<pad>", "<oov>"] + sorted(c for c, n in chars.items() if n >= 2)
    vocab_bigrams = None
    if args.bigram_dim:
        pairs = Counter(f[i:i + 2] for text, _, _ in train_items for f in [fold(text)] for i in range(len(f) - 1))
        vocab_bigrams = ["<pad>", "<oov>"] + sorted(p for p, n in pairs.items() if n >= args.bigram_min)
    vocab = Vocabulary(vocab_chars, vocab_bigrams)
    train = examples(train_items, vocab, words, lex, args)
    dev = examples(dev_items, vocab, words, lex, args)
    print(f"vocabulary {len(vocab_chars)} characters, {len(vocab_bigrams or [])} bigrams; {len(train)} train and "
          f"{len(dev)} dev sequences", flush=True)

    model = Tagger(len(vocab_chars), args.char_dim, args.hidden, len(vocab_bigrams or []), args.bigram_dim, args.dropout)
    rng = np.random.RandomState(args.seed)
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    best, best_f1 = None, -1.0
    for epoch in range(1, args.epochs + 1):
        t0 = time.time()
        model.train()
        total = 0.0
        for batch in batches(train, rng):
            loss = model.loss(*tensors(batch, rng, oov_rate=0.03))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += loss.item()
        weights = export(model, args)
        scores = evaluate(MentionModel(weights, vocab_chars, TAGS, shipped, vocab_bigrams), dev)
        line = "  ".join(f"{k} {p:.3f}/{r:.3f}/{f:.3f}" for k, (p, r, f) in scores.items())
        print(f"epoch {epoch}: loss {total:.0f}, {time.time() - t0:.0f} s; dev P/R/F1 {line}", flush=True)
        if scores["all"][2] > best_f1:
            best, best_f1 = weights, scores["all"][2]
    write_npz(best, args.out / "weights.npz")
    meta = {"chars": vocab_chars, "tags": TAGS} | ({"bigrams": vocab_bigrams} if vocab_bigrams else {})
    (args.out / "vocab.json").write_text(json.dumps(meta, ensure_ascii=False) + "\n", encoding="utf-8")
    digest = hashlib.sha256((args.out / "weights.npz").read_bytes()).hexdigest()[:16]
    print(f"best dev F1 {best_f1:.4f}; wrote {args.out} (weights sha256 {digest}) in {time.time() - started:.0f} s")
    return 0


def tag_cached(texts: list[str], cache: Path):
    """The tagger's tokens of each text, kept under `cache` by the texts' hash (the tagger is deterministic)."""
    from kg.extract.tagger import tagger
    key = hashlib.sha256("\x00".join(texts).encode()).hexdigest()[:16]
    path = cache / f"tokens-{key}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes())
    tag = tagger()
    out = []
    for i in range(0, len(texts), 256):
        out += tag.tag_many(texts[i:i + 256])
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(out))
    return out


def examples(items, vocab, words, lex, args):
    """Per sentence-sized segment: (chars, bigrams, token tags, lexicon bits, gold tags) arrays."""
    out = []
    for text, toks, spans in items:
        c, g, k, b = features(text, toks, vocab, words, lex)
        if args.no_lexicon:
            b = np.zeros_like(b)
        if args.no_tokens:
            k = np.zeros_like(k)
        tags = np.zeros(len(text), dtype=np.int64)
        for label, s, e in spans:
            if e - s == 1:
                tags[s] = TAG_ID[f"S-{label}"]
            else:
                tags[s], tags[s + 1:e - 1], tags[e - 1] = TAG_ID[f"B-{label}"], TAG_ID[f"I-{label}"], TAG_ID[f"E-{label}"]
        for s, e in segments(text):
            out.append((c[s:e], g[s:e], k[s:e], b[s:e], tags[s:e]))
    return out


def batches(items, rng, size=32):
    """Batches of similar length: shuffled, sorted by length in pools of 50 batches, the batches shuffled."""
    order = rng.permutation(len(items))
    out = []
    pool = size * 50
    for i in range(0, len(order), pool):
        chunk = sorted(order[i:i + pool], key=lambda j: len(items[j][0]))
        out += [[items[j] for j in chunk[k:k + size]] for k in range(0, len(chunk), size)]
    return [out[j] for j in rng.permutation(len(out))]


def tensors(batch, rng=None, oov_rate=0.0):
    lengths = torch.tensor([len(x[0]) for x in batch])
    t = int(lengths.max())
    chars = torch.zeros(len(batch), t, dtype=torch.long)
    toks = torch.zeros(len(batch), t, dtype=torch.long)
    bits = torch.zeros(len(batch), t, N_LEXICON_BITS)
    tags = torch.zeros(len(batch), t, dtype=torch.long)
    pairs = torch.zeros(len(batch), t, 2, dtype=torch.long)
    for r, (c, p, k, b, g) in enumerate(batch):
        if oov_rate:
            c = np.where(rng.random_sample(len(c)) < oov_rate, 1, c)
            p = np.where((rng.random_sample(p.shape) < oov_rate) & (p > 0), 1, p)
        chars[r, :len(c)] = torch.from_numpy(c)
        pairs[r, :len(c)] = torch.from_numpy(p)
        toks[r, :len(c)] = torch.from_numpy(k)
        bits[r, :len(c)] = torch.from_numpy(b)
        tags[r, :len(c)] = torch.from_numpy(g)
    return chars, pairs, toks, bits, tags, lengths


class Tagger(nn.Module):
    def __init__(self, n_chars: int, char_dim: int, hidden: int, n_bigrams: int = 0, bigram_dim: int = 0,
                 dropout: float = 0.25, tok_dim: int = 16):
        super().__init__()
        self.char_emb = nn.Embedding(n_chars, char_dim)
        self.bigram_emb = nn.Embedding(n_bigrams, bigram_dim) if bigram_dim else None
        self.tok_emb = nn.Embedding(N_TOKEN_TAGS, tok_dim)
        self.drop = nn.Dropout(dropout)
        inputs = char_dim + tok_dim + N_LEXICON_BITS + 2 * bigram_dim      # in this order: mentions.py slices them so
        self.lstm = nn.LSTM(inputs, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, len(TAGS))
        k = len(TAGS)
        self.transitions = nn.Parameter(torch.zeros(k, k))
        self.start = nn.Parameter(torch.zeros(k))
        self.end = nn.Parameter(torch.zeros(k))

    def emissions(self, chars, pairs, toks, bits, lengths):
        parts = [self.char_emb(chars), self.tok_emb(toks), bits]
        if self.bigram_emb is not None:
            parts.append(self.bigram_emb(pairs).flatten(2))
        x = self.drop(torch.cat(parts, 2))
        packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        y, _ = self.lstm(packed)
        y, _ = nn.utils.rnn.pad_packed_sequence(y, batch_first=True, total_length=chars.shape[1])
        return self.out(self.drop(y))

    def loss(self, chars, pairs, toks, bits, tags, lengths):
        """Mean negative log-likelihood of the gold paths under the CRF."""
        em = self.emissions(chars, pairs, toks, bits, lengths)
        b, t, _ = em.shape
        mask = torch.arange(t)[None, :] < lengths[:, None]
        gold = self.start[tags[:, 0]] + em.gather(2, tags[:, :, None])[:, :, 0].masked_fill(~mask, 0).sum(1)
        steps = self.transitions[tags[:, :-1], tags[:, 1:]].masked_fill(~mask[:, 1:], 0).sum(1)
        last = tags.gather(1, (lengths - 1)[:, None])[:, 0]
        gold = gold + steps + self.end[last]
        alpha = self.start + em[:, 0]
        for i in range(1, t):
            nxt = torch.logsumexp(alpha[:, :, None] + self.transitions[None] + em[:, i, None, :], 1)
            alpha = torch.where(mask[:, i, None], nxt, alpha)
        log_z = torch.logsumexp(alpha + self.end, 1)
        return (log_z - gold).mean()


def export(model: Tagger, args) -> dict[str, np.ndarray]:
    """The weights as kg/extract/mentions.py reads them: per direction (2, inputs, 4h) and (2, h, 4h). An ablation's
    left-out features get zero weights, so that at run time, where they are made, they count for nothing too."""
    p = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}
    if args.no_tokens:
        p["tok_emb.weight"][:] = 0
    if args.no_lexicon:
        start = model.char_emb.embedding_dim + model.tok_emb.embedding_dim
        for name in ("lstm.weight_ih_l0", "lstm.weight_ih_l0_reverse"):
            p[name][:, start:start + N_LEXICON_BITS] = 0
    extra = {"bigram_emb": p["bigram_emb.weight"].astype(np.float16)} if "bigram_emb.weight" in p else {}   # half the bytes
    return extra | {
        "char_emb": p["char_emb.weight"], "tok_emb": p["tok_emb.weight"],
        "w_ih": np.stack([p["lstm.weight_ih_l0"].T, p["lstm.weight_ih_l0_reverse"].T]),
        "w_hh": np.stack([p["lstm.weight_hh_l0"].T, p["lstm.weight_hh_l0_reverse"].T]),
        "b": np.stack([p["lstm.bias_ih_l0"] + p["lstm.bias_hh_l0"], p["lstm.bias_ih_l0_reverse"] + p["lstm.bias_hh_l0_reverse"]]),
        "out_w": p["out.weight"].T.copy(), "out_b": p["out.bias"],
        "transitions": p["transitions"], "start": p["start"], "end": p["end"],
    }


def evaluate(model: MentionModel, items) -> dict[str, tuple[float, float, float]]:
    """Span P/R/F1 per label and over all, the numpy model (what ships) on feature rows with gold tags."""
    tp, npred, ngold = Counter(), Counter(), Counter()
    order = sorted(range(len(items)), key=lambda j: len(items[j][0]))
    for i in range(0, len(order), 256):
        rows = [items[j] for j in order[i:i + 256]]
        paths, probs = model.tag_batch([r[:4] for r in rows])
        for r, path, prob in zip(rows, paths, probs):
            pred = {(s.type, s.start, s.end) for s in model._spans(path[:len(r[0])], prob, 0)}
            gold = {(model_type(label), s, e) for label, s, e in data.spans_of_bio([TAGS[t].replace("E-", "I-").replace("S-", "B-") for t in r[4]])}
            for kind in {k for k, _, _ in pred | gold}:
                p = {x for x in pred if x[0] == kind}
                g = {x for x in gold if x[0] == kind}
                tp[kind] += len(p & g)
                npred[kind] += len(p)
                ngold[kind] += len(g)
    out = {}
    for kind in [*sorted(ngold), "all"]:
        t = sum(tp.values()) if kind == "all" else tp[kind]
        p_ = sum(npred.values()) if kind == "all" else npred[kind]
        g_ = sum(ngold.values()) if kind == "all" else ngold[kind]
        prec, rec = t / max(p_, 1), t / max(g_, 1)
        out[kind] = (prec, rec, 2 * prec * rec / max(prec + rec, 1e-9))
    return out


def model_type(label: str) -> str:
    from kg.extract.mentions import TYPES
    return TYPES[label]


def write_npz(arrays: dict[str, np.ndarray], path: Path) -> None:
    """np.savez_compressed, with no time stamps: the same arrays give the same bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            arr = io.BytesIO()
            np.lib.format.write_array(arr, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            z.writestr(info, arr.getvalue())
    path.write_bytes(buf.getvalue())


if __name__ == "__main__":
    sys.exit(main())
