"""Text normalisation for claim matching.

One pipeline turns running text into matching tokens:

1. split into words, numbers, currency/percent signs and dotted abbreviations;
2. fold numbers in any written form ("3,000", "three thousand", "3k", "1.5 million")
   into one canonical digit token ("3000", "1500000");
3. fold entity aliases ("U.S.", "American", "Washington" → ``united_states``), counted
   nouns into unit groups ("soldiers", "service members" → ``troop``) and paraphrased
   event words into concepts (see :mod:`claimtrack.matching.vocabulary`);
4. lowercase whatever is left.

:func:`tokens` returns that sequence. :func:`content_terms` additionally drops stop words
and reduces the remaining plain words with a light suffix stripper (matching only: the
stems are never shown). All functions are memoised on the input string, so scoring the
same claim against many candidates normalises it once.
"""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from functools import lru_cache

from claimtrack.matching import vocabulary as vocab
from claimtrack.matching.number_forms import fold_numbers
from claimtrack.numberwords import SCALE_ABBREVIATIONS

_CACHE_SIZE = 1 << 15

# Longest first, so "mn" is not read as "m" followed by a stray "n".
_SUFFIXES = "|".join(sorted(SCALE_ABBREVIATIONS, key=lambda a: (-len(a), a)))
_TOKEN_RE = re.compile(
    r"(?P<abbr>(?:[A-Za-z]\.){2,})"
    rf"|(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:(?P<suffix>(?i:{_SUFFIXES}))\b)?"
    r"|(?P<sign>[$£€%])"
    r"|(?P<word>[A-Za-z]+(?:['’][A-Za-z]+)?)"
)
_SENTENCE_END_RE = re.compile(r"[.!?:;\"“”]")
_WORD_COUNT_RE = re.compile(r"\w+")


def _phrase_table(groups: dict[str, tuple[str, ...]]) -> dict[tuple[str, ...], str]:
    return {tuple(alias.split()): canon for canon, aliases in groups.items() for alias in aliases}


# One longest-match table for every multi-word or single-word alias. Entities win over
# units ("joint chiefs of staff" is not a count of staff).
_PHRASES: dict[tuple[str, ...], tuple[str, str]] = {}
for _kind, _groups in (("concept", vocab.CONCEPTS), ("unit", vocab.UNIT_GROUPS), ("entity", vocab.ENTITY_ALIASES)):
    for _phrase, _canon in _phrase_table(_groups).items():
        _PHRASES[_phrase] = (_kind, _canon)
_SINGLE_WORDS = {p[0]: hit for p, hit in _PHRASES.items() if len(p) == 1}
# First word → lengths of the longer phrases it starts, longest first.
_PHRASE_LENGTHS: dict[str, list[int]] = {}
for _phrase in _PHRASES:
    if len(_phrase) > 1:
        _PHRASE_LENGTHS.setdefault(_phrase[0], []).append(len(_phrase))
for _lengths in _PHRASE_LENGTHS.values():
    _lengths.sort(reverse=True)

ENTITY_IDS: frozenset[str] = frozenset(vocab.ENTITY_ALIASES)
UNIT_GROUP_IDS: frozenset[str] = frozenset(vocab.UNIT_GROUPS)
_CANONICAL = ENTITY_IDS | UNIT_GROUP_IDS | frozenset(vocab.CONCEPTS)


class _Tok:
    """A token on its way through the pipeline."""

    __slots__ = ("text", "kind", "proper")

    def __init__(self, text: str, kind: str, proper: bool = False) -> None:
        self.text = text  # normalised text
        self.kind = kind  # word | num | entity | unit | concept | sign
        self.proper = proper  # capitalised inside a sentence: likely a name


def _raw_tokens(text: str) -> list[tuple[str, str, bool]]:
    """(kind, surface, sentence_initial) triples straight from the regex."""
    out: list[tuple[str, str, bool]] = []
    append = out.append
    prev_end = 0
    prev_surface = ""
    for m in _TOKEN_RE.finditer(text):
        start = m.start()
        if prev_end == 0:
            initial = True
        elif start - prev_end == 1 and text[prev_end] == " ":
            initial = False
        else:
            # "Gen. Mark Milley": the full stop after a title does not end a sentence.
            initial = bool(_SENTENCE_END_RE.search(text, prev_end, start)) and (
                prev_surface.lower() not in vocab.TITLE_ABBREVIATIONS
            )
        kind = m.lastgroup
        if kind is None:  # cannot happen: every alternative of the token pattern is named
            continue
        surface = m.group(kind)
        if kind == "word":
            word = surface.replace("’", "'")
            if "'" not in word:
                append(("word", word, initial))
            elif word.lower().endswith("n't"):
                if len(word) > 3:
                    append(("word", word[:-3], initial))
                append(("word", "not", False))
            elif word.lower().endswith("'s"):
                if len(word) > 2:
                    append(("word", word[:-2], initial))
            else:
                append(("word", word, initial))
        elif kind == "abbr":
            append(("abbr", surface.replace(".", ""), initial))
        elif kind == "sign":
            append(("sign", surface, initial))
        else:  # num, possibly with a scale suffix ("3k", "1.5bn")
            append(("num", m.group("num"), initial))
            if kind == "suffix":
                append(("suffix", surface, False))
        prev_end = m.end()
        prev_surface = m.group(0)
    return out


