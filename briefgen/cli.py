"""Command line: parse options, call the pipeline, print with rich. No logic lives here."""
from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path

import click

from briefgen import __version__
from briefgen.config import Settings
from briefgen.display import shown
from briefgen.errors import BriefgenError, ConfigError, RenderError, TemplateError

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_RENDER, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_CODES_HELP = """\b
Exit codes:
  0  brief (or facts file) written, even if some sources were skipped with a warning
  1  nothing usable (no readable source, a broken facts/notes file) or an output cannot be written
  2  usage error: bad option, unknown output format or language, broken briefgen.toml
  3  a template or the renderer failed
  4  internal error (run again with --debug and report it)"""



def _console(stderr: bool = True):
    """A rich console, imported on first use: a quiet build never pays rich's import."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _say(line: str) -> None:
    """One line on stderr. Lines name files, and a file name may hold terminal escapes: shown."""
    click.echo(shown(line), err=True)


def _fail(code: int, message: str) -> None:
    _say(f"error: {message}")
    sys.exit(code)


class _ShownFormatter(logging.Formatter):
    """Log lines (a cache folder refused, a font made) name files too; a traceback stays as it is."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        record.message = shown(record.message)
        return super().formatMessage(record)


def handle_errors(func: Callable) -> Callable:
    """Turn briefgen errors into one stderr line and an exit code; tracebacks only with --debug."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        debug = _global("debug")
        try:
            return func(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except ConfigError as exc:
            if debug:
                raise
            _fail(EXIT_USAGE, str(exc))
        except (TemplateError, RenderError) as exc:
            if debug:
                raise
            _fail(EXIT_RENDER, str(exc))
        except BriefgenError as exc:
            if debug:
                raise
            _fail(EXIT_INPUT, str(exc))
        except KeyboardInterrupt:
            _fail(130, "interrupted; nothing was written")
        except Exception as exc:  # noqa: BLE001
            if debug:
                raise
            _fail(EXIT_INTERNAL, f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")

    return wrapper


def _warn_all(warnings: list[str]) -> None:
    for line in warnings:
        _say(f"warning: {line}")


class _ProgressDisplay:
    """A rich progress bar on stderr; silent with -q or when stderr is not a terminal."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self._progress = None
        self._task = None

    def __enter__(self) -> "_ProgressDisplay":
        if self.enabled:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            # markup=False: a file named "[link=…]x.txt" is a name, not rich markup.
            self._progress = Progress(TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(),
                                      console=_console(), transient=True)
            self._progress.__enter__()
            self._task = self._progress.add_task("reading sources", total=None)
        return self

    def total(self, n: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task, total=n)

    def step(self, path: str) -> None:
        if self._progress is not None:
            self._progress.update(self._task, advance=1, description=f"reading {shown(Path(path).name)}")

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)


def _settings(**kwargs) -> Settings:
    return Settings(**{k: v for k, v in kwargs.items() if v is not None})


_sources_arg = click.argument("sources", nargs=-1, required=True,
                              type=click.Path(exists=False, path_type=Path))
_theme_opt = click.option("--theme", default="default", show_default=True, help="Theme name or folder.")
_lang_opt = click.option("--lang", "locale", default=None, metavar="LANG[,LANG...]",
                         help="Brief language(s): 'fr', or 'en,fr,ar,ru' for one brief per language "
                              "(brief.en.pdf, brief.fr.pdf, ...); 'ar-u-nu-arab' for Arabic-Indic digits. "
                              "Default: the sources' language, else English. See `briefgen locales`.")
_page_opt = click.option("--page-size", type=click.Choice(["A4", "Letter"]), default="A4", show_default=True,
                         help="Without -o, a Letter brief is written to brief-letter.pdf, so it never "
                              "replaces the A4 brief.pdf of an earlier build.")
_pages_opt = click.option("--pages", "max_pages", type=click.IntRange(1, 20), default=1, show_default=True,
                          help="Longest brief allowed, in pages.")
_notes_opt = click.option("--notes", type=click.Path(exists=False, dir_okay=False, path_type=Path),
                          help="An analyst note in Markdown, shown in its own block.")
