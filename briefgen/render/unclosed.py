"""Where an unclosed `{% if %}` opened: Jinja reports "Unexpected end of template" at the last line,
which is rarely where the theme's author left the block open."""
from __future__ import annotations

import jinja2

# Tags that open a block closed by `{% end<tag> %}` (`set` only in its block form, without `=`).
OPENERS = frozenset({"if", "for", "block", "macro", "call", "filter", "with", "trans", "autoescape", "set"})


def unclosed_block(env: jinja2.Environment, source: str) -> tuple[str, int] | None:
    """(tag, line) of the innermost block `source` opens and never closes; None if all are closed
    or the source cannot be read as tokens."""
    stack: list[tuple[str, int]] = []
    try:
        tokens = list(env.lex(source))
    except jinja2.TemplateSyntaxError:
        return None
    for i, (line, kind, value) in enumerate(tokens):
        if kind != "block_begin":
            continue
        names = [v for _, k, v in tokens[i + 1:i + 8] if k == "name"]
        if not names:
            continue
        tag = names[0]
        if tag == "set" and _is_assignment(tokens, i):
            continue
        if tag in OPENERS:
            stack.append((tag, line))
        elif tag.startswith("end") and stack and stack[-1][0] == tag[3:]:
            stack.pop()
    return stack[-1] if stack else None


def _is_assignment(tokens: list, start: int) -> bool:
    """`{% set x = 1 %}` (closed in itself) rather than `{% set x %}…{% endset %}`."""
    for _, kind, value in tokens[start + 1:]:
        if kind == "block_end":
            return False
        if kind == "operator" and value == "=":
            return True
    return False


def where_unclosed(env: jinja2.Environment, source: str, exc: jinja2.TemplateSyntaxError) -> tuple[str, int]:
    """(message, line) for a syntax error: an unclosed block is named where it opened."""
    if exc.message and exc.message.startswith("Unexpected end of template"):
        found = unclosed_block(env, source)
        if found is not None:
            tag, line = found
            return f"{{% {tag} %}} opened here is never closed (add {{% end{tag} %}})", line
    return exc.message or "syntax error", exc.lineno
