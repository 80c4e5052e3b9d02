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
    # SPARQL: kg query, kg serve, the store (kg/sparql)
    E200 = "{path}: no such graph file (run `kg build` first, or pass --graph)"
    E201 = "{path}: not a readable graph ({why})"
    E202 = "query line {line}, column {column}: {what}"
    E203 = "the query cannot be run: {why}"
    E204 = "the query failed: {why}"
    E205 = "the query ran out of memory"
    E210 = "unknown parameter {name!r}: this query takes {known}"
    E211 = "unknown parameter {name!r}: this query declares no parameters"
    E212 = "parameter ${name} ({help}) has no default: give it a value (--param {name}=..., or ${name}=... over HTTP)"
    E213 = "parameter ${name}: {value!r} is not {kind}"
    E214 = "parameter ${name}: a value may not hold a backslash or a control character"
    E215 = "query line {line}: {text!r} declares a parameter of an unknown type (one of: {types})"
    E216 = ("query line {line}: ${name} is not a declared parameter (declare it in a comment line such as "
            "`# ${name}: name = 邹明远  whose posts`)")
    E217 = "{text!r} is not NAME=VALUE (as in --param person=朱健)"
    E218 = "parameter ${name} is given twice"
    E220 = ("no rows, but {found} {are} in this graph as @zh: a string without a language tag matches only "
            "untagged strings, and names are tagged @zh (write {example}@zh)")
    E221 = ("no rows with the parameters left at their defaults ({values}); give your own "
            "(--param NAME=VALUE, or $NAME=VALUE over HTTP)")
    E230 = ("this endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, ...) is refused; "
            "rebuild the graph with `kg build` instead")
    E231 = "SERVICE (federated queries) is refused: this server makes no requests to other endpoints"
    E232 = "the result has more than {max_rows} rows (--max-rows); add a LIMIT to the query"
    E233 = "the result has more than {max_rows} triples (--max-rows)"
    E234 = "the query ran longer than {timeout:g} s and was stopped (--timeout)"
    E235 = "all {size} query workers stayed busy for {wait:g} s; try again later"
    E236 = "the query worker stopped unexpectedly (out of memory?); try again"
    E237 = ("give one query: /sparql?query=SELECT... (GET), a form with query=... or an application/sparql-query "
            "body (POST); GET /sparql alone shows the query page")
    E238 = ("default-graph-uri and named-graph-uri are not supported: every query runs over the whole graph "
            "(use GRAPH in the query on a store)")
    E239 = "a POST needs a Content-Length"
    E240 = "the request body is over {kb} KB"
    E241 = "the request body is not UTF-8"
    E242 = "send the query as application/x-www-form-urlencoded (query=...) or as application/sparql-query"
    E243 = "not found"
    E244 = "not found: queries go to /sparql"
    E245 = "cannot listen on {host}:{port} ({why})"
    E246 = "give --graph or --store, not both"
    E247 = "the graph took too long to load"
    E248 = "the query worker stopped while loading the graph"
    E249 = "kg serve: a query worker could not be restarted: {why}"
    E250 = "{path}: no such store (build one with `kg build --store {path}`)"
    E251 = "{path}: not a store written by `kg build --store` (no {mark})"
    E252 = "{path}: the store cannot be opened ({why})"
    E253 = "{path}: exists and is not a store written by `kg build --store`; choose another folder (it is never overwritten)"
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
