"""Layout checks on a rendered sample: lines running past the page's side margins and text below
the theme's `min_font_size`, each pointed at the CSS rule or template that sets its class."""
from __future__ import annotations

from briefgen.themetools.problem import Problem, line_in_word, template_files


def layout_problems(document, theme, display, label: str) -> list[Problem]:
    """Lines running past the page's side margins; text below the theme's minimum size."""
    problems: list[Problem] = []
    min_px = theme.min_font_pt * 96 / 72
    seen: set[tuple[str, str]] = set()
    for page in document.pages:
        page_box = page._page_box
        left = page_box.content_box_x()
        right = left + page_box.width
        for root in page_box.children:
            if getattr(root, "element_tag", None) != "html":
                continue
            for box, owner, in_mark in _text_boxes(root, None):
                what = _describe(owner)
                past = max(box.position_x + box.width - right, left - box.position_x)
                if past > 1.5 and ("overflow", what) not in seen:
                    seen.add(("overflow", what))
                    path, line = _find_class(theme, owner, display)
                    problems.append(Problem(path, line, f"overflow: text in {what} runs {past * 25.4 / 96:.0f} mm "
                                            f"past the page margin: {box.text[:40]!r}", label))
                size = box.style["font_size"]
                # Footnote marks (<sup>, <sub>) are smaller by convention; body text is what counts.
                if size < min_px - 0.01 and box.text.strip() and not in_mark \
                        and ("size", what) not in seen:
                    seen.add(("size", what))
                    path, line = _find_class(theme, owner, display, css=True)
                    problems.append(Problem(path, line, f"text in {what} is {size * 72 / 96:.1f}pt, below the "
                                            f"theme's min_font_size {theme.min_font_size}", label))
    return problems


def _text_boxes(box, owner, in_mark: bool = False):
    """(text box, nearest element with a class, inside <sup>/<sub>?) for every text box under `box`."""
    element = getattr(box, "element", None)
    if element is not None and getattr(box, "element_tag", None) == element.tag:
        in_mark = in_mark or element.tag in ("sup", "sub")
        if element.get("class"):
            owner = element
    if type(box).__name__ == "TextBox":
        yield box, owner, in_mark
        return
    for child in getattr(box, "children", ()):
        yield from _text_boxes(child, owner, in_mark)


def _describe(element) -> str:
    if element is None:
        return "the page"
    return f"<{element.tag} class=\"{element.get('class')}\">"


def _find_class(theme, element, display, css: bool = False) -> tuple[str, int | None]:
    """Where to look for a layout problem: the theme's own CSS rule for the element's class, else the
    template that sets the class (`css`: any stylesheet of the chain before templates)."""
    if element is None:
        return display(theme.folders[0] / "base.html"), None
    classes = element.get("class", "").split()
    own = [p for p in theme.stylesheet_files if p.parent == theme.folders[0]]
    searches = [(own, ".{}")]
    if css:
        searches.append((list(reversed(theme.stylesheet_files)), ".{}"))
    searches.append(([p for folder in theme.folders for p in template_files(folder)], "{}"))
    for paths, pattern in searches:
        for cls in classes:
            for path in paths:
                line = line_in_word(path, pattern.format(cls))
                if line:
                    return display(path), line
    return display(theme.folders[0] / "base.html"), None
