"""The sentences of a BIO benchmark that share no run of 16 characters with a training file, as a BIO file.

People's Daily NER's test split shares most of its text with MSRA NER's train split (2,958 of its
4,636 sentences word for word, most others in long runs: both come from the same newspaper's
text, cut into sentences differently), so a model trained on MSRA train has seen it: scored on
the whole test split it looks better than it is. This writes the rest, to score on text the model
has not seen (into build/, never into the project):

    python scripts/unseen_sentences.py ../shared/benchmarks/peoples-daily-ner/example.test.txt \\
        ../shared/benchmarks/msra-ner-train/msra_train_bio.txt > build/pd-unseen.txt

Lines are copied as they are (character, tag); sentences are kept in order.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def sentences(path: Path) -> list[list[str]]:
    """Each sentence of a one-character-per-line file as its lines."""
    out, lines = [], []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.split():
            lines.append(line)
        elif lines:
            out.append(lines)
            lines = []
    return out


RUN = 16


def runs(s: str) -> set[int]:
    """The hashes of every run of RUN characters of `s` (of `s` itself when shorter)."""
    return {hash(s[i:i + RUN]) for i in range(max(1, len(s) - RUN + 1))}


def text(lines: list[str]) -> str:
    return "".join(line.split()[0] for line in lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("benchmark", type=Path)
    ap.add_argument("train", type=Path)
    args = ap.parse_args(argv)
    seen: set[int] = set()
    for s in sentences(args.train):
        seen |= runs(text(s))
    kept = [s for s in sentences(args.benchmark) if not runs(text(s)) & seen]
    for s in kept:
        print("\n".join(s) + "\n")
    print(f"kept {len(kept)} sentences the training file does not have", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
