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
