"""Page furniture inside a scraped article body is dropped; the article's own sentences stay.

Each test pairs one kind of furniture with a look-alike line that is real text (the trap)."""
from __future__ import annotations

from pathlib import Path

from briefgen.ingest import read_file

HEAD = """Storm floods the coastal plain of Arveta
By Lena Moritz | Coastal Wire | 4 March 2026

"""
FIRST = "Rivers rose overnight across the plain, and at least 40 families left their homes, officials said."
LAST = "Relief agencies expect the water to recede by the end of the week, a spokesman said on Wednesday."


def body_of(tmp_path: Path, middle: str, head: str = HEAD, name: str = "page.txt") -> list[str]:
    path = tmp_path / name
    path.write_text(f"{head}{FIRST}\n\n{middle}\n\n{LAST}\n", encoding="utf-8")
    sources, _ = read_file(path)
    return sources[0].text.split("\n\n")


def test_bare_email_lines_of_a_contact_block_are_dropped_but_a_sentence_quoting_one_stays(tmp_path):
    quoted = "Families can write to help@arveta-relief.org for news of relatives, the council said."
    body = body_of(tmp_path, f"For media enquiries:\n\nmedia.desk@coastal-relief.org\n\n"
                             f"ops.lead@coastal-relief.org\n\n{quoted}")
    assert "media.desk@coastal-relief.org" not in body
    assert "ops.lead@coastal-relief.org" not in body
    assert quoted in body


def test_piped_contact_line_with_phone_and_email_is_dropped(tmp_path):
    contact = "Tomas Veld | Press Officer, Coastal Relief | Arveta | Tel: +12 345 678 | Email: tv@relief.example"
    body = body_of(tmp_path, contact)
    assert contact not in body
    assert body == [FIRST, LAST]


def test_embedded_post_attribution_is_dropped(tmp_path):
    body = body_of(tmp_path, "Water is still rising near the harbour, stay away from the quay.\n\n"
                             "— Arveta Coastguard (@ArvetaGuard) March 4, 2026")
    assert not any("@ArvetaGuard" in line for line in body)
    assert "Water is still rising near the harbour, stay away from the quay." in body


def test_wire_graphic_and_credit_lines_are_dropped(tmp_path):
    body = body_of(tmp_path, "(Graphic: Rainfall in March - here)\n\n"
                             "(Reporting by Lena Moritz; Editing by Paul Okafor)")
    assert body == [FIRST, LAST]


def test_database_export_metadata_is_dropped_and_placeholder_cut_from_its_sentence(tmp_path):
    head = "Storm floods the coastal plain of Arveta\n\n812 words\n4 March 2026\nCoastal Wire\nCSTWIR\n\n"
    body = body_of(tmp_path, "{articleGUID} Two bridges were closed after the river undermined them.\n\n"
                             "Document CSTWIR0020260304ab1c000xy", head=head)
    assert "812 words" not in body
    assert "CSTWIR" not in body
    assert "Two bridges were closed after the river undermined them." in body
    assert not any("{articleGUID}" in line or "Document CSTWIR" in line for line in body)


def test_all_caps_code_token_is_dropped_but_a_dateline_and_a_capitals_paragraph_stay(tmp_path):
    dateline = "NAIROBI, Kenya (AP) — Heavy rain also hit the capital, where two roads were shut."
    shouting = "THE GOVERNOR HAS DECLARED A STATE OF EMERGENCY IN THREE DISTRICTS"
    body = body_of(tmp_path, f"XQWIRE\n\n{dateline}\n\n{shouting}")
    assert "XQWIRE" not in body
    assert dateline in body
    assert shouting in body


def test_social_follow_line_is_dropped_alone_and_cut_from_the_end_of_a_paragraph(tmp_path):
    glued = "Schools stay closed until Monday.      Follow Coastal Wire:"
    body = body_of(tmp_path, f"Follow us on Mastodon:\n\n{glued}")
    assert "Schools stay closed until Monday." in body
    assert not any("Follow" in line for line in body)


def test_press_release_media_lines_are_dropped(tmp_path):
    body = body_of(tmp_path, "**Notes to editors:**\n\nFree photos:\n\n"
                             "A spokesperson is available for interviews.")
    assert body == [FIRST, LAST]


