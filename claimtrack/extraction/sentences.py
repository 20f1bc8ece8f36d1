"""Sentence segmentation with character offsets.

A claim must never be cut in half, so the splitter is conservative: it only breaks
after terminal punctuation followed by whitespace, and refuses inside balanced
quotations and parentheses, after titles and initials, and after ambiguous
abbreviations ("U.S.", "a.m.", "Inc.") unless the next word plainly starts a sentence.
Line breaks are hard boundaries: stored bodies keep one paragraph per line.
"""

from __future__ import annotations

import bisect
import re

# Longest span treated as one sentence; longer runs (text without punctuation) are
# cut at whitespace so that later stages always work on bounded strings.
MAX_SENTENCE_CHARS = 1200
# Quotations or parentheses longer than this are not protected: an unmatched or far
# away closing mark is more likely a typo than a 20-sentence quotation.
MAX_PROTECTED_CHARS = 1500

_PARAGRAPH_RE = re.compile(r"[^\n]+")
_CANDIDATE_RE = re.compile(r"(?:[.!?]+|…)[\"”’')\]]*(?=\s|$)|[。！？]+[」』”]*")
_TOKEN_BEFORE_RE = re.compile(r"(\S+)$")
_NEXT_WORD_RE = re.compile(r"\s*([\"“‘'(\[]*)(\S*)")
# Straight and curly double quotes, and the doubled apostrophes some archives use
# (''like this'').
_QUOTE_RE = re.compile(r"''|[\"“”]")
_PAREN_RE = re.compile(r"[()]")
_DOTTED_ACRONYM_RE = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")

# Titles and honorifics: a full stop after these never ends a sentence.
_TITLES = frozenset(
    "rt mr mrs ms dr prof gen lt col sgt capt cpt maj adm cmdr cmdr sen rep gov pres supt "
    "det insp rev fr hon st mt ft atty gens messrs brig cpl pvt spc amb".split()
)
# Month abbreviations and number markers: no break when a number follows ("Jan. 3").
_BEFORE_NUMBER = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec no nos vol art fig p pp ch sec".split())
# Abbreviations that may also end a sentence ("... moved to the U.S. The ...").
_AMBIGUOUS = frozenset(
    "inc corp ltd co jr sr etc bros ave blvd rd assn dept govt est approx vs al plc llc intl univ".split()
)
# Words that plausibly begin a new sentence after an ambiguous abbreviation.
_STARTERS = frozenset(
    """the a an he she it they we i you but and or so yet in on at for from by with this
    that these those there their his her its our my however meanwhile mr mrs ms dr after
    before when while as if although though since still also some many most all no not
    according last earlier later now then today yesterday what who why how where
    officials separately critics both neither each several one two three four five six
    seven eight nine ten such under over until despite during among instead""".split()
)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line, whitespace trimmed."""
    spans = []
    for m in _PARAGRAPH_RE.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        if s < e:
            spans.append((s, e))
    return spans


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` as absolute offsets, whitespace trimmed."""
    if end is None:
        end = len(text)
    out: list[tuple[int, int]] = []
    for m in _PARAGRAPH_RE.finditer(text, start, end):
        _split_paragraph(text, m.start(), m.end(), out)
    return out


def _split_paragraph(text: str, p0: int, p1: int, out: list[tuple[int, int]]) -> None:
    protected = _protected_regions(text, p0, p1)
    starts = [r[0] for r in protected]
    sent_start = p0
    for m in _CANDIDATE_RE.finditer(text, p0, p1):
        pos = m.end()
        if pos >= p1:
            break
        if _inside(protected, starts, pos):
            continue
        if not _is_boundary(text, m, p1):
            continue
        _emit(text, sent_start, pos, out)
        sent_start = pos
    _emit(text, sent_start, p1, out)


