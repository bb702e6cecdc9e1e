"""The story of a source (main event type, place) and the scope of each figure (main or context),
each rule with sentences written for it, traps included."""
from __future__ import annotations

import datetime as dt
import re
import tomllib

import pytest

from briefgen.extract import extract_source, story
from briefgen.extract.scope import Clause, clause_of, scope_of
from briefgen.extract.story import event_type
from briefgen.model import Source, Story

PUBLISHED = dt.date(2024, 6, 12)
QUAKE = Story(source="s", type="earthquake", place="Karsa")
CHOLERA = Story(source="s", type="epidemic", hazard="cholera", place="Northern Province")


def scope(sentence: str, number: str, story: Story = QUAKE) -> str | None:
    start = sentence.index(number)
    return scope_of(Clause(*clause_of(sentence, start, start + len(number)), PUBLISHED, story))


@pytest.mark.parametrize("headline, lead, expected", [
    ("Strong quake rocks mountain towns", "", "earthquake"),
    ("Rivers burst their banks after days of rain", "Flooding has cut off three villages.", "flood"),
    ("Typhoon makes landfall", "", "storm"),
    ("Cholera cases climb in the north", "", "epidemic"),
    ("Gunmen storm a market", "Militants opened fire on shoppers.", "attack"),
    ("Drone strikes hit the capital overnight", "", "air_strike"),
    ("Ferry capsizes off the coast", "", "accident"),
    ("Thousands flee as fighting nears the city", "Refugees crossed the border.", "displacement"),
    ("Police fire tear gas at protesters", "", "protest"),
    # Traps: a crisis word in another sense, or a single lead word, is not a crisis story.
    ("Tariffs spark a trade war between the two blocs", "", "none"),
    ("Striker's late goal settles the title battle", "The club's attack looked sharp.", "none"),
    ("Shares crash as the central bank raises rates", "", "none"),
    ("Minister faces a storm of criticism over the budget", "", "none"),
    ("Death toll from a missile strike on the port rises to 31", "", "air_strike"),
    ("Dock workers go on strike over pay", "", "none"),
    ("Negotiators race to strike a deal before the deadline", "", "none"),
])
def test_the_main_event_type_is_read_from_headline_and_lead(headline, lead, expected):
    assert event_type(headline, lead)[0] == expected


def test_an_epidemic_names_its_disease_and_an_accident_its_kind():
    assert event_type("Cholera outbreak spreads in camps", "") == ("epidemic", "cholera")
    assert event_type("Train derails near the border, killing 9", "") == ("accident", "train crash")
    assert event_type("Typhoon Lina batters the coast", "") == ("storm", "Typhoon Lina")


@pytest.mark.parametrize("sentence, number, reason", [
    # another time: an earlier year, "last year", "over the past two decades"
    ("In 2010, an earthquake in the same valley killed 3,000 people.", "3,000", "another_time"),
    ("A quake in 1999 left 17,000 dead in the region.", "17,000", "another_time"),
    ("Last year's floods displaced 20,000 people.", "20,000", "another_time"),
    ("Over the past two decades, quakes have killed 8,000 people here.", "8,000", "another_time"),
    ("Two years earlier, clashes in the area displaced more than 90,000 people.", "90,000", "another_time"),
    # cumulative: a war's or decade's total
    ("More than 300,000 people have died since the war began.", "300,000", "cumulative"),
    ("The conflict has displaced 6 million people since 2011.", "6 million", "cumulative"),
    # rate: a flow, not a stock
    ("Some 500 people cross the border each day.", "500", "rate"),
    ("Aid agencies say 40 children die every week in the camps.", "40", "rate"),
    # projection or capacity
    ("As many as 80,000 people could be forced from their homes.", "80,000", "projection"),
    ("The shelter was built for 2,000 people.", "2,000", "projection"),
    # population
    ("The quake struck a town of 40,000 residents.", "40,000", "population"),
    ("The valley is home to 1.2 million people.", "1.2 million", "population"),
])
def test_a_background_figure_is_context_with_its_reason(sentence, number, reason):
    assert scope(sentence, number) == reason


@pytest.mark.parametrize("sentence, number", [
    ("The earthquake killed at least 587 people, officials said.", "587"),
    ("As many as 100 people may have died in the collapse.", "100"),          # uncertain, not a projection
    ("A month of heavy rain has displaced 413,000 people.", "413,000"),       # a duration, not a rate
    ("At least 12 people were killed and the toll may rise.", "12"),           # the modal is the next clause's
    ("The quake, the strongest since 2010, killed 300 people.", "300"),        # the year is another clause's
    ("Tens of thousands are trapped despite people fleeing in the past two weeks.", "Tens of thousands"),
])
def test_a_count_of_the_story_is_main(sentence, number):
    assert scope(sentence, number) is None