_report_opt = click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                           help="Write what the one-page fit left out (and pages, layout passes) to this JSON file.")
_variant_opt = click.option("--pdf-variant", type=click.Choice(["pdf/ua-1", "pdf/ua-2", "pdf/a-2b", "pdf/a-3b"]),
                            default=None, help="PDF flavour; pdf/ua-1 is tagged for screen readers.")
_max_size_opt = click.option("--max-source-size", "max_source_mb", type=click.FloatRange(min=0.001), default=25.0,
                             show_default=True, help="Skip source files larger than this many MB.")
_timeout_opt = click.option("--source-timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
                            help="Skip a source that takes longer than this many seconds to read.")
_jobs_opt = click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
                         help="Processes reading and extracting sources. [default: the cores available]")
_cache_opt = click.option("--no-cache", "no_cache", is_flag=True,
                          help="Read and extract every source again, ignoring the facts cache.")
_dask_opt = click.option("--dask", "dask", metavar="ADDRESS", default=None,
                         help="Extract on a Dask cluster: tcp://scheduler:8786, or 'local' for a cluster "
                              "on this machine. Needs `pip install 'briefgen[dask]'` (docs/scaling.md).")


def _default_outputs(outputs, page_size: str) -> list[Path]:
    """-o as given, else brief.pdf (A4) or brief-letter.pdf: a Letter build of the same sources
    is another file, not a silent replacement of the A4 one."""
    return list(outputs) or [Path("brief.pdf" if page_size == "A4" else f"brief-{page_size.lower()}.pdf")]


def _sources_exist(sources) -> None:
    """When no source path exists, one line naming it (and a close sibling, for a typo) instead
    of a build that finds nothing. Some missing among others: a warning at build, as before."""
    if any(path.exists() for path in sources):
        return
    from briefgen.errors import NothingUsableError

    raise NothingUsableError(f"no such file or folder{_did_you_mean(sources[0])}", sources[0])


def _did_you_mean(path: Path) -> str:
    """' (did you mean sources/?)' when a sibling's name is close to the missing one's."""
    import difflib

    try:
        siblings = {p.name: p for p in path.parent.iterdir() if not p.name.startswith(".")}
    except OSError:
        return ""
    close = difflib.get_close_matches(path.name, list(siblings), n=1)
    if not close:
        return ""
    found = siblings[close[0]]
    return f" (did you mean {found}{'/' if found.is_dir() else ''}?)"


def _corpus_settings(jobs, no_cache, dask) -> dict:
    if dask and not _global("debug"):
        import os

        # distributed sets its loggers to INFO when imported (~30 lines per run, from the
        # scheduler and every worker): its own config, read from the environment that the local
        # cluster's workers inherit too, keeps them at WARNING. A user's own setting wins.
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
    return {"jobs": jobs, "cache": not no_cache, "dask": dask}   # --cache-dir: see _use_cache_root


# Global options: accepted before the subcommand (`briefgen --debug build …`) and after it
# (`briefgen build … --debug`, as error messages suggest), so each is on the group and on every
# command. Either place stores into ctx.meta, which the whole context chain shares.
def _set_global(ctx: click.Context, param: click.Parameter, value):
    if value:   # a flag left off after the subcommand must not undo one given before it
        ctx.meta[f"briefgen.{param.name}"] = value
        if param.name == "debug":
            _configure_logging(debug=True)
        elif param.name == "cache_dir":
            _use_cache_root(ctx, value)
    return value


def _use_cache_root(ctx: click.Context, root: Path) -> None:
    """--cache-dir ROOT means what BRIEFGEN_CACHE_DIR=ROOT means: the root holding facts, fonts,
    places and templates. Set for this command (and the workers it starts, which inherit the
    environment), then put back: a caller running several commands in one process (tests,
    scripts) does not keep it."""
    import os

    name = "BRIEFGEN_CACHE_DIR"
    if "briefgen.cache_env" not in ctx.meta:
        before = ctx.meta["briefgen.cache_env"] = os.environ.get(name)
        ctx.find_root().call_on_close(
            lambda: os.environ.__setitem__(name, before) if before is not None else os.environ.pop(name, None))
    os.environ[name] = str(root)


