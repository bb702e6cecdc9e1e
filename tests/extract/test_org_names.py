"""An organisation is reported under a name its source used."""
from __future__ import annotations

from briefgen.extract import extract_source

from .conftest import make_source


def _orgs(text: str) -> dict[str, list[str]]:
    return {o.name: o.aliases for o in extract_source(make_source(text)).organizations}


def test_an_acronym_only_source_keeps_the_acronym_as_name() -> None:
    orgs = _orgs("UNHCR said on Monday that camps near the border were full. "
                 "A UNHCR spokesperson said more tents were on the way.")
    assert "UNHCR" in orgs
    assert "United Nations High Commissioner for Refugees" in orgs["UNHCR"]


def test_a_spelled_out_name_stays_the_name_even_when_the_acronym_is_more_frequent() -> None:
    orgs = _orgs("The World Health Organization sent a team to the district. WHO said the team "
                 "would stay a month, and WHO staff began vaccinating on Tuesday. WHO asked for funds.")
    assert "World Health Organization" in orgs
    assert "WHO" not in orgs


def test_a_lowercase_who_is_never_the_health_agency() -> None:
    assert _orgs("Residents who fled the fighting said the roads were closed.") == {}


def test_the_first_full_name_the_source_spells_out_is_the_name() -> None:
    orgs = _orgs("Medecins Sans Frontieres said its teams were overwhelmed. The group, also known as "
                 "Doctors Without Borders, asked for safe access.")
    assert "Medecins Sans Frontieres" in orgs


def test_merging_keeps_a_name_the_sources_used() -> None:
    from briefgen.merge import resolve

    facts = resolve(extract_source(make_source("UNHCR said the camps were full. UNHCR asked for tents.")))
    assert [o.name for o in facts.organizations] == ["UNHCR"]


# --- organisations a neighbouring noun names (data/org_kinds.txt) -------------------------------

def test_a_name_before_militia_or_news_agency_is_an_organisation() -> None:
    orgs = _orgs("Witnesses blamed the Kanyoro Mbeli militia for the raid, the Tanjug news agency reported.")
    assert "Kanyoro Mbeli" in orgs
    assert "Tanjug" in orgs


def test_a_name_after_a_kind_noun_is_an_organisation() -> None:
    orgs = _orgs("Shoe maker Allbirds said prices would rise. The rebel movement Mai Tembo seized a town, "
                 "and locals formed a militia called the Kivu Lions.")
    assert {"Allbirds", "Mai Tembo", "Kivu Lions"} <= set(orgs)


def test_an_apposition_after_a_kind_noun_keeps_its_particle() -> None:
    orgs = _orgs("The main opposition party, al Haqq, boycotted the vote on Sunday.")
    assert "al Haqq" in orgs


def test_a_place_or_a_sentence_opener_before_a_kind_noun_is_no_organisation() -> None:
    orgs = _orgs("Local militia fighters patrolled the road. The Kenya company of engineers arrived, "
                 "and the Syrian militia withdrew.")
    assert orgs == {}


def test_a_christmas_party_is_no_organisation() -> None:
    assert _orgs("Guests left the Christmas party early after the storm warning.") == {}


# --- outlets, acronym-led bodies, employers -------------------------------------------------------

def test_an_outlet_named_in_the_text_is_an_organisation_but_not_inside_a_longer_name() -> None:
    orgs = _orgs("Officials told the Xinhua news agency that roads were shut. "
                 "The Guardian Council in Tehran approved the list.")
    assert "Xinhua" in orgs
    assert "Guardian" not in orgs


def test_an_acronym_opening_an_office_name_stays_part_of_it() -> None:
    orgs = _orgs("The UN Human Rights Office published the report on Monday. Data came from the WHO "
                 "Regional Office for Europe.")
    assert "UN Human Rights Office" in orgs
    assert "WHO Regional Office for Europe" in orgs


def test_an_acronym_spelled_by_a_name_that_holds_an_acronym() -> None:
    orgs = _orgs("The UN Assistance Mission in Somalia (UNAMS) counted the dead. UNAMS said more died.")
    assert "UN Assistance Mission in Somalia" in orgs
    assert "UN" not in orgs


def test_an_office_in_a_named_country_does_not_swallow_the_country() -> None:
    orgs = _orgs("The WHO Country Office in the Central African Republic sent vaccines.")
    assert "WHO Country Office" in orgs


def test_a_market_code_after_a_name_is_no_part_of_it() -> None:
    assert "Tokyo Commodity Exchange" in _orgs("Rubber on the Tokyo Commodity Exchange JRUc6 fell 2%.")


def test_a_word_joined_by_on_the_without_a_head_is_no_part_of_a_name() -> None:
    assert _orgs("Prices on the Tokyo Commodity Exchange rose.") == {"Tokyo Commodity Exchange": []}


def test_employers_are_found_by_what_their_people_do() -> None:
    orgs = _orgs("Ketchum said in a statement that the deal was done. “Demand is weak,” Norddeutsche "
                 "analyst Petra Lang said. Rates will fall, said Tom Reyes, chief economist at Harbor "
                 "Crest Advisors. He was named the Brentford manager on Monday.")
    assert {"Ketchum", "Norddeutsche", "Harbor Crest Advisors", "Brentford"} <= set(orgs)


def test_people_places_and_plain_openers_are_never_employers() -> None:
    orgs = _orgs("John Smith resigned on Monday. Smith said in a statement that he was proud. "
                 "Officials said in a statement that the road was open. Organizers said in a statement "
                 "that it was over. Kenya said in a statement that it would help. The Ebola doctor said "
                 "he was tired.")
    assert orgs == {}


def test_a_described_name_is_not_the_name_of_a_listed_agency() -> None:
    orgs = _orgs("About 40,000 people have crossed, according to the United Nations' refugee agency, the "
                 "UNHCR. The U.N. refugee agency said more would come. UNHCR asked for funds.")
    assert "UNHCR" in orgs
    assert "United Nations" not in orgs.get("UNHCR", [])
