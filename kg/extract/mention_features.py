"""What the mention model reads per character: the character, its tagger token, and lexicon matches.

The same code makes the features for training (scripts/train_mentions.py) and at run time
(kg/extract/mentions.py), so the two cannot drift apart. Per character of a text:

- `chars`: an id in the model's vocabulary (full-width forms read as ASCII, every digit as 0;
  a character the training data did not have is OOV);
- `bigrams`: the ids of the two-character strings that end and that start at it, when the
  model has a bigram vocabulary;
- `token_tags`: the tagger's token around it as one id, its part of speech and the
  character's place in it (B, I, E or S), 0 where no token covers it (line breaks);
- `lexicon_bits`: for each word kind (organization name, place name, title, organization ending,
  venue or road ending) whether the character begins, is inside, ends or alone is a word of that
  kind, and whether it is a surname at a token's start.

Words are looked up per token, never per character: a run of up to five tokens (grown only while
some word begins with it), and each ending of one token (市委|副书记 is one token to the tagger),
is one dictionary lookup. So a word counts only where it ends where a token ends.

    >>> from kg.extract.tagger import Token
    >>> tokens = [Token("衡南县", "ns", 0, 3), Token("人民医院", "nt", 3, 7), Token("院长", "n", 7, 9)]
    >>> words = {"人民医院": ORG_SUFFIX, "院长": TITLE}
    >>> [(s, e, kinds) for s, e, kinds in word_matches(tokens, words)]
    [(3, 7, 8), (7, 9, 4)]
"""
from __future__ import annotations

import gzip
from itertools import repeat
from pathlib import Path

import numpy as np

from ..lexicon import Lexicon
from .tagger import Token

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "mentions"
WORD_LISTS = MODEL_DIR / "words.tsv.gz"     # HanLP's names and posts, made by scripts/train_mentions.py

ORG, PLACE, TITLE, ORG_SUFFIX, PLACE_SUFFIX = 1, 2, 4, 8, 16
KINDS = {"org": ORG, "place": PLACE, "title": TITLE, "org_suffix": ORG_SUFFIX, "place_suffix": PLACE_SUFFIX}
N_KINDS = len(KINDS)
N_LEXICON_BITS = 4 * N_KINDS + 1           # B/I/E/S per kind, then surname
OOV = 1
PAIR = 0x110000                            # a bigram's key: first code point * PAIR + second
MAX_WORD = 16                              # characters of the longest word looked up
MAX_TOKENS = 5                             # tokens one word may span
POS_TAGS = ("n", "f", "s", "t", "nr", "ns", "nt", "nz", "v", "vn", "a", "ad", "an", "d",
            "m", "q", "r", "p", "c", "u", "x")
N_TOKEN_TAGS = 1 + 4 * (len(POS_TAGS) + 1)   # 0: no token; then (pos or unknown) x B/I/E/S
_POS_ID = {p: k for k, p in enumerate(POS_TAGS)}
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_FOLD |= {c: ord("0") for c in [*range(0x30, 0x3A), *range(0xFF10, 0xFF1A)]}


def fold(text: str) -> str:
    """The text as the vocabulary reads it: full-width ASCII as ASCII, digits as 0 (same length)."""
    return text.translate(_FOLD)


def shipped_words(path: Path = WORD_LISTS) -> dict[str, int]:
    """Word -> kinds (bits) of the word lists shipped beside the weights (lines `word<TAB>kind`)."""
    out: dict[str, int] = {}
    if not path.exists():
        return out
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            word, _, kind = line.rstrip("\n").partition("\t")
            if word and kind in KINDS:
                out[word] = out.get(word, 0) | KINDS[kind]
    return out


