"""People and their roles.

Evidence that a capitalised run is a person, one rule each: a title before it ("Russian
Foreign Minister Sergei Lavrov"), a role apposition after or before it ("Jan Egeland,
senior advisor to ..."; "the mayor of Amatrice, Sergio Pirozzi,"), an honorific ("Dr Tom
Frieden"), an age or "who" clause ("Luca Faccenda, 65,"), a speech verb ("said Subroto").
The last rule links later surname mentions ("Lavrov", "Mr Obama") to the full name.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from operator import attrgetter

from . import gazetteer, lexicon
from . import role_phrases as P
from . import roles_scan as R
from . import text as T
from .doc import Doc
from .names import SPEECH_VERBS, Run, is_name_word
from .ruler import Ruler

_START = attrgetter("start")
ROYAL = frozenset({"Pope", "King", "Queen", "Prince", "Princess", "Sheikh", "Emir", "Sultan", "Ayatollah"})


@dataclass
class Cand:
    toks: list[T.Token]
    end: int
    role: str | None
    strong: bool       # enough evidence on its own, even for a single name


def _name_part(run: Run, abbreviations: frozenset[str], honorifics: frozenset[str]) -> tuple[int, list[T.Token]]:
    """Index in the run and tokens of the trailing personal name (`abbreviations` and
    `honorifics`: the document's lists, read once by the caller)."""
    toks = run.toks
    k = len(toks)
    while k > 0 and is_name_word(toks[k - 1].bare) and not (
            toks[k - 1].text[-1] == "." and toks[k - 1].text in abbreviations) \
            and toks[k - 1].text not in honorifics:  # "M. Castaner": "M." is no initial
        k -= 1
    while k < len(toks) and toks[k].text in T.NAME_PARTICLES:
        k += 1
    return k, toks[k:]


def _runs(doc: Doc) -> list:
    """(sentence tokens, run, index of the name's first token in the sentence, name tokens, where
    the name ends), computed once per document (every rule below walks them)."""
    cached = getattr(doc, "_people_runs", None)
    if cached is not None:
        return cached
    out = []
    abbreviations, honorifics = lexicon.title_abbreviations(), lexicon.honorifics()
    for stoks, runs in doc.sentence_runs():
        for run in runs:
            k, name = _name_part(run, abbreviations, honorifics)
            # particles do not count: "Hamad bin Isa Al Khalifa" is a four-word name
            if name and (len(name) <= 4 or sum(t.text.lower() not in T.NAME_PARTICLES for t in name) <= 4):
                # the name's first token in the sentence: tokens are sorted by start
                out.append((stoks, run, bisect_left(stoks, name[0].start, key=_START), name, _end(run, name)))
    doc._people_runs = out  # type: ignore[attr-defined]
    return out


def _end(run: Run, name: list[T.Token]) -> int:
    return run.end if name[-1] is run.toks[-1] else name[-1].end


def _plausible(doc: Doc, name: list[T.Token], end: int) -> bool:
    if doc.mention_at(name[0].start, end) is not None:
        return False
    # the rest depends on the name's words only: worked out once per name (its span in the text)
    memo = doc.__dict__.setdefault("_people_plausible", {})
    key = (name[0].start, name[-1].end)
    ok = memo.get(key)
    if ok is None:
        ok = memo[key] = _plausible_words(name)
    return ok


def _plausible_words(name: list[T.Token]) -> bool:
    joined = " ".join(t.bare for t in name)
    if not lexicon.can_speak(joined):
        return False  # an outlet ("Al Jazeera", "Radio France"), a disease, a heading: never a person
    info = gazetteer.lookup(joined)
    if info and (info.kind != "city" or info.population >= 15000):
        return False
    return all(T.is_capitalized(t.text) or t.text in T.NAME_PARTICLES for t in name)


def _cands(doc: Doc) -> list[Cand]:
    if not hasattr(doc, "_people_cands"):
        doc._people_cands = []  # type: ignore[attr-defined]
    return doc._people_cands  # type: ignore[attr-defined]


def _squash(doc: Doc, span: tuple[int, int] | None) -> str | None:
    return T.squash(doc.text[span[0]:span[1]]) if span else None


def role_phrases(doc: Doc) -> None:
    """In another language than English, a role phrase of its own words (role_phrases.py) before the
    name, before its comma or after it ("le ministre de l'Intérieur Name", "Name, productor de la
    BBC"), or an age after it ("Name, de 50 anos,")."""
    if doc.lang == lexicon.DEFAULT:
        return
    age = lexicon.grammar().get("age_after")
    for stoks, run, i, name, end in _runs(doc):
        # the role first, as the rules below: most runs have none (in German every noun makes one),
        # and the role scans cost less than `_plausible`
        span = P.before(doc, stoks, i) or P.before_comma(doc, stoks, i)
        if span is None and doc.text[end:end + 1] == ",":
            span = P.after(doc, stoks, i + len(name))
        if span:
            if _plausible(doc, name, end):
                _cands(doc).append(Cand(name, end, _squash(doc, span), True))
        elif len(name) >= 2 and age and re.match(age, doc.text[end:end + 40]) and _plausible(doc, name, end):
            _cands(doc).append(Cand(name, end, None, True))


def titled(doc: Doc) -> None:
    """A title right before the name: "Syrian President Bashar al-Assad", "ICRC spokeswoman Marianne Gasser"."""
    for stoks, run, i, name, end in _runs(doc):
        span = R.title_before(doc, stoks, i)
        if span is None or not _plausible(doc, name, end):
            continue
        role = _squash(doc, span)
        title = stoks[i - 1].bare
        if len(name) == 1 and title in ROYAL:
            # "Pope Francis": a single name after a royal or religious title keeps the title
            _cands(doc).append(Cand([stoks[i - 1]] + name, end, role, True))
        else:
            _cands(doc).append(Cand(name, end, role, True))


def appositions(doc: Doc) -> None:
    """A role phrase in apposition, after ("Name, a doctor,") or before ("a local geologist, Name")."""
    text = doc.text
    for stoks, run, i, name, end in _runs(doc):
        j = i + len(name)
        after = text[end:end + 3]
        role = None
        if after.startswith(",") and j < len(stoks):
            role = _squash(doc, R.role_after(doc, stoks, j))
        if role is None:
            span = R.role_before_comma(doc, stoks, i)
            nxt = stoks[j].text.lower() if j < len(stoks) else ""
            if span and (after[:1] in (",", ".", "") or nxt in SPEECH_VERBS):
                role = _squash(doc, span)
        # the role first: most runs have none, and the role scans cost less than `_plausible`
        if role and _plausible(doc, name, end):
            _cands(doc).append(Cand(name, end, role, True))


AGE_OR_WHO_RE = re.compile(r"\s*(?:,\s*(?:aged\s+)?\d{1,3}\s*[,.;)]|\(\d{1,3}\)|,\s*who\s"
                           r"|,\s[^.;:!?\"“”‘’]{1,80},\s(?:said|says|told|added)\b)")


def age_or_who(doc: Doc) -> None:
    """"Luca Faccenda, 65, said"; "Ratna Payeng, who was sheltering ..."; "Renata Morioni, on holiday
    nearby, said" (two names at least)."""
    for stoks, run, i, name, end in _runs(doc):
        if len(name) >= 2 and AGE_OR_WHO_RE.match(doc.text, end) and _plausible(doc, name, end):
            _cands(doc).append(Cand(name, end, None, True))


def honorifics(doc: Doc) -> None:
    """"Dr Mark Quigley", "the Rev Savino D’Amelio"; a lone surname ("Mr Obama") waits for linking."""
    for stoks, run, i, name, end in _runs(doc):
        if i > 0 and stoks[i - 1].bare in T.HONORIFICS and R._contiguous(doc, stoks[i - 1], stoks[i]):
            if _plausible(doc, name, end):
                _cands(doc).append(Cand(name, end, None, len(name) >= 2))


# an embedded post's signature: "— Theresa May (@theresa_may) 1 de enero de 2019"
SIGNATURE_RE = re.compile(r"[—–]\s*(?P<name>[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]+){1,3})\s*\(@\w{1,30}\)")


def signatures(doc: Doc) -> None:
    """The author of an embedded social-media post, signed "— Name (@handle)": a person (two names
    at least; a one-word signature is as often an account of an organisation)."""
    for m in SIGNATURE_RE.finditer(doc.text):
        toks = doc.tokens_in(m.start("name"), m.end("name"))
        if len(toks) >= 2 and _plausible(doc, toks, m.end("name")):
            _cands(doc).append(Cand(toks, m.end("name"), None, True))


BODY_STATEMENT_RE = re.compile(r"\s+(?:\w+\s+){0,2}?(?:in|on)\s+(?:a|its)\s+(?:statement|press release|website|filing)\b")
CLOSED_QUOTE_RE = re.compile(r"[,.!?]?[\"”’']\s*$")
AUXILIARIES = frozenset({"has", "had", "have", "also", "later", "earlier", "previously"})
# between "said" and the name: nothing, or "the Washington Post's", or an age ("60-year-old")
AFTER_VERB_GAP_RE = re.compile(r"\s+(?:(?:the\s+)?(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['’]s\s+|\d{1,3}-year-old\s+)?")


def speech(doc: Doc) -> None:
    """"Name said", "said Name", "says the Washington Post's Name"."""
    # the document's lists once, not looked up again for each of the ~40 words read around every name
    speech_verbs, listener_verbs = lexicon.speech_verbs(), lexicon.listener_verbs()
    for stoks, run, i, name, end in _runs(doc):
        j = i + len(name)
        nxt = stoks[j].text.lower() if j < len(stoks) else ""
        if nxt in AUXILIARIES and j + 1 < len(stoks) and stoks[j + 1].text.lower() in speech_verbs:
            nxt = stoks[j + 1].text.lower()  # "Vladimir Putin has said", "Name had told"
        before_verb = nxt in speech_verbs and doc.text[end:stoks[j].start].strip() == ""
        after_verb = False
        # most names have no speech verb (nor "according to") among the five words before them
        first = max(0, i - 5)
        before = [t.text.lower() for t in stoks[first:i]]
        if "to" in before or not speech_verbs.isdisjoint(before):
            for k in range(first, i):
                word = before[k - first]
                # "told Reuters": the name after a verb of telling is the listener, no sign of a person;
                # "according to Name" is a source like "said Name"
                verb = (word in speech_verbs and word not in listener_verbs) or (
                    word == "to" and k > 0 and stoks[k - 1].text.lower() == "according")
                if verb and AFTER_VERB_GAP_RE.fullmatch(doc.text, stoks[k].end, name[0].start):
                    after_verb = True
        if (before_verb or after_verb) and not run.possessive and _plausible(doc, name, end):
            # '"...," Ahmed said': in the attribution slot right after a quote a lone name is a person
            after_quote = before_verb and CLOSED_QUOTE_RE.search(doc.text, max(0, name[0].start - 4), name[0].start) \
                and not BODY_STATEMENT_RE.match(doc.text, stoks[j].end)  # '," Walmart said in a statement
            single_ok = (after_verb or bool(after_quote)) and not T.is_possessive(name[-1].text)
            _cands(doc).append(Cand(name, end, None, len(name) >= 2 or single_ok))


def _aliases(name: str) -> set[str]:
    last = name.split()[-1]
    out = {last}
    m = T.ARABIC_PREFIX_RE.match(last)
    if m:
        out.add(last.split("-", 1)[1])
    return out


def _more_role(have: str | None, new: str | None) -> str | None:
    """The first role found, unless it is only a rank ("Lt. Col.") and a function comes later
    ("a spokesman for the mission"): then both ("Lt. Col., spokesman for the mission")."""
    if not have or not new or have == new:
        return have or new
    # a rank, or a bystander's word ("Witness Manik Debnath, a 30-year-old shopkeeper"), says less
    # than the function after it: keep both
    if all(w in T.RANKS or w in lexicon.title_abbreviations() for w in have.split()) \
            or have.lower() in lexicon.unnamed_speakers():
        return f"{have}, {new}"
    return have


def link(doc: Doc) -> None:
    """Turn candidates into people; link surname mentions ("Lavrov", "Mr Christie") to them."""
    cands = _cands(doc)
    names = [" ".join(t.bare for t in c.toks) for c in cands]  # joined once, read three times
    full: dict[str, str | None] = {}
    for c, name in zip(cands, names):
        if len(c.toks) >= 2:
            full.setdefault(name, None)
            full[name] = _more_role(full[name], c.role)
    # a lone honorific surname whose full form appears as a plain run ("Kaci Hickox" ... "Ms Hickox")
    singles = {name for c, name in zip(cands, names) if len(c.toks) == 1}
    for _stoks, run, _i, name, end in _runs(doc) if singles else ():
        last = name[-1].bare if 2 <= len(name) <= 3 else None
        if last in singles and not any(n.endswith(" " + last) for n in full) \
                and _plausible(doc, name, end):
            full.setdefault(" ".join(t.bare for t in name), None)
    alias_to: dict[str, set[str]] = {}
    for name in full:
        for a in _aliases(name):
            alias_to.setdefault(a, set()).add(name)
    # a lone name that is the first name of exactly one person named in full ("Tedros Adhanom
    # Ghebreyesus" ... "ha vaticinado Tedros"): Ethiopian and Eritrean names go by the first one.
    # Only for a lone name that is itself evidence of a person, and never an alias for merging.
    firsts: dict[str, set[str]] = {}
    for name in full:
        firsts.setdefault(name.split()[0], set()).add(name)
    by_first: dict[str, str] = {}
    for c, name in zip(cands, names):
        if len(c.toks) == 1 and name not in alias_to and c.strong and len(firsts.get(name, ())) == 1 \
                and name not in full:
            by_first[name] = next(iter(firsts[name]))
        elif len(c.toks) == 1 and name not in alias_to and c.strong:
            full.setdefault(name, c.role)
        elif len(c.toks) == 1 and len(alias_to.get(name, ())) == 1:
            target = next(iter(alias_to[name]))
            full[target] = full[target] or c.role
    for name, role in full.items():
        doc.add_entity("person", name, role=role)
    # mentions: every run whose name part is a full name or a unique alias
    for _stoks, run, _i, name, end in _runs(doc):
        if doc.mention_at(name[0].start, end) is not None:
            continue  # taken (a place, an organisation): its words are not joined
        words = " ".join(t.bare for t in name)
        if words in full:
            doc.add_mention("person", words, name[0].start, end)
        elif len(name) == 1 and len(alias_to.get(words, ())) == 1:
            doc.add_mention("person", next(iter(alias_to[words])), name[0].start, end)
        elif len(name) == 1 and words in by_first:
            doc.add_mention("person", by_first[words], name[0].start, end)
        elif len(name) >= 2 and " ".join(t.bare for t in name[1:]) in full:
            # "Pope Francis" registered with the title, found as "Francis" after it
            doc.add_mention("person", " ".join(t.bare for t in name[1:]), name[1].start, end)
    for c, name in zip(cands, names):  # royal-title names include the title word
        if name in full and doc.mention_at(c.toks[0].start, c.end) is None:
            doc.add_mention("person", name, c.toks[0].start, c.end)
    for name in full:
        ent = doc.entities[("person", name)]
        ent.aliases = sorted(a for a in _aliases(name) if a != name and len(alias_to.get(a, ())) == 1)


RULES: Ruler = Ruler([
    ("role_phrases", role_phrases),
    ("titled", titled),
    ("appositions", appositions),
    ("age_or_who", age_or_who),
    ("honorifics", honorifics),
    ("speech", speech),
    ("signatures", signatures),
    ("link", link),
])


def run(doc: Doc) -> None:
    for _name, rule in RULES:
        rule(doc)