def _starts_name(raw: list[tuple[str, str, bool]], i: int) -> bool:
    """A capitalised sentence opener is a name when another capitalised word or a
    reporting verb follows: "Mark Milley said", "Milley said"."""
    if i + 1 >= len(raw) or raw[i + 1][0] != "word" or raw[i + 1][2]:
        return False
    following = raw[i + 1][1]
    return following[:1].isupper() or following.lower() in vocab.REPORTING_VERBS


def _build_tokens(text: str) -> tuple[_Tok, ...]:
    raw = fold_numbers(_raw_tokens(text))
    # In a Title Case headline capitals say nothing about names.
    words = [s for k, s, _ in raw if k == "word" and len(s) > 3 and s.lower() not in vocab.STOP_WORDS]
    headline = len(words) >= 3 and all(w[0].isupper() for w in words)
    out: list[_Tok] = []
    lowered = [s.lower() for _, s, _ in raw]
    i, n = 0, len(raw)
    while i < n:
        kind, surface, initial = raw[i]
        if kind == "num":
            out.append(_Tok(surface, "num"))
            i += 1
            continue
        if cased := vocab.CASED_ENTITY_ALIASES.get(surface):
            out.append(_Tok(cased, "entity"))
            i += 1
            continue
        low = lowered[i]
        length, hit = 1, _SINGLE_WORDS.get(low)
        for longer in _PHRASE_LENGTHS.get(low, ()):  # longest phrase first
            if i + longer <= n and (found := _PHRASES.get(tuple(lowered[i : i + longer]))):
                length, hit = longer, found
                break
        if hit:
            out.append(_Tok(hit[1], hit[0]))
            i += length
        else:
            proper = (
                kind == "word"
                and not headline
                and surface[:1].isupper()
                and low not in vocab.STOP_WORDS
                and low not in vocab.NOT_NAMES
                and len(low) > 2
                and (not initial or _starts_name(raw, i))
            )
            out.append(_Tok(low, "sign" if kind == "sign" else "word", proper))
            i += 1
    return tuple(out)


class Memo:
    """A bounded memo, oldest entry evicted first, that callers may also fill with
    values computed elsewhere (features stored with a claim, see ``features``)."""

    __slots__ = ("_data", "_limit")

    def __init__(self, limit: int = _CACHE_SIZE) -> None:
        self._data: OrderedDict = OrderedDict()
        self._limit = limit

    def get(self, key):
        return self._data.get(key)

    def __contains__(self, key) -> bool:
        return key in self._data

    def put(self, key, value) -> None:
        if key not in self._data and len(self._data) >= self._limit:
            self._data.popitem(last=False)
        self._data[key] = value

    def clear(self) -> None:
        self._data.clear()


# Claims are short and scored many times; whole articles (story_terms) bypass the cache.
_TOKENS = Memo()


def _pipeline(text: str) -> tuple[_Tok, ...]:
    toks = _TOKENS.get(text)
    if toks is None:
        toks = _build_tokens(text)
        _TOKENS.put(text, toks)
    return toks


_KIND_CODES = {"word": "w", "num": "n", "entity": "e", "unit": "u", "concept": "c", "sign": "s"}
_CODES = {code: (kind, False) for kind, code in _KIND_CODES.items()} | {"W": ("word", True)}


def clear_caches() -> None:
    """Forget every memoised result (tests use this to start from a cold process)."""
    _TOKENS.clear()
    for cached in (stem, content_sequence, content_term_set, normalised_text, entities, word_count, _decode_token):
        cached.cache_clear()


def encode_tokens(text: str) -> str:
    """The token stream of ``text`` as one string: a kind letter (``W`` for a name)
    before each token, tokens separated by spaces (no token contains one)."""
    return " ".join(("W" if t.proper else _KIND_CODES[t.kind]) + t.text for t in _pipeline(text))


def decode_tokens(encoded: str) -> tuple[_Tok, ...]:
    """The token stream written by :func:`encode_tokens`; KeyError on a foreign code."""
    return tuple(_decode_token(item) for item in encoded.split(" ") if item)


@lru_cache(maxsize=_CACHE_SIZE)
def _decode_token(item: str) -> _Tok:
    # Finished tokens are never changed, so claims share one object per distinct token.
    kind, proper = _CODES[item[0]]
    return _Tok(item[1:], kind, proper)


def prime_tokens(text: str, toks: tuple[_Tok, ...]) -> None:
    """Remember the token stream of ``text`` (from :func:`decode_tokens`), so it is not
    tokenised again."""
    _TOKENS.put(text, toks)


def has_tokens(text: str) -> bool:
    """Whether the token stream of ``text`` is in memory already."""
    return text in _TOKENS


