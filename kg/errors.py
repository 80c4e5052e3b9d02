"""Every message the user can see about bad input, in one place (numbered, as spaCy does).

A `Problem` is one readable line naming the input and what is wrong with it. Readers
raise `InputError` carrying one; the build collects them, skips that input and goes on.
"""
from __future__ import annotations

from dataclasses import dataclass


class Messages:
    E001 = "no such file or folder"
    E002 = "is empty"
    E003 = "looks binary ({what}), not text"
    E004 = "cannot be decoded as text (tried UTF-8, UTF-16, GB18030, Big5)"
    E005 = "line {line}: not valid JSON ({why})"
    E006 = "line {line}: a JSON line needs a non-empty \"text\" string"
    E007 = "is larger than {limit} MB, the limit for one {kind}"
    E008 = "cannot be read ({why})"
    E009 = "line {line}: \"date\" must be YYYY-MM-DD, got {value!r}"
    E010 = "folder holds no .txt or .jsonl files"
    E011 = "has no text an article could come from"
    W101 = "no issue date (no masthead date and no --date): relative dates are left unresolved"
    W102 = "no masthead naming the paper: home city {city} inferred from the text (set it with --city)"
    W103 = "no masthead naming the paper and no --city: short forms like 市委 are left unexpanded"


@dataclass(frozen=True)
class Problem:
    """One problem with one input, shown to the user as `source: message`."""

    source: str
    message: str
    fatal: bool = True      # the input (or that line of it) was skipped

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class InputError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class UsageError(Exception):
    """The command cannot run at all (bad option value, nothing usable)."""
