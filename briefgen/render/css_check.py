"""A theme stylesheet checked as WeasyPrint will read it, file by file: `style.css:LINE:COL: …`.

Why: WeasyPrint drops an unknown property, an invalid value or a rule it cannot parse with a log
line (shown with --debug only) whose position is in the inlined stylesheet (render/css.py), not
in the theme's file. So each stylesheet is parsed here on its own with tinycss2, as it is read,
and the verdict on each declaration is WeasyPrint's own (`weasyprint.css.validation`: the same
dispatch as its `preprocess_declarations`, its expanders and property validators, its @font-face
descriptors), so what is reported is exactly what the PDF ignores. `template check` lists the
findings as problems; a build warns (`warning_lines`: ten, then a count) and goes on.

Not reported, because the HTML output's browser may well use them: vendor-prefixed and custom
(`--x`) properties, properties WeasyPrint knows but ignores for print or does not support yet,
at-rules of browsers (@keyframes, @supports …), values holding var() (known only when computed).
"""
from __future__ import annotations

import difflib
import functools
import re
from pathlib import Path

from briefgen.render.css import CssProblem

MAX_SHOWN = 10              # warnings at build; `template check` lists them all
_VALUE_SHOWN = 60           # characters of a bad value quoted in a message
# At-rules WeasyPrint ignores that a browser opening the HTML output honours: not mistakes.
_BROWSER_AT_RULES = frozenset({"keyframes", "supports", "container", "charset", "namespace", "property",
                               "font-feature-values", "font-palette-values", "scope", "starting-style",
                               "view-transition", "document", "viewport"})
# Brackets as tinycss2 pairs them, skipping comments, strings and escapes (an unclosed one ends the
# file inside its block: tinycss2 closes it silently, WeasyPrint takes the rest of the file into it).
_BRACKETS = re.compile(r"""/\*.*?(?:\*/|\Z)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|\\.|[{}()\[\]]""", re.S)
_CLOSER = {"{": "}", "(": ")", "[": "]"}
_PREFIXED_PSEUDO = re.compile(r"::?-")


def check_stylesheet(path: Path, source: str) -> list[CssProblem]:
    """What WeasyPrint would ignore in the stylesheet `source` (the text of `path`), in file order."""
    import tinycss2

    # As tinycss2 reads it, so lines and columns agree with its tokens.
    source = source.replace("\0", "\uFFFD").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    checker = _Checker(path)
    unclosed = _innermost_unclosed(source)
    if unclosed is not None:
        line, column, opener = unclosed
        checker.add(line, column, f"CSS syntax error: {opener!r} is never closed (a {_CLOSER[opener]!r} is "
                                  "missing; everything after it is read as part of this block)")
    try:
        tokens = tinycss2.parse_component_value_list(source, skip_comments=True)     # once, for both
        checker.token_errors(tokens)
        rules = tinycss2.parse_stylesheet(tokens, skip_whitespace=True)
        checker.file_ends_inside = unclosed is not None
        checker.rules(rules)
    except RecursionError:
        checker.add(1, 1, "CSS nested too deeply to be read")
    unique = {(p.line, p.column, p.message): p for p in checker.found}
    return sorted(unique.values(), key=lambda p: (p.line, p.column or 0))


def warning_lines(problems: list[CssProblem] | tuple[CssProblem, ...]) -> list[str]:
    """The lines a build warns with: the first `MAX_SHOWN` problems, then how many more."""
    lines = [str(problem) for problem in problems[:MAX_SHOWN]]
    if len(problems) > MAX_SHOWN:
        lines.append(f"and {len(problems) - MAX_SHOWN} more CSS problems "
                     "(`briefgen template check THEME` lists them all)")
    return lines


def _innermost_unclosed(source: str) -> tuple[int, int, str] | None:
    """(line, column, bracket) of the innermost bracket still open at the end of the file: where the
    missing closer belongs (the brackets around it stay open only because it does)."""
    stack: list[tuple[int, str]] = []
    for match in _BRACKETS.finditer(source):
        char = match.group(0)
        if char in _CLOSER:
            stack.append((match.start(), char))
        elif char in ")]}" and stack and _CLOSER[stack[-1][1]] == char:
            stack.pop()
    # An unmatched closer is left to tinycss2, which reports it at its place.
    if not stack:
        return None
    index, char = stack[-1]
    return source.count("\n", 0, index) + 1, index - source.rfind("\n", 0, index), char


