"""Plain-text pages whose layout hides the article: lines broken mid-sentence, a headline run
into the lead paragraph."""
from __future__ import annotations

from briefgen.ingest.txt import read_scraped_text

WRAPPED = """Flut an der Küste von Arveta

Küstenkurier | 4. März 2026

Nach
dem Hochwasser an der Küste suchten Helfer die ganze
Nacht nach Vermissten. Wie
der Bürgermeister von Arveta, Jonas
Verhoek, sagte, verbrachten viele
Familien die Nacht in
Turnhallen.
"""


def test_a_hard_wrapped_page_is_read_as_whole_sentences_but_one_line_paragraphs_stay():
    article = read_scraped_text(WRAPPED)
    assert "der Bürgermeister von Arveta, Jonas Verhoek, sagte" in article.text
    assert "Nach dem Hochwasser an der Küste" in article.text
    page = ("Flood on the coast of Arveta\n\nCoast Courier | 4 March 2026\n\n"
            "Rescuers searched all night for the missing.\nMany families slept in school halls.\n"
            "The mayor thanked the volunteers\nand the fire brigade.\n")
    article = read_scraped_text(page)
    assert "Rescuers searched all night for the missing.\n\nMany families" in article.text
    page = ("Flood on the coast of Arveta\n\nCoast Courier | 4 March 2026\n\n"
            "Rescuers searched all night.\n\n- Arveta\n- Moren\n- Lisk\n- Tavel\n\n"
            "Jana Roe  \nPress officer  \n+47 555 0101  \n")
    article = read_scraped_text(page)
    assert "- Arveta Moren" not in article.text and "Jana Roe Press officer" not in article.text


def test_a_headline_run_into_the_lead_before_a_doubled_full_stop_is_the_title():
    page = ("Folha Norte | 5 de março de 2026\n\n"
            "Cheia deixa mil desalojados em Arveta. Rio subiu dois metros em uma noite..  "
            "A cheia do rio deixou mil desalojados nesta quinta-feira (5), segundo a prefeitura.\n")
    article = read_scraped_text(page)
    assert article.title == "Cheia deixa mil desalojados em Arveta"
    page = ("Folha Norte | 5 de março de 2026\n\n"
            "A cheia do rio deixou mil desalojados nesta quinta-feira (5). A prefeitura abriu abrigos.\n")
    assert read_scraped_text(page).title is None
