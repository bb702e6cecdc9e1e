"""The language of a source: given in its metadata or briefgen.toml, else detected from its text.

Extraction reads one lexicon per language (briefgen/extract/data/<lang>/), so the language is
fixed at ingest, once, and stored on the `Source`. Detection (py3langid, offline: its model
ships inside the package) is restricted to the languages briefgen has data for, so an article
is never labelled with a language nothing downstream can read.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

# Languages extraction has data for; the first is the fallback when a text says too little.
SUPPORTED = ("en", "fr", "es", "de", "pt", "ru", "uk", "ar")
DEFAULT = "en"
# Below this many letters the detector guesses; a guess is worse than the default.
MIN_LETTERS = 20
# The detector reads the opening of an article; more adds time, not certainty.
SAMPLE_CHARS = 4000


def normalize(tag: object) -> str | None:
    """'fr', 'FR', 'fr-CA', 'pt_BR' -> the primary language subtag, lowercased; None for no tag.
    A language briefgen has no data for is kept as given (its text is read with the default rules)."""
    if not isinstance(tag, str):
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary.isascii() and primary.isalpha() and 2 <= len(primary) <= 3 else None


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(list(SUPPORTED))
    return identifier


def detect(text: str) -> str:
    """The supported language `text` is most likely written in; DEFAULT when it has too few letters."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return DEFAULT
    lang, _score = _identifier().classify(sample)
    return lang if lang in SUPPORTED else DEFAULT


def source_language(given: object, folder_default: str | None, text: str) -> str:
    """The language of one article: its own metadata first, then the folder's briefgen.toml,
    then detection on the body text."""
    return normalize(given) or normalize(folder_default) or detect(text)
