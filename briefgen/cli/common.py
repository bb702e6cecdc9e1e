"""What every command shares: printing (one line on stderr, file names shown escaped), errors to
exit codes, the progress bar, the global options and the options several commands take."""
from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING

import click

from briefgen.config import Settings
from briefgen.display import shown
from briefgen.errors import BriefgenError, ConfigError, RenderError, TemplateError

if TYPE_CHECKING:
    from rich.console import Console

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_RENDER, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_CODES_HELP = """\b
Exit codes:
  0  brief (or facts file) written, even if some sources were skipped with a warning
  1  nothing usable (no readable source, a broken facts/notes file) or an output cannot be written
  2  usage error: bad option, unknown output format or language, broken briefgen.toml
  3  a template or the renderer failed
  4  internal error (run again with --debug and report it)"""



def console(stderr: bool = True) -> Console:
    """A rich console, imported on first use: a quiet build never pays rich's import."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def say(line: str) -> None:
    """One line on stderr. Lines name files, and a file name may hold terminal escapes: shown."""
    click.echo(shown(line), err=True)


def fail(code: int, message: str) -> None:
    say(f"error: {message}")
    sys.exit(code)


class ShownFormatter(logging.Formatter):
    """Log lines (a cache folder refused, a font made) name files too; a traceback stays as it is."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        record.message = shown(record.message)
        return super().formatMessage(record)


def handle_errors(func: Callable) -> Callable:
    """Turn briefgen errors into one stderr line and an exit code; tracebacks only with --debug."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        debug = get_global("debug")
        try:
            return func(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except ConfigError as exc:
            if debug:
                raise
            fail(EXIT_USAGE, str(exc))
        except (TemplateError, RenderError) as exc:
            if debug:
                raise
            fail(EXIT_RENDER, str(exc))
        except BriefgenError as exc:
            if debug:
                raise
            fail(EXIT_INPUT, str(exc))
        except KeyboardInterrupt:
            fail(130, "interrupted; nothing was written")
        except Exception as exc:  # noqa: BLE001
            if debug:
                raise
            fail(EXIT_INTERNAL, f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")

    return wrapper


def warn_all(warnings: list[str]) -> None:
    for line in warnings:
        say(f"warning: {line}")


class ProgressDisplay:
    """A rich progress bar on stderr; silent with -q or when stderr is not a terminal."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self._progress = None
        self._task = None

    def __enter__(self) -> "ProgressDisplay":
        if self.enabled:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            # markup=False: a file named "[link=…]x.txt" is a name, not rich markup.
            self._progress = Progress(TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(),
                                      console=console(), transient=True)
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


def settings_of(**kwargs) -> Settings:
    return Settings(**{k: v for k, v in kwargs.items() if v is not None})


sources_arg = click.argument("sources", nargs=-1, required=True,
                             type=click.Path(exists=False, path_type=Path))
theme_opt = click.option("--theme", default="default", show_default=True, help="Theme name or folder.")
lang_opt = click.option("--lang", "locale", default=None, metavar="LANG[,LANG...]",
                        help="Brief language(s): 'fr', or 'en,fr,ar,ru' for one brief per language "
                             "(brief.en.pdf, brief.fr.pdf, ...); 'ar-u-nu-arab' for Arabic-Indic digits. "
                             "Default: the sources' language, else English. See `briefgen locales`.")
page_opt = click.option("--page-size", type=click.Choice(["A4", "Letter"]), default="A4", show_default=True,
                        help="Without -o, a Letter brief is written to brief-letter.pdf, so it never "
                             "replaces the A4 brief.pdf of an earlier build.")
pages_opt = click.option("--pages", "max_pages", type=click.IntRange(1, 20), default=1, show_default=True,
                         help="Longest brief allowed, in pages.")
notes_opt = click.option("--notes", type=click.Path(exists=False, dir_okay=False, path_type=Path),
                         help="An analyst note in Markdown, shown in its own block.")
report_opt = click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                          help="Write what the one-page fit left out (and pages, layout passes) to this JSON file.")
variant_opt = click.option("--pdf-variant", type=click.Choice(["pdf/ua-1", "pdf/ua-2", "pdf/a-2b", "pdf/a-3b"]),
                           default=None, help="PDF flavour; pdf/ua-1 is tagged for screen readers.")
max_size_opt = click.option("--max-source-size", "max_source_mb", type=click.FloatRange(min=0.001), default=25.0,
                            show_default=True, help="Skip source files larger than this many MB.")
timeout_opt = click.option("--source-timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
                           help="Skip a source that takes longer than this many seconds to read.")
jobs_opt = click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
                        help="Processes reading and extracting sources. [default: the cores available]")
cache_opt = click.option("--no-cache", "no_cache", is_flag=True,
                         help="Read and extract every source again, ignoring the facts cache.")
dask_opt = click.option("--dask", "dask", metavar="ADDRESS", default=None,
                        help="Extract on a Dask cluster: tcp://scheduler:8786, or 'local' for a cluster "
                             "on this machine. Needs `pip install 'briefgen[dask]'` (docs/scaling.md).")


outputs_opt = click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
                           help="Output file; .pdf or .html. Repeat for several. "
                                "[default: brief.pdf, or brief-letter.pdf with --page-size Letter]")


def layout_options(func: Callable) -> Callable:
    """--theme, --lang, --page-size, --pages and --notes: what the brief looks like (build, render, serve)."""
    for option in reversed((theme_opt, lang_opt, page_opt, pages_opt, notes_opt)):
        func = option(func)
    return func


def default_outputs(outputs, page_size: str) -> list[Path]:
    """-o as given, else brief.pdf (A4) or brief-letter.pdf: a Letter build of the same sources
    is another file, not a silent replacement of the A4 one."""
    return list(outputs) or [Path("brief.pdf" if page_size == "A4" else f"brief-{page_size.lower()}.pdf")]


def sources_exist(sources) -> None:
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


def corpus_settings(jobs, no_cache, dask) -> dict:
    if dask and not get_global("debug"):
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
            configure_logging(debug=True)
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


def get_global(name: str):
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


def global_options(func: Callable) -> Callable:
    for option in reversed(_global_opts):
        func = option(func)
    return func


def configure_logging(debug: bool) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(ShownFormatter("%(levelname)s: %(name)s: %(message)s"))
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, handlers=[handler], force=True)
    # Libraries (fontTools, WeasyPrint) are chatty at INFO; their warnings are ours to word.
    for name in ("fontTools", "weasyprint", "distributed"):
        logging.getLogger(name).setLevel(logging.NOTSET if debug else logging.ERROR)



def write_report(path: Path | None, report) -> None:
    if path is not None:
        from briefgen.atomic import write_atomic

        write_atomic(path, (json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n").encode("utf-8"))



def report_dropped(dropped: list[str], report_path: Path | None) -> None:
    """One line: how many items the page left out, and where to see them (a large corpus
    leaves out thousands; even the example's list filled the terminal)."""
    if not dropped:
        return
    n = len(dropped)
    where = f"listed in {report_path}" if report_path else "--report FILE lists them"
    say(f"note: {n:,} item{'s' if n != 1 else ''} left out to fit the page ({where})")
