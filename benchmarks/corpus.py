#!/usr/bin/env python3
"""Generated corpora for the benchmarks: variants of the example articles (and of the shared
seed/dev articles when that folder is present), so no large corpus is stored in the repo.

    python benchmarks/corpus.py N FOLDER [--seed 7]

writes N article files into FOLDER, each in the format of the article it varies (.txt page with
site chrome, .html page, .md with front matter, .json), so a build reads them through every
reader. A variant keeps the first paragraph, shuffles the rest, swaps personal names between
articles, scales the numbers and moves the publication day: new text for the rules, and no two
files with the same bytes (the facts cache cannot help a cold run).

`corpus(n, seed)` gives the same variants as in-memory `Source`s (benchmarks/extract.py).
"""
from __future__ import annotations

import datetime as dt
import html
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "corpus"
sys.path.insert(0, str(REPO))

from briefgen.ingest import read_file  # noqa: E402
from briefgen.model import Source  # noqa: E402

NAME_RE = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]{2,})\b")
NUMBER_RE = re.compile(r"\b\d{1,3}(?:,\d{3})*\b")


def base_files() -> list[Path]:
    files = sorted((REPO / "examples" / "sources").iterdir())
    for folder in ("seed", "dev"):
        files += sorted(p for p in (SHARED / folder).glob("*.txt")) if (SHARED / folder).is_dir() else []
    return files


def base_sources() -> list[tuple[Path, Source]]:
    """Each base article as a build reads it (the project's own ingest)."""
    return [(path, read_file(path, 10**8)[0][0]) for path in base_files()]


def _scale(m: re.Match, rng: random.Random) -> str:
    value = int(m.group().replace(",", ""))
    if 1900 <= value <= 2100 or value == 0:
        return m.group()  # keep years as years
    new = max(1, round(value * rng.uniform(0.5, 2.0)))
    return f"{new:,}" if "," in m.group() else str(new)


def variant(src: Source, n: int, rng: random.Random, names: list[str]) -> Source:
    paras = src.text.split("\n\n")
    head, rest = paras[:1], paras[1:]
    rng.shuffle(rest)
    text = "\n\n".join(head + rest)
    swap = {}
    for full in sorted(set(NAME_RE.findall(text)))[:12]:
        swap[" ".join(full)] = rng.choice(names)
    for old, new in swap.items():
        text = text.replace(old, new)
    text = NUMBER_RE.sub(lambda m: _scale(m, rng), text)
    published = (src.published or dt.date(2020, 1, 1)) + dt.timedelta(days=rng.randint(-400, 400))
    return src.model_copy(update={"id": f"v{n}", "text": text, "published": published})


def _variants(n: int, seed: int) -> list[tuple[str, Source]]:
    rng = random.Random(seed)
    bases = base_sources()
    names = sorted({" ".join(m) for _p, s in bases for m in NAME_RE.findall(s.text)})
    out = []
    for i in range(n):
        path, src = bases[i % len(bases)]
        out.append((path.suffix.lower(), variant(src, i, rng, names)))
    return out


def corpus(n: int, seed: int = 7) -> list[Source]:
    return [src for _suffix, src in _variants(n, seed)]


def as_file(suffix: str, src: Source) -> str:
    """The variant written the way such a file comes: a scraped page, a web page, Markdown, JSON."""
    day = src.published.isoformat() if src.published else ""
    title, outlet = src.title or "Untitled", src.outlet or "Example News"
    paragraphs = src.text.split("\n\n")
    if suffix == ".json":
        return json.dumps({"title": title, "outlet": outlet, "published": day, "byline": src.byline,
                           "url": src.url, "language": src.language, "text": src.text}, ensure_ascii=False)
    if suffix == ".md":
        meta = {"title": title, "outlet": outlet, "published": day, "language": src.language}
        front = "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items() if v)
        return f"---\n{front}\n---\n\n" + "\n\n".join(paragraphs) + "\n"
    if suffix in (".html", ".htm"):
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        return (f'<!doctype html><html lang="{src.language or "en"}"><head><meta charset="utf-8">'
                f"<title>{html.escape(title)}</title>"
                f'<meta property="og:site_name" content="{html.escape(outlet)}">'
                f'<meta property="article:published_time" content="{day}"></head><body>'
                f'<nav><a href="/">Home</a> <a href="/world">World</a></nav><article>'
                f"<h1>{html.escape(title)}</h1>\n{body}</article>"
                f"<footer>© {html.escape(outlet)}. All rights reserved.</footer></body></html>")
    # A scraped page: site chrome, headline, byline line, body, more chrome.
    date_line = src.published.strftime("%d %B %Y").lstrip("0") if src.published else ""
    return (f"Skip to main content\n{outlet}\nHome | World | Politics | Video\nAdvertisement\n\n"
            f"{title}\nBy {src.byline or 'Staff'} | {outlet} | {date_line}\n\n"
            + "\n\n".join(paragraphs) + "\n\nRelated stories\nSubscribe to our newsletter\n")


def write_corpus(n: int, folder: Path, seed: int = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i, (suffix, src) in enumerate(_variants(n, seed)):
        path = folder / f"{i:07d}{suffix}"
        path.write_text(as_file(suffix, src), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 7
    written = write_corpus(int(argv[0]), Path(argv[1]), seed)
    print(f"wrote {len(written)} articles to {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
