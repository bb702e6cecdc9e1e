"""`briefgen cache info` and `cache clear`."""
from __future__ import annotations

import click

from briefgen.cli.common import global_options, say

SHOWN_LEFT_ALONE = 8   # names listed by `cache clear` before "and N more"


@click.group()
@global_options
def cache() -> None:
    """Where the caches are, how big, and clearing them.

    `build` and `extract` keep what they read out of each source file, keyed by the file's
    content and the code that read it, so an unchanged file is never read twice; composed
    briefs, fit decisions, static fonts, the place table and compiled templates are kept the same
    way. Bypass the facts and briefs with --no-cache; move all of it with --cache-dir ROOT or
    $BRIEFGEN_CACHE_DIR=ROOT (the same thing).
    """


@cache.command("info")
@global_options
def cache_info() -> None:
    """Show each cache of this briefgen (facts, briefs, fit, fonts, places, templates): its folder,
    entries and size."""
    from briefgen.cache import summary

    for line in summary():
        click.echo(line)


@cache.command("clear")
@global_options
def cache_clear() -> None:
    """Remove every cache of every briefgen version.

    Only what briefgen made goes: folders holding its CACHEDIR.TAG and the entries it wrote in
    them. Anything else in the cache folder is left alone and listed."""
    from briefgen.cache import TAG_NAME, cache_root, clear

    cleared = clear()
    say(f"cleared {cache_root()} ({cleared.entries} entr{'ies' if cleared.entries != 1 else 'y'}, "
        f"{cleared.removed} folder{'s' if cleared.removed != 1 else ''})")
    if cleared.left:
        names = ", ".join(str(p) for p in cleared.left[:SHOWN_LEFT_ALONE])
        more = f" and {len(cleared.left) - SHOWN_LEFT_ALONE} more" if len(cleared.left) > SHOWN_LEFT_ALONE else ""
        say(f"left alone (no briefgen {TAG_NAME}: not briefgen's, or from a briefgen before tags; "
            f"remove old caches by hand): {names}{more}")
