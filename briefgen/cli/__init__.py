"""Command line: parse options, call the pipeline, print with rich. No logic lives here.

One module per command group: run.py (build, extract, render), serve.py, template.py,
cache.py, info.py (schema, locales, doctor); common.py holds what they share.
"""
from __future__ import annotations

import click

from briefgen import __version__
from briefgen.cli import cache, facts, info, run, serve, template
from briefgen.cli.common import (EXIT_CODES_HELP, EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, EXIT_RENDER, EXIT_USAGE,
                                 configure_logging, get_global, global_options)

__all__ = ["EXIT_INPUT", "EXIT_INTERNAL", "EXIT_OK", "EXIT_RENDER", "EXIT_USAGE", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             epilog=EXIT_CODES_HELP)
@click.version_option(__version__, prog_name="briefgen")
@global_options
def main() -> None:
    """Turn a folder of news articles into a one-page, cited situation brief.

    \b
    Examples:
      briefgen build sources/ -o brief.pdf
      briefgen build sources/ -o brief.pdf -o brief.html --notes note.md
      briefgen extract sources/ -o facts.json   # review or edit, then:
      briefgen render facts.json -o brief.pdf
    """
    if not get_global("debug"):
        configure_logging(debug=False)


for command in (run.build, run.extract, run.render, facts.facts, info.schema, info.locales, info.doctor, cache.cache,
                serve.serve, template.template):
    main.add_command(command)