def _emit(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    s, e = _trim(text, s, e)
    # Over-long runs are cut at the last space before the limit (or hard, if none).
    while e - s > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", s + MAX_SENTENCE_CHARS // 2, s + MAX_SENTENCE_CHARS)
        if cut <= s:
            cut = s + MAX_SENTENCE_CHARS
        cs, ce = _trim(text, s, cut)
        if cs < ce:
            out.append((cs, ce))
        s, e = _trim(text, cut, e)
    if s < e:
        out.append((s, e))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _protected_regions(text: str, p0: int, p1: int) -> list[tuple[int, int]]:
    """Balanced quotations and parentheses inside one paragraph, sorted by start."""
    regions = quote_spans(text, p0, p1)
    depth_start: list[int] = []
    for m in _PAREN_RE.finditer(text, p0, p1):
        i = m.start()
        if text[i] == "(":
            if len(depth_start) < 20:
                depth_start.append(i)
        elif depth_start:
            s = depth_start.pop()
            if i - s <= MAX_PROTECTED_CHARS and not depth_start:
                regions.append((s, i))
    regions.sort()
    return regions


def quote_spans(text: str, p0: int = 0, p1: int | None = None) -> list[tuple[int, int]]:
    """Balanced double-quotation spans (opening index, index of the closing mark's last
    character) in one paragraph."""
    return open_quote_spans(text, p0, p1)[0]


def open_quote_spans(
    text: str, p0: int = 0, p1: int | None = None, limit: int = MAX_PROTECTED_CHARS
) -> tuple[list[tuple[int, int]], int]:
    """``quote_spans`` plus where a quotation left open at ``p1`` starts (-1 if none).

    News leaves a quotation unclosed at the end of a paragraph when it runs on into
    the next one. ``limit`` is the longest quotation accepted.
    """
    if p1 is None:
        p1 = len(text)
    regions: list[tuple[int, int]] = []
    open_at = -1
    for m in _QUOTE_RE.finditer(text, p0, p1):
        i = m.start()
        ch = m.group(0)
        if ch == "“" or (ch != "”" and _opens(text, i, m.end(), p0, p1, open_at)):
            open_at = i
        elif open_at >= 0:
            if i - open_at <= limit:
                regions.append((open_at, m.end() - 1))
            open_at = -1
    return regions, open_at


def _opens(text: str, i: int, j: int, p0: int, p1: int, open_at: int) -> bool:
    """Whether a straight double quote ``text[i:j]`` opens a quotation."""
    if open_at < 0:
        before = text[i - 1] if i > p0 else " "
        after = text[j] if j < p1 else " "
        # A quote glued to the preceding word and followed by space closes something.
        return not (not before.isspace() and before not in "([—–-:" and after.isspace())
    return False


def _inside(regions: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """True when ``pos`` lies strictly inside a protected region."""
    k = bisect.bisect_left(starts, pos)
    # Regions may nest (parentheses inside quotes), so look back a few entries.
    for j in range(k - 1, max(-1, k - 6), -1):
        s, e = regions[j]
        if s < pos <= e:
            return True
    return False


def _is_boundary(text: str, m: re.Match, p1: int) -> bool:
    punct = m.group(0)
    nxt = _NEXT_WORD_RE.match(text, m.end(), p1)
    opener, word = (nxt.group(1), nxt.group(2)) if nxt else ("", "")
    first = word[:1]
    # Only a capital, a digit or an uncased letter can start the next sentence: a
    # lower-case word ("a.m. on Friday", '?" he asked') or a dash continues this one.
    if not first or first.islower() or not (first.isalpha() or first.isdigit()):
        return False
    if not punct.startswith(".") or punct.startswith(".."):
        return True
    tok_m = _TOKEN_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
    if not tok_m:
        return True
    token = tok_m.group(1).lstrip("\"“‘'([")
    if not token or punct.rstrip(".") or len(punct) > 1:
        return True  # closing quote/bracket after the stop, or an ellipsis
    low = token.lower()
    next_is_starter = word.strip("\"“”'’,").lower() in _STARTERS
    if low in _TITLES:
        return False
    if low in ("no", "nos"):
        return not first.isdigit()  # "No. 1" but "No. Nobody has decided."
    if low in _BEFORE_NUMBER:
        return not first.isdigit() and next_is_starter
    if _DOTTED_ACRONYM_RE.match(token):
        return next_is_starter
    if len(token) == 1 and token.isupper():
        # An initial ("John F. Kennedy") unless a sentence plainly starts after it.
        return next_is_starter and not _prev_is_capitalised(text, tok_m.start())
    if low in _AMBIGUOUS:
        return next_is_starter
    return True


def _prev_is_capitalised(text: str, i: int) -> bool:
    m = _TOKEN_BEFORE_RE.search(text, max(0, i - 40), max(0, i - 1))
    return bool(m and m.group(1)[:1].isupper())
