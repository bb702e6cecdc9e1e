"""`briefgen schema`, `locales` and `doctor`: what briefgen reads and ships, and this machine's setup."""
from __future__ import annotations

import json
import sys

import click

from briefgen.cli.common import console, global_options


@click.command()
@global_options
@click.option("--brief", "of_brief", is_flag=True, help="The schema of brief.json (what `-o brief.json` writes).")
def schema(of_brief: bool) -> None:
    """Print the JSON Schema of the facts file (or, with --brief, of brief.json)."""
    if of_brief:
        from briefgen.render.brief_json import BriefJson

        click.echo(json.dumps(BriefJson.model_json_schema(), indent=2))
        return
    from briefgen.model import Facts

    click.echo(json.dumps(Facts.model_json_schema(), indent=2))


@click.command()
@global_options
@click.option("--check", is_flag=True, help="Exit 1 if any catalog has a missing, fuzzy or malformed entry.")
def locales(check: bool) -> None:
    """List the shipped languages and how complete their catalogs are."""
    from briefgen.i18n import catalog_status, get_locale, shipped_locales, text_direction

    out = console(stderr=False)
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


@click.command()
@global_options
def doctor() -> None:
    """Check what makes PDFs slow or wrong here (font subsetter, fonts, Pango) and how to fix it."""
    from briefgen.doctor import run_checks

    checks = run_checks()
    err = console()
    for check in checks:
        mark = "[green]ok[/]" if check.ok else "[yellow]!![/]"
        err.print(f"{mark}  [bold]{check.name}[/]: {check.detail}")
        if not check.ok and check.fix:
            err.print(f"    fix: {check.fix}")
    sys.exit(0 if all(c.ok for c in checks) else 1)

