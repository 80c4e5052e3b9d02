"""Reading input files as text: encodings of Chinese archives, binary and empty files.

UTF-8 (with or without BOM) and UTF-16 with a BOM are taken at their word; anything
else goes to charset-normalizer, limited to the encodings Chinese archives use, so
GB18030/GBK and Big5 pages decode and a JPEG or PDF is refused rather than read as
mojibake.
"""
from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import InputError, Messages, Problem

MAX_PAGE_MB = 50          # a page of OCR text is ~20 KB; 50 MB is a mistake, not a page
MAX_JSONL_MB = 2048
CHINESE_ENCODINGS = ["utf_8", "gb18030", "big5", "utf_16"]
MAGIC = {b"%PDF": "PDF", b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image",
         b"PK\x03\x04": "ZIP archive", b"II*\x00": "TIFF image", b"MM\x00*": "TIFF image",
         b"\x7fELF": "executable", b"\x1f\x8b": "gzip archive"}


def decode(data: bytes, source: str) -> str:
    """The text in `data`, or InputError naming `source` and why it is not text."""
    if not data.strip():
        raise InputError(Problem(source, Messages.E002))
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            raise InputError(Problem(source, Messages.E003.format(what=what)))
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _clean(data.decode(enc), source)
            except UnicodeDecodeError:
                break
    try:
        return _clean(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096] and not _looks_utf16(data):
        raise InputError(Problem(source, Messages.E003.format(what="NUL bytes")))
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=CHINESE_ENCODINGS).best()
    if best is None:
        raise InputError(Problem(source, Messages.E004))
    return _clean(str(best), source)


def _looks_utf16(data: bytes) -> bool:
    head = data[:4096]
    return head.count(b"\x00") > len(head) // 4 and (head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4)


def _clean(text: str, source: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\t\f")
    if controls > max(8, len(text[:20000]) // 50):
        raise InputError(Problem(source, Messages.E003.format(what="control characters")))
    if not text.strip():
        raise InputError(Problem(source, Messages.E002))
    return text


def read_bytes(path: Path, limit_mb: int) -> bytes:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > limit_mb * 1024 * 1024:
            raise InputError(Problem(source, Messages.E007.format(limit=limit_mb, kind="file of its kind")))
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(Problem(source, Messages.E001)) from None
    except IsADirectoryError:
        raise InputError(Problem(source, Messages.E008.format(why="it is a folder"))) from None
    except OSError as e:
        raise InputError(Problem(source, Messages.E008.format(why=e.strerror or e))) from None


def read_text(path: Path, limit_mb: int = MAX_PAGE_MB) -> str:
    return decode(read_bytes(path, limit_mb), str(path))
