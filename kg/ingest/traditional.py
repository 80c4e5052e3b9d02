"""Traditional characters to simplified, one character for one, so 衡陽 and 衡阳 are the same place.

OpenCC's t2s does the converting. Only lines holding a character that cannot be
simplified Chinese (not in GB 2312, and changed by t2s) are converted, so a
simplified page is left exactly as it was (t2s would turn a correct 乾 or 於 into
干 or 于). A converted line keeps its length: OpenCC's phrase table is used when
it gives a line of the same length, else character by character, so character
offsets into the converted text still index the original (`kg ner` relies on it).
"""
from __future__ import annotations

from functools import lru_cache

# characters a simplified text may hold: all of GB 2312 (rows 16-87 are its 6,763 hanzi)
_GB2312_ROWS = range(0xA1, 0xF8)


@lru_cache(maxsize=1)
def gb2312() -> frozenset[str]:
    """Every character of GB 2312, the simplified standard."""
    return frozenset(_decode_rows(_GB2312_ROWS))


@lru_cache(maxsize=1)
def common_hanzi() -> frozenset[str]:
    """GB 2312 level 1: the 3,755 most used simplified characters."""
    return frozenset(_decode_rows(range(0xB0, 0xD8)))


def _decode_rows(rows: range) -> list[str]:
    out = []
    for lead in rows:
        for trail in range(0xA1, 0xFF):
            try:
                out.append(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


@lru_cache(maxsize=1)
def _opencc():
    import opencc

    return opencc.OpenCC("t2s")


_CHAR: dict[str, str] = {}


def char_map(chars: set[str]) -> dict[str, str]:
    """Each of `chars` to its simplified form under t2s (itself when t2s gives none or more than one)."""
    new = sorted(c for c in chars if c not in _CHAR)
    if new:
        # one call for all: a newline between characters keeps phrases from matching across them
        out = _opencc().convert("\n".join(new)).split("\n")
        if len(out) != len(new):
            out = [_opencc().convert(c) for c in new]
        for c, s in zip(new, out):      # 蟳 stays 蟳: a form outside the BMP (𫊻) no reader or tagger knows
            _CHAR[c] = s if len(s) == 1 and ord(s) <= 0xFFFF else c
    return _CHAR


def _is_hanzi(c: str) -> bool:
    return c >= "\u2e80" and not ("\ud800" <= c <= "\uf8ff") and not ("\ufe00" <= c <= "\ufffd")


def traditional_chars(text: str) -> set[str]:
    """The characters of `text` that only traditional Chinese uses (outside GB 2312, changed by t2s)."""
    gb = gb2312()
    outside = {c for c in set(text) if _is_hanzi(c) and c not in gb}
    if not outside:
        return set()
    m = char_map(outside)
    return {c for c in outside if m[c] != c}


def to_simplified(text: str) -> str:
    """`text` with traditional characters simplified; same length, so offsets carry over."""
    trad = traditional_chars(text)
    if not trad:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if any(c in trad for c in line):
            lines[i] = _simplify_line(line)
    return "\n".join(lines)


def _simplify_line(line: str) -> str:
    try:
        out = _opencc().convert(line)
    except UnicodeEncodeError:     # a lone surrogate (from a JSON escape): convert around it
        out = ""
    if len(out) == len(line):
        return out
    m = char_map({c for c in line if _is_hanzi(c)})
    return "".join(m.get(c, c) for c in line)