def _global(name: str):
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get(f"briefgen.{name}") if ctx is not None else None


_global_opts = (
    click.option("--debug", is_flag=True, expose_value=False, callback=_set_global,
                 help="Show tracebacks and debug logging."),
    click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=_set_global,
                 help="No progress display, no summary."),
    click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None, expose_value=False,
                 callback=_set_global, help="Cache root (facts, fonts, places, templates), like "
                                            "$BRIEFGEN_CACHE_DIR. [default: see `briefgen cache info`]"),
)


def _global_options(func: Callable) -> Callable:
    for option in reversed(_global_opts):
        func = option(func)
    return func


def _configure_logging(debug: bool) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(_ShownFormatter("%(levelname)s: %(name)s: %(message)s"))
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, handlers=[handler], force=True)
    # Libraries (fontTools, WeasyPrint) are chatty at INFO; their warnings are ours to word.
    for name in ("fontTools", "weasyprint", "distributed"):
        logging.getLogger(name).setLevel(logging.NOTSET if debug else logging.ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             epilog=EXIT_CODES_HELP)
@click.version_option(__version__, prog_name="briefgen")
@_global_options
def main() -> None:
    """Turn a folder of news articles into a one-page, cited situation brief.

    \b
    Examples:
      briefgen build sources/ -o brief.pdf
      briefgen build sources/ -o brief.pdf -o brief.html --notes note.md
      briefgen extract sources/ -o facts.json   # review or edit, then:
      briefgen render facts.json -o brief.pdf
    """
    if not _global("debug"):
        _configure_logging(debug=False)


@main.command(epilog=EXIT_CODES_HELP)
@_sources_arg
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Output file; .pdf or .html. Repeat for several. "
                   "[default: brief.pdf, or brief-letter.pdf with --page-size Letter]")
@_theme_opt
@_lang_opt
@_page_opt
@_pages_opt
@_notes_opt
@_max_size_opt
@_timeout_opt
@_report_opt
@_variant_opt
@_jobs_opt
@_cache_opt
@_dask_opt
@_global_options
@handle_errors
def build(sources, outputs, theme, locale, page_size, max_pages, notes, max_source_mb, source_timeout, report_path,
          pdf_variant, jobs, no_cache, dask) -> None:
    """Build a brief from SOURCES (folders or article files).

    \b
    Folders are read recursively (hidden files skipped) in a stable order.
    Readable: .txt (scraped pages), .html, .md (YAML front matter), .json.

    \b
    Examples:
      briefgen build sources/ -o brief.pdf
      briefgen build a.txt b.html -o brief.pdf -o brief.html --page-size Letter
    """
    from briefgen.pipeline import build as run_build

    _sources_exist(sources)
    outputs = _default_outputs(outputs, page_size)
    settings = _settings(theme=theme, locale=locale, page_size=page_size, max_pages=max_pages, notes=notes,
                         max_source_bytes=int(max_source_mb * 1024 * 1024), source_timeout=source_timeout,
                         pdf_variant=pdf_variant, **_corpus_settings(jobs, no_cache, dask))
    quiet = bool(_global("quiet"))
    with _ProgressDisplay(quiet) as progress:
        report = run_build(list(sources), outputs, settings, progress.step, progress.total)
    _warn_all(report.warnings)
    if not quiet:
        _report_dropped(report.dropped, report_path)
    _write_report(report_path, report)
    if not quiet:
        for path in report.written:
            _say(f"wrote {path} ({report.pages} page{'s' if report.pages != 1 else ''}, "
                 f"{report.sources} source{'s' if report.sources != 1 else ''})")


@main.command(epilog=EXIT_CODES_HELP)
@_sources_arg
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Facts file to write (.json, or .yaml to edit by hand). [default: facts.json]")
@click.option("--update", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="An existing (maybe hand-edited) facts file: add only the new sources, keep every edit. "
                   "The old file is kept as FILE.bak.")
@click.option("--force", is_flag=True,
              help="Replace an -o facts file that holds edits (analyst facts, changed values); "
                   "the old file is kept as FILE.bak. Without it, such a file is refused.")
