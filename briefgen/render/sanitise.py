"""The HTML brief without markup that navigates or fetches on its own, whatever a theme wrote.

Why: a theme is a colleague's code, and the Content-Security-Policy does not cover everything a
page can do when it is opened: `<meta http-equiv="refresh">` navigates (CSP's `navigate-to` was
dropped from the spec), `<link rel=dns-prefetch>` leaks a host name, `ping=` reports a click.
So the page is parsed as a browser parses it (tinyhtml5, the WHATWG algorithm WeasyPrint uses)
and these are looked for wherever they are (any case or attribute order, inside <svg>):

- elements, with what they hold: <script>, <noscript> (inert with scripting on, live with it
  off, and its raw text can hide markup from a parser that sees it the other way), <base>,
  <iframe>, <frame>, <frameset>, <object>, <embed>, <applet>, <portal>, <fencedframe>;
  <meta http-equiv> other than a content policy or type; <link> whose rel asks the browser to
  fetch or connect ahead (dns-prefetch, preconnect, prefetch, prerender, preload, modulepreload,
  next) or on its own (icons, manifest);
- attributes: every `on*` handler, `ping`, `action` and `formaction`.

A page holding none of them is returned as it came, byte for byte (the built-in themes' output);
otherwise the cleaned tree is written out again, then parsed and checked once more, so markup the
serialisation could revive (mutation) is caught rather than shipped.
"""
from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass

from briefgen.errors import RenderError

HTML_NS = "http://www.w3.org/1999/xhtml"
_PREFIXES = {"http://www.w3.org/1999/xlink": "xlink:", "http://www.w3.org/XML/1998/namespace": "xml:",
             "http://www.w3.org/2000/xmlns/": "xmlns:"}

DROPPED_ELEMENTS = frozenset({"script", "noscript", "base", "iframe", "frame", "frameset", "object", "embed",
                              "applet", "portal", "fencedframe"})
KEPT_HTTP_EQUIV = frozenset({"content-security-policy", "content-type", "content-language"})
# Fetched (or connected to) when the page opens, by some browser, whatever the policy says.
FETCHING_RELS = frozenset({"dns-prefetch", "preconnect", "prefetch", "prerender", "preload", "modulepreload",
                           "next", "icon", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon",
                           "manifest"})
DROPPED_ATTRIBUTES = frozenset({"ping", "action", "formaction"})

_VOID = frozenset({"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
                   "keygen", "link", "meta", "param", "source", "track", "wbr"})
