"""`briefgen facts show`: a facts file read back as a reviewer reads it."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from briefgen.cli.common import EXIT_CODES_HELP, global_options, handle_errors


@click.group()
def facts() -> None:
    """Look into a facts file written by `briefgen extract`."""


@facts.command("show", epilog=EXIT_CODES_HELP)
@click.argument("facts_file", type=click.Path(dir_okay=False, path_type=Path))
@global_options
@handle_errors
def facts_show(facts_file) -> None:
    """Print each quote with its speaker and how the speaker was found, and each figure with its clause.

    \b
    Example:
      briefgen facts show facts.json
    """
    from briefgen.facts_io import load_facts
    from briefgen.facts_show import show

    try:
        for line in show(load_facts(facts_file)):
            click.echo(line)
    except BrokenPipeError:
        # `facts show … | head`: the reader has what it wanted. Point stdout at /dev/null so the
        # interpreter's final flush does not fail a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