@_max_size_opt
@_timeout_opt
@_jobs_opt
@_cache_opt
@_dask_opt
@_global_options
@handle_errors
def extract(sources, output, update, force, max_source_mb, source_timeout, jobs, no_cache, dask) -> None:
    """Extract the facts of SOURCES into a facts file you can review, then `briefgen render`.

    \b
    Examples:
      briefgen extract sources/ -o facts.yaml     # edit it: drop a figure, fix a role,
                                                  # add your own fact with `source: analyst`
      briefgen render facts.yaml -o brief.pdf
      briefgen extract sources/ --update facts.yaml   # new articles in, your edits kept
      briefgen extract archive/ --jobs 8 -o facts.json    # unchanged files come from the cache
      briefgen extract archive/ --dask tcp://scheduler:8786 -o facts.json
    """
    from briefgen.errors import OutputError
    from briefgen.facts_io import YAML_SUFFIXES, backup, dump_facts, edits_in, load_facts
    from briefgen.pipeline import extract_facts, update_facts

    _sources_exist(sources)
    output = output or update or Path("facts.json")
    if output.suffix.lower() not in (".json", *YAML_SUFFIXES):
        raise ConfigError("a facts file is .json, .yaml or .yml", output)
    settings = _settings(max_source_bytes=int(max_source_mb * 1024 * 1024), source_timeout=source_timeout,
                         **_corpus_settings(jobs, no_cache, dask))
    quiet = bool(_global("quiet"))
    with _ProgressDisplay(quiet) as progress:
        if update:
            facts, added = update_facts(load_facts(update), list(sources), settings, progress.step, progress.total)
        else:
            facts = extract_facts(list(sources), settings, progress.step, progress.total)
    edits = None if update and output == update else edits_in(output, facts)
    if edits and not force:
        raise OutputError(f"{edits}; keep your edits with `--update {output}`, or replace it with --force "
                          f"(the old file is then kept as {output.name}.bak)", output)
    if (update or edits) and output.exists():
        backup(output)
    dump_facts(facts, output)
    _warn_all(facts.warnings)
    if not quiet:
        if update:
            click.echo(f"{added} new source{'s' if added != 1 else ''} added", err=True)
        _say(f"wrote {output} ({len(facts.sources)} sources, {len(facts.figures)} figures, "
             f"{len(facts.quotes)} quotes, {len(facts.events)} events)")


@main.command(epilog=EXIT_CODES_HELP)
@click.argument("facts_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Output file; .pdf or .html. Repeat for several. "
                   "[default: brief.pdf, or brief-letter.pdf with --page-size Letter]")
@_theme_opt
@_lang_opt
@_page_opt
@_pages_opt
@_notes_opt
@_report_opt
@_variant_opt
@_global_options
@handle_errors
def render(facts_file, outputs, theme, locale, page_size, max_pages, notes, report_path, pdf_variant) -> None:
    """Render a brief from a facts file written by `briefgen extract` (and maybe edited).

    \b
    Example:
      briefgen render facts.json -o brief.pdf -o brief.html
    """
    from briefgen.config import output_format
    from briefgen.facts_io import load_facts
    from briefgen.pipeline import render_facts

    outputs = _default_outputs(outputs, page_size)
    for path in outputs:
        output_format(path)
    facts = load_facts(facts_file)
    settings = _settings(theme=theme, locale=locale, page_size=page_size, max_pages=max_pages, notes=notes,
                         pdf_variant=pdf_variant)
    report = render_facts(facts, outputs, settings)
    quiet = bool(_global("quiet"))
    if not quiet:
        _report_dropped(report.dropped, report_path)
    _write_report(report_path, report)
    if not quiet:
        for path in report.written:
            _say(f"wrote {path} ({report.pages} page{'s' if report.pages != 1 else ''})")


@main.group()
def facts() -> None:
    """Look into a facts file written by `briefgen extract`."""


