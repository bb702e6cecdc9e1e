"""`briefgen cache info` and `cache clear`."""
from __future__ import annotations

import click

from briefgen.cli.common import global_options, say
from briefgen.display import shown

SHOWN_LEFT_ALONE = 8   # names listed by `cache clear` before "and N more"


@click.group()
@global_options
def cache() -> None:
    """Where the facts cache is, how big, and clearing it.

    `build` and `extract` keep what they read out of each source file, keyed by the file's
    content and briefgen's version, so an unchanged file is never read twice. Bypass it with
    --no-cache; move it with --cache-dir ROOT or $BRIEFGEN_CACHE_DIR=ROOT (the same thing: the
    facts go in ROOT/facts, beside the fonts, places and templates briefgen makes once).
    """


@cache.command("info")
@global_options
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
@global_options
def cache_clear() -> None:
    """Remove the facts cache of every briefgen version.

    Only what briefgen made goes: folders holding its CACHEDIR.TAG and the entries it wrote in
    them. Anything else in the cache folder is left alone and listed."""
    from briefgen.cache import TAG_NAME
    from briefgen.factcache import FactCache

    store = FactCache()
    cleared = store.clear()
    say(f"cleared {store.root} ({cleared.removed} folder{'s' if cleared.removed != 1 else ''})")
    if cleared.left:
        names = ", ".join(str(p) for p in cleared.left[:SHOWN_LEFT_ALONE])
        more = f" and {len(cleared.left) - SHOWN_LEFT_ALONE} more" if len(cleared.left) > SHOWN_LEFT_ALONE else ""
        say(f"left alone (no briefgen {TAG_NAME}: not briefgen's, or from a briefgen before tags; "
             f"remove old caches by hand): {names}{more}")

