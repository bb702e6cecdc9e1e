"""`briefgen build`, `extract` and `render`: the pipeline's runs, sources → brief, sources →
facts file, facts file → brief."""
from __future__ import annotations

from pathlib import Path

import click

from briefgen.cli.common import (EXIT_CODES_HELP, ProgressDisplay, cache_opt, corpus_settings, dask_opt,
                                 default_outputs, get_global, global_options, handle_errors, jobs_opt, layout_options,
                                 max_size_opt, outputs_opt, report_dropped, report_opt, say, settings_of, sources_arg,
                                 sources_exist, timeout_opt, variant_opt, warn_all, write_report)
from briefgen.errors import ConfigError


@click.command(epilog=EXIT_CODES_HELP)
@sources_arg
@outputs_opt
@layout_options
@max_size_opt
@timeout_opt
@report_opt
@variant_opt
@jobs_opt
@cache_opt
@dask_opt
@global_options
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
    from briefgen.pipeline import Pipeline

    sources_exist(sources)
    outputs = default_outputs(outputs, page_size)
    settings = settings_of(theme=theme, locale=locale, page_size=page_size, max_pages=max_pages, notes=notes,
                           max_source_bytes=int(max_source_mb * 1024 * 1024), source_timeout=source_timeout,
                           pdf_variant=pdf_variant, **corpus_settings(jobs, no_cache, dask))
    quiet = bool(get_global("quiet"))
    with ProgressDisplay(quiet) as progress:
        report = Pipeline(settings, progress.step, progress.total).run(list(sources), outputs)
    warn_all(report.warnings)
    if not quiet:
        report_dropped(report.dropped, report_path)
    write_report(report_path, report)
    if not quiet:
        for path in report.written:
            say(f"wrote {path} ({report.pages} page{'s' if report.pages != 1 else ''}, "
                 f"{report.sources} source{'s' if report.sources != 1 else ''})")


@click.command(epilog=EXIT_CODES_HELP)
@sources_arg
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Facts file to write (.json, or .yaml to edit by hand). [default: facts.json]")
@click.option("--update", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="An existing (maybe hand-edited) facts file: add only the new sources, keep every edit. "
                   "The old file is kept as FILE.bak.")
@click.option("--force", is_flag=True,
              help="Replace an -o facts file that holds edits (analyst facts, changed values); "
                   "the old file is kept as FILE.bak. Without it, such a file is refused.")
@max_size_opt
@timeout_opt
@jobs_opt
@cache_opt
@dask_opt
@global_options
@handle_errors
def extract(sources, output, update, force, max_source_mb, source_timeout, jobs, no_cache, dask) -> None:
    """Extract the facts of SOURCES into a facts file you can review, then `briefgen render`.

    \b
    Examples:
      briefgen extract sources/ -o facts.yaml     # edit it: drop a figure, fix a role,
                                                  # add your own fact with `origin: analyst`
      briefgen render facts.yaml -o brief.pdf
      briefgen extract sources/ --update facts.yaml   # new articles in, your edits kept
      briefgen extract archive/ --jobs 8 -o facts.json    # unchanged files come from the cache
      briefgen extract archive/ --dask tcp://scheduler:8786 -o facts.json
    """
    from briefgen.errors import OutputError
    from briefgen.facts_io import YAML_SUFFIXES, backup, dump_facts, edits_in, load_facts
    from briefgen.pipeline import Pipeline

    sources_exist(sources)
    output = output or update or Path("facts.json")
    if output.suffix.lower() not in (".json", *YAML_SUFFIXES):
        raise ConfigError("a facts file is .json, .yaml or .yml", output)
    settings = settings_of(max_source_bytes=int(max_source_mb * 1024 * 1024), source_timeout=source_timeout,
                           **corpus_settings(jobs, no_cache, dask))
    quiet = bool(get_global("quiet"))
    with ProgressDisplay(quiet) as progress:
        pipeline = Pipeline(settings, progress.step, progress.total)
        if update:
            facts, added = pipeline.update(load_facts(update), list(sources))
        else:
            facts = pipeline.facts(list(sources))
    edits = None if update and output == update else edits_in(output, facts)
    if edits and not force:
        raise OutputError(f"{edits}; keep your edits with `--update {output}`, or replace it with --force "
                          f"(the old file is then kept as {output.name}.bak)", output)
    if (update or edits) and output.exists():
        backup(output)
    dump_facts(facts, output)
    warn_all(facts.warnings)
    if not quiet:
        if update:
            click.echo(f"{added} new source{'s' if added != 1 else ''} added", err=True)
        say(f"wrote {output} ({len(facts.sources)} sources, {len(facts.figures)} figures, "
             f"{len(facts.quotes)} quotes, {len(facts.events)} events)")


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("facts_file", type=click.Path(dir_okay=False, path_type=Path))
@outputs_opt
@layout_options
@report_opt
@variant_opt
@global_options
@handle_errors
def render(facts_file, outputs, theme, locale, page_size, max_pages, notes, report_path, pdf_variant) -> None:
    """Render a brief from a facts file written by `briefgen extract` (and maybe edited).

    \b
    Example:
      briefgen render facts.json -o brief.pdf -o brief.html
    """
    from briefgen.config import output_format
    from briefgen.facts_io import load_facts
    from briefgen.pipeline import Pipeline

    outputs = default_outputs(outputs, page_size)
    for path in outputs:
        output_format(path)
    facts = load_facts(facts_file)
    settings = settings_of(theme=theme, locale=locale, page_size=page_size, max_pages=max_pages, notes=notes,
                           pdf_variant=pdf_variant)
    report = Pipeline(settings).run_facts(facts, outputs)
    quiet = bool(get_global("quiet"))
    if not quiet:
        report_dropped(report.dropped, report_path)
    write_report(report_path, report)
    if not quiet:
        for path in report.written:
            say(f"wrote {path} ({report.pages} page{'s' if report.pages != 1 else ''})")

