"""Stable, content-derived ids of the brief and of its items."""
from __future__ import annotations

import datetime as dt
import hashlib

from briefgen.model import Facts


def brief_id(facts: Facts, as_of: dt.date | None) -> str:
    digest = hashlib.sha1("\n".join(sorted(s.id for s in facts.sources)).encode()).hexdigest()[:6]
    return f"BG-{as_of:%Y%m%d}-{digest}" if as_of else f"BG-{digest}"


def item_id(kind: str, *parts: object) -> str:
    """Stable ids (content-derived) so trimming and golden files do not depend on order."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:8]
    return f"{kind}:{digest}"