def test_heading_in_another_script_is_dropped_from_a_latin_article(tmp_path):
    body = body_of(tmp_path, "## 摘要\n\nThe river reached its highest level since 1998.\n\n## 詳細內容")
    assert body == [FIRST, "The river reached its highest level since 1998.", LAST]


def test_chinese_sentences_stay_in_a_chinese_article(tmp_path):
    path = tmp_path / "zh.txt"
    path.write_text("阿爾韋塔沿海平原發生洪水\n\n"
                    "河水在夜間上漲，至少四十個家庭離開了家園。\n\n"
                    "## 詳細內容\n\n"
                    "救援機構預計洪水將在本週末前退去。\n", encoding="utf-8")
    sources, _ = read_file(path)
    body = sources[0].text.split("\n\n")
    assert "河水在夜間上漲，至少四十個家庭離開了家園。" in body
    assert "救援機構預計洪水將在本週末前退去。" in body


def test_run_of_related_story_headlines_is_dropped_but_a_subheading_and_wrapped_lines_stay(tmp_path):
    wrapped = ("The regional council met late on Tuesday\nand agreed to open three shelters\n"
               "in the town hall and two schools")
    body = body_of(tmp_path, "Harbour authority: Ferries 'will not sail' this week\n\n"
                             "Farmers count losses in the delta\n\n"
                             "Power was cut to the lower town for six hours.\n\n"
                             f"Shelters open in the town\n\n{wrapped}")
    assert "Harbour authority: Ferries 'will not sail' this week" not in body
    assert "Farmers count losses in the delta" not in body
    assert "Shelters open in the town" in body
    assert "and agreed to open three shelters" in "\n\n".join(body)


def _read_body(tmp_path: Path, text: str) -> str:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    sources, _ = read_file(path)
    return sources[0].text


def test_closing_calls_to_action_run_onto_the_last_paragraph_are_dropped(tmp_path):
    body = _read_body(tmp_path, "Паводок в Томске\n\nВести | 2 мая 2026\n\n"
                                "Вода поднялась на два метра. Жителей эвакуировали. Читайте нас в Telegram.\n")
    assert body.endswith("Жителей эвакуировали.")


def test_ukrainian_and_arabic_closing_calls_to_action_are_dropped(tmp_path):
    uk = _read_body(tmp_path, "Повінь у Ужгороді\n\nВісті | 2 травня 2026\n\nВода піднялася. Людей евакуювали.\n\n"
                              "Читайте також про паводки минулого року. Новини читайте на каналі Вісті в Telegram.\n")
    assert "Читайте" not in uk and uk.endswith("Людей евакуювали.")
    ar = _read_body(tmp_path, "فيضانات في المدينة\n\nأخبار | 2 مايو 2026\n\nارتفع منسوب المياه.\n\n"
                              "يمكنكم متابعة آخر الأخبار بعد تحميل تطبيق أخبار على هاتفكم.\n")
    assert "يمكنكم" not in ar


def test_a_reading_call_inside_the_story_stays(tmp_path):
    body = _read_body(tmp_path, "Паводок в Томске\n\nВести | 2 мая 2026\n\n"
                                "«Читайте инструкции на дверях», — сказал спасатель. Вода уходит.\n")
    assert "Читайте инструкции" in body


WIRE_HEADER = """Storm floods the coastal plain of Arveta

412 words
4 March 2026
Coastal Wire Service
CSTWIR
English
Copyright 2026 Coastal Wire Service.

"""


def test_a_news_database_header_gives_the_outlet_and_stays_out_of_the_body(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(f"{WIRE_HEADER}{FIRST}\n\n{LAST}\n", encoding="utf-8")
    sources, _ = read_file(path)
    src = sources[0]
    assert src.outlet == "Coastal Wire Service"
    assert src.title == "Storm floods the coastal plain of Arveta"
    assert src.text.split("\n\n") == [FIRST, LAST]


def test_a_body_line_that_counts_words_is_no_header(tmp_path):
    head = "Storm floods the coastal plain of Arveta\n\n"
    path = tmp_path / "plain.txt"
    path.write_text(f"{head}{FIRST}\n\n300 words\n\n{LAST}\n", encoding="utf-8")
    sources, _ = read_file(path)
    assert sources[0].outlet is None
    assert FIRST in sources[0].text