@facts.command("show", epilog=EXIT_CODES_HELP)
@click.argument("facts_file", type=click.Path(dir_okay=False, path_type=Path))
@_global_options
@handle_errors
def facts_show(facts_file) -> None:
    """Print each quote with its speaker and how the speaker was found, and each figure with its clause.

    \b
    Example:
      briefgen facts show facts.json
    """
    from briefgen.facts_io import load_facts
    from briefgen.facts_show import show

    for line in show(load_facts(facts_file)):
        click.echo(line)


@main.command()
@_global_options
@click.option("--brief", "of_brief", is_flag=True, help="The schema of brief.json (what `-o brief.json` writes).")
def schema(of_brief: bool) -> None:
    """Print the JSON Schema of the facts file (or, with --brief, of brief.json)."""
    if of_brief:
        from briefgen.render.brief_json import BriefJson

        click.echo(json.dumps(BriefJson.model_json_schema(), indent=2))
        return
    from briefgen.model import Facts

    click.echo(json.dumps(Facts.model_json_schema(), indent=2))


@main.command()
@_global_options
@click.option("--check", is_flag=True, help="Exit 1 if any catalog has a missing, fuzzy or malformed entry.")
def locales(check: bool) -> None:
    """List the shipped languages and how complete their catalogs are."""
    from briefgen.i18n import catalog_status, get_locale, shipped_locales, text_direction

    out = _console(stderr=False)
    failed = False
    for lang in shipped_locales():
        status = catalog_status(lang)
        locale = get_locale(lang)
        mark = "[green]ok[/]" if status.complete else "[yellow]!![/]"
        out.print(f"{mark}  {lang:<6} {locale.get_display_name(locale):<12} {text_direction(locale)}  "
                  f"{status.translated}/{status.total} ({status.percent:.0f} %), {status.plural_forms} plural forms")
        for label, items in (("missing", status.missing), ("fuzzy", status.fuzzy), ("error", status.errors)):
            for item in items:
                out.print(f"      {label}: {item}", markup=False)
        failed = failed or not status.complete
    if check and failed:
        sys.exit(1)


@main.command()
@_global_options
def doctor() -> None:
    """Check what makes PDFs slow or wrong here (font subsetter, fonts, Pango) and how to fix it."""
    from briefgen.render.doctor import run_checks

    checks = run_checks()
    err = _console()
    for check in checks:
        mark = "[green]ok[/]" if check.ok else "[yellow]!![/]"
        err.print(f"{mark}  [bold]{check.name}[/]: {check.detail}")
        if not check.ok and check.fix:
            err.print(f"    fix: {check.fix}")
    sys.exit(0 if all(c.ok for c in checks) else 1)


@main.group()
@_global_options
def cache() -> None:
    """Where the facts cache is, how big, and clearing it.

    `build` and `extract` keep what they read out of each source file, keyed by the file's
    content and briefgen's version, so an unchanged file is never read twice. Bypass it with
    --no-cache; move it with --cache-dir ROOT or $BRIEFGEN_CACHE_DIR=ROOT (the same thing: the
    facts go in ROOT/facts, beside the fonts, places and templates briefgen makes once).
    """


@cache.command("info")
@_global_options
def cache_info() -> None:
    """Show the facts cache folder of this briefgen version, its entries and size."""
    from briefgen.cache import TAG_NAME
    from briefgen.factcache import FactCache

    info = FactCache().info()
    click.echo(f"folder   {shown(info.folder)}")
    click.echo(f"entries  {info.entries} (one per source file)")
    click.echo(f"size     {info.bytes / 1048576:.1f} MB")
    if info.other_versions:
        click.echo(f"also     {info.other_versions} folder(s) of other briefgen versions "
                   f"(`briefgen cache clear` removes them)")
    if info.not_ours:
        click.echo(f"not ours {info.not_ours} file(s) or folder(s) without briefgen's {TAG_NAME} "
                   f"(`briefgen cache clear` leaves them alone)")


