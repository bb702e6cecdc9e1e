"""`briefgen template list`, `new` and `check`: themes."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from briefgen.cli.common import console, global_options, handle_errors, pages_opt, say
from briefgen.display import shown
from briefgen.errors import TemplateError


@click.group()
@global_options
def template() -> None:
    """Write, list and check themes (see docs/templates.md).

    \b
    Examples:
      briefgen template list
      briefgen template new mytheme --from default
      briefgen template check mytheme
      briefgen build sources/ --theme mytheme -o brief.pdf
    """


@template.command("list")
@global_options
def template_list() -> None:
    """List the built-in themes."""
    from briefgen.render.theme import list_themes

    out = console(stderr=False)
    for name, description, extends in list_themes():
        base = f" (extends {extends})" if extends else ""
        out.print(f"[bold]{name}[/]{base}: {description}", markup=True)


@template.command("new")
@global_options
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--from", "parent", default="default", show_default=True, help="Built-in theme, or a theme folder, to extend.")
@handle_errors
def template_new(folder, parent) -> None:
    """Write a working theme into FOLDER that extends a built-in one or a theme folder, with
    comments that teach."""
    from briefgen.themetools.scaffold import new_theme

    for path in new_theme(folder, parent):
        say(f"wrote {path}")
    say(f"next: edit {folder / 'style.css'} or {folder / 'base.html'}, then `briefgen template check {folder}`")


@template.command("check")
@global_options
@click.argument("theme")
@click.option("--facts", "facts_files", multiple=True, type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Also render these facts files (repeatable).")
@click.option("--quick", is_flag=True, help="Only the example facts, not the edge cases.")
@pages_opt
@handle_errors
def template_check(theme, facts_files, quick, max_pages) -> None:
    """Check THEME (a folder or a built-in name): syntax, undefined names, text outside translation
    tags, escape attempts, runaway loops, includes and URLs leaving the theme, overflow, type too small.

    Renders it against the example facts and edge cases (empty sections, very long names and
    quotes, many figures, right to left). One line per problem, file:line first; exit 1 if any.
    """
    from briefgen.facts_io import load_facts
    from briefgen.themetools.check import check_theme
    from briefgen.themetools.samples import sample_briefs, sample_facts
    from briefgen.render.theme import load_theme

    try:
        load_theme(theme)   # no such theme: a usage error (exit 2), as for `build --theme`
    except TemplateError:
        pass                # a broken theme.toml is one of the problems reported below

    extra = [(str(path), load_facts(path), "en") for path in facts_files]
    samples = sample_briefs(extra)
    if quick:
        samples = samples[:1] + samples[len(sample_facts()):]
    problems = check_theme(theme, samples, max_pages=max_pages)
    for problem in problems:
        click.echo(shown(str(problem)))
    say(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {theme} "
         f"({len(samples)} sample brief{'s' if len(samples) != 1 else ''})")
    sys.exit(1 if problems else 0)

