"""The `kg` command: parse arguments, call the library, print. No behaviour lives here.

Exit status: 0 all good, 1 some inputs were skipped, 2 nothing usable or a usage error;
130 interrupted (Ctrl-C or SIGTERM), 141 the reader of our output went away.
"""
from __future__ import annotations

import signal
import sys
from datetime import date
from pathlib import Path

import click

from .errors import InterruptedAfterWriting, Messages, UsageError, describe
from .outputs import extras

OUT = Path("output")


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(Messages.E020.format(value=value)) from None


def _explain(ctx, param, value):
    if value:
        from .pipeline import explain

        click.echo("\n".join(explain()))
        ctx.exit(0)


def _fail(message: str, verbose: bool = False) -> None:
    if verbose:
        import traceback

        traceback.print_exc()
    click.echo(f"kg: {message}", err=True)
    sys.exit(2)


class _Command(click.Command):
    """A command whose failures are one line: no traceback reaches the user unless --verbose asks for one.

    `kg --help` lists each command with its whole first paragraph (click would cut it at about 45 characters)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.short_help is None and self.help:
            self.short_help = " ".join(self.help.split("\n\n")[0].split())

    def invoke(self, ctx: click.Context):
        signal.signal(signal.SIGTERM, signal.default_int_handler)   # `kill` cleans up the way Ctrl-C does
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt as e:
            late = isinstance(e, InterruptedAfterWriting)
            click.echo(f"\nkg: {Messages.E019 if late else Messages.E014 if self.name == 'build' else Messages.E017}",
                       err=True)
            sys.exit(130)
        except BrokenPipeError:     # `kg query ... | head`: the reader has what it wanted
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
        except Exception as e:      # a bug: one line, the traceback with --verbose
            _fail(f"{ctx.info_name} {Messages.E015.format(error=describe(e))}", bool(ctx.params.get("verbose")))


class _Group(click.Group):
    command_class = _Command


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newskg")
def main() -> None:
    """Chinese newspaper pages in, a knowledge graph of who held which post, who did what, where and when."""


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path), default=OUT, show_default=True,
              help="Folder for graph.ttl, graph.html and other formats.")
@click.option("--date", "issue_date", callback=_date, help="Issue date (YYYY-MM-DD) for pages without a masthead date.")
@click.option("--dates", "dates", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE.tsv",
              help="Issue dates file by file (FILE<TAB>YYYY-MM-DD per line) for pages without a masthead date.")
@click.option("--city", help="The paper's home city (衡阳 or 衡阳市) when no masthead names it.")
@click.option("--format", "formats", multiple=True, type=click.Choice(["turtle", *(w.name for w in extras())]),
              help="Extra output formats (repeatable): " + "; ".join(f"{w.name}: {', '.join(w.files[:1])}" for w in extras())
              + ". graph.ttl, graph.html and index.html are always written.")
@click.option("--html-max-nodes", default=2000, show_default=True, type=click.IntRange(min=1),
              help="Nodes shown when graph.html opens (the best connected); the rest by search.")
@click.option("--no-html", is_flag=True, help="Do not write graph.html and index.html.")
@click.option("--lexicon", type=click.Path(exists=True, file_okay=False), help="Folder of extra lexicon files.")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), help="Also write the graph into an on-disk store here.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes for extraction.  [default: every core]")
@click.option("--no-cache", is_flag=True, help="Extract every article again (the cache is refreshed).")
@click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Extraction cache.  [default: OUT/.newskg-cache]")
@click.option("--dask-scheduler", metavar="ADDRESS", help="Extract on a Dask cluster (tcp://host:8786).")
@click.option("--shard-size", type=click.IntRange(min=1), metavar="QUADS",
              help="With --format nquads: files of at most QUADS lines in OUT/nquads/.")
@click.option("--explain", is_flag=True, callback=_explain, expose_value=False, is_eager=True,
              help="Print the run's steps in order, with what each requires and assigns, and exit.")
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks.")
def build(inputs, out, issue_date, dates, city, formats, html_max_nodes, no_html, lexicon, store_dir, jobs, no_cache,
          cache_dir, dask_scheduler, shard_size, verbose):
    """Build the graph of INPUTS (page files, JSON-lines files, folders); the bundled samples when none."""
    from .run.build import build_kb, write_outputs

    try:
        kb, summary = build_kb(list(inputs) or None, issue_date=issue_date, dates=dates, city=city, lexicon=lexicon,
                               jobs=jobs, cache=cache_dir or out / ".newskg-cache", reuse_cache=not no_cache,
                               dask_scheduler=dask_scheduler)
        if summary.kept == 0:
            for p in summary.problems:
                click.echo(f"kg: {p}", err=True)
            _fail(Messages.E021 if summary.articles == 0 else Messages.E022)
        write_outputs(kb, out, summary, formats=tuple(formats), html=not no_html, html_max_nodes=html_max_nodes,
                      store=store_dir, shard_size=shard_size)
    except UsageError as e:
        _fail(str(e), verbose)
    except OSError as e:
        _fail(Messages.E023.format(path=getattr(e, 'filename', '') or out, why=e.strerror or e), verbose)
    for line in summary.lines():
        click.echo(line)
    for p in summary.problems:
        click.echo(f"kg: {p}", err=True)
        if verbose and p.detail:
            click.echo(p.detail, err=True)
    sys.exit(summary.status)


@main.command()
@click.argument("query")
@click.option("--graph", "graph_path", type=click.Path(path_type=Path), default=OUT / "graph.ttl", show_default=True)
@click.option("--store", "store_dir", type=click.Path(path_type=Path), help="Query this on-disk store instead of --graph.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for a parameter the query declares ($NAME); repeatable.")
@click.option("-v", "--verbose", is_flag=True)
def query(query, graph_path, store_dir, fmt, params, verbose):
    """Run a SPARQL query (text, or a .rq file, with --param values) against a built graph or store."""
    from .sparql.engine import no_rows
    from .sparql.params import bind, parse_assignments
    from .sparql.query import (
        format_result,
        note_for_no_rows,
        open_source,
        oxigraph_writes,
        run_query,
        select_text,
    )

    text = query
    if query.endswith((".rq", ".sparql")) or (len(query) < 300 and Path(query).is_file()):
        try:
            text = Path(query).read_text(encoding="utf-8")
        except OSError as e:
            _fail(f"{query}: {Messages.E008.format(why=e.strerror or e)}", verbose)
    try:
        bound = bind(text, parse_assignments(params))
        source = open_source(graph_path, store_dir)
        if oxigraph_writes(source, bound.text):
            body = select_text(source, bound.text, fmt)      # Oxigraph writes the rows itself
            sys.stdout.buffer.write(body)
            sys.stdout.flush()
            if no_rows(body, fmt) and (note := note_for_no_rows(source, bound.text, bound.defaults)):
                click.echo(f"kg: note: {note}", err=True)
            return
        out = format_result(run_query(source, bound.text), fmt)
        click.echo(out, nl=not out.endswith("\n"))
    except UsageError as e:
        _fail(str(e), verbose)


@main.command()
@click.argument("input_file", type=click.Path(path_type=Path))
@click.option("--city", help="Home city giving 市委 and 我市 their meaning.")
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks.")
def ner(input_file, city, verbose):
    """Entity mentions of each JSON line {"id", "text"}: one JSON line out per line in."""
    from .errors import InputError
    from .extract.ner import run_lines
    from .ingest.readers import MAX_JSONL_MB, decode, read_bytes

    try:
        data = read_bytes(input_file, MAX_JSONL_MB, "JSON-lines file") if str(input_file) != "-" else sys.stdin.buffer.read()
        text = decode(data, str(input_file))
    except InputError as e:
        _fail(str(e.problem))
    bad = 0
    for out in run_lines(text.split("\n"), str(input_file), city):
        if isinstance(out, str):
            click.echo(out)
        else:
            bad += 1
            click.echo(f"kg: {out}", err=True)
    sys.exit(1 if bad else 0)


@main.command("serve")
@click.option("--graph", "graph_path", type=click.Path(path_type=Path), help="A built graph file [default: output/graph.ttl].")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), help="An on-disk store from `kg build --store`.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback: this machine only).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="0 picks a free port.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run before it is stopped.")
@click.option("--max-rows", default=100_000, show_default=True, type=click.IntRange(min=1),
              help="Results with more rows (or triples) are refused.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Queries run at once.")
@click.option("--queries", "queries_dir", type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Folder of worked queries (.rq) the query page offers.  [default: the project's queries/]")
@click.option("-v", "--verbose", is_flag=True)
def serve_cmd(graph_path, store_dir, host, port, timeout, max_rows, workers, queries_dir, verbose):
    """Serve SPARQL (the 1.1 Protocol, read-only) at /sparql, with a query page, and the HTML graph at /."""
    from .sparql.serve import ServeConfig, serve

    if graph_path is not None and store_dir is not None:
        _fail(Messages.E246)
    config = ServeConfig(graph=graph_path if store_dir is None else None, store=store_dir, host=host, port=port,
                         timeout=timeout, max_rows=max_rows, workers=workers, queries=queries_dir)
    try:
        serve(config, announce=click.echo)
    except UsageError as e:
        _fail(str(e), verbose)


@main.command()
@click.argument("out", required=False, type=click.Path(path_type=Path), default=OUT)
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="0 picks a free port.")
@click.option("--no-open", is_flag=True, help="Do not open the browser; only print the address.")
@click.option("-v", "--verbose", is_flag=True)
def browse(out, port, no_open, verbose):
    """Browse OUT/graph.db (default output/) as tables in Datasette, on 127.0.0.1 only."""
    from .tables.browse import serve

    try:
        serve(out, port=port, open_browser=not no_open, announce=click.echo)
    except UsageError as e:
        _fail(str(e), verbose)


@main.command()
@click.argument("out", required=False, type=click.Path(path_type=Path), default=OUT)
def view(out):
    """Open OUT/graph.html (default output/) in the browser; print its path when there is no browser."""
    from .viz.view import open_page, page_path

    try:
        path = page_path(out)
    except UsageError as e:
        _fail(str(e))
    if open_page(path):
        click.echo(f"opened {path}")
    else:
        click.echo(f"no browser to open it here; the page is {path}")


if __name__ == "__main__":
    main()
