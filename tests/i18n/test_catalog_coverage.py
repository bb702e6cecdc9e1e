"""Every label the built-in themes and the code ask for is in the template catalog and translated
in every shipped language: a new `_()` without translations fails here, not in a reader's brief."""
from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

REPO = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "N_": None,
            "NP_": ((1, "c"), 2), "NNP_": ((1, "c"), 2, 3)}


def wanted() -> set[tuple[str | None, str]]:
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
            str(REPO), method_map=[("briefgen/**.py", "python"), ("templates/**.html", "jinja2")],
            options_map={"templates/**.html": {"extensions": "jinja2.ext.i18n"}}, keywords=KEYWORDS):
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid:
            found.add((context, msgid))
    return found


def test_every_extracted_label_is_translated_everywhere():
    labels = wanted()
    assert ("", "Flash update") in {(c or "", m) for c, m in labels}
    for po in sorted((REPO / "locales").glob("*/LC_MESSAGES/briefgen.po")):
        with po.open("rb") as fh:
            catalog = read_po(fh)
        missing = sorted(m for c, m in labels
                         if not (catalog.get(m, context=c) and catalog.get(m, context=c).string))
        assert not missing, f"{po.parent.parent.name}: untranslated {missing[:5]}"


def test_no_catalog_keeps_a_message_the_code_no_longer_asks_for():
    # A stale entry is dead weight a translator still maintains (and a wording nobody sees checked).
    labels = {(c or "", m) for c, m in wanted()}
    for po in sorted((REPO / "locales").glob("*/LC_MESSAGES/briefgen.po")):
        with po.open("rb") as fh:
            stale = sorted(m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh)
                           if m.id and ((m.context or ""), m.id if isinstance(m.id, str) else m.id[0]) not in labels)
        assert not stale, f"{po.parent.parent.name}: no longer used {stale[:5]}"


def test_arabic_never_glues_a_preposition_to_a_generated_phrase():
    # A figure phrase after بـ / لـ would need the genitive, which the phrase cannot know: the
    # Arabic messages put generated phrases after a colon or as a subject instead.
    with (REPO / "locales" / "ar" / "LC_MESSAGES" / "briefgen.po").open("rb") as fh:
        catalog = read_po(fh)
    glued = [m.id for m in catalog if m.id for text in ([m.string] if isinstance(m.string, str) else m.string)
             if any(f"{p}%(" in (text or "") for p in ("بـ", "لـ", " ب", " ل", "ب%", "ل%"))]
    assert not glued, glued
