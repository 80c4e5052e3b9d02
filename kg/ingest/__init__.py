"""Where an article enters: input paths in, `Article`s and one-line problems out.

Inputs are page files (plain text, one page of many articles), JSON-lines files
(`{"id", "text", "date"?, "source"?}` per line) and folders of either. A bad
file or line becomes a `Problem` and the rest is still read. Traditional
characters are simplified here, one for one (see traditional.py), so an article's
text has the length of what the file holds.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..datamodel import Article, Paper
from ..errors import InputError, Messages, Problem
from .masthead import parse_masthead
from .paper import infer_city, make_paper
from .readers import MAX_JSONL_MB, decode, read_bytes, read_text, scrub
from .split import split_page
from .traditional import to_simplified

MASTHEAD_TITLE = "报头"
SUFFIXES = {".txt", ".text", ".jsonl", ".json", ".ndjson"}
JSONL = {".jsonl", ".json", ".ndjson"}


@dataclass
class Source:
    """One input file read: its articles, and what went wrong or was guessed."""

    path: str
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)    # skipped: the file or some of its lines
    notes: list[Problem] = field(default_factory=list)       # built, with a caveat


def expand(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Files to read, in a stable order, and problems with paths that give none."""
    files, problems = [], []
    for p in paths:
        if p.is_dir():
            found, unreadable = _walk(p)
            problems.extend(unreadable)
            if not found and not unreadable:
                problems.append(Problem(str(p), Messages.E010))
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            problems.append(Problem(str(p), Messages.E001))
    return files, problems


def _walk(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The input files under `folder` (hidden ones left out), and a problem for each subfolder that cannot be read."""
    found, problems = [], []

    def unreadable(e: OSError) -> None:
        problems.append(Problem(e.filename or str(folder), Messages.E008.format(why=(e.strerror or str(e)).lower())))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / n for n in names if not n.startswith(".") and Path(n).suffix.lower() in SUFFIXES)
    return sorted(found), problems


def article_id(paper: str, issue: date | None, text: str) -> str:
    h = hashlib.sha1(f"{paper}|{issue or ''}|{text}".encode()).hexdigest()
    return h[:16]


def read_source(path: Path, *, issue_date: date | None = None, city: str | None = None) -> Source:
    """Read one input file into articles; problems are recorded, never raised."""
    src = Source(str(path))
    city = to_simplified(city) if city else city
    try:
        if path.suffix.lower() in JSONL:
            _read_jsonl(path, src, issue_date, city)
        else:
            _read_page(path, to_simplified(read_text(path)), src, issue_date, city)
    except InputError as e:
        src.problems.append(e.problem)
    return src


def _paper(src: Source, text: str, masthead_paper: str, hint: str, city: str | None) -> Paper:
    if masthead_paper or hint:
        paper = make_paper(masthead_paper, city or hint, given=bool(city))
        if paper is not None:
            return paper
    if city:
        paper = make_paper("", city, given=True)
        if paper is not None:
            return paper
    inferred = infer_city(text)
    if inferred:
        src.notes.append(Problem(src.path, Messages.W102.format(city=inferred), fatal=False))
        return make_paper("", inferred) or Paper()
    src.notes.append(Problem(src.path, Messages.W103, fatal=False))
    return Paper()


def _read_page(path: Path, text: str, src: Source, issue_date: date | None, city: str | None) -> None:
    m = parse_masthead(text)
    paper = _paper(src, text, m.paper, m.city_hint, city)
    issue = m.issue_date or issue_date
    if issue is None:
        src.notes.append(Problem(src.path, Messages.W101, fatal=False))
    head = text[: m.body_start].strip()
    if head:   # the masthead names the paper, its publisher and website: an article of its own
        src.articles.append(Article(id=article_id(paper.name, issue, head), text=head, source=path.name,
                                    title=MASTHEAD_TITLE, issue_date=issue, paper=paper, position=0, kind="masthead"))
    for position, (title, body, kind) in enumerate(split_page(text[m.body_start:]), 1):
        src.articles.append(Article(id=article_id(paper.name, issue, body), text=body, source=path.name,
                                    title=title, issue_date=issue, paper=paper, position=position, kind=kind))
    if not any(a.kind == "article" for a in src.articles):
        src.problems.append(Problem(src.path, Messages.E011))
        src.articles.clear()


def _read_jsonl(path: Path, src: Source, issue_date: date | None, city: str | None) -> None:
    text = decode(read_bytes(path, MAX_JSONL_MB, "JSON-lines file"), str(path))
    records = []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            src.problems.append(Problem(src.path, Messages.E005.format(line=n, why=e.msg)))
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not scrub(rec["text"]).strip():
            src.problems.append(Problem(src.path, Messages.E006.format(line=n)))
            continue
        day = issue_date
        if rec.get("date"):
            try:
                day = date.fromisoformat(str(rec["date"])[:10])
            except ValueError:
                src.problems.append(Problem(src.path, Messages.E009.format(line=n, value=rec["date"])))
                continue
        rec["text"] = to_simplified(scrub(rec["text"].replace("\r\n", "\n").replace("\r", "\n")))
        for key in ("source", "title", "id"):
            if rec.get(key) is not None:
                rec[key] = to_simplified(scrub(str(rec[key])))
        records.append((n, rec, day))
    if not records:
        if not src.problems:
            src.problems.append(Problem(src.path, Messages.E011))
        return
    papers: dict[str, Paper] = {}
    whole = "\n".join(r["text"] for _, r, _ in records)
    for position, (n, rec, day) in enumerate(records):
        name = str(rec.get("source") or "")
        key = name if name.endswith(("日报", "晚报")) else ""
        if key not in papers:
            hint = key[:-2] if key else ""
            papers[key] = _paper(src, whole, key, hint, city)
        paper = papers[key]
        if day is None and not any(p.message == Messages.W101 for p in src.notes):
            src.notes.append(Problem(src.path, f"line {n}: " + Messages.W101, fatal=False))
        body = rec["text"]
        title = str(rec.get("title") or "")
        src.articles.append(Article(id=article_id(paper.name, day, body), text=body,
                                    source=f"{path.name}#{rec.get('id', n)}", title=title, issue_date=day,
                                    paper=paper, position=position))
