"""The word lists the rules read, loaded once per language from `data/` (plain text, one
entry a line).

Lists are data, not code, so they can grow without touching the rules; none of them
names anything specific to one article.

Layout (docs/languages.md): English lists sit at the top of `data/` (the layout predates
other languages: they are the `en` data); another language's lists sit in `data/<lang>/`,
under the same file names. A rule asks for a list without naming the language: the
document being read sets it once (`reading(lang)`, in `extract_source`), so the same rule
chain reads French lists for a French article. Threading the language through every word
test instead would touch each rule, and the word caches below are keyed by it anyway.
Lists of names that do not change with the language (organisations, outlets, countries)
are SHARED: another language reads the English list plus its own additions.

How a list is read per language (files, the document's language, caches) is language_lists.py;
this module names the lists, and re-exports that module's names for the rules that use them.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .language_lists import (  # noqa: F401 — the rules reach these through `lexicon`
    DATA, DEFAULT, SHARED, LanguageSet, _lines, _table, current, data_language, languages, per_language, reading,
    table, words)

if TYPE_CHECKING:
    import re

    from .quotemarks import Marks


@per_language
def roles(lang: str) -> frozenset[str]:
    """Lowercase role heads ("minister", "spokesman", "prime minister")."""
    return frozenset(_lines("roles.txt", lang))


@per_language
def org_heads(lang: str) -> frozenset[str]:
    return frozenset(_lines("org_heads.txt", lang))


@per_language
def org_heads_lower(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in org_heads(lang))


@per_language
def demonyms(lang: str) -> dict[str, str | None]:
    """Demonym (adjective and people forms) -> ISO2 code (None for peoples without a state)."""
    out: dict[str, str | None] = {}
    for line in _lines("demonyms.txt", lang):
        parts = line.split()
        # "South African ZA" has a two-word adjective: the code is the first all-caps 2-letter part.
        idx = next(i for i, p in enumerate(parts) if p == "-" or (len(p) == 2 and p.isupper()))
        adj = " ".join(parts[:idx])
        code = None if parts[idx] == "-" else parts[idx]
        out[adj] = code
        for people in parts[idx + 1:]:
            out[people] = code
    return out


@per_language
def demonym_people(lang: str) -> frozenset[str]:
    """Plural people forms ("Syrians", "Kurds") that can head a counted group."""
    out = set()
    for line in _lines("demonyms.txt", lang):
        parts = line.split()
        idx = next(i for i, p in enumerate(parts) if p == "-" or (len(p) == 2 and p.isupper()))
        out.update(parts[idx + 1:])
        adj = " ".join(parts[:idx])
        if adj.endswith(("ese", "ss", "sh", "ch")) or adj in ("Rohingya", "Malagasy", "Lao", "Kyrgyz", "Turkmen"):
            out.add(adj)  # "the Chinese", "Rohingya": the adjective is also the plural
    return frozenset(out)


@per_language
def regions(lang: str) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for line in _lines("regions.txt", lang):
        name, _, code = line.partition("|")
        out[name.strip()] = None if code.strip() in ("", "-") else code.strip()
    return out


@per_language
def known_orgs(lang: str) -> dict[str, str]:
    """Surface form (name or alias) -> canonical organisation name."""
    out: dict[str, str] = {}
    for line in _lines("orgs.txt", lang):
        name, _, aliases = line.partition("|")
        name = name.strip()
        out[name] = name
        for alias in aliases.split(","):
            if alias.strip():
                out[alias.strip()] = name
    return out


@per_language
def title_words(lang: str) -> frozenset[str]:
    """Capitalised words of titles ("State", "Foreign"), never part of a personal name."""
    return frozenset(_lines("title_words.txt", lang))


@per_language
def speech_verbs(lang: str) -> frozenset[str]:
    """Every form of a verb that attributes a quote ("said", "told", "added")."""
    return frozenset(line.partition("|")[0].strip() for line in _lines("speech_verbs.txt", lang))


@per_language
def listener_verbs(lang: str) -> frozenset[str]:
    """Speech verbs whose object is the one spoken to ("told Reuters"), never the speaker."""
    return frozenset(line.partition("|")[0].strip() for line in _lines("speech_verbs.txt", lang)
                     if line.partition("|")[2].strip() == "listener")


def outlets() -> frozenset[str]:
    return words("outlets.txt")


def outlet_words() -> frozenset[str]:
    return words("outlet_words.txt")


def not_speakers() -> frozenset[str]:
    return words("not_speakers.txt")


def unnamed_speakers() -> frozenset[str]:
    return words("unnamed_speakers.txt")


@per_language
def unnamed_or_roles(lang: str) -> frozenset[str]:
    """Nouns for a speaker the article leaves unnamed: a person noun or a role ("a spokeswoman")."""
    return unnamed_speakers() | roles(lang)


def is_outlet(name: str) -> bool:
    """A news outlet's name: listed whole, or holding an outlet word ("Radio France", "Channel 4")."""
    return _is_outlet(name, current())


@lru_cache(maxsize=65536)
def _is_outlet(name: str, lang: str) -> bool:
    return name in outlets() or any(w in outlet_words() for w in name.split())


def can_speak(name: str) -> bool:
    """Whether a person or organisation mention may be credited with a quote: never an outlet, a
    disease, a heading or another word of not_speakers.txt."""
    return _can_speak(name, current())


@lru_cache(maxsize=65536)
def _can_speak(name: str, lang: str) -> bool:
    parts = name.replace("-", " ").split()
    return bool(parts) and not is_outlet(name) and not any(w in not_speakers() for w in parts + [name])


def role_referents() -> dict[str, frozenset[str]]:
    """Generic speaker noun ("agency") -> head words of the organisation names it can stand for."""
    return _table("role_referents.txt", current())


