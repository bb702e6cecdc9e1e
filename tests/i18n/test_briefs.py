"""The seed brief in every shipped language: one page, the locale's own strings, no English label left."""
from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest
from babel.messages.pofile import read_po
from pypdf import PdfReader

from briefgen.i18n import TEMPLATE_PATH, catalog_path
from tests.i18n.conftest import SHIPPED

NBSP, NNBSP = "\u00a0", "\u202f"


class _Visible(HTMLParser):
    """Text a reader sees in the brief's own language: no markup, no attributes, no CSS, and not
    the verbatim source words (elements with a `lang` other than the page's)."""

    def __init__(self) -> None:
        super().__init__()
        self.page_lang: str | None = None
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.page_lang = attrs.get("lang")
        foreign = tag in ("style", "script") or ("lang" in attrs and tag != "html"
                                                 and attrs["lang"] != self.page_lang)
        if tag not in ("meta", "br", "img", "link"):
            self.stack.append(foreign)

    def handle_endtag(self, tag):
        if tag not in ("meta", "br", "img", "link") and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not any(self.stack):
            self.parts.append(data)


def visible_text(html: bytes) -> str:
    parser = _Visible()
    parser.feed(html.decode("utf-8"))
    # Collapse ordinary white space only: the no-break spaces are part of what is tested.
    return re.sub(r"[ \t\r\n]+", " ", " ".join(parser.parts)).strip()


def english_labels(lang: str) -> list[str]:
    """msgids without placeholders whose translation in `lang` differs from the English (a word the
    language also uses, such as the name 'Aleppo' in German, is not a leftover)."""
    with catalog_path(lang).open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    same = {m.id for m in catalog if m.id and m.string == m.id}
    labels = []
    for message in catalog:
        if not message.id or isinstance(message.id, tuple) or "%" in message.id or message.context == "gender":
            continue
        if message.string and message.id not in same and len(message.id) > 2:
            labels.append(message.id)
    return labels


@pytest.mark.parametrize("lang", SHIPPED)
def test_seed_brief_is_one_page(seed_briefs, lang):
    result = seed_briefs[lang]
    assert result.pages == 1
    assert len(PdfReader(io.BytesIO(result.outputs["pdf"])).pages) == 1


@pytest.mark.parametrize("lang", [lang for lang in SHIPPED if lang != "en"])
def test_no_english_label_left(seed_briefs, lang):
    text = visible_text(seed_briefs[lang].outputs["html"])
    left = [label for label in english_labels(lang)
            if re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", text)]
    assert left == [], f"English labels in the {lang} brief: {left}"


def test_catalog_msgids_cover_the_template():
    with TEMPLATE_PATH.open("rb") as fh:
        assert len([m for m in read_po(fh) if m.id]) > 150


@pytest.mark.parametrize("lang, expected", [
    ("fr", [f"8{NBSP}décembre{NBSP}2016", f"18{NNBSP}000", "369 civils tués dans l'est d'Alep",
            "dont 45 enfants", "Alep : victimes et déplacements".replace(" :", f"{NBSP}:"), "Note de situation",
            f"plus de 9{NNBSP}000", "blessés ou disparus"]),
    ("de", [f"8.{NBSP}Dezember{NBSP}2016", "18.000", "darunter 45 Kinder", "Lagebericht"]),
    ("ru", [f"8{NBSP}декабря{NBSP}2016", f"18{NBSP}000", "погибли 369 мирных жителей на востоке Алеппо",
            "в том числе 45 детей", "Оперативная сводка"]),
    ("uk", [f"8{NBSP}грудня{NBSP}2016", "загинули 369 цивільних на сході Алеппо", "зокрема 45 дітей"]),
    ("es", [f"8{NBSP}de{NBSP}diciembre{NBSP}de{NBSP}2016", "18.000", "369 civiles muertos en el este de Alepo"]),
    ("pt", [f"8{NBSP}de{NBSP}dezembro{NBSP}de{NBSP}2016", "18.000", "369 civis mortos no leste de Alepo"]),
    ("ar", [f"8{NBSP}ديسمبر{NBSP}2016", "مقتل 369 مدنياً في شرق حلب", "بينهم 45 طفلاً", "موجز الوضع"]),
])
def test_locale_strings_in_the_brief(seed_briefs, lang, expected):
    text = visible_text(seed_briefs[lang].outputs["html"])
    for item in expected:
        assert item in text, item


def test_arabic_is_right_to_left_with_arabic_months(seed_briefs):
    html = seed_briefs["ar"].outputs["html"].decode("utf-8")
    assert '<html lang="ar" dir="rtl">' in html
    assert "ديسمبر" in visible_text(seed_briefs["ar"].outputs["html"])
    assert "December" not in visible_text(seed_briefs["ar"].outputs["html"])
    # Latin words inside Arabic lines are isolated and marked with their language.
    assert '<bdi lang="en" dir="ltr">Kurdish-controlled district</bdi>' in html
    assert re.search(r'<blockquote dir="ltr">«<q lang="en" dir="ltr">[^<]*Many of them cannot move', html)
    # The Arabic face is embedded only where Arabic is written.
    assert "Briefgen Sans Arabic" in html
    assert "Briefgen Sans Arabic\"; font-weight" not in seed_briefs["fr"].outputs["html"].decode("utf-8")


def test_quotes_and_events_stay_verbatim(seed_briefs):
    html = seed_briefs["fr"].outputs["html"].decode("utf-8")
    assert '<html lang="fr" dir="ltr">' in html
    assert re.search(r'<blockquote dir="ltr">«\xa0<q lang="en">we&#39;re working on something here</q>\xa0»', html)
    assert '<bdi lang="en" dir="ltr">Syrian army takes control of three-quarters of Aleppo&#39;s Old City</bdi>' in html


@pytest.mark.parametrize(("lang", "colon"), [("fr", f"{NNBSP}: "), ("en", ": "), ("de", ": ")])
def test_source_line_separates_outlet_and_title_as_the_language_does(seed_briefs, lang, colon):
    """'Outlet : Title' in French (narrow no-break space), 'Outlet: Title' elsewhere."""
    html = seed_briefs[lang].outputs["html"].decode("utf-8")
    after_outlet = html[html.index('class="outlet"'):].split("</span>", 1)[1]
    assert after_outlet.startswith(colon), after_outlet[:80]
