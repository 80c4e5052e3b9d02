"""The `kg` command: parse arguments, call the library, print. No behaviour lives here.

Exit status: 0 all good, 1 some inputs were skipped, 2 nothing usable or a usage error.
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from .errors import UsageError

OUT = Path("output")


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2021-01-13") from None


def _fail(message: str, verbose: bool = False) -> None:
    if verbose:
        import traceback

        traceback.print_exc()
    click.echo(f"kg: {message}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newskg")
def main() -> None:
    """Chinese newspaper pages in, a knowledge graph of who held which post, who did what, where and when."""


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path), default=OUT, show_default=True,
              help="Folder for graph.ttl, graph.html and other formats.")
@click.option("--date", "issue_date", callback=_date, help="Issue date (YYYY-MM-DD) for pages without a masthead date.")
@click.option("--city", help="The paper's home city (衡阳 or 衡阳市) when no masthead names it.")
@click.option("--format", "formats", multiple=True, type=click.Choice(["turtle", "nt", "nquads", "json-ld", "gexf", "graphml"]),
              help="Extra output formats (repeatable); Turtle is always written.")
@click.option("--html-max-nodes", default=2000, show_default=True, help="Nodes shown when graph.html opens; the rest by search.")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option("--lexicon", type=click.Path(exists=True, file_okay=False), help="Folder of extra lexicon files.")
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks.")
def build(inputs, out, issue_date, city, formats, html_max_nodes, no_html, lexicon, verbose):
    """Build the graph of INPUTS (page files, JSON-lines files, folders); the bundled samples when none."""
    from .build import build_kb, write_outputs

    try:
        kb, summary = build_kb(list(inputs) or None, issue_date=issue_date, city=city, lexicon=lexicon)
        if summary.articles == 0:
            for p in summary.problems:
                click.echo(f"kg: {p}", err=True)
            _fail("nothing to build: no input gave an article")
        write_outputs(kb, out, summary, formats=tuple(formats), html=not no_html, html_max_nodes=html_max_nodes)
    except UsageError as e:
        _fail(str(e), verbose)
    except OSError as e:
        _fail(f"{getattr(e, 'filename', '') or out}: {e.strerror or e}", verbose)
    for line in summary.lines():
        click.echo(line)
    for p in summary.problems:
        click.echo(f"kg: {p}", err=True)
    sys.exit(summary.status)


@main.command()
@click.argument("query")
@click.option("--graph", "graph_path", type=click.Path(path_type=Path), default=OUT / "graph.ttl", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("-v", "--verbose", is_flag=True)
def query(query, graph_path, fmt, verbose):
    """Run a SPARQL query (text, or a .rq file) against a built graph."""
    from .query import format_result, load_graph, run_query

    text = query
    if query.endswith((".rq", ".sparql")) or (len(query) < 300 and Path(query).is_file()):
        try:
            text = Path(query).read_text(encoding="utf-8")
        except OSError as e:
            _fail(f"{query}: {e.strerror or e}", verbose)
    try:
        res = run_query(load_graph(graph_path), text)
        click.echo(format_result(res, fmt))
    except UsageError as e:
        _fail(str(e), verbose)


@main.command()
@click.argument("input_file", type=click.Path(path_type=Path))
@click.option("--city", help="Home city giving 市委 and 我市 their meaning.")
def ner(input_file, city):
    """Entity mentions of each JSON line {"id", "text"}: one JSON line out per line in."""
    from .errors import InputError
    from .ingest.readers import MAX_JSONL_MB, decode, read_bytes
    from .ner import run_lines

    try:
        text = decode(read_bytes(input_file, MAX_JSONL_MB), str(input_file)) if str(input_file) != "-" else sys.stdin.read()
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


if __name__ == "__main__":
    main()
