"""How often reading guesses a file's encoding wrong, by length: kg.ingest.readers.decode against
charset-normalizer alone, on snippets of real pages in every encoding a Chinese archive uses.

Snippets are random windows of our sample pages (kg/samples) and, when present, the
annotated pages in ../shared/eval/pages; Big5 snippets are first made traditional
(OpenCC s2tw). A guess is right when the decoded text is exactly the snippet. Prints a
Markdown table and writes bench/ENCODINGS.md.

    .venv/bin/python bench/encodings.py [--per-length 100] [--out bench/ENCODINGS.md]
"""
from __future__ import annotations

import argparse
import os
import random
from pathlib import Path

import opencc
from charset_normalizer import from_bytes

from kg.errors import InputError
from kg.ingest.readers import CANDIDATES, decode

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSKG_SHARED", ROOT.parent / "shared"))
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16", "utf-16-le", "utf-16-be"]
LENGTHS = [2, 4, 8, 12, 20, 50, 200, 2000]


def pages() -> list[str]:
    paths = sorted((ROOT / "kg" / "samples").glob("*.txt")) + sorted((SHARED / "eval" / "pages").glob("*.txt"))
    return [p.read_text(encoding="utf-8").replace("\r\n", "\n") for p in paths]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-length", type=int, default=100)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "ENCODINGS.md")
    args = ap.parse_args()
    s2tw = opencc.OpenCC("s2tw")
    texts = pages()
    rng = random.Random(1)
    rows = []
    for n in LENGTHS:
        tried = ours = theirs = refused = 0
        for _ in range(args.per_length):
            page = rng.choice([t for t in texts if len(t) > n])
            i = rng.randrange(len(page) - n)
            snippet = page[i:i + n]
            if not snippet.strip():
                continue
            for enc in ENCODINGS:
                text = snippet
                if enc == "big5":
                    text = s2tw.convert(snippet).encode("big5", errors="replace").decode("big5")
                data = text.encode(enc)
                tried += 1
                try:
                    ours += decode(data, "x") == text
                except InputError:
                    refused += 1
                best = from_bytes(data, cp_isolation=list(CANDIDATES)).best()
                theirs += best is not None and str(best).lstrip("\ufeff") == text
        rows.append((n, tried, tried - ours, refused, tried - theirs))
    lines = ["| characters | files | wrong (newskg) | of which refused | wrong (charset-normalizer alone) |",
             "|---:|---:|---:|---:|---:|"]
    for n, tried, wrong, refused, wrong_cn in rows:
        lines.append(f"| {n} | {tried} | {wrong} ({100 * wrong / tried:.1f}%) | {refused} | "
                     f"{wrong_cn} ({100 * wrong_cn / tried:.1f}%) |")
    table = "\n".join(lines)
    print(table)
    args.out.write_text(f"# Encoding detection by length\n\nMeasured by `bench/encodings.py` on {len(texts)} pages "
                        f"({', '.join(ENCODINGS)}).\n\n{table}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
