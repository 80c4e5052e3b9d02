"""Every message the user can see about bad input and faults, in one place (numbered, as spaCy does).

A `Problem` is one readable line naming the input and what is wrong with it. Readers
raise `InputError` carrying one; the build collects them, skips that input and goes on.
An extractor that raises on one article costs that article (`guarded`), and an output
that cannot be written is an `OutputError` naming the file.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass, field


class Messages:
    E001 = "no such file or folder"
    E002 = "is empty"
    E003 = "looks binary ({what}), not text"
    E004 = "cannot be decoded as text (tried {tried})"
    E005 = "line {line}: not valid JSON ({why})"
    E006 = "line {line}: a JSON line needs a non-empty \"text\" string"
    E007 = "is larger than {limit} MB, the limit for one {kind}"
    E008 = "cannot be read ({why})"
    E009 = "line {line}: \"date\" must be YYYY-MM-DD, got {value!r}"
    E010 = "folder holds no .txt or .jsonl files"
    E011 = "has no text an article could come from"
    E012 = "cannot be written ({why}); the previous outputs are left as they were"
    E013 = "article {position}{title}: extraction failed ({error}), article skipped (a bug: please report it)"
    E014 = "interrupted; the previous outputs are left as they were"
    E015 = "failed unexpectedly ({error}); run with --verbose for the traceback"
    E016 = "line {line}: extraction failed ({error}), line skipped (a bug: please report it)"
    E017 = "interrupted"
    E018 = "another kg build is writing here; the previous outputs are left as they were (wait for it, or use another --out)"
    E019 = "interrupted as the new outputs were being put in place; they all were"
    E020 = "{value!r} is not a date like 2021-01-13"
    E021 = "nothing to build: no input gave an article"
    E022 = "nothing to build: every article failed extraction; the previous outputs are left as they were"
    E023 = "{path}: {why}"
    E024 = "the {package} package is missing: reinstall newskg (`make install`)"
    E025 = "{path}: no such page; build one first with `kg build --out {folder}`"
    E026 = "--dask-scheduler needs Dask: pip install 'newskg[dask]'"
    E027 = "{address}: cannot reach the Dask scheduler ({why})"
    E028 = "{address}: the Dask scheduler has no workers ({why})"
    E029 = ("worker on {host} runs extraction code {worker}, the build {build}: install the same newskg on every "
            "worker (and restart them)")
    E030 = "line {line}: expected a file name, a tab and an issue date like 2021-01-13, got {text!r}"
    E031 = "line {line}: {name} is given two dates, {first} (line {first_line}) and {second}"
    E032 = "no graph.db here: the build is older than the tables (or there is none); run `kg build --out {out}` again"
    E033 = "cannot listen here ({why}); choose another --port (0 picks a free one)"
    W101 = "no issue date (no masthead date and no --date): relative dates are left unresolved"
    W102 = "no masthead naming the paper: home city {city} inferred from the text (set it with --city)"
    W103 = "no masthead naming the paper and no --city: short forms like 市委 are left unexpanded"
    W104 = "the masthead's issue date {printed} is used, not {given} from the {how}"


class InterruptedAfterWriting(KeyboardInterrupt):
    """A Ctrl-C that came while the outputs were being renamed into place: it is taken once all of them are."""


@dataclass(frozen=True)
class Problem:
    """One problem with one input, shown to the user as `source: message`."""

    source: str
    message: str
    fatal: bool = True      # the input (or that line of it) was skipped
    detail: str = field(default="", compare=False)     # a traceback, shown with --verbose

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class InputError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class UsageError(Exception):
    """The command cannot run at all (bad option value, nothing usable)."""


class OutputError(UsageError):
    """An output file could not be written (disk full, no permission); nothing was replaced."""


def describe(exc: BaseException) -> str:
    """`KeyError: 'x'`: an unexpected exception in one line."""
    text = str(exc).strip().splitlines()
    return type(exc).__name__ + (f": {text[0][:200]}" if text else "")


def article_problem(article, exc: Exception) -> Problem:
    """The one-line problem for an article whose extraction raised `exc`: a bug costs that article, not the build."""
    title = article.title if len(article.title) <= 30 else article.title[:29] + "…"
    title = f" 「{title}」" if title else ""
    return Problem(article.source, Messages.E013.format(position=article.position, title=title, error=describe(exc)),
                   detail="".join(traceback.format_exception(exc)))


def guarded(extract, article, *args):
    """`extract(article, *args)`, or the Problem naming the article if it raises (see `article_problem`)."""
    try:
        return extract(article, *args)
    except Exception as e:     # any bug in an extractor; KeyboardInterrupt still stops the build
        return article_problem(article, e)
