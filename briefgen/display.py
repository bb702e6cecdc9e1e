"""How a file name (or a line holding one) is shown on a terminal: every character a terminal
or a bidi algorithm would act on becomes a visible escape.

File names come from the sources folder, which may be someone else's: a name can hold a newline
(a fake "wrote" line), ESC sequences (OSC 8 hyperlinks, OSC 52 clipboard writes, a screen clear)
or a right-to-left override that shows `gpj.exe` as `exe.jpg`. click strips only CSI colour
codes, and only on terminals, so every name printed goes through `shown`, terminal or not.
"""
from __future__ import annotations

import re
from pathlib import Path

# C0 controls, DEL and C1 controls; lone surrogates (undecodable bytes of a file name, which
# would also fail to encode on a strict stdout); bidi embeddings, overrides, isolates and marks;
# line and paragraph separators.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: str | Path) -> str:
    """`text` with every control, bidi-control and separator character written as `\\xNN` or
    `\\uNNNN`. A backslash is kept as it is, so showing a shown text changes nothing."""
    return _UNSAFE.sub(_escape, str(text))
