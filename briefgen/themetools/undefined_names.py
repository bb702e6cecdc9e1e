"""Undefined names recorded rather than raised: `template check` lists every one a theme uses, each
with the template file and line, instead of stopping at the first."""
from __future__ import annotations

import contextvars
import sys

from jinja2 import Undefined
from jinja2.sandbox import SecurityError

# The (file, line, message) list of the check running now; None outside a check.
RECORDED: contextvars.ContextVar[list | None] = contextvars.ContextVar("briefgen_undefined", default=None)


_COMPILE_TIME = ("jinja2/optimizer.py", "jinja2/nodes.py")


def _template_position() -> tuple[str | None, int | None] | None:
    """File and line of the innermost template frame; None while Jinja folds constants at compile
    time (the same expression is evaluated again, and recorded, when the template runs)."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.replace("\\", "/").endswith(_COMPILE_TIME):
            return None
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return template.filename, template.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back
    return None, None


class RecordingUndefined(Undefined):
    """Like StrictUndefined, but every use is recorded and the render goes on (as empty)."""

    __slots__ = ()

    def _record(self) -> None:
        found = RECORDED.get()
        position = _template_position() if found is not None else None
        if position is not None:
            kind = ("escape attempt blocked" if isinstance(self._undefined_exception, type)
                    and issubclass(self._undefined_exception, SecurityError) else "undefined name")
            found.append((*position, f"{kind}: {self._undefined_message}"))

    def __str__(self) -> str:
        self._record()
        return ""

    def __html__(self) -> str:
        self._record()
        return ""

    def __iter__(self):
        self._record()
        return iter(())

    def __len__(self) -> int:
        self._record()
        return 0

    def __bool__(self) -> bool:
        self._record()
        return False

    def __eq__(self, other) -> bool:
        self._record()
        return False

    def __ne__(self, other) -> bool:
        self._record()
        return True

    __hash__ = Undefined.__hash__

    def __getattr__(self, name: str):
        if name[:2] == "__":
            raise AttributeError(name)
        self._record()
        return self

    def __getitem__(self, key):
        self._record()
        return self

    def __call__(self, *args, **kwargs):
        self._record()
        return self

    def _operator(self, *args, **kwargs):
        self._record()
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = _operator
    __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = __pos__ = __neg__ = __pow__ = __rpow__ = _operator
    __lt__ = __le__ = __gt__ = __ge__ = __contains__ = _operator
