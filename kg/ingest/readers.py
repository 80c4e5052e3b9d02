"""Reading input files as text: encodings of Chinese archives, binary, empty and oversized files.

A byte-order mark is taken at its word. Otherwise every encoding Chinese archives
use (UTF-8, GB18030 which covers GBK and GB2312, Big5, UTF-16 without a BOM) is
tried, and the decodings are ranked by how much of them is what a Chinese
newspaper is made of: ASCII, CJK punctuation and the 3,755 most used hanzi (GB 2312
level 1, traditional forms simplified first). A wrong decoding is mojibake of rare
characters, so this separates them from a handful of characters on; charset-normalizer
breaks ties, which it does well but alone fails on short texts (it finds no answer
for a 20-character line with curly quotes). A JPEG or PDF is refused by its magic
bytes, anything else that decodes to nothing plausible as binary.
"""
from __future__ import annotations

import codecs
import os
import re
import select
import stat
from collections import Counter
from pathlib import Path

from ..errors import InputError, Messages, Problem
from ..run import interrupts
from .traditional import char_map, common_hanzi

MAX_PAGE_MB = 50          # a page of OCR text is ~20 KB; 50 MB is a mistake, not a page
MAX_JSONL_MB = 2048
CANDIDATES = ("utf_8", "gb18030", "big5", "utf_16_le", "utf_16_be")     # ties go to the first
NAMES = "UTF-8, GB18030/GBK, Big5, UTF-16"
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
MAGIC = {b"%PDF": "PDF", b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image",
         b"PK\x03\x04": "ZIP archive", b"II*\x00": "TIFF image", b"MM\x00*": "TIFF image",
         b"\x7fELF": "executable", b"\x1f\x8b": "gzip archive", b"BZh": "bzip2 archive",
         b"\xfd7zXZ\x00": "xz archive", b"7z\xbc\xaf": "7-Zip archive", b"Rar!": "RAR archive",
         b"\xd0\xcf\x11\xe0": "Office document", b"SQLite format 3\x00": "SQLite database"}
HEAD = 16384              # bytes decoded to rank the candidates
SAMPLE = 4000             # characters scored per candidate decoding
PLAUSIBLE = 0.5           # below this share of ordinary characters no decoding is believed
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")     # tab, newline, form feed and CR are text
SURROGATE = re.compile("[\ud800-\udfff]")
# symbols a newspaper page holds outside ASCII and the CJK punctuation blocks
SYMBOLS = frozenset("·×÷°±§№—–…‘’“”′″‰※→←↑↓■□▲△◆◇○●★☆")


def decode(data: bytes, source: str) -> str:
    """The text in `data`, or InputError naming `source` and why it is not text."""
    if not data.strip():
        raise InputError(Problem(source, Messages.E002))
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            raise InputError(Problem(source, Messages.E003.format(what=what)))
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return clean(data.decode(enc), source)
            except UnicodeDecodeError:
                break
    return clean(_detect(data, source), source)


def _detect(data: bytes, source: str) -> str:
    head = data[:HEAD]
    whole = len(data) <= HEAD
    # head text -> (share, share without simplifying, charset-normalizer's pick, -rank, enc)
    ranked: dict[str, tuple[float, float, int, int, str]] = {}
    for rank, enc in enumerate(CANDIDATES):
        try:
            text = codecs.getincrementaldecoder(enc)().decode(head, final=whole)
        except UnicodeDecodeError:
            continue
        if text and text not in ranked:
            share, direct = shares(text)
            ranked[text] = (round(share, 2), round(direct, 2), 0, -rank, enc)
    if not ranked:
        raise InputError(Problem(source, _undecodable(data)))
    best = max(v[0] for v in ranked.values())
    if best < PLAUSIBLE:      # valid UTF-8 is text even when it is not Chinese; anything else is not
        if not any(v[-1] == "utf_8" for v in ranked.values()):
            raise InputError(Problem(source, _undecodable(data)))
        ranked = {t: v for t, v in ranked.items() if v[-1] == "utf_8"}
    elif sum(1 for v in ranked.values() if v[:2] == max(ranked.values())[:2]) > 1:
        from charset_normalizer import from_bytes

        match = from_bytes(head, cp_isolation=list(CANDIDATES)).best()
        if match is not None and str(match) in ranked:
            share, direct, _, rank, enc = ranked[str(match)]
            ranked[str(match)] = (share, direct, 1, rank, enc)
    for *_, enc in sorted(ranked.values(), reverse=True):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:      # the head decoded but a later byte does not
            continue
    raise InputError(Problem(source, _undecodable(data)))