@cache.command("clear")
@_global_options
def cache_clear() -> None:
    """Remove the facts cache of every briefgen version.

    Only what briefgen made goes: folders holding its CACHEDIR.TAG and the entries it wrote in
    them. Anything else in the cache folder is left alone and listed."""
    from briefgen.cache import TAG_NAME
    from briefgen.factcache import FactCache

    store = FactCache()
    cleared = store.clear()
    _say(f"cleared {store.root} ({cleared.removed} folder{'s' if cleared.removed != 1 else ''})")
    if cleared.left:
        names = ", ".join(str(p) for p in cleared.left[:SHOWN_LEFT_ALONE])
        more = f" and {len(cleared.left) - SHOWN_LEFT_ALONE} more" if len(cleared.left) > SHOWN_LEFT_ALONE else ""
        _say(f"left alone (no briefgen {TAG_NAME}: not briefgen's, or from a briefgen before tags; "
             f"remove old caches by hand): {names}{more}")


@main.command(epilog=EXIT_CODES_HELP)
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@_theme_opt
@_lang_opt
@_page_opt
@_pages_opt
@_notes_opt
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
@_global_options
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

    settings = _settings(theme=theme, locale=locale, page_size=page_size, max_pages=max_pages, notes=notes)

    def on_build(state) -> None:
        if state.error:
            _say(f"error: {state.error}")
        else:
            click.echo(f"built in {state.seconds:.2f} s ({state.pages} page{'s' if state.pages != 1 else ''}, "
                       f"{state.passes} layout pass{'es' if state.passes != 1 else ''})", err=True)

    def ready(bound: int) -> None:
        click.echo(f"serving on http://127.0.0.1:{bound}/ (Ctrl+C to stop)", err=True)

    try:
        run_serve(list(sources), settings, port=port, on_build=on_build, ready=ready)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


@main.group()
@_global_options
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
@_global_options
def template_list() -> None:
    """List the built-in themes."""
    from briefgen.render.theme import list_themes

    out = _console(stderr=False)
    for name, description, extends in list_themes():
        base = f" (extends {extends})" if extends else ""
        out.print(f"[bold]{name}[/]{base}: {description}", markup=True)


@template.command("new")
@_global_options
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--from", "parent", default="default", show_default=True, help="Built-in theme, or a theme folder, to extend.")
@handle_errors
def template_new(folder, parent) -> None:
    """Write a working theme into FOLDER that extends a built-in one or a theme folder, with
    comments that teach."""
    from briefgen.render.scaffold import new_theme

    for path in new_theme(folder, parent):
        _say(f"wrote {path}")
    _say(f"next: edit {folder / 'style.css'} or {folder / 'base.html'}, then `briefgen template check {folder}`")


@template.command("check")
@_global_options
@click.argument("theme")
@click.option("--facts", "facts_files", multiple=True, type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Also render these facts files (repeatable).")
@click.option("--quick", is_flag=True, help="Only the example facts, not the edge cases.")
@_pages_opt
@handle_errors
def template_check(theme, facts_files, quick, max_pages) -> None:
    """Check THEME (a folder or a built-in name): syntax, undefined names, text outside translation
    tags, escape attempts, runaway loops, includes and URLs leaving the theme, overflow, type too small.

    Renders it against the example facts and edge cases (empty sections, very long names and
    quotes, many figures, right to left). One line per problem, file:line first; exit 1 if any.
    """
    from briefgen.facts_io import load_facts
    from briefgen.render.check import check_theme
    from briefgen.render.samples import sample_briefs, sample_facts
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
    _say(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {theme} "
         f"({len(samples)} sample brief{'s' if len(samples) != 1 else ''})")
    sys.exit(1 if problems else 0)


def _write_report(path: Path | None, report) -> None:
    if path is not None:
        from briefgen.atomic import write_atomic

        write_atomic(path, (json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


SHOWN_LEFT_ALONE = 8   # names listed by `cache clear` before "and N more"


def _report_dropped(dropped: list[str], report_path: Path | None) -> None:
    """One line: how many items the page left out, and where to see them (a large corpus
    leaves out thousands; even the example's list filled the terminal)."""
    if not dropped:
        return
    n = len(dropped)
    where = f"listed in {report_path}" if report_path else "--report FILE lists them"
    _say(f"note: {n:,} item{'s' if n != 1 else ''} left out to fit the page ({where})")
