"""The mention model alone on a benchmark: JSON lines of {"id", "text"} in, {"id", "mentions"} out.

The same contract as `kg ner`, so ../shared/eval/ner_score.py scores it (person, organization,
place and role; the model's PER/ORG/LOC/TITLE spans under those names):

    python ../shared/eval/ner_score.py prepare ../shared/benchmarks/msra-ner/msra_test_bio.txt > build/msra.jsonl
    python scripts/model_ner.py build/msra.jsonl > build/msra-model.jsonl
    python ../shared/eval/ner_score.py score ../shared/benchmarks/msra-ner/msra_test_bio.txt build/msra-model.jsonl

Texts are read as `kg ner` reads them (control characters as spaces, traditional as simplified)
and tagged by the tagger first, as in the pipeline. `--speed N` times the model alone (features
and network, not the tagger) N times on one core and prints the median rate to stderr.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")            # one core, as one worker of `kg build` has
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.extract.mention_features import MODEL_DIR  # noqa: E402
from kg.extract.mentions import MentionModel  # noqa: E402
from kg.extract.tagger import tagger  # noqa: E402
from kg.ingest.readers import scrub  # noqa: E402
from kg.ingest.traditional import to_simplified  # noqa: E402
from kg.lexicon import load as load_lexicon  # noqa: E402

CHUNK = 256     # texts per call, as a batch of articles is


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", type=Path)
    ap.add_argument("--model", type=Path, default=MODEL_DIR, help="folder of weights.npz, vocab.json, words.tsv.gz")
    ap.add_argument("--speed", type=int, default=0, metavar="N", help="time the model N times (median to stderr)")
    args = ap.parse_args(argv)
    records = [json.loads(line) for line in args.input.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [to_simplified(scrub(r["text"])) for r in records]
    tag = tagger()
    tokens = [t for i in range(0, len(texts), CHUNK) for t in tag.tag_many(texts[i:i + CHUNK])]
    model, lex = MentionModel.load(args.model), load_lexicon()
    spans = run(model, texts, tokens, lex)
    for rec, found in zip(records, spans):
        mentions = [{"type": s.type, "text": rec["text"][s.start:s.end], "start": s.start, "end": s.end} for s in found]
        print(json.dumps({"id": rec.get("id"), "mentions": mentions}, ensure_ascii=False))
    if args.speed:
        times = []
        for _ in range(args.speed):
            t0 = time.process_time()
            run(model, texts, tokens, lex)
            times.append(time.process_time() - t0)
        chars = sum(map(len, texts))
        print(f"{chars} characters: {chars / statistics.median(times):,.0f} characters/s (median of {args.speed}; "
              f"CPU seconds {', '.join(f'{t:.2f}' for t in times)})", file=sys.stderr)
    return 0


def run(model: MentionModel, texts, tokens, lex):
    return [s for i in range(0, len(texts), CHUNK) for s in model.spans_many(texts[i:i + CHUNK], tokens[i:i + CHUNK], lex)]


if __name__ == "__main__":
    sys.exit(main())