_RAW_TEXT = frozenset({"style", "script", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript"})

_LAST: tuple[str, str] | None = None     # `serve` asks again for the same page on every request


@dataclass(frozen=True)
class Finding:
    """One piece of unsafe markup: what it is, and a pattern for its place in a template's source."""
    what: str
    pattern: str


def sanitise(page: str) -> str:
    """`page` without navigation, prefetch and script markup (see the module docstring)."""
    global _LAST
    if _LAST is not None and _LAST[0] == page:
        return _LAST[1]
    try:
        document = _parse(page)
        if not _remove_unsafe(document):
            result = page
        else:
            result = serialise(document)
            if _remove_unsafe(_parse(result)):
                raise RenderError("the theme's HTML could not be cleaned of navigation and script markup")
    except RecursionError:
        # Walked recursively; no brief nests elements hundreds deep.
        raise RenderError("the theme's HTML nests elements too deeply to be checked (hundreds of levels)") from None
    _LAST = (page, result)
    return result


def unsafe_markup(source: str) -> list[Finding]:
    """What `sanitise` would remove from `source` (for `template check`)."""
    found: list[Finding] = []
    _remove_unsafe(_parse(source), found)
    return found


def _parse(page: str) -> ElementTree.Element:
    from tinyhtml5.parser import HTMLParser

    # scripting=False: what <noscript> holds is parsed as markup, so it is seen (and dropped).
    return HTMLParser().parse(page, full_tree=True, scripting=False)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower() if isinstance(name, str) else ""


def _unsafe_element(element: ElementTree.Element) -> Finding | None:
    name = _local(element.tag)
    tag = rf"<\s*{name}\b"
    if name in DROPPED_ELEMENTS:
        return Finding(f"<{name}>", tag)
    if name == "meta" and element.get("http-equiv") is not None:
        equiv = element.get("http-equiv", "").strip().lower()
        if equiv not in KEPT_HTTP_EQUIV:
            return Finding(f'<meta http-equiv="{equiv[:40]}">', r"http-equiv")
    if name == "link":
        rels = FETCHING_RELS & set(element.get("rel", "").lower().split())
        if rels:
            return Finding(f'<link rel="{" ".join(sorted(rels))}">', r"\brel\s*=")
    return None


def _unsafe_attributes(element: ElementTree.Element) -> list[str]:
    return [key for key in element.attrib
            if _local(key).startswith("on") or _local(key) in DROPPED_ATTRIBUTES]


def _remove_unsafe(root: ElementTree.Element, found: list[Finding] | None = None) -> bool:
    """Drop the unsafe elements and attributes under `root` (each noted in `found`); True if any."""
    removed = False
    for parent in list(root.iter()):
        if not isinstance(parent.tag, str) or parent.tag == "<!DOCTYPE>":
            continue
        for child in list(parent):
            finding = _unsafe_element(child) if isinstance(child.tag, str) and child.tag != "<!DOCTYPE>" else None
            if finding is not None:
                _remove_keeping_tail(parent, child)
                removed = True
                if found is not None:
                    found.append(finding)
        for key in _unsafe_attributes(parent):
            del parent.attrib[key]
            removed = True
            if found is not None:
                attribute = _local(key)
                found.append(Finding(f"{attribute}= on <{_local(parent.tag)}>", rf"\b{attribute}\s*="))
    return removed


def _remove_keeping_tail(parent: ElementTree.Element, child: ElementTree.Element) -> None:
    if child.tail:
        index = list(parent).index(child)
        if index:
            before = parent[index - 1]
            before.tail = (before.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


# --- writing the tree out again (the HTML fragment serialisation algorithm) ---------------------

def serialise(document: ElementTree.Element) -> str:
    return "".join(_nodes(document, raw=False))


def _nodes(element: ElementTree.Element, raw: bool) -> Iterator[str]:
    if element.text:
        yield element.text if raw else _escape_text(element.text)
    for child in element:
        yield from _node(child)
        if child.tail:
            yield child.tail if raw else _escape_text(child.tail)


def _node(element: ElementTree.Element) -> Iterator[str]:
    if element.tag is ElementTree.Comment:
        yield f"<!--{element.text or ''}-->"
        return
    if element.tag == "<!DOCTYPE>":
        yield f"<!DOCTYPE {element.text or 'html'}>"
        return
    namespace = element.tag[1:].split("}", 1)[0] if element.tag.startswith("{") else HTML_NS
    name = element.tag.rsplit("}", 1)[-1]
    attributes = "".join(f' {_attribute_name(key)}="{_escape_attribute(value)}"'
                         for key, value in element.attrib.items())
    yield f"<{name}{attributes}>"
    if namespace == HTML_NS and name in _VOID:
        return
    yield from _nodes(element, raw=namespace == HTML_NS and name in _RAW_TEXT)
    yield f"</{name}>"


def _attribute_name(key: str) -> str:
    if key.startswith("{"):
        namespace, local = key[1:].split("}", 1)
        return _PREFIXES.get(namespace, "") + local
    return key


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("\u00a0", "&nbsp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(value: str) -> str:
    # `<` and `>` too (the standard does not ask it): no parser can take a value for a tag.
    return (value.replace("&", "&amp;").replace("\u00a0", "&nbsp;").replace('"', "&quot;")
            .replace("<", "&lt;").replace(">", "&gt;"))
