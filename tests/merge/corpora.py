"""Corpora for merge tests, written from the seed article at test time: syndicated copies with
other chrome and headlines, a variant with another toll, and an update a day later."""
from __future__ import annotations

from html import escape
from pathlib import Path

from briefgen.ingest import read_file


def seed_body(seed: Path) -> list[str]:
    sources, _ = read_file(seed)
    return sources[0].text.split("\n\n")


def wire_copy(paragraphs: list[str]) -> str:
    return "\n\n".join([
        "Menu | World | Middle East | Opinion",
        "Sign up for our newsletter",
        "Russia says Syrian army halts Aleppo offensive, Geneva talks set for Saturday",
        "By Staff Reporter | Global Wire Service | December 8, 2016",
        *paragraphs,
        "Share this story",
        "© 2016 Global Wire Service. All rights reserved.",
    ]) + "\n"


def html_copy(paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html><html lang="en"><head>
<title>Lavrov: Syria stops military operations in Aleppo</title>
<meta property="og:site_name" content="The Daily Courier">
<meta property="article:published_time" content="2016-12-08">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<script>var tracker = 1;</script>
<article><h1>Lavrov: Syria stops military operations in Aleppo</h1>
{body}
</article><footer>Copyright The Daily Courier</footer></body></html>
"""


def toll_variant(paragraphs: list[str]) -> str:
    changed = [p.replace("369 civilians", "412 civilians") for p in paragraphs]
    return "\n\n".join(["Aleppo offensive has killed 412 civilians, monitor says",
                        "Levant Times | 8 December 2016", *changed]) + "\n"


UPDATE = """Aleppo toll rises as evacuations stall
By VOA News December 09, 2016

The Syrian Observatory for Human Rights said on Friday that 415 civilians have been killed in the offensive on east Aleppo, including 47 children.

Evacuations from the Old City were halted on Friday after renewed shelling, aid workers said.

"We need a pause in the fighting now, not next week," said Jan Egeland, senior advisor to the United Nations Special Envoy for Syria.
"""
