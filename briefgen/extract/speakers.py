"""Who a speech verb's speaker is: the subject next to the verb, a pronoun's or a role noun's
referent, or nobody.

A speaker is a person or organisation mention outside quote marks that may speak (never an
outlet, a disease or a heading: lexicon.can_speak) and is not the one spoken TO ("she told Al
Jazeera": what follows a verb of telling is the listener). "he/she" goes to the nearest earlier
person, unless an unnamed person spoke in between ("one of the protesters said ..."); a role noun
("the mayor", "the agency", "a spokesman for the ministry") goes to the nearest earlier mention
whose role or name has that head word, and to nobody when none fits. `UNKNOWN` means the words
give no attribution at all; `None` means the speaker is someone the article does not name.
"""
from __future__ import annotations

import re

from . import lexicon
from . import text as T
from .doc import Doc, Mention
from .names import SPEECH_VERBS

PRONOUNS = frozenset({"he", "she"})
UNKNOWN = object()  # no attribution found (as opposed to an explicit unnamed speaker: None)
DETERMINERS = frozenset({"the", "a", "an", "one"})
# role words whose holder speaks for an organisation: "a spokesman for the ministry" is the ministry
MOUTHPIECES = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "officials", "representative",
                         "source", "sources", "statement", "spokespeople"})
# modifiers a role noun must share with the role it resolves to ("the former president" is not the president)
MARKED = frozenset({"former", "deputy", "vice", "acting", "interim", "late", "ex"})
# where the listener's noun phrase after "told" ends: "told Al Jazeera | from Kabul", "told reporters | that"
_LISTENER_END_RE = re.compile(r"[,.;:!?\"“”]|\b(?:that|on|in|from|by|at|after|before|during|when|while|as|"
                              r"late|earlier|last|this|about|over)\b")
# "who asked to be identified only as "Hussein"": the only name an unnamed speaker gets
_GIVEN_NAME_RE = re.compile(r"\b(?:identified|known|named|gave (?:his|her) name)\s+(?:only\s+)?(?:by\s+)?as\s+"
                            r"[\"“‘']([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})[,.]?[\"”’']")
# "quoted X as saying", "cited X as saying": the speaker is the one quoted
QUOTERS = frozenset({"quoted", "quoting", "quotes", "cited", "citing", "cites"})
_AS_SAYING_RE = re.compile(r"\bas\s+(?:saying|telling|stating|adding)\b")
_POSSESSOR_RE = re.compile(r"['’]s?\s+[a-z]")
_WORD_RE = re.compile(r"[\w-]+")


def unquoted_tokens(doc: Doc, start: int, end: int) -> list[T.Token]:
    """The tokens of [start, end) outside quote marks. One can be inside only when a quote overlaps
    the stretch: most stretches read for a speaker have none, and then no token is tested."""
    toks = doc.tokens_in(start, end)
    if any(q.open < end and start < q.close for q in doc.quotes):
        return [t for t in toks if not doc.in_quote(t.start)]
    return toks


