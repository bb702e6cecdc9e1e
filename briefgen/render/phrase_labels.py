"""The message tables of the brief's labels and phrases: one msgid per category, topic, qualifier,
event type and scope reason, marked for extraction (`N_`, `NP_`, `NNP_`) and translated by phrases.py."""
from __future__ import annotations

from briefgen.i18n import N_, NNP_, NP_

CATEGORY_LABELS = {
    "killed": N_("killed"), "injured": N_("injured"), "missing": N_("missing"),
    "displaced": N_("displaced"), "evacuated": N_("evacuated"), "trapped": N_("trapped"),
    "refugees": N_("refugees"), "detained": N_("detained"), "released": N_("released"),
    "affected": N_("affected"), "in_need": N_("in need"), "assisted": N_("assisted"), "other": N_("other"),
}
# A figure's heading ('Killed' above '369 civilians'): its own message, cased as a heading (no CSS
# text-transform: upper-casing is not the same in every language), agreeing with the group's gender
# (Spanish 'Muertos' for civiles, 'Muertas' for mujeres).
CATEGORY_HEADINGS = {
    "killed": NP_("heading", "Killed"), "injured": NP_("heading", "Injured"), "missing": NP_("heading", "Missing"),
    "displaced": NP_("heading", "Displaced"), "evacuated": NP_("heading", "Evacuated"),
    "trapped": NP_("heading", "Trapped"), "refugees": NP_("heading", "Refugees"),
    "detained": NP_("heading", "Detained"), "released": NP_("heading", "Released"),
    "affected": NP_("heading", "Affected"), "in_need": NP_("heading", "In need"),
    "assisted": NP_("heading", "Assisted"), "other": NP_("heading", "Other"),
}
CATEGORY_HEADINGS_FEMININE = {
    "killed": NP_("heading, feminine", "Killed"), "injured": NP_("heading, feminine", "Injured"),
    "missing": NP_("heading, feminine", "Missing"), "displaced": NP_("heading, feminine", "Displaced"),
    "evacuated": NP_("heading, feminine", "Evacuated"), "trapped": NP_("heading, feminine", "Trapped"),
    "refugees": NP_("heading, feminine", "Refugees"), "detained": NP_("heading, feminine", "Detained"),
    "released": NP_("heading, feminine", "Released"), "affected": NP_("heading, feminine", "Affected"),
    "in_need": NP_("heading, feminine", "In need"), "assisted": NP_("heading, feminine", "Assisted"),
    "other": NP_("heading, feminine", "Other"),
}
# "%(count)s %(group)s <past participle>": the whole phrase is one msgid so word order can change;
# plural by the figure's value, and a second set for feminine groups (French 'personnes tuées').
CATEGORY_PHRASES = {
    "killed": NNP_("masculine", "%(count)s %(group)s killed", "%(count)s %(group)s killed"),
    "injured": NNP_("masculine", "%(count)s %(group)s injured", "%(count)s %(group)s injured"),
    "missing": NNP_("masculine", "%(count)s %(group)s missing", "%(count)s %(group)s missing"),
    "displaced": NNP_("masculine", "%(count)s %(group)s displaced", "%(count)s %(group)s displaced"),
    "evacuated": NNP_("masculine", "%(count)s %(group)s evacuated", "%(count)s %(group)s evacuated"),
    "trapped": NNP_("masculine", "%(count)s %(group)s trapped", "%(count)s %(group)s trapped"),
    "refugees": NNP_("masculine", "%(count)s %(group)s fled as refugees", "%(count)s %(group)s fled as refugees"),
    "detained": NNP_("masculine", "%(count)s %(group)s detained", "%(count)s %(group)s detained"),
    "released": NNP_("masculine", "%(count)s %(group)s released", "%(count)s %(group)s released"),
    "affected": NNP_("masculine", "%(count)s %(group)s affected", "%(count)s %(group)s affected"),
    "in_need": NNP_("masculine", "%(count)s %(group)s in need of aid", "%(count)s %(group)s in need of aid"),
    "assisted": NNP_("masculine", "%(count)s %(group)s assisted", "%(count)s %(group)s assisted"),
    "other": NNP_("masculine", "%(count)s %(group)s", "%(count)s %(group)s"),
}
CATEGORY_PHRASES_FEMININE = {
    "killed": NNP_("feminine", "%(count)s %(group)s killed", "%(count)s %(group)s killed"),
    "injured": NNP_("feminine", "%(count)s %(group)s injured", "%(count)s %(group)s injured"),
    "missing": NNP_("feminine", "%(count)s %(group)s missing", "%(count)s %(group)s missing"),
    "displaced": NNP_("feminine", "%(count)s %(group)s displaced", "%(count)s %(group)s displaced"),
    "evacuated": NNP_("feminine", "%(count)s %(group)s evacuated", "%(count)s %(group)s evacuated"),
    "trapped": NNP_("feminine", "%(count)s %(group)s trapped", "%(count)s %(group)s trapped"),
    "refugees": NNP_("feminine", "%(count)s %(group)s fled as refugees", "%(count)s %(group)s fled as refugees"),
    "detained": NNP_("feminine", "%(count)s %(group)s detained", "%(count)s %(group)s detained"),
    "released": NNP_("feminine", "%(count)s %(group)s released", "%(count)s %(group)s released"),
    "affected": NNP_("feminine", "%(count)s %(group)s affected", "%(count)s %(group)s affected"),
    "in_need": NNP_("feminine", "%(count)s %(group)s in need of aid", "%(count)s %(group)s in need of aid"),
    "assisted": NNP_("feminine", "%(count)s %(group)s assisted", "%(count)s %(group)s assisted"),
    "other": NNP_("feminine", "%(count)s %(group)s", "%(count)s %(group)s"),
}
TOPIC_LABELS = {
    "casualties": N_("casualties"), "displacement": N_("displacement"),
    "detentions": N_("detentions"), "needs": N_("humanitarian needs"),
}
QUALIFIER_FORMS = {
    "about": N_("about %(number)s"), "more_than": N_("more than %(number)s"),
    "at_least": N_("at least %(number)s"), "up_to": N_("up to %(number)s"),
    "nearly": N_("nearly %(number)s"), "fewer_than": N_("fewer than %(number)s"),
}
# Qualifiers that put the number after them in the genitive in Russian and Ukrainian ('не менее
# 31 человека', 'близько 21 людини'): the counted noun is then a genitive (singular after a
# number ending in 1, plural otherwise: 'более 3 человек', not the nominative '3 человека') and the
# verb is plural ('погибли не менее 31 человека'). Adverbs ('почти', 'щонайменше') and 'понад',
# 'менше ніж' leave the number's case alone.
GENITIVE_QUALIFIERS = {
    "ru": frozenset({"about", "more_than", "at_least", "up_to", "fewer_than"}),
    "uk": frozenset({"about", "up_to"}),
}
# The catalogs' plural forms are chosen by a count: these counts pick, in ru and uk, the form for
# 2-4 (the genitive singular of the noun: 'человека', 'людини') and the one for 5 and up
# (genitive plural: 'человек', 'людей'; the verb's plural).
_GENITIVE_SINGULAR_COUNT, _GENITIVE_PLURAL_COUNT = 2, 5