def _undecodable(data: bytes) -> str:
    return Messages.E003.format(what="NUL bytes") if b"\x00" in data[:65536] else Messages.E004.format(tried=NAMES)


def plausibility(text: str, simplify: bool = True) -> float:
    """Share of the non-space characters of `text` (its first SAMPLE) that Chinese newspaper text is made of.

    With `simplify`, a traditional character counts as its simplified form."""
    return shares(text)[0 if simplify else 1]


def shares(text: str) -> tuple[float, float]:
    """plausibility(text) and plausibility(text, simplify=False), from one count of the sample's characters.
    What a character is never changes, so each is judged once per process: the candidate decodings of every
    input file were judged character by character, twice, before (8 ms a file)."""
    counts = Counter(text[:SAMPLE])
    new = [c for c in counts if c not in _KIND]
    if new:
        _judge(new)
    simplified = direct = n = 0
    for c, k in counts.items():
        kind = _KIND[c]
        if kind == SPACE:
            continue
        n += k
        if kind & SIMPLIFIED:
            simplified += k
        if kind & DIRECT:
            direct += k
    return (simplified / n, direct / n) if n else (1.0, 1.0)


SIMPLIFIED, DIRECT, SPACE = 1, 2, 4        # ordinary once simplified, ordinary as written, a space
_KIND: dict[str, int] = {}


def _judge(chars: list[str]) -> None:
    """Record what each of `chars` is (those t2s has not seen are converted in one call, as a sample's were)."""
    common = common_hanzi()
    simplified = char_map({c for c in chars if c >= "\u2e80" and c not in common and not "\ud800" <= c <= "\udfff"})
    for c in chars:
        o = ord(c)
        if c in " \n\t\r\u3000":
            _KIND[c] = SPACE
            continue
        plain = (0x20 < o < 0x7F or c in common or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E
                 or 0x2160 <= o <= 0x24FF or c in SYMBOLS)
        _KIND[c] = (SIMPLIFIED if plain or simplified.get(c) in common else 0) | (DIRECT if plain else 0)


def clean(text: str, source: str) -> str:
    """Text with newlines normalised; InputError when it is empty, binary or mostly control characters.

    Stray control characters become spaces and lone surrogates (from JSON escapes)
    U+FFFD, one for one, so offsets are kept and every output can encode the text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if "\x00" in text:
        raise InputError(Problem(source, Messages.E003.format(what="NUL bytes")))
    head = text[:20000]
    if len(CONTROL.findall(head)) > max(2, len(head) // 50):
        raise InputError(Problem(source, Messages.E003.format(what="control characters")))
    if not text.strip():
        raise InputError(Problem(source, Messages.E002))
    return scrub(text)


def scrub(text: str) -> str:
    """Control characters to spaces and lone surrogates to U+FFFD, one for one."""
    return SURROGATE.sub("\ufffd", CONTROL.sub(" ", text))


def read_bytes(path: Path, limit_mb: int, kind: str = "page") -> bytes:
    """The bytes of `path`, at most `limit_mb` MB (a device or pipe is read up to the limit too)."""
    source = str(path)
    limit = limit_mb * 1024 * 1024
    try:
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            if st.st_size > limit:
                raise InputError(Problem(source, Messages.E007.format(limit=limit_mb, kind=kind)))
            data = f.read(limit + 1) if stat.S_ISREG(st.st_mode) else _read_stream(f.fileno(), limit + 1)
    except FileNotFoundError:
        raise InputError(Problem(source, Messages.E001)) from None
    except IsADirectoryError:
        raise InputError(Problem(source, Messages.E008.format(why="it is a folder"))) from None
    except OSError as e:
        raise InputError(Problem(source, Messages.E008.format(why=(e.strerror or str(e)).lower()))) from None
    if len(data) > limit:
        raise InputError(Problem(source, Messages.E007.format(limit=limit_mb, kind=kind)))
    return data


def _read_stream(fd: int, most: int) -> bytes:
    """Up to `most` bytes of a pipe or device, waiting at most a moment at a time. A Ctrl-C that lands between
    opening a pipe and the first read would otherwise be held until a byte arrives, which may be never."""
    chunks, size = [], 0
    while size < most:
        if not select.select([fd], [], [], interrupts.MOMENT)[0]:
            interrupts.taken()
            continue
        chunk = os.read(fd, min(1 << 20, most - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def read_text(path: Path, limit_mb: int = MAX_PAGE_MB, kind: str = "page") -> str:
    return decode(read_bytes(path, limit_mb, kind), str(path))