def listener_spans(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The noun phrases spoken TO in [start, end): from a verb of telling to where its object ends."""
    out = []
    listeners = lexicon.listener_verbs()
    for tok in doc.tokens_in(start, end):
        if tok.text.lower() in listeners and not doc.in_quote(tok.start):
            m = _LISTENER_END_RE.search(doc.text, tok.end, end)
            out.append((tok.end, m.start() if m else end))
    return out


def candidates(doc: Doc, start: int, end: int) -> list[Mention]:
    """Person and organisation mentions in [start, end) that may be a speaker there."""
    found = [m for m in doc.mentions_in(start, end)
             if m.kind in ("person", "org") and not doc.in_quote(m.start) and lexicon.can_speak(m.key)]
    if not found:
        return found  # nobody named: the listeners need not be looked for
    spans = listener_spans(doc, start, end)
    return [m for m in found if not any(a <= m.start < b for a, b in spans) and not _possessor(doc, m)]


def _possessor(doc: Doc, m: Mention) -> bool:
    """"Ahmed's brother said": a person named as someone's relation or owner is not the speaker."""
    return m.kind == "person" and _POSSESSOR_RE.match(doc.text, m.end) is not None


def _first(ments: list[Mention], last: bool = False) -> Mention | None:
    people = [m for m in ments if m.kind == "person"]
    pool = people or ments  # a person before an organisation: "Reuters Editor-in-Chief Alessandra Galloni"
    if not pool:
        return None
    return pool[-1] if last else pool[0]


def unnamed_speaker(doc: Doc, start: int, end: int) -> tuple[bool, str | None]:
    """Whether [start, end) has an unnamed person speak ("one of the protesters ... said", "a
    witness told ..."), and the only name given to them, if any ("identified only as "Hussein"")."""
    toks = unquoted_tokens(doc, start, end)
    speech = lexicon.speech_verbs()  # SPEECH_VERBS's set, looked up once rather than for every word
    if not any(t.text.lower() in speech for t in toks):
        return False, None
    nouns = lexicon.unnamed_or_roles()  # "a witness said", "a spokeswoman for the Red Cross said"
    determiners = _determiners()
    for n, tok in enumerate(toks):
        if tok.lower in determiners and any(t.lower in nouns for t in toks[n + 1:n + 5]):
            m = _GIVEN_NAME_RE.search(doc.text, start, end)
            return True, m.group(1) if m else None
    return False, None


def resolve_pronoun(doc: Doc, pos: int, own_sentence: bool = True) -> tuple[object, str]:
    """The person a 'he/she' at `pos` most likely is: the first person named (outside quotes, not
    a listener, not known to be of the other gender) in the nearest of the four earlier sentences
    (quoted ones skipped) that names one; nobody when an unnamed person speaks in between. Without
    `own_sentence`, the words before the pronoun in its sentence are not looked at: a claim's "he
    said" is not the person the claim is about ("X was to visit the region, he said")."""
    other = "m" if doc.text[pos:pos + 3].lower() == "she" else "f"
    si = doc.sentence_index(pos)
    looked = 0
    for k in range(si if own_sentence else si - 1, -1, -1):
        s, e = doc.sentences[k]
        found = _referent_in(doc, s, min(e, pos)) if k == si else _sentence_referent(doc, k)
        if found is _QUOTED:
            continue  # the sentences of a quote running on do not take the referent further away
        looked += 1
        if looked > 4:
            break
        if isinstance(found, tuple):
            fits = [key for key in found if gender(doc, key) != other]
            if fits:
                return fits[0], "pronoun"
        elif found is not UNKNOWN:
            return found, "pronoun"
    return None, "pronoun"


_QUOTED = object()  # a sentence wholly inside quote marks


def _sentence_referent(doc: Doc, k: int) -> object:
    """`_referent_in` of a whole earlier sentence, worked out once (several pronouns look back at it)."""
    cache = doc.__dict__.setdefault("_referents", {})
    if k not in cache:
        cache[k] = _referent_in(doc, *doc.sentences[k])
    return cache[k]


def _referent_in(doc: Doc, s: int, e: int) -> object:
    """Who a later "he/she" can be, by what [s, e) says: the people it names, in order (a tuple);
    an unnamed speaker (None, or the name given only in quote marks, or the body a spokesperson
    speaks for); _QUOTED for quoted words only; UNKNOWN when it settles nothing."""
    if not unquoted_tokens(doc, s, e):
        return _QUOTED
    people = [m for m in candidates(doc, s, e) if m.kind == "person"]
    if people:
        return tuple(m.key for m in people)
    # "..., a annoncé le ministre de l'Intérieur. «...», a-t-il poursuivi": a role noun the article
    # ties to one named person names that person
    role = role_noun(doc, s, e)
    if isinstance(role, str) and ("person", role) in doc.entities:
        return (role,)
    unnamed, given = unnamed_speaker(doc, s, e)
    if not unnamed:
        return UNKNOWN
    if given:
        return given
    # "A spokeswoman for the Red Cross said ... 'X,' she said": the body she speaks for
    spoke = role_noun(doc, s, e)
    return None if spoke is UNKNOWN else spoke


def gender(doc: Doc, key: str) -> str | None:
    """"f", "m" or None for a person: from an honorific before any of their mentions ("Ms Ortiz")
    or a gendered word of their role ("spokeswoman"); data/gendered_words.txt."""
    cache = doc.__dict__.setdefault("_genders", {})
    if key not in cache:
        words = lexicon.gendered_words()
        role = (doc.entities[("person", key)].role or "").lower() if ("person", key) in doc.entities else ""
        found = {words[w] for w in _WORD_RE.findall(role) if w in words}
        for m in doc.mentions:
            if m.kind == "person" and m.key == key:
                before = doc.text[max(0, m.start - 8):m.start].split()
                if before and before[-1] in words:
                    found.add(words[before[-1]])
        cache[key] = found.pop() if len(found) == 1 else None
    return cache[key]


def _words_of(key: str, english: frozenset[str]) -> frozenset[str]:
    """A small-word class in the document's language: English's here, another's in its people.toml."""
    if lexicon.current() == lexicon.DEFAULT:
        return english
    return frozenset(lexicon.grammar().get(key, ()))


def _determiners() -> frozenset[str]:
    return _words_of("definite", DETERMINERS) | _words_of("indefinite", DETERMINERS)


def _is_role(word: str, roles: frozenset[str]) -> bool:
    return word in roles or (lexicon.current() != lexicon.DEFAULT and lexicon.is_role(word))


_THE = frozenset({"the"})


def _nearest(ments: list[Mention]) -> Mention | None:
    return max(ments, key=lambda m: m.start) if ments else None


def _person_with_role(doc: Doc, pos: int, head: str, mods: list[str]) -> str | None:
    """The nearest person before `pos` whose role has `head` and agrees with the modifiers:
    "the Russian president" is not "Ukrainian President X" nor "former president Y"."""
    want_marked = {w.lower() for w in mods} & MARKED
    caps = [w.lower() for w in mods if w[:1].isupper()]
    fits = []
    for m in doc.mentions:
        if m.kind != "person" or m.end > pos or doc.in_quote(m.start):
            continue
        role = (doc.entities[("person", m.key)].role or "").lower()
        words = set(_WORD_RE.findall(role))
        if head not in words or (words & MARKED) != want_marked:
            continue
        if all(c in role for c in caps):
            fits.append(m)
    best = _nearest(fits)
    if best is None:
        return _sole_person_without_role(doc, pos, " ".join(mods + [head]))
    return best.key


def _sole_person_without_role(doc: Doc, pos: int, role: str) -> str | None:
    """"Vladimir Putin has said ... The Russian president told journalists": a role noun no known
    role fits is the one person named in its sentence or the one before, when that person has no
    role yet; the role noun becomes theirs. Two people named there, or one with another role: nobody."""
    si = doc.sentence_index(pos)
    start = doc.sentences[si - 1][0] if si else doc.sentences[si][0]
    named = {m.key for m in doc.mentions_in(start, pos, "person") if not doc.in_quote(m.start)}
    if len(named) != 1:
        return None
    key = named.pop()
    ent = doc.entities[("person", key)]
    if ent.role:
        return None
    ent.role = role
    return key


def _org_with_head(doc: Doc, pos: int, noun: str) -> str | None:
    """"the agency said": the nearest organisation named before `pos` whose name has a head word
    that noun can stand for (data/role_referents.txt; else the noun itself)."""
    heads = lexicon.role_referents().get(noun, frozenset({noun}))
    named = [m for m in doc.mentions if m.kind == "org" and m.end <= pos and lexicon.can_speak(m.key)
             and heads & set(doc.entities[("org", m.key)].name.lower().split())]
    best = _nearest(named)
    return best.key if best else None


def role_noun(doc: Doc, start: int, end: int, last: bool = False) -> object:
    """Speaker for a role noun phrase in [start, end): "the mayor", "the agency", "a spokesman for
    the ministry". None for a person the article leaves unnamed, UNKNOWN when no such phrase.
    With `last`, the phrase nearest the end (the subject right before its verb) is read."""
    toks = unquoted_tokens(doc, start, end)
    lows = [t.text.lower() for t in toks]
    determiners = _determiners()
    if determiners.isdisjoint(lows):
        return UNKNOWN  # most stretches have no "the/a" phrase: the word lists are not read
    roles = lexicon.roles()
    org_heads = lexicon.org_heads_lower()
    order = range(len(toks) - 1, -1, -1) if last else range(len(toks))
    # the lists once per call, not for each word read after every determiner
    definite_words, referents, unnamed = _words_of("definite", _THE), lexicon.role_referents(), \
        lexicon.unnamed_speakers()
    for n in order:
        tok = toks[n]
        if lows[n] not in determiners:
            continue
        definite = lows[n] in definite_words
        for k in range(n + 1, min(len(toks), n + 6)):
            word = lows[k].rstrip(".")
            if word in SPEECH_VERBS:
                break
            if word in MOUTHPIECES:
                # "a spokesman for the ministry", "an official at UNHCR": the body they speak for
                if k + 1 < len(toks) and toks[k + 1].lower in ("for", "of", "at", "from", "with", "on", "by"):
                    after = toks[k + 2:k + 7]
                    ments = [m for m in candidates(doc, toks[k + 1].end, after[-1].end if after else end)
                             if m.kind == "org"]
                    if ments:
                        return ments[0].key
                    for t in after:
                        if t.bare.lower() in org_heads:  # "on the ministry's website"
                            return _org_with_head(doc, tok.start, t.bare.lower())
                return None
            if definite and (word in org_heads or word in referents):
                return _org_with_head(doc, tok.start, word)
            if definite and _is_role(word, roles):
                return _person_with_role(doc, tok.start, word, [t.text for t in toks[n + 1:k]])
            if _is_role(word, roles) or word in unnamed:
                return None  # "a local geologist", "one of the residents": someone the article does not name
    return UNKNOWN


def speaker_near(doc: Doc, start: int, end: int, verb: T.Token, side: str) -> tuple[object, str]:
    """Who speaks through `verb` in [start, end): the quote is before the region (side "after",
    '"...," X said') or after it (side "before", 'X said: "...'). Returns (speaker, how)."""
    how = "same sentence"
    if verb.text.lower() in QUOTERS:
        # "the agency quoted Governor X as saying": X speaks, not the one quoting
        m = _AS_SAYING_RE.search(doc.text, verb.end, end)
        quoted = _first(candidates(doc, verb.end, m.start())) if m else None
        if quoted is not None:
            return quoted.key, how
    pre = candidates(doc, start, verb.start)
    found = _first(pre, last=(side == "before"))
    # the pronoun looked for once, and only when a person named before the verb does not settle it
    p = _pronoun_in(doc, start, verb.start) if found is None or found.kind != "person" else None
    if found is not None and (found.kind == "person" or p is None):
        return found.key, how
    if p is not None:
        return resolve_pronoun(doc, p.start)
    if verb.lower.endswith(tuple(lexicon.grammar().get("pronoun_suffixes", ()))) and lexicon.grammar():
        return resolve_pronoun(doc, verb.start)  # "a-t-il poursuivi": the pronoun is inside the verb
    role = role_noun(doc, start, verb.start, last=True)
    if role is not UNKNOWN:
        return role, "role noun"
    if verb.lower not in lexicon.listener_verbs():
        post = _first(candidates(doc, verb.end, end))
        if post is not None:
            return post.key, how
        role = role_noun(doc, verb.end, end)
        if role is not UNKNOWN:
            return role, "role noun"
    return UNKNOWN, how


def _pronoun_in(doc: Doc, start: int, end: int) -> T.Token | None:
    pronouns = _words_of("pronouns", PRONOUNS)
    toks = [t for t in doc.tokens_in(start, end) if t.text.lower() in pronouns and not doc.in_quote(t.start)]
    return toks[-1] if toks else None