def lexicon_words(lex: Lexicon, shipped: dict[str, int]) -> dict[str, int]:
    """The shipped lists with the project's lexicon (and a user's additions to it): word -> kinds, and each
    word's beginnings -> 0, so that a run of tokens stops growing as soon as no word begins with it."""
    out = dict(shipped)

    def add(words, kind):
        for w in words:
            if w and len(w) <= MAX_WORD:
                out[w] = out.get(w, 0) | kind
    add(lex.organizations, ORG)
    add(lex.titles, TITLE)
    add(lex.org_suffixes, ORG_SUFFIX)
    add(lex.venue_suffixes, PLACE_SUFFIX)
    add(lex.road_suffixes, PLACE_SUFFIX)
    for w in list(out):
        for k in range(1, len(w)):
            out.setdefault(w[:k], 0)
    return out


def word_matches(tokens: list[Token], words: dict[str, int]):
    """(start, end, kinds) of each word of `words` that is a run of whole tokens or an ending of one token.
    `words` maps beginnings of words to 0 (see lexicon_words); without them only single tokens match."""
    n = len(tokens)
    get = words.get
    for i, tok in enumerate(tokens):
        w = tok.word
        for k in range(2, len(w)):                  # endings of the token itself: 市委|副书记
            kinds = get(w[k:])
            if kinds:
                yield tok.start + k, tok.end, kinds
        kinds = get(w)
        if kinds:
            yield tok.start, tok.end, kinds
        end = tok.end
        j = i + 1
        while kinds is not None and j < n and j < i + MAX_TOKENS and tokens[j].start == end:
            w += tokens[j].word
            end = tokens[j].end
            j += 1
            kinds = get(w)
            if kinds:
                yield tok.start, end, kinds


def token_tags(tokens: list[Token], length: int) -> np.ndarray:
    """Per character, the id of its token's part of speech and its place in the token (0: no token)."""
    return _token_tags([(t.start, t.end, t.pos) for t in tokens], length)


def _token_tags(spans: list[tuple[int, int, str]], length: int) -> np.ndarray:
    out = np.zeros(length, dtype=np.int64)
    if not spans:
        return out
    unknown, pos_id = len(POS_TAGS), _POS_ID
    table = np.array([(s, e, pos_id.get(p, unknown)) for s, e, p in spans], dtype=np.int64)
    starts, lengths = table[:, 0], table[:, 1] - table[:, 0]
    base = np.repeat(1 + 4 * table[:, 2], lengths)
    inside = np.arange(len(base)) - np.repeat(np.cumsum(lengths) - lengths, lengths)   # offset in its token
    size = np.repeat(lengths, lengths)
    place = np.where(size == 1, 3, np.where(inside == 0, 0, np.where(inside == size - 1, 2, 1)))   # S, B, E, I
    out[np.repeat(starts, lengths) + inside] = base + place
    return out


def lexicon_bits(tokens: list[Token], length: int, words: dict[str, int], lex: Lexicon) -> np.ndarray:
    """Per character, the B/I/E/S bits of each word kind matched around it, then the surname bit."""
    return _lexicon_bits([tokens], [0], [length], length, words, lex)


def _lexicon_bits(tokens_per_text, starts, lengths, length: int, words: dict[str, int], lex: Lexicon) -> np.ndarray:
    """lexicon_bits of texts one after another (each text's tokens, start and length): the bits to set are
    gathered, then set in one assignment."""
    rows: list[int] = []
    cols: list[int] = []
    surname = N_LEXICON_BITS - 1
    single, double = lex.surnames, lex.compound_surnames
    for tokens, o, n in zip(tokens_per_text, starts, lengths):
        for s, e, kinds in word_matches(tokens, words):
            s, e = s + o, e + o
            for k in range(N_KINDS):
                if kinds >> k & 1:
                    col = 4 * k
                    if e - s == 1:
                        rows.append(s)
                        cols.append(col + 3)
                    else:
                        rows += (s, e - 1)
                        cols += (col, col + 2)
                        rows.extend(range(s + 1, e - 1))
                        cols.extend([col + 1] * (e - 1 - s - 1))
        for t in tokens:
            if t.word[:2] in double:
                rows += (o + t.start, o + t.start + 1) if t.start + 1 < n else (o + t.start,)
                cols += (surname, surname)[:2 if t.start + 1 < n else 1]
            elif t.word[:1] in single:
                rows.append(o + t.start)
                cols.append(surname)
    out = np.zeros((length, N_LEXICON_BITS), dtype=np.float32)
    out[rows, cols] = 1
    return out


