"""The README documents what a user can reach: every lexicon file, pipeline component, CLI option, output
format, error code and ontology term (as datasette's tests/test_docs.py does for its hooks and settings)."""
import re

import click
import pytest
import rdflib

from conftest import ROOT
from kg.cli import main
from kg.errors import Messages
from kg.extract import PIPELINE
from kg.lexicon import FILES
from kg.outputs import WRITERS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}[^\n]*\n(.*?)(?=^## |\Z)", README, re.S | re.M)
    assert m, f"README has no section {title!r}"
    return m.group(1)


@pytest.mark.parametrize("name", FILES)
def test_docs_lexicon_file(name):
    assert f"`{name}`" in section("Extending the lexicons")


@pytest.mark.parametrize("name", [c.name for c in PIPELINE])
def test_docs_pipeline_component(name):
    assert f"`{name}`" in section("How it works")


def _options():
    for cmd_name, cmd in main.commands.items():
        for p in cmd.params:
            if isinstance(p, click.Option):
                yield cmd_name, max(p.opts, key=len)


@pytest.mark.parametrize("command,option", list(_options()))
def test_docs_cli_option(command, option):
    if option == "--help":
        return
    block = re.search(rf"^kg {command}\b.*?(?=^kg |\Z)", section("Commands").split("```")[1], re.S | re.M)
    assert block and option in block.group(0), f"kg {command} {option} is not in the README's command list"


@pytest.mark.parametrize("name", list(WRITERS))
def test_docs_output_format(name):
    text = section("Commands")
    assert all(f in text for f in WRITERS[name].files), name


@pytest.mark.parametrize("code", [k for k in vars(Messages) if re.fullmatch(r"[EW]\d{3}", k)])
def test_docs_error_code(code):
    assert f"| {code} |" in section("Bad input and faults")


def _ontology_terms():
    g = rdflib.Graph().parse(ROOT / "ontology" / "newskg.ttl")
    nkg = "https://w3id.org/newskg/ontology#"
    return sorted({str(s)[len(nkg):] for s in g.subjects() if str(s).startswith(nkg) and str(s) != nkg})


@pytest.mark.parametrize("term", _ontology_terms())
def test_docs_ontology_term(term):
    assert f"nkg:{term}" in section("The ontology")
