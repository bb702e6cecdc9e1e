"""Bytes to text: BOMs, strict UTF-8, then detected legacy encodings; refuse what is not text.

Why not just `errors="replace"`: a cp1252 article decoded as UTF-8 turns every curly
quote into U+FFFD, which breaks quote extraction silently. We detect instead, and we
refuse binary files (images, PDFs, archives) early so they never reach a reader.
"""
from __future__ import annotations

import codecs
import re

from briefgen.errors import SourceError

# Magic numbers of common binary formats that end up in scraped folders with a text extension.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name). Raises SourceError naming `path` when it is not text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise SourceError(f"not a text file (looks like {kind})", path)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise SourceError(f"broken {encoding} text at byte {exc.start}", path) from exc
    if b"\x00" in data[:4096]:
        raise SourceError("not a text file (binary data)", path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(data, path)


def _detect(data: bytes, path: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SourceError("not a text file (no text encoding fits)", path)
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise SourceError("not a text file (mostly control characters)", path)
    return text, best.encoding


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Normalise line ends and strip characters that never belong in article text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\f", "\n")
    return _CONTROL.sub("", text)