def tokens(text: str) -> list[str]:
    """Normalised tokens of ``text`` in order, stop words included."""
    return [t.text for t in _pipeline(text)]


def tagged_tokens(text: str) -> tuple[tuple[str, str], ...]:
    """(token, kind) pairs; kind is word, num, entity, unit, concept, sign or name
    (a capitalised word inside a sentence)."""
    return tuple((t.text, "name" if t.proper else t.kind) for t in _pipeline(text))


@lru_cache(maxsize=_CACHE_SIZE)
def stem(word: str) -> str:
    """Light suffix stripper: enough to meet "leaving"/"leave", "plans"/"planned"."""
    if len(word) <= 3 or word in _CANONICAL or not word.isalpha():
        return word
    if word.endswith(("ies", "ied")) and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("ation", "ations")) and len(word) >= 8:
        # "delegation" meets "delegates", "operations" meets "operating"
        word = word[: word.rindex("ation") + 2]
    elif word.endswith("ing") and len(word) >= 6:
        word = _undouble(word[:-3])
    elif word.endswith("ed") and len(word) >= 5:
        word = _undouble(word[:-2])
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def _undouble(word: str) -> str:
    if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "aeioulsz":
        return word[:-1]
    return word


@lru_cache(maxsize=_CACHE_SIZE)
def content_sequence(text: str) -> tuple[str, ...]:
    """Content terms of ``text`` in order, repeats kept (for frequency counts)."""
    return _content_of(_pipeline(text))


def _content_of(toks: tuple[_Tok, ...]) -> tuple[str, ...]:
    out = []
    for t in toks:
        if t.kind == "word":
            if t.text in vocab.STOP_WORDS or len(t.text) < 2:
                continue
            out.append(stem(t.text))
        elif t.kind != "sign":
            out.append(t.text)
    return tuple(out)


@lru_cache(maxsize=_CACHE_SIZE)
def content_term_set(text: str) -> frozenset[str]:
    """:func:`content_terms` as a shared, memoised frozenset (do not mutate copies)."""
    return frozenset(content_sequence(text))


def content_terms(text: str) -> set[str]:
    """Normalised non-stop-word terms with entities, units and numbers canonicalised."""
    return set(content_term_set(text))


@lru_cache(maxsize=_CACHE_SIZE)
def normalised_text(text: str) -> str:
    """Content terms joined by spaces: the ``processor`` handed to rapidfuzz."""
    return " ".join(content_sequence(text))


@lru_cache(maxsize=_CACHE_SIZE)
def entities(text: str) -> frozenset[str]:
    """Curated entities plus capitalised names; a run of names ("Mark Milley") yields
    its last word, since later mentions and other outlets use the surname."""
    return _entities_of(_pipeline(text))


def _entities_of(toks: tuple[_Tok, ...]) -> frozenset[str]:
    found = set()
    for i, t in enumerate(toks):
        if t.kind == "entity":
            found.add(t.text)
        elif t.proper and not (i + 1 < len(toks) and toks[i + 1].proper):
            found.add(t.text)
    return frozenset(found)


def entity_display(entity: str) -> str:
    """Human label for an entity id: "united_states" → "United States"."""
    return vocab.ENTITY_DISPLAY.get(entity) or entity.replace("_", " ").title()


@lru_cache(maxsize=4096)
def unit_group(unit: str | None) -> str | None:
    """Unit group of an extractor lemma ("service member" → "troop"); unknown lemmas
    form their own group, stemmed so "vote"/"votes" agree."""
    if not unit:
        return None
    key = tuple(unit.lower().replace("-", " ").split())
    hit = _PHRASES.get(key)
    if hit and hit[0] == "unit":
        return hit[1]
    return " ".join(stem(w) for w in key) or None


def parse_number(text: str) -> float | None:
    """Value of a number written in any supported form, or None."""
    nums = [t.text for t in _pipeline(text) if t.kind == "num"]
    return float(nums[0]) if len(nums) == 1 else None


@lru_cache(maxsize=_CACHE_SIZE)
def word_count(text: str) -> int:
    """Words as a reader counts them ("U.S." counts twice; good enough for a floor)."""
    return len(_WORD_COUNT_RE.findall(text))


def story_terms(title: str, body: str, limit: int = 25) -> frozenset[str]:
    """Salient subject terms of an article: its story context.

    Terms are weighted by frequency, title terms count three times and entities twice;
    numbers, generic news words and terms seen only once in the body are left out, so
    two articles share context only when they share a subject.
    """
    weights: Counter[str] = Counter()
    entity_set: set[str] = set()
    for weight, part in ((3, title), (1, body)):
        toks = _build_tokens(part)
        for term in _content_of(toks):
            weights[term] += weight
        entity_set.update(stem(e) for e in _entities_of(toks))
    scored = []
    for term, w in weights.items():
        if term in vocab.GENERIC_NEWS_TERMS or len(term) < 3 or term[0].isdigit() or term == "not":
            continue
        if term in entity_set:
            w *= 2
        if w >= 2:
            scored.append((-w, term))
    scored.sort()
    return frozenset(term for _, term in scored[:limit])
