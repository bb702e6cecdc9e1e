"""A 32-article corpus made from examples/sources: eight rounds of the four articles, each round a
later day with other outlets, other tolls and other speakers, so merge keeps them apart."""
from __future__ import annotations

import re
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "sources"
ROUNDS = 8
_TOLL = re.compile(r"\b(\d{2,3})(?= (?:people|children|were|are|have|homes|families|more))")


def variant(text: str, k: int) -> str:
    """Round k: dates k days later, numbers raised, outlets and names marked with the round."""
    text = re.sub(r"2026-03-0(\d)", lambda m: f"2026-03-{int(m.group(1)) + k:02d}", text)
    text = re.sub(r"March (\d)\b", lambda m: f"March {int(m.group(1)) + k}", text)
    text = _TOLL.sub(lambda m: str(int(m.group(1)) + 7 * k), text)
    for outlet in ("Northern Wire Service", "The Relief Ledger", "Sarvona Today", "Continental Press Agency",
                   "NWS", "CPA"):
        text = text.replace(outlet, f"{outlet} {k}")
    return text


def make_corpus(folder: Path, rounds: int = ROUNDS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(rounds):
        for source in sorted(EXAMPLES.iterdir()):
            (folder / f"{k:02d}-{source.name}").write_text(variant(source.read_text(encoding="utf-8"), k),
                                                          encoding="utf-8")
    return folder