def genitive_counts(language: str, qualifier: str | None, value: float) -> tuple[int, int] | None:
    """(count choosing the noun's form, count choosing the verb's form) when `qualifier` puts the
    number in the genitive in `language`, else None."""
    if qualifier not in GENITIVE_QUALIFIERS.get(language, ()):
        return None
    n = int(value) if float(value).is_integer() else _GENITIVE_PLURAL_COUNT
    ends_in_one = n % 10 == 1 and n % 100 != 11
    return (_GENITIVE_SINGULAR_COUNT if ends_in_one else _GENITIVE_PLURAL_COUNT), _GENITIVE_PLURAL_COUNT


# The story's event in a title ("Valdera: floods"), one label per type of the taxonomy.
EVENT_LABELS = {
    "flood": N_("floods"), "earthquake": N_("earthquake"), "storm": N_("storm"), "wildfire": N_("wildfires"),
    "landslide": N_("landslide"), "drought": N_("drought and food insecurity"), "epidemic": N_("disease outbreak"),
    "armed_clashes": N_("armed clashes"), "air_strike": N_("air strikes"), "attack": N_("attack"),
    "mass_shooting": N_("mass shooting"), "protest": N_("protests and unrest"), "displacement": N_("displacement"),
    "accident": N_("accident"), "political_crisis": N_("political crisis"),
}
# Fighting whose page leads with the people it drove out: "South Sudan: armed clashes and
# displacement" says both what happened and what the brief counts.
CONFLICT_EVENTS = frozenset({"armed_clashes", "air_strike", "attack"})
# TRANSLATORS: %(event)s is one of the labels above ("armed clashes", "air strikes", "attack").
WITH_DISPLACEMENT = N_("%(event)s and displacement")
ACCIDENT_LABELS = {
    "plane crash": N_("plane crash"), "train crash": N_("train crash"), "road crash": N_("road crash"),
    "shipwreck": N_("shipwreck"), "building collapse": N_("building collapse"), "mine accident": N_("mine accident"),
    "fire": N_("fire"), "stampede": N_("stampede"), "industrial accident": N_("industrial accident"),
}
SCOPE_REASONS = {
    "another_time": N_("earlier"), "another_event": N_("another event"), "another_place": N_("elsewhere"),
    "rate": N_("rate"), "projection": N_("projection"), "population": N_("population"),
    "cumulative": N_("cumulative"),
}
# After a quote or role kept in another language: '(FR)'; the brackets are the catalog's.
LANGUAGE_TAG = NP_("language tag", "(%(code)s)")
