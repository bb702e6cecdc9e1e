"""Furniture glued inside a paragraph (line breaks lost in a dump) is cut out; real sentences stay."""
from __future__ import annotations

import pytest

from briefgen.ingest.glued import unglue
from briefgen.ingest.txt import read_scraped_text


@pytest.mark.parametrize(("line", "expected"), [
    # a teaser for another article, between two sentences of this one (French, with a paywall label)
    ("Les troupes se sont retirées en mars. Article réservé à nos abonnés Lire aussi Niger : la mission "
     "« Orion » prolongée d’un an Pourtant, les attaques ont repris dans le nord.",
     "Les troupes se sont retirées en mars. Pourtant, les attaques ont repris dans le nord."),
    # a video caption and its credits before the lead (Spanish)
    ("Bomberos rescatan a un vecino en Lorca. En vídeo, el rescate en la calle Mayor. EFE; Vídeo: Atlas "
     "Las lluvias dejaron tres muertos en la región.",
     "Bomberos rescatan a un vecino en Lorca. Las lluvias dejaron tres muertos en la región."),
    # German teaser, the next sentence opens with an article
    ("Der Fluss trat am Morgen über die Ufer. Lesen Sie auch: Warum die Deiche in Sachsen brechen Die "
     "Feuerwehr evakuierte 300 Menschen.",
     "Der Fluss trat am Morgen über die Ufer. Die Feuerwehr evakuierte 300 Menschen."),
    # Portuguese teaser closing the paragraph: the rest of the line is its headline
    ("A Defesa Civil confirmou 12 mortes. Leia também: Chuvas deixam cidades isoladas no litoral",
     "A Defesa Civil confirmou 12 mortes."),
    # English "Read more:" glued after a sentence
    ("Two bridges were swept away, officials said. Read more: Why the monsoon came early this year",
     "Two bridges were swept away, officials said."),
    # a paywall label alone
    ("Réservé à nos abonnés Le gouvernement a décrété trois jours de deuil.",
     "Le gouvernement a décrété trois jours de deuil."),
])
def test_glued_furniture_is_cut_out(line, expected):
    assert unglue(line) == expected


@pytest.mark.parametrize("line", [
    # lowercase words that happen to spell a lead-in are the article's own
    "Residents will see also higher water bills after the repairs, the council said.",
    "Il faudra lire aussi le rapport des inspecteurs, a déclaré le maire.",
    # quoted speech that describes a video stays: the lead-in must start a sentence, not a quote
    "“In the video, you can see the water rising to the roofs,” she said.",
    # a teaser whose end cannot be found (a full stop follows, no opener after a lowercase word) stays whole
    "Lire aussi Vingt Ans Après La Catastrophe De Toulouse, Les Leçons Oubliées. Les experts ont parlé.",
    # an ordinary paragraph
    "At least 14 people were killed when the ferry capsized on Lake Kivu on Tuesday.",
])
def test_real_sentences_stay_whole(line):
    assert unglue(line) == line


def test_a_scraped_article_loses_the_glued_teaser_but_keeps_its_facts():
    text = ("Floods hit Varno\n\nVarno Daily | 3 May 2026\n\n"
            "Floods killed 12 people in Varno on Monday. See also: How the dam was built in 1962 The "
            "army evacuated 4,000 residents from the valley.")
    body = read_scraped_text(text).text
    assert "How the dam" not in body and "See also" not in body
    assert "Floods killed 12 people in Varno on Monday. The army evacuated 4,000 residents" in body