class _Checker:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.base_url = path.resolve().as_uri()
        self.found: list[CssProblem] = []
        self.file_ends_inside = False       # a bracket is left open (reported once, where it opens)

    def add(self, line: int, column: int, message: str) -> None:
        self.found.append(CssProblem(self.path, line, message, column))

    def rules(self, rules) -> None:
        for rule in rules:
            if rule.type == "error":
                # The missing bracket is the problem already reported; tinycss2 only sees the file end.
                if not (self.file_ends_inside and rule.message.startswith("EOF reached")):
                    self.syntax_error(rule)
            elif rule.type == "qualified-rule":
                self.selector(rule)
                self.declarations(rule.content)
            elif rule.type == "at-rule":
                self.at_rule(rule)

    def syntax_error(self, error) -> None:
        message = {"Unmatched }": "unmatched '}' (one '}' too many, or its '{' is missing)",
                   "Unmatched )": "unmatched ')'", "Unmatched ]": "unmatched ']'"}.get(error.message)
        if message is None and error.kind in ("bad-string", "eof-in-string"):
            message = "a string is not closed on its line (a quote is missing)"
        if message is None and error.kind in ("bad-url", "eof-in-url"):
            message = "a url( ) is not closed or holds a space, quote or bracket (quote it)"
        self.add(error.source_line, error.source_column, f"CSS syntax error: {message or error.message}")

    def token_errors(self, tokens) -> None:
        """Report the tokenizer's errors (an unmatched bracket, an unclosed string) among `tokens`,
        nested blocks included (walked without recursion: a hostile file nests thousands deep)."""
        pending = [iter(tokens)]
        while pending:
            token = next(pending[-1], None)
            if token is None:
                pending.pop()
                continue
            if token.type == "error":
                self.syntax_error(token)
            inner = getattr(token, "content", None) or getattr(token, "arguments", None)
            if isinstance(inner, list):
                pending.append(iter(inner))

    def selector(self, rule) -> None:
        import cssselect2
        import tinycss2

        if _has_error(rule.prelude):
            return      # reported where the tokenizer met it
        try:
            cssselect2.compile_selector_list(rule.prelude)
        except cssselect2.SelectorError:
            text = tinycss2.serialize(rule.prelude).strip()
            if _PREFIXED_PSEUDO.search(text):
                return      # `::-webkit-scrollbar`: another engine's, the browser's business
            self.add(rule.source_line, rule.source_column, f"invalid selector {_short(text)!r} (the rule is ignored)")

    def declarations(self, content, *, descriptors: str | None = None) -> None:
        """The declarations of a block (`descriptors`: of @font-face and the like), nested rules too."""
        import tinycss2

        if content is None:
            return
        for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
            if item.type == "error":
                self.add(item.source_line, item.source_column,
                         "CSS syntax error: expected `property: value;` (a ':' or ';' is missing?)")
            elif item.type == "qualified-rule" and descriptors is None:
                # CSS nesting (WeasyPrint reads it); its selector is relative to the parent's, not checked alone.
                self.declarations(item.content)
            elif item.type == "declaration" and not _has_error(item.value):
                if descriptors is None:
                    self.declaration(item)
                else:
                    self.descriptor(item, descriptors)

    def declaration(self, declaration) -> None:
        """As WeasyPrint's `preprocess_declarations` (weasyprint/css/validation/__init__.py) judges it."""
        from weasyprint.css.tokens import InvalidValues, remove_whitespace
        from weasyprint.css.validation import NOT_PRINT_MEDIA
        from weasyprint.css.validation.expanders import EXPANDERS
        from weasyprint.css.validation.properties import PREFIX, PROPRIETARY, UNSTABLE, validate_non_shorthand

        name = declaration.lower_name
        if name.startswith("--") or name in NOT_PRINT_MEDIA:
            return
        if name.startswith(PREFIX) and name[len(PREFIX):] in PROPRIETARY | UNSTABLE:
            name = name[len(PREFIX):]
        elif name.startswith("-"):
            return          # another engine's prefix: the browser's business
        tokens = remove_whitespace(declaration.value)
        try:
            if not tokens:
                raise InvalidValues("no value")
            list(EXPANDERS.get(name, validate_non_shorthand)(tokens, name, self.base_url))
        except InvalidValues as exc:
            self.invalid(declaration, name, exc.args[0] if exc.args else None)
        except (RecursionError, ValueError, TypeError, LookupError, AttributeError):
            # A validator tripping over a value it did not foresee is WeasyPrint's failure, not a
            # declaration it ignores: not reported here (and the check itself never stops on it).
            return

    def invalid(self, declaration, name: str, reason: str | None) -> None:
        from weasyprint.css.properties import KNOWN_PROPERTIES

        line, column = declaration.source_line, declaration.source_column
        if reason == "unknown property":
            guess = _closest(name, frozenset(KNOWN_PROPERTIES))
            hint = f" (did you mean {guess!r}?)" if guess else ""
            self.add(line, column, f"unknown property {declaration.name!r}{hint}; the PDF ignores it")
        elif reason == "property not supported yet":
            return          # valid CSS, for the HTML output; WeasyPrint does not lay it out
        else:
            self.add(line, column, f"invalid value for {declaration.name!r}: {_short(_value(declaration))!r}"
                                   + (f" ({reason})" if reason and reason != "invalid value" else "")
                                   + "; the PDF ignores the declaration")

    def descriptor(self, declaration, rule: str) -> None:
        """As WeasyPrint's `preprocess_descriptors` (weasyprint/css/validation/descriptors.py) judges it."""
        from weasyprint.css.tokens import InvalidValues, remove_whitespace
        from weasyprint.css.validation.descriptors import DESCRIPTORS, NOT_PRINT_MEDIA

        name = declaration.lower_name
        if name in NOT_PRINT_MEDIA or name.startswith("-"):
            return
        line, column = declaration.source_line, declaration.source_column
        function = DESCRIPTORS[rule].get(name)
        if function is None:
            self.add(line, column, f"unknown descriptor {declaration.name!r} in @{rule}; the PDF ignores it")
            return
        tokens = remove_whitespace(declaration.value)
        try:
            value = function(tokens, self.base_url) if function.wants_base_url else function(tokens)
        except InvalidValues:
            value = None
        except (RecursionError, ValueError, TypeError, LookupError, AttributeError):
            return
        if value is None:
            self.add(line, column, f"invalid value for {declaration.name!r} in @{rule}: "
                                   f"{_short(_value(declaration))!r}; the PDF ignores it")

    def at_rule(self, rule) -> None:
        import tinycss2
        from weasyprint.css import PAGE_MARGIN_BOXES, parse_page_selectors
        from weasyprint.css.validation.descriptors import DESCRIPTORS

        keyword = rule.lower_at_keyword
        if _has_error(rule.prelude):
            return
        if keyword == "import":
            return          # render/css.py follows it (and reports what it refuses)
        if keyword == "media":
            self.rules(tinycss2.parse_rule_list(rule.content or [], skip_comments=True, skip_whitespace=True))
        elif keyword == "layer":
            if rule.content is not None:
                self.rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
        elif keyword == "page":
            if parse_page_selectors(rule) is None:
                self.add(rule.source_line, rule.source_column, f"unsupported @page selector "
                         f"{_short(tinycss2.serialize(rule.prelude).strip())!r} (the rule is ignored)")
            self.declarations(rule.content)
            for margin in tinycss2.parse_blocks_contents(rule.content or [], skip_comments=True,
                                                         skip_whitespace=True):
                if margin.type != "at-rule":
                    continue
                if margin.lower_at_keyword in PAGE_MARGIN_BOXES:
                    self.declarations(margin.content)
                else:
                    self.add(margin.source_line, margin.source_column,
                             f"unknown page margin box @{margin.at_keyword} in @page (the rule is ignored)")
        elif keyword in DESCRIPTORS:
            self.declarations(rule.content, descriptors=keyword)
        elif keyword not in _BROWSER_AT_RULES and not keyword.startswith("-"):
            self.add(rule.source_line, rule.source_column, f"unknown at-rule @{rule.at_keyword} (the rule is ignored)")


@functools.lru_cache(maxsize=256)
def _closest(name: str, known: frozenset[str]) -> str | None:
    guess = difflib.get_close_matches(name, known, n=1, cutoff=0.8)
    return guess[0] if guess else None


def _has_error(tokens) -> bool:
    return any(token.type == "error" for token in tokens)


def _value(declaration) -> str:
    import tinycss2

    try:
        return tinycss2.serialize(declaration.value).strip()
    except RecursionError:
        return "…"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _VALUE_SHOWN else text[:_VALUE_SHOWN - 1] + "…"