class Vocabulary:
    """The model's characters and bigrams (two-character strings) as numpy lookups: a whole text's ids in a few
    array operations, not a dictionary lookup per character. Index 0 is padding, 1 out of vocabulary."""

    def __init__(self, chars: list[str], bigrams: list[str] | None = None):
        self.chars, self.bigrams = chars, bigrams or []
        ids = {c: k for k, c in enumerate(chars)}
        size = max(0x10000, 1 + max((ord(c) for c in chars if len(c) == 1), default=0))
        folded = fold("".join(map(chr, range(size))))
        self.size = size
        self.table = np.append(np.fromiter(map(ids.get, folded, repeat(OOV)), dtype=np.int64, count=size), OOV)
        self.folded = _code_points(folded)
        pairs = sorted((ord(b[0]) * PAIR + ord(b[1]), k) for k, b in enumerate(self.bigrams) if len(b) == 2)
        self.pair_keys = np.array([p for p, _ in pairs], dtype=np.int64)
        self.pair_ids = np.array([k for _, k in pairs], dtype=np.int64)

    def __len__(self) -> int:
        return len(self.chars)

    def char_ids(self, text: str) -> np.ndarray:
        """Each character's id after `fold` (OOV for the rest)."""
        return self.table[np.minimum(_code_points(text), self.size)]

    def bigram_ids(self, text: str) -> np.ndarray:
        """Per character, the ids of the bigrams ending and starting there (N, 2): 0 at the text's ends and when
        the model has no bigrams, OOV for a pair the training data did not have."""
        out = np.zeros((len(text), 2), dtype=np.int64)
        if len(self.pair_keys) and len(text) > 1:
            cps = _code_points(text)
            folded = np.where(cps < self.size, self.folded[np.minimum(cps, self.size - 1)], cps).astype(np.int64)
            keys = folded[:-1] * PAIR + folded[1:]
            at = np.minimum(np.searchsorted(self.pair_keys, keys), len(self.pair_keys) - 1)
            pairs = np.where(self.pair_keys[at] == keys, self.pair_ids[at], OOV)
            out[1:, 0] = pairs
            out[:-1, 1] = pairs
        return out


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def features(text: str, tokens: list[Token], vocab: Vocabulary, words: dict[str, int], lex: Lexicon):
    """(chars, bigrams, token_tags, lexicon_bits) of one text whose tokens carry offsets into it."""
    return features_many([text], [tokens], vocab, words, lex)[0]


def features_many(texts: list[str], tokens_per_text: list[list[Token]], vocab: Vocabulary, words: dict[str, int],
                  lex: Lexicon):
    """`features` of each text, made for all at once, side by side in the order of `texts` (a text's are rows
    starts[i]:starts[i + 1]), and the starts (len(texts) + 1): a few array operations per call, not per text."""
    starts = np.cumsum([0] + [len(t) for t in texts])
    joined = "".join(texts)
    n = len(joined)
    bigrams = vocab.bigram_ids(joined)
    inner = starts[1:-1][(starts[1:-1] > 0) & (starts[1:-1] < n)]
    bigrams[inner, 0] = 0                       # no bigram across two texts
    bigrams[inner - 1, 1] = 0
    spans = [(t.start + o, t.end + o, t.pos) for toks, o in zip(tokens_per_text, starts.tolist()) for t in toks]
    lengths = np.diff(starts).tolist()
    bits = _lexicon_bits(tokens_per_text, starts.tolist(), lengths, n, words, lex)
    return (vocab.char_ids(joined), bigrams, _token_tags(spans, n), bits), starts