def test_another_disease_in_an_epidemic_story_is_another_event():
    assert scope("Malaria kills 400 people a year in the province.", "400", CHOLERA) == "another_event"
    assert scope("Measles has killed 30 children in the district.", "30", CHOLERA) == "another_event"
    assert scope("Cholera has killed 30 people in the district.", "30", CHOLERA) is None


def _source(title: str, text: str) -> Source:
    return Source(id="s1", path="a.txt", title=title, text=text, published=PUBLISHED, language="en")


def test_extract_marks_lead_figures_and_background_ones():
    text = ("A powerful earthquake struck Karsa on Tuesday, killing at least 120 people, officials said.\n\n"
            "Rescuers searched the rubble through the night.\n\n"
            "Last year, a quake in the same province killed 2,400 people.")
    facts = extract_source(_source("Earthquake kills 120 in Karsa", text))
    by_value = {f.value: f for f in facts.figures}
    assert by_value[120].scope == "main" and by_value[120].lead
    assert by_value[2400].scope == "context" and by_value[2400].scope_reason == "another_time"
    assert facts.stories[0].type == "earthquake"


def test_an_event_of_another_family_is_another_event():
    attack = Story(source="s", type="attack", place="Karsa")
    assert scope("The 2008 earthquake left 90 people dead across the province.", "90", attack) == "another_time"
    assert scope("Thousands died when an earthquake hit the region.", "Thousands", CHOLERA) == "another_event"
    assert scope("Gunmen killed 12 people at the market.", "12", attack) is None
    # A storm's toll is often given through the floods it brought: the same family.
    storm = Story(source="s", type="storm", place="Mindanao")
    assert scope("Floods and landslides triggered by the storm killed 164 people.", "164", storm) is None


def test_a_figure_in_another_country_is_another_place():
    start = "Landslides killed 8 people".index("8")
    clause = Clause(*clause_of("Landslides killed 8 people.", start, start + 1), PUBLISHED,
                    Story(source="s", type="flood", country="IN"), "NP")
    assert scope_of(clause) == "another_place"



def test_a_list_item_headed_by_an_earlier_date_is_another_time() -> None:
    import datetime as dt

    from briefgen.extract import extract_source

    from .conftest import make_source
    text = ("A truck drove into a market in Velta on Thursday, killing 9 people.\n\n"
            "Earlier attacks in the region:\n\n"
            "• March 4, 2016: Gunmen opened fire in a station, killing 21 people and wounding 40.\n\n"
            "• 2 May 2016 - A bomb killed 6 soldiers near the border.")
    figures = {f.value: f for f in extract_source(make_source(text, published=dt.date(2016, 6, 10))).figures}
    assert figures[9].scope == "main"
    assert {figures[v].scope_reason for v in (21, 40, 6)} == {"another_time"}


def test_a_list_item_dated_this_week_is_the_story() -> None:
    import datetime as dt

    from briefgen.extract import extract_source

    from .conftest import make_source
    text = "Timeline:\n\n• June 8, 2016: A truck drove into a market in Velta, killing 9 people."
    figures = extract_source(make_source(text, published=dt.date(2016, 6, 10))).figures
    assert [(f.value, f.scope) for f in figures] == [(9, "main")]


@pytest.mark.parametrize("text, number", [
    ("A relief group said last month that the port town is shelled daily. It said 12,000 people remain "
     "cut off there.", "12,000"),
    ("The agency reported two years ago that clinics were closing. The agency added that 4,500 patients "
     "had no care.", "4,500"),
    ("Monitors warned last year that the camp was full. They also said 800 families slept outside.", "800"),
])
def test_a_sentence_going_on_with_an_earlier_report_is_another_time(text, number) -> None:
    from briefgen.extract.scope import report_of_another_time

    assert report_of_another_time(text, text.index(number)) == "another_time"


@pytest.mark.parametrize("text, number", [
    # the earlier time is the event's, not the report's: the count is today's
    ("Floods hit the valley last month, officials said. They said 300 people remain trapped.", "300"),
    # a new speaker: not a continuation
    ("A relief group said last month that the town is shelled. Officials said 200 people were killed.", "200"),
    # a generic noun that stands for no speaker
    ("The mayor said last month that roads were cut. The river said nothing; 90 homes flooded.", "90"),
    # the report is this week's
    ("The ministry said on Monday that the roads were cut. It said 40 villages were isolated.", "40"),
])
def test_a_sentence_after_a_recent_report_or_a_new_speaker_keeps_its_scope(text, number) -> None:
    from briefgen.extract.scope import report_of_another_time

    assert report_of_another_time(text, text.index(number)) is None


