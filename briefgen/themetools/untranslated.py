"""Words a theme shows that no translation covers: text outside `_()`/`{% trans %}` in a template's
markup (and in its `title`/`alt`/`aria-label`/`placeholder` attributes), and labels the theme adds
that a shipped language's catalogs do not translate."""
from __future__ import annotations

import re

import jinja2

from briefgen.themetools.problem import Problem, template_files

TEXT_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")
_WORD = re.compile(r"[^\W\d_]{2,}")
_ENTITY = re.compile(r"&#?\w+;")


def untranslated_text(env: jinja2.Environment, source: str) -> list[tuple[int, str]]:
    """Words in a template's markup that are not inside `_()`/`{% trans %}` (or a comment, a tag, CSS)."""
    found: list[tuple[int, str]] = []
    in_tag = in_raw = in_trans = False
    quote = ""
    after_block_begin = False
    for lineno, kind, value in env.lex(source):
        if kind == "block_begin":
            after_block_begin = True
            continue
        if kind == "whitespace":
            continue
        if after_block_begin and kind == "name":
            # {% trans %} … {% pluralize %} … {% endtrans %}: the words are the message itself.
            in_trans = value == "trans" or (in_trans and value == "pluralize")
        after_block_begin = False
        if kind != "data" or in_trans:
            continue
        i, text, line = 0, value, lineno
        buffer, buffer_line = [], line
        while i < len(text):
            ch = text[i]
            if in_raw:                      # inside <style> or <script>: CSS/JS, not words
                end = re.compile(r"</(style|script)\s*>", re.I).search(text, i)
                if end is None:
                    line += text.count("\n", i)
                    i = len(text)
                    break
                line += text.count("\n", i, end.end())
                i, in_raw = end.end(), False
                continue
            if in_tag:
                if quote:
                    if ch == quote:
                        quote = ""
                elif ch in "\"'":
                    quote = ch
                    attr = re.search(r"([\w-]+)\s*=\s*$", text[:i])
                    if attr and attr.group(1).lower() in TEXT_ATTRIBUTES:
                        close = text.find(ch, i + 1)
                        literal = text[i + 1:close if close >= 0 else len(text)]
                        if _WORD.search(_ENTITY.sub("", literal)):
                            found.append((line, f"text outside translation tags in {attr.group(1)}=: "
                                                f"{literal.strip()[:60]!r} (use _() )"))
                elif ch == ">":
                    in_tag = False
                    tag = re.search(r"<\s*(style|script)\b[^<]*$", text[:i], re.I)
                    if tag:
                        in_raw = True
            elif ch == "<":
                _flush(buffer, buffer_line, found)
                buffer = []
                in_tag = True
            else:
                if not buffer:
                    buffer_line = line
                buffer.append(ch)
            if ch == "\n":
                line += 1
            i += 1
        _flush(buffer, buffer_line, found)
    return found


def _flush(buffer: list[str], line: int, found: list[tuple[int, str]]) -> None:
    text = _ENTITY.sub(lambda m: " " * len(m.group(0)), "".join(buffer))
    word = _WORD.search(text)
    if word:
        words = " ".join(text.split())
        found.append((line + text.count("\n", 0, word.start()),
                      f"text outside translation tags: {words[:60]!r} (wrap it in _(\"...\") or {{% trans %}})"))


def untranslated_labels(env: jinja2.Environment, theme, display) -> list[Problem]:
    """A label a theme adds (`_()`, `{% trans %}`) that a shipped language's catalogs, the theme's
    own included, do not translate: the brief would show English words in that language."""
    from briefgen.i18n import get_locale, load_translations, shipped_locales
    from briefgen.paths import TEMPLATES_DIR
    from briefgen.render.env import theme_locale_dirs

    builtin = TEMPLATES_DIR.resolve()
    languages = [lang for lang in shipped_locales() if lang.split("_")[0] != "en"]
    catalogs = {lang: load_translations(get_locale(lang), theme_locale_dirs(theme)) for lang in languages}
    problems: list[Problem] = []
    for folder in dict.fromkeys(theme.folders):
        if folder.resolve().is_relative_to(builtin):
            continue                        # the shipped templates: `briefgen locales --check`
        for path in template_files(folder):
            try:
                found = list(env.extract_translations(path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
                continue                    # reported by static_problems
            for line, _function, message in found:
                msgid = message if isinstance(message, str) else next((m for m in message if m), None)
                if not msgid:
                    continue
                missing = [lang for lang, t in catalogs.items() if t.gettext(msgid) == msgid]
                if missing:
                    problems.append(Problem(display(path), line, f"label {msgid!r} has no translation in "
                                            f"{', '.join(missing)} (add it to the theme's locales/; docs/i18n.md)"))
    return problems
