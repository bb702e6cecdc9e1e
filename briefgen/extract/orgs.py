"""Organisations: a shipped list of well-known ones, "Name (ACRONYM)" definitions,
capitalised phrases headed by an organisation word, and national forces ("Indian air force").

Rules run in order; a later rule skips text an earlier one already claimed.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon
from . import text as T
from .doc import Doc
from .names import is_org_head, is_role_word, is_stop
from .ruler import Ruler

CONNECTORS = {"of", "for", "and", "on", "the", "de", "du", "des", "in", "without", "against"}
FORCES_RE = re.compile(r"\b(air force|army|navy|coast guard|police|foreign ministry|"
                       r"defence ministry|defense ministry|health ministry|interior ministry|red crescent)\b")
# the first word of each force, for `Doc.run_matches` (a match opens on a word: `\b`)
FORCES_FIRST_WORDS = frozenset("air army navy coast police foreign defence defense health interior red".split())


def _claimed(doc: Doc, start: int, end: int) -> bool:
    return doc.mention_at(start, end) is not None


def _add(doc: Doc, name: str, start: int, end: int, alias: str | None = None) -> None:
    ent = doc.add_entity("org", name)
    if alias and alias != name and alias not in ent.aliases:
        ent.aliases.append(alias)
    doc.add_mention("org", name, start, end)


@lru_cache(maxsize=None)
def _known_table(lang: str) -> dict[str, str]:
    """Surface form -> canonical name: data/orgs.txt, and the news outlets of outlets.txt (an
    outlet a story names, "the Xinhua news agency", is an organisation of it like any other)."""
    table = {o: o for o in lexicon.outlets()}
    table.update(lexicon.known_orgs())
    return table


@lru_cache(maxsize=None)
def _known_re(lang: str) -> re.Pattern[str]:
    forms = sorted(_known_table(lang), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w'’-]|\.\w)")


@lru_cache(maxsize=None)
def _known_first_words(lang: str) -> frozenset[str] | None:
    """The lowercased first `\\w+` run of every known form: when every form starts with a word
    character, a match of `_known_re` opens a word (after `(?<![\\w.])`), so `Doc.run_matches`
    need try the pattern only at runs that are one of these. None when a form does not."""
    firsts = [re.match(r"\w+", f) for f in _known_table(lang)]
    return frozenset(m.group().lower() for m in firsts if m) if all(firsts) else None


_NEXT_CAP_RE = re.compile(r"[ \t]+[A-Z]")
_PREV_CAP_RE = re.compile(r"[A-Z][\w’'-]*[ \t]+$")


def _inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    """An outlet's name inside a longer capitalised name is not the outlet: "Guardian Council",
    "Michael Bloomberg" (a sentence's first word before it does not count)."""
    if _NEXT_CAP_RE.match(doc.text, end):
        return True
    s, _e = doc.sentence_at(start)
    return _PREV_CAP_RE.search(doc.text, max(s, start - 40), start) is not None \
        and not re.fullmatch(r"\s*\S+\s+", doc.text[s:start])


def known(doc: Doc) -> None:
    """Names and acronyms from data/orgs.txt and outlets.txt (case-sensitive: 'WHO', never 'who')."""
    table = _known_table(doc.lang)
    orgs_only = lexicon.known_orgs()
    firsts, known_re = _known_first_words(doc.lang), _known_re(doc.lang)
    found = doc.run_matches("orgs.known", known_re, firsts) if firsts else known_re.finditer(doc.text)
    found = [m for m in found if m.group() in orgs_only or not _inside_longer_name(doc, m.start(), m.end())]
    printed: dict[str, str] = {}
    if doc.lang != lexicon.DEFAULT:
        # in another language the organisation goes by the longest form the article prints ("ONU",
        # "Organización Mundial de la Salud"), not by the list's English name it may never print
        for m in found:
            canon = table[m.group()]
            if len(m.group()) > len(printed.get(canon, "")):
                printed[canon] = m.group()
    for m in found:
        form = m.group()
        name = printed.get(table[form], table[form])
        _add(doc, name, m.start(), m.end(), alias=form if form != name else None)


def _initials(words: list[str]) -> str:
    # an acronym in the name gives all its letters: "UN Assistance Mission in Afghanistan" (UNAMA)
    return "".join(w.replace(".", "") if T.is_acronym(w) else w[0] for w in words if w[:1].isupper())


def acronym_definitions(doc: Doc) -> None:
    """"Centers for Disease Control and Prevention (CDC)": the shortest tail of the phrase
    whose capitals spell the acronym is the name; later uses of the acronym are mentions."""
    text = doc.text
    for m in re.finditer(r"\(([A-Z][A-Za-z.]{1,9})\)", text):
        acr = m.group(1).replace(".", "")
        if not acr[0].isupper() or sum(c.isupper() for c in acr) < 2:
            continue
        toks = doc.tokens_in(max(0, m.start() - 160), m.start())
        # the phrase: capitalised words and connectors right before the parenthesis
        phrase: list[T.Token] = []
        for tok in reversed(toks):
            if T.is_capitalized(tok.text) or tok.text in CONNECTORS:
                phrase.insert(0, tok)
            else:
                break
        for i in range(len(phrase)):
            words = [t.bare for t in phrase[i:]]
            if words[0] in CONNECTORS:
                continue
            if _initials(words).upper() == acr.upper():
                name = " ".join(words)
                if any(is_org_head(w) for w in words) or name in lexicon.known_orgs():
                    canon = lexicon.known_orgs().get(name, lexicon.known_orgs().get(acr, name))
                    doc.drop_mentions(phrase[i].start, phrase[-1].end)  # "UN" of "UN Assistance Mission"
                    _add(doc, canon, phrase[i].start, phrase[-1].end, alias=acr)
                    for use in re.finditer(r"(?<![\w.])" + re.escape(m.group(1)) + r"(?![\w])", text):
                        if not _claimed(doc, use.start(), use.end()):
                            _add(doc, canon, use.start(), use.end(), alias=acr)
                break


def headed_phrases(doc: Doc) -> None:
    """Capitalised phrases whose head is an organisation word: "Syrian Observatory for Human
    Rights", "University of Melbourne", "Free Syrian Army" (two words at least)."""
    text = doc.text
    heads = lexicon.org_heads()
    if not heads.isdisjoint(CONNECTORS):
        heads = None  # a connector that is a head: the shortcut below would miss it
    for _toks, runs in doc.sentence_runs():
        i = 0
        while i < len(runs):
            # join runs separated by one connector word ("Committee of the Red Cross")
            group = [runs[i]]
            j = i
            while j + 1 < len(runs):
                gap = text[group[-1].end:runs[j + 1].start].split()
                if group[-1].possessive or not gap or len(gap) > 2 or any(g not in CONNECTORS for g in gap):
                    break
                if gap[0] == "in" and len(gap) > 1:
                    break  # "Mission in Afghanistan" names; "Country Office in the Congo" says where
                group.append(runs[j + 1])
                j += 1
            i = j + 1
            # a name before "of/on the" holds its own head ("University of Melbourne"); a run without
            # one is no part of it ("Prices on the London Metal Exchange")
            while len(group) > 1 and not any(is_org_head(t.bare) for t in group[0].toks):
                group = group[1:]
            if _may_have_head(group, heads):
                _headed_group(doc, group)


def _may_have_head(group: list, heads: frozenset[str] | None) -> bool:
    """Whether `_headed_group` can find an organisation word, without building its token list:
    its words are the runs' words (the last one re-stripped when possessive) and the connectors
    between them, which are never heads."""
    if heads is None:
        return True
    if not all(heads.isdisjoint(run.words) for run in group):  # a run's words are its tokens' bare forms
        return True
    return group[-1].possessive and T.Token(group[-1].toks[-1].bare, 0, 0).bare in heads


def _headed_group(doc: Doc, group: list) -> None:
    toks = doc.tokens_in(group[0].start, group[-1].toks[-1].end)
    if group[-1].possessive:
        toks = toks[:-1] + [T.Token(toks[-1].bare, toks[-1].start, group[-1].end)]
    words = [t.bare for t in toks]
    if not any(map(is_org_head, words)):
        return  # no organisation word at all (most runs): nothing below can find one
    # cut at a role word: "United Nations Special Envoy" -> "United Nations"
    for k, w in enumerate(words):
        if is_role_word(w) and k > 0:
            toks, words = toks[:k], words[:k]
            break
    # drop leading stopwords and "X-based" / "state-run" style modifiers
    while words and (is_stop(words[0]) or words[0].lower().endswith(("-based", "-run", "-backed"))):
        toks, words = toks[1:], words[1:]
    # a market code or ticker after the name is no part of it: "London Metal Exchange CMAL3"
    while len(words) > 1 and (any(c.isdigit() for c in words[-1]) or doc.text[toks[-1].end:toks[-1].end + 1].isdigit()):
        toks, words = toks[:-1], words[:-1]
    # the last head word must end the phrase or be followed by a connector
    last = None
    for k, w in enumerate(words):
        if is_org_head(w) and (k == len(words) - 1 or doc.text[toks[k].end:toks[k + 1].start].strip() != ""
                               or words[k + 1] in CONNECTORS):
            last = k
    if last is None:
        return
    # extend over a trailing "of/for ..." tail only if it was joined as a group
    end_k = len(words) - 1
    while end_k > last and words[end_k] in CONNECTORS:
        end_k -= 1
    toks, words = toks[:end_k + 1], words[:end_k + 1]
    cap_words = [w for w in words if w not in CONNECTORS]
    if len(cap_words) < 2 or not all(T.is_capitalized(w) for w in cap_words):
        return
    start, end = toks[0].start, toks[-1].start + len(toks[-1].bare)
    if _claimed(doc, start, end):
        if not _acronym_prefix(doc, toks, start, end):
            return
        doc.drop_mentions(start, end)  # "UN Human Rights Office": the office, not the UN
    name = " ".join(words)
    if name in lexicon.known_orgs():  # "the United Nations' agency": the list's own name, not a longer one
        _add(doc, lexicon.known_orgs()[name], start, end, alias=name)
        return
    # a short form of an organisation named in full elsewhere ("the Syrian Observatory")
    longer = [e.name for e in doc.entities_of("org") if e.name.startswith(name + " ")]
    _add(doc, longer[0] if len(longer) == 1 else name, start, end, alias=name if len(longer) == 1 else None)


def _acronym_prefix(doc: Doc, toks: list, start: int, end: int) -> bool:
    """Whether the only names claimed inside [start, end) are a known organisation's acronym
    opening it ("UN", "WHO" in "WHO European Regional Office"): the longer name is a body of it."""
    inside = doc.mentions_in(start, end)
    return bool(inside) and all(m.kind == "org" and m.start == start and T.is_acronym(doc.text[m.start:m.end])
                                for m in inside) and doc.mention_at(start, end) in inside


def national_forces(doc: Doc) -> None:
    """Demonym + force or ministry in lowercase: "the Indian air force", "the Syrian army"."""
    for m in doc.run_matches("orgs.forces", FORCES_RE, FORCES_FIRST_WORDS):
        before = doc.text[max(0, m.start() - 30):m.start()].split()
        if not before or before[-1] not in lexicon.demonyms():
            continue
        start = m.start() - len(before[-1]) - 1
        if doc.text[start:m.start() - 1] != before[-1] or _claimed(doc, start, m.end()):
            continue
        _add(doc, doc.text[start:m.end()].replace("\n", " "), start, m.end())


@lru_cache(maxsize=None)
def _kind_res(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(noun right after a name, noun right before one) from data/org_kinds.txt."""
    kinds = lexicon.table("org_kinds.txt", lang)

    def alternation(sides: tuple[str, ...]) -> str:
        nouns = sorted((k for k, side in kinds.items() if side in sides), key=len, reverse=True)
        return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns)

    after, before = alternation(("after", "both")), alternation(("before", "both"))
    after_re = re.compile(rf"[ \t]+(?:{after})\b") if after else None
    # the noun, then nothing, an apposition's comma, or "called" / "named" / "known as"; "the";
    # a lowercase particle that opens the name ("al Wifaq")
    before_re = re.compile(rf"(?<![\w-])(?:{before})(?P<link>,|\s+(?:called|named|known\s+as))?\s+(?:the\s+)?"
                           rf"(?P<particle>(?:al|el)\s+)?$") if before else None
    return after_re, before_re


@lru_cache(maxsize=None)
def _before_last_words(lang: str) -> frozenset[str]:
    """The words that can stand right before a name `_kind_res`'s "before" pattern takes: a kind
    noun's last word, "called", "named", "as", "the", a particle (a comma is checked apart)."""
    kinds = lexicon.table("org_kinds.txt", lang)
    nouns = {k.split()[-1] for k, side in kinds.items() if side in ("before", "both")}
    return frozenset(nouns | {"called", "named", "as", "the", "al", "el"})


def _could_be_org(doc: Doc, run, words: list[str]) -> bool:
    from . import gazetteer  # the table is loaded once per process; import it only when asked
    if not 1 <= len(words) <= 4 or is_stop(words[0]) or any(is_role_word(w) for w in words):
        return False
    if not all(T.is_capitalized(w) or w in CONNECTORS for w in words):
        return False
    name = " ".join(words)
    return gazetteer.lookup(name) is None and name not in lexicon.demonyms() and not _claimed(doc, run.start, run.end)


def kind_nouns(doc: Doc) -> None:
    """A name a lowercase noun says is an organisation: "the Bana Mura militia", "the Xinhua news
    agency", "rebel movement Al-Shabaab", "sandal maker Birkenstock", "a militia called the Bana
    Mura", "the opposition party, al Wifaq," (nouns in data/org_kinds.txt)."""
    after_re, before_re = _kind_res(doc.lang)
    if after_re is None and before_re is None:
        return
    text = doc.text
    before_last_words = _before_last_words(doc.lang)
    for (s, _e), (_toks, runs) in zip(doc.sentences, doc.sentence_runs()):
        for run in runs:
            words = run.words
            start = run.start
            prev = text[max(s, start - 25):start].split()[-1:]
            likely = bool(prev) and (prev[0].endswith(",") or prev[0].lower() in before_last_words)
            before = before_re.search(text, max(s, start - 60), start) if before_re and likely else None
            if before and before.group("link") == "," and not text.startswith(",", run.end):
                before = None  # an apposition closes with a comma: "the party, al Wifaq, has"
            after = None if run.possessive or after_re is None else after_re.match(text, run.end)
            # a sentence's first word is capitalised anyway: "Local militia" names nothing
            if after and not before and start == s and len(words) == 1 and not T.is_acronym(words[0]):
                after = None
            if not (before or after) or not _could_be_org(doc, run, words):
                continue
            if before and before.group("particle"):
                start = before.start("particle")
                words = [before.group("particle").strip()] + words
            _add(doc, " ".join(words), start, run.end)


# between a name and an "its" that points back to it: a few words, no clause break
_ITS_AFTER_RE = re.compile(r"(?:\s+[\w’'-]+){0,4}?\s+its\b")
_ITS_GAP_MARK_RE = re.compile(r"[,;:.!?\"“”]")
_ITS_GAP_STOP = frozenset({"and", "but", "while", "who", "which", "that", "he", "she", "they", "his", "her", "their"})


def owners_of_its(doc: Doc) -> None:
    """A name that "its" points back to twice or more is an organisation ("Walmart is noted for its
    ability ...", "Walmart on Thursday kept its forecast"): people have "his/her", places are in the
    gazetteer. Every run of that name becomes a mention."""
    from . import gazetteer  # the table is loaded once per process; import it only when asked
    text = doc.text
    counts: dict[str, int] = {}
    for (s, e), (_toks, runs) in zip(doc.sentences, doc.sentence_runs()):
        if " its " not in text[s:e]:
            continue  # most sentences: nothing to count
        for run in runs:
            m = None if run.possessive else _ITS_AFTER_RE.match(text, run.end)
            if m is None or _ITS_GAP_STOP.intersection(text[run.end:m.end()].lower().split()) \
                    or _ITS_GAP_MARK_RE.search(text, run.end, m.end()):
                continue
            words = run.words
            if len(words) <= 4 and all(T.is_capitalized(w) and not is_stop(w) and not is_role_word(w) for w in words):
                counts[" ".join(words)] = counts.get(" ".join(words), 0) + 1
    names = {name for name, n in counts.items() if n >= 2 and not gazetteer.lookup(name)
             and lexicon.can_speak(name) and name not in lexicon.demonyms()}
    if not names:
        return
    for _toks, runs in doc.sentence_runs():
        for run in runs:
            name = " ".join(run.words)
            if name in names and not _claimed(doc, run.start, run.end):
                _add(doc, name, run.start, run.end)


# "Tottenham said in a statement", "Walmart announced in a press release"
_STATEMENT_RE = re.compile(r"[ \t]+(?:said|says|wrote|announced|added)\s+(?:in|on)\s+(?:a|an|its)\s+"
                           r"(?:[\w-]+\s+)?(?:statement|press release|communiqu[eé])\b")
_LOWER_WORDS_RE = re.compile(r"[ \t]+([a-z][a-z-]*)(?:[ \t]+([a-z][a-z-]*))?")
_ROLE_AT_RE = re.compile(r"(?<![\w-])([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?\s+at\s+(?:the\s+)?$")
_ARTICLE_BEFORE_RE = re.compile(r"(?<![\w-])(?:as|the|a|an)\s+$")


def _role_after(doc: Doc, end: int) -> int | None:
    """The end of a lowercase role ("analyst", "chief economist") right after `end`, or None."""
    m = _LOWER_WORDS_RE.match(doc.text, end)
    if m is None:
        return None
    roles = lexicon.roles()
    if m.group(2) and f"{m.group(1)} {m.group(2)}" in roles:
        return m.end(2)
    return m.end(1) if m.group(1) in roles else None


def _role_before_at(doc: Doc, start: int, sent_start: int) -> bool:
    """"chief economist at Annex Wealth Management": a lowercase role, then "at", then the name."""
    window = doc.text[max(sent_start, start - 50):start]
    # the pattern ends in "at" or "the" and white space: most runs follow another word
    if not window[-1:].isspace() or window.split()[-1:] not in (["at"], ["the"]):
        return False
    m = _ROLE_AT_RE.search(doc.text, max(sent_start, start - 50), start)
    if m is None:
        return False
    roles = lexicon.roles()
    return m.group(1) in roles or (m.group(2) or "") in roles or f"{m.group(1)} {m.group(2)}" in roles


def _common_noun(word: str) -> bool:
    """A capitalised sentence opener that is likely a plain noun: a person noun, a role, an
    organisation word, or a plural ("Organizers")."""
    low = word.lower()
    return (low in lexicon.unnamed_or_roles() or low.rstrip("s") in lexicon.unnamed_or_roles()
            or low in lexicon.org_heads_lower() or (low.endswith("s") and not T.is_acronym(word)))


def employers(doc: Doc) -> None:
    """Organisations known by what their people do, read once people and places are known:
    "Tottenham said in a statement", "Commerzbank analyst Carsten Fritsch", "the Tottenham
    manager", "Tottenham's manager", "chief economist at Annex Wealth Management". A name that is a
    person, a place, a demonym or a word that never speaks (a disease, a heading) is none."""
    from . import gazetteer  # the table is loaded once per process; import it only when asked
    text = doc.text
    person_words = {w for e in doc.entities_of("person") for w in e.name.split()}
    for (s, _e), (_toks, runs) in zip(doc.sentences, doc.sentence_runs()):
        for run in runs:
            words = run.words
            if not 1 <= len(words) <= 4 or doc.mention_at(run.start, run.end) is not None:
                continue
            role_end = _role_after(doc, run.end)
            if role_end is not None and not run.possessive:
                # "Commerzbank analyst Carsten Fritsch" or "the Tottenham manager"
                person = doc.mention_at(role_end + 1, role_end + 2)
                named = person is not None and person.kind == "person"
                if not named and not _ARTICLE_BEFORE_RE.search(text, max(s, run.start - 6), run.start):
                    role_end = None
            found = (role_end is not None
                     or (not run.possessive and _STATEMENT_RE.match(text, run.end) is not None)
                     or _role_before_at(doc, run.start, s))
            if not found:
                continue
            if run.start == s and len(words) == 1 and role_end is None and _common_noun(words[0]):
                continue  # a sentence's first word is capitalised anyway: "Officials said in a statement"
            name = " ".join(words)
            if (is_stop(words[0]) or any(is_role_word(w) or w in person_words for w in words)
                    or not all(T.is_capitalized(w) or w in CONNECTORS for w in words)
                    or gazetteer.lookup(name) is not None or name in lexicon.demonyms()
                    or not lexicon.can_speak(name)):
                continue
            _add(doc, name, run.start, run.end)


_NAME_AFTER = r"[A-ZÀ-ÖØ-Þ][\w’'-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]*){0,2}"


@lru_cache(maxsize=None)
def _office_re(lang: str) -> re.Pattern[str] | None:
    g = lexicon.grammar(lang)
    heads, links = g.get("office_heads", []), g.get("links", [])
    if not heads or not links:
        return None
    head = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    link = "|".join(re.escape(k) for k in sorted(links, key=len, reverse=True))
    # the office word in any case ("Prefeitura", "préfecture"), the place capitalised
    return re.compile(rf"(?<![\w-])(?i:{head})\s+(?i:{link})(?:\s+|['’])(?:(?i:la|l['’])\s*)?(?P<place>{_NAME_AFTER})")


def offices(doc: Doc) -> None:
    """In another language, a public office and the place it serves, as the text writes it ("la
    préfecture du Bas-Rhin", "a Prefeitura de Janaúba"): heads in people.toml `office_heads`."""
    rx = _office_re(doc.lang) if doc.lang != lexicon.DEFAULT else None
    if rx is None:
        return
    for m in rx.finditer(doc.text):
        if not _claimed(doc, m.start(), m.end()):
            _add(doc, m.group(), m.start(), m.end())
            # the place it serves is a place of the story too: places.office_places
            doc.__dict__.setdefault("office_places", []).append((m.group("place"), m.start("place"), m.end("place")))


# the name after a kind noun: an acronym ("ERT", "ANA-MPA") or one capitalised word
_KIND_NAME = r"(?P<name>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ0-9]+(?:-[A-ZÀ-ÖØ-Þ0-9]+)*|[A-ZÀ-ÖØ-Þ][\w’'-]*)(?![\w’'-])"


@lru_cache(maxsize=None)
def _kind_re(lang: str) -> re.Pattern[str] | None:
    g = lexicon.grammar(lang)
    nouns, endings = g.get("org_kinds", []), g.get("org_kind_endings", [])
    if not nouns and not endings:
        return None
    alts = [re.escape(n) for n in sorted(nouns, key=len, reverse=True)]
    # German compounds end in the kind: "Katastrophenschutzbehörde", "Staatssender". Matched as the
    # whole word (possessive: never given back) and a look back at its end for each ending: an
    # ending here is followed by spaces, so it ends the word, and `\w*ending` for each ending in
    # turn (backtracking through every word of the text once per ending) matched just these. The
    # look back cannot reach before the word: the character there is no word character. (Endings
    # not all made of word characters keep the plain form.)
    endings = sorted(endings, key=len, reverse=True)
    if endings and all(re.fullmatch(r"\w+", e) for e in endings):
        alts.append(r"\w++(?:" + "|".join(f"(?<={re.escape(e)})" for e in endings) + ")")
    else:
        alts += [rf"\w*{re.escape(e)}" for e in endings]
    return re.compile(rf"(?<![\w-])(?i:{'|'.join(alts)})\s+{_KIND_NAME}")


def kind_nouns_before(doc: Doc) -> None:
    """In another language, a noun saying what kind of body a name is, right before it: "die
    Nachrichtenagentur ANA-MPA", "dem Staatssender ERT", "la chaîne BFMTV" (people.toml
    `org_kinds` and, for compounds, `org_kind_endings`). The name is the organisation, the noun
    only describes it; a plain capitalised word counts when the text uses it again (German
    capitalises every noun, so one use could be any word)."""
    rx = _kind_re(doc.lang) if doc.lang != lexicon.DEFAULT else None
    if rx is None:
        return
    for m in rx.finditer(doc.text):
        name, start, end = m.group("name"), m.start("name"), m.end("name")
        acronym = sum(c.isupper() for c in name) >= 2
        again = len(re.findall(rf"(?<![\w’'])({re.escape(name)})(?![\w’'])", doc.text)) >= 2
        if (acronym or again) and not is_stop(name) and not is_role_word(name) and not _claimed(doc, start, end):
            _add(doc, name, start, end)


def as_the_source_names(doc: Doc, ent, mentions: list) -> tuple[str, list[str]]:
    """The name and aliases an organisation is reported under: the first full name the source
    spells out, else the form the source uses most ("UNHCR" in a story that never
    writes "United Nations High Commissioner for Refugees"). A brief should not print a name
    its sources never used; the other forms stay aliases, so merging across sources finds them."""
    counts: dict[str, int] = {}  # in order of first use
    for m in sorted(mentions, key=lambda m: m.start):
        form = " ".join(doc.text[m.start:m.end].split())
        if form == ent.name or form in ent.aliases:
            counts[form] = counts.get(form, 0) + 1
    # a spelled-out name is capitalised throughout: "U.N. refugee agency" describes, it does not name
    spelled = [f for f in counts if len(f.split()) > 1
               and (f == ent.name or all(T.is_capitalized(w) or w in CONNECTORS for w in f.split()))]
    if not counts or spelled[:1] == [ent.name]:
        return ent.name, ent.aliases
    # the first full form the source spells out ("Medecins Sans Frontieres" before "Doctors
    # Without Borders"), else its most used short form
    best = spelled[0] if spelled else max(counts, key=counts.__getitem__)
    return best, [n for n in [ent.name, *ent.aliases] if n != best]


RULES: Ruler = Ruler([
    ("offices", offices),
    ("known", known),
    ("kind_nouns", kind_nouns),
    ("acronym_definitions", acronym_definitions),
    ("headed_phrases", headed_phrases),
    ("national_forces", national_forces),
    ("kind_nouns_before", kind_nouns_before),
    ("owners_of_its", owners_of_its),
])


# after people and places (extract.STAGES): these rules ask whether a name is a person's
LATE_RULES: Ruler = Ruler([
    ("employers", employers),
])


def run(doc: Doc) -> None:
    for _name, rule in RULES:
        rule(doc)


def run_late(doc: Doc) -> None:
    for _name, rule in LATE_RULES:
        rule(doc)
