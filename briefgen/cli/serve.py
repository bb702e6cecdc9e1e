"""`briefgen serve`: the live preview."""
from __future__ import annotations

from pathlib import Path

import click

from briefgen.cli.common import EXIT_CODES_HELP, global_options, handle_errors, layout_options, say, settings_of


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@layout_options
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
@global_options
@handle_errors
def serve(sources, theme, locale, page_size, max_pages, notes, port) -> None:
    """Live preview of the brief from SOURCES (folders, articles, or one facts file) on 127.0.0.1.

    Rebuilds when a source, the facts file, the notes or a theme file changes and reloads the
    browser; a template error shows on the page (file:line) and the server keeps running.

    \b
    Example:
      briefgen serve sources/ --theme mytheme      # then open http://127.0.0.1:8000
    """
    from briefgen.serve import serve as run_serve

    settings = settings_of(theme=theme, locale=locale, page_size=page_size, max_pages=max_pages, notes=notes)

    def on_build(state) -> None:
        if state.error:
            say(f"error: {state.error}")
        else:
            click.echo(f"built in {state.seconds:.2f} s ({state.pages} page{'s' if state.pages != 1 else ''}, "
                       f"{state.passes} layout pass{'es' if state.passes != 1 else ''})", err=True)

    def ready(bound: int) -> None:
        click.echo(f"serving on http://127.0.0.1:{bound}/ (Ctrl+C to stop)", err=True)

    try:
        run_serve(list(sources), settings, port=port, on_build=on_build, ready=ready)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)