def _flat_word_pattern(words: list[str], clitics: list[str]) -> re.Pattern:
    """word_pattern as one flat alternation, longest entry first: what the tree must match like."""
    front = "(?:" + "|".join(sorted(map(re.escape, clitics), key=len, reverse=True)) + ")?" if clitics else ""
    return re.compile(r"(?<!\w)" + front + "(?:" + "|".join(sorted(map(story._entry, words), key=len, reverse=True))
                      + ")", re.IGNORECASE)


def _sample(words: list[str]) -> str:
    """Every entry written out a few ways (a wildcard as a word, endings, capitals), run together."""
    out = []
    for w in words:
        plain = w.replace("* ", "two ").replace("*", "")
        out += [plain, plain.upper(), plain + "s", w.replace("*", "ing"), w.replace("*", "s"), "x" + plain,
                plain.title() + "'s"]
    return " ".join(out) + ", " + "; ".join(out[::-1])


def test_a_word_list_pattern_finds_what_its_flat_alternation_finds() -> None:
    # the tree of words (story._grouped) is there for speed: the same spans must come out, in order
    from .conftest import CORPUS
    lists = []
    for name in ("figure_scope.toml", "event_types.toml"):
        table = tomllib.loads((story.DATA / name).read_text(encoding="utf-8"))
        clitics = table.get("clitics", {})
        for kind in table.values():
            for lang, words in kind.items():
                if isinstance(words, list) and words and lang != "not_after_modal" and kind is not clitics:
                    lists.append((words, clitics.get(lang, [])))
    # entries that the tree splits in the middle: a wildcard, an ending or a word's end between two
    # entries under the same letters, the shorter of which may match first; letters alike but for case
    lists += [(["stormsxx yy", "storm* warning*", "storms"], []), (["* years earlier", "years", "year* ago"], []),
              (["a", "a b", "ab*", "A c", "ſa", "sa", "Sab"], []), (["ab", "b"], ["a"])]
    articles = [p.read_text(encoding="utf-8")[:1500] for p in sorted((CORPUS / "multilingual").glob("*.txt"))[::3]]
    for words, clitics in lists:
        tree, flat = story.word_pattern(words, clitics), _flat_word_pattern(words, clitics)
        for text in [_sample(words)] + articles:
            for t in (text, text.lower()):
                assert [m.span() for m in tree.finditer(t)] == [m.span() for m in flat.finditer(t)], words


def test_event_type_words_are_counted_as_findall_counts_them() -> None:
    # story._type_counts tries each type only where some type's word starts: the counts must be findall's
    from .conftest import CORPUS
    texts = [p.read_text(encoding="utf-8")[:2000] for folder in ("dev", "multilingual")
             for p in sorted((CORPUS / folder).glob("*.txt"))]
    texts.append("Floods and flooding, FLOODED roads; a flash flood, airstrikes, air strike, air strikes on, "
                 "earthquake-hit quake aftershocks, storms, al-hujum wal-qasf, gunmen gunned down a ſtorm")
    for language in ("en", "fr", "es", "de", "pt", "ru", "uk", "ar"):
        words = story.lexicon(language)
        assert words.type_starts is not None
        for text in texts:
            assert story._type_counts(words, text) == {name: len(p.findall(text)) for name, p in words.types}


def test_a_yes_no_scope_pattern_finds_a_match_where_the_full_one_does() -> None:
    # scope._yes_no_pattern drops leading wildcards ("* years earlier"): whether it matches must not change
    from briefgen.extract import scope
    table = tomllib.loads((scope.DATA / "figure_scope.toml").read_text(encoding="utf-8"))
    texts = [_sample(words) for kind in table.values() for words in kind.values()] + [
        "two years earlier", "years earlier", "(years earlier)", "x years earlier", "some years before", "years",
        "-- 3 months earlier", "il y a deux ans", "vor drei jahren", "hace años", "earlier"]
    for kind in table.values():
        for words in kind.values():
            yes_no, full = scope._yes_no_pattern(words), story.word_pattern(words)
            for text in texts:
                for t in (text, text.lower(), "the " + text + " said"):
                    assert (yes_no.search(t) is None) == (full.search(t) is None), (words, t)


def test_sentence_ends_for_clauses_are_the_plain_pattern_s() -> None:
    # scope._SENTENCE_END opens on one class for speed: its matches must be the two-branch pattern's
    from briefgen.extract import scope

    from .conftest import CORPUS
    plain = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n")
    texts = [p.read_text(encoding="utf-8") for folder in ("dev", "multilingual")
             for p in sorted((CORPUS / folder).glob("*.txt"))]
    texts.append('He said. "Then?" 5 more!\n\nNo.\n.\nA ... b?) C ’x’. (D e.f. G\r\nH.”  I')
    for text in texts:
        assert [m.span() for m in scope._SENTENCE_END.finditer(text)] == [m.span() for m in plain.finditer(text)]