def title_abbreviations() -> frozenset[str]:
    """Short titles with their full stop ("Sen.", "Gov."), never part of a name."""
    return words("title_abbreviations.txt")


def hazards() -> dict[str, frozenset[str]]:
    """Kind of event ("quake") -> the words that name it."""
    return _table("hazards.txt", current())


@per_language
def movement_phrases(lang: str) -> dict[str, str]:
    """Phrase ("have fled to") -> kind ("abroad" | "displaced"): where counted people went."""
    out = {}
    for line in _lines("movement_phrases.txt", lang):
        kind, _, phrase = line.partition("|")
        out[" ".join(phrase.split())] = kind.strip()
    return out


@per_language
def gendered_words(lang: str) -> dict[str, str]:
    """Honorific or role word -> "f" or "m"."""
    return {w: g for g, ws in _table("gendered_words.txt", lang).items() for w in ws}


@per_language
def cap_stop(lang: str) -> frozenset[str]:
    """Lowercased words that start a capitalised run but never a name ("le", "die", "según"):
    articles, pronouns, month and weekday names of the language (English: text.CAP_STOP)."""
    return frozenset(w.lower() for w in _lines("cap_stop.txt", lang)) | frozenset(months(lang)) | weekdays(lang)


@per_language
def honorifics(lang: str) -> frozenset[str]:
    """Honorifics of the language ("M.", "Mme", "Herr"), never part of a name (English: text.HONORIFICS)."""
    return frozenset(_lines("honorifics.txt", lang))


@per_language
def months(lang: str) -> dict[str, int]:
    """Month word (lowercased, every form the language prints: "janvier", "janv.", "июля") -> 1..12."""
    out: dict[str, int] = {}
    for line in _lines("months.txt", lang):
        num, _, forms = line.partition("|")
        for form in forms.split():
            out[form.lower().replace("_", " ")] = int(num)  # "كانون_الثاني": a two-word name
    return out


@per_language
def weekdays(lang: str) -> frozenset[str]:
    """Weekday words of the language (lowercased), for dates and for names that are not names."""
    return frozenset(w.lower() for line in _lines("weekdays.txt", lang) for w in line.partition("|")[2].split())


def all_months() -> dict[str, int]:
    """Month words of every language with data (for dates in metadata lines, whose language
    the article's is not yet known when they are read)."""
    out: dict[str, int] = {}
    for lang in sorted(languages() - {DEFAULT}):
        out.update(months(lang))
    return out


@per_language
def quote_marks(lang: str) -> Marks | None:
    """The language's double quote marks (`quote_marks.txt`: "open close" a line, "„ “"), for
    `quotemarks.find_quotes`; None when it has no list (the default: “ ” « » „ and ")."""
    from .quotemarks import language_marks

    return language_marks([tuple(line.split()[:2]) for line in _lines("quote_marks.txt", lang)
                           if len(line.split()) >= 2])


@per_language
def role_pattern(lang: str) -> re.Pattern[str] | None:
    """One pattern for the language's role heads (roles.txt), whole word: a `*` in an entry
    stands for any letters ("ministr*" = "ministro", "ministra"; "*minister*" = "Umweltministers").
    None when the language lists no role."""
    import re

    entries = sorted(_lines("roles.txt", lang), key=len, reverse=True)
    if not entries:
        return None
    alts = [re.escape(e).replace(r"\*", r"[^\W\d_]*").replace(r"\ ", r"\s+") for e in entries]
    return re.compile(r"(?:" + "|".join(alts) + r")", re.IGNORECASE)


def is_role(word: str) -> bool:
    """Whether `word` (or "premier ministre") is a role head of the document's language."""
    pattern = role_pattern()
    return bool(pattern and pattern.fullmatch(word))


@per_language
def grammar(lang: str) -> dict:
    """The language's `people.toml`: the small words of role phrases (links, openers, modifiers,
    clause words) and the shape of an age after a name; empty for a language without one."""
    import tomllib

    path = DATA / lang / "people.toml"
    return tomllib.loads(path.read_text(encoding="utf-8")) if lang != DEFAULT and path.is_file() else {}


@per_language
def weekday_numbers(lang: str) -> dict[str, int]:
    """Weekday word (lowercased) -> 0 (Monday) .. 6."""
    return {w.lower(): int(num) for line in _lines("weekdays.txt", lang)
            for num, _, forms in [line.partition("|")] for w in forms.split()}


@per_language
def relative_days(lang: str) -> dict[str, int]:
    """Words for a day relative to publication ("hier" -1, "aujourd'hui" 0, "demain" 1); relative_days.txt."""
    out: dict[str, int] = {}
    for line in _lines("relative_days.txt", lang):
        num, _, forms = line.partition("|")
        for form in forms.split(","):
            if form.strip():
                out[" ".join(form.lower().split())] = int(num)
    return out


@per_language
def claim_parties(lang: str) -> frozenset[str]:
    """Heads of a speaker phrase whose word is a party's claim ("the ministry", "rebels")."""
    return frozenset(line for line in _lines("claim_parties.txt", lang) if "|" not in line)


@per_language
def claim_mouthpieces(lang: str) -> frozenset[str]:
    """Words that speak for the party word before them ("an army spokesman" is the army's word)."""
    return frozenset(line.partition("|")[0].strip() for line in _lines("claim_parties.txt", lang)
                     if line.partition("|")[2].strip() == "mouthpiece")


@per_language
def generic_sources(lang: str) -> frozenset[str]:
    """Heads of a speaker phrase that only sources a report ("officials", "police", "state media")."""
    return frozenset(_lines("generic_sources.txt", lang))
