"""Article structure: headline, dek, byline, dateline, body paragraphs and page junk.

Plain-text articles are laid out as: headline on the first line; an optional dek;
an optional "By NAME" byline; body paragraphs (the first may open with a dateline);
and page furniture anywhere, mostly at the end. The stored body is dek + paragraphs
joined by blank lines, with the headline, byline and junk removed.
"""

from __future__ import annotations

import re
import unicodedata

from .datelines import dateline_published, dateline_text, header_date, match_dateline
from .junk import (
    author_note,
    bio_name,
    is_about_heading,
    is_credit_line,
    is_junk_line,
    is_link_heading,
    is_short_unpunctuated,
    match_byline,
    shares_name,
)
from .model import ArticleParts, ExtractionError
from .sentences import split_sentences

# Lines this far into the text can still be header material (dek, byline, date).
_HEADER_LINES = 6
# Above this share of control or replacement characters the input is not text.
_MAX_BINARY_SHARE = 0.3
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_TERMINAL_RE = re.compile(r"[.!?\"”’)]$")
# Transcript speaker labels ("MILLEY:", "Q:"); pipeline.py reads the same layout.
_LABEL_RE = re.compile(r"^(?:Q|A|[A-Z][A-Z.'’-]*[A-Z.](?:\s+[A-Z][A-Z.'’-]*[A-Z.]){0,3})\s*:\s+")


def sanitize(raw: str) -> str:
    """Normalise newlines and spaces and drop control characters.

    Raises ExtractionError when the text is mostly control or replacement
    characters (binary data decoded as text).
    """
    if not isinstance(raw, str):
        raise ExtractionError(f"expected text, got {type(raw).__name__}")
    if not raw:
        return ""
    bad = len(_CONTROL_RE.findall(raw)) + raw.count("\ufffd")
    if bad > 16 and bad > _MAX_BINARY_SHARE * len(raw):
        raise ExtractionError(f"input looks like binary data ({bad} of {len(raw)} characters are control bytes)")
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.lstrip("\ufeff")
    text = _CONTROL_RE.sub(" ", text).replace("\ufffd", " ")
    if _has_surrogates(text):
        # Lone surrogates cannot be stored or encoded; they become "?".
        text = text.encode("utf-8", "replace").decode("utf-8")
    return _SPACES_RE.sub(" ", text)


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def parse_text_article(raw: str) -> ArticleParts:
    """Split a plain-text article (headline on line 1) into its parts."""
    lines = [ln.strip() for ln in sanitize(raw).split("\n")]
    junk: list[str] = []
    title = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line:
            continue
        if is_junk_line(line):
            junk.append(line)
            continue
        title = line
        break
    return _assemble(title, lines[i:], junk)


def clean_body(title: str | None, body: str) -> ArticleParts:
    """Strip junk, byline and a repeated headline from an already separated body."""
    title = _SPACES_RE.sub(" ", sanitize(title or "")).strip()
    lines = [ln.strip() for ln in sanitize(body).split("\n")]
    junk: list[str] = []
    for k, line in enumerate(lines):
        if line:
            if title and _fold(line) == _fold(title):
                junk.append(line)
                lines[k] = ""
            break
    return _assemble(title, lines, junk)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _assemble(title: str, lines: list[str], junk: list[str]) -> ArticleParts:
    kinds = ["blank" if not ln else "text" for ln in lines]
    byline, published = _mark_header(lines, kinds)
    _mark_junk(lines, kinds, byline)
    _mark_tail(lines, kinds)
    for k, line in enumerate(lines):
        if kinds[k] == "junk":
            junk.append(line)
        elif kinds[k] == "byline" and byline != match_byline(line):
            junk.append(line)
    paragraphs, before_byline = _paragraphs(lines, kinds)
    if before_byline > 1:
        # Kicker lines above the dek ("World News") are header furniture.
        junk.extend(paragraphs[: before_byline - 1])
        paragraphs = paragraphs[before_byline - 1 :]
        before_byline = 1
    dek = _find_dek(paragraphs, before_byline)
    body_paras = paragraphs[1:] if dek is not None else paragraphs
    dateline = None
    if body_paras:
        m = match_dateline(body_paras[0])
        if m:
            dateline = dateline_text(m)
            published = published or dateline_published(m)
    stored = ([dek] if dek is not None else []) + body_paras
    return ArticleParts(
        title=title,
        dek=dek,
        byline=byline,
        dateline=dateline,
        published=published,
        body="\n\n".join(stored),
        junk=junk,
    )


def _mark_header(lines: list[str], kinds: list[str]) -> tuple[str | None, str | None]:
    """Byline and date lines among the first few non-empty lines."""
    byline = published = None
    seen = 0
    for k, line in enumerate(lines):
        if not line:
            continue
        seen += 1
        if seen > _HEADER_LINES:
            break
        name = match_byline(line)
        if name and byline is None:
            byline, kinds[k] = name, "byline"
            continue
        date = header_date(line)
        if date:
            published = published or date
            kinds[k] = "junk"
    return byline, published


def _mark_junk(lines: list[str], kinds: list[str], byline: str | None) -> None:
    """Furniture anywhere: patterns, author notes, link lists, captions, boilerplate."""
    n = len(lines)
    for k, line in enumerate(lines):
        if kinds[k] != "text":
            continue
        if is_link_heading(line):
            kinds[k] = "junk"
            # The headlines listed under it, up to the next blank line.
            j = k + 1
            while j < n and kinds[j] == "text" and len(line) < 200:
                kinds[j] = "junk"
                j += 1
        elif is_credit_line(line):
            kinds[k] = "junk"
            _mark_caption(lines, kinds, k)
        elif is_junk_line(line) or author_note(line, byline):
            kinds[k] = "junk"
        elif byline and bio_name(line) and shares_name(bio_name(line) or "", byline):
            kinds[k] = "junk"
        elif line == "###" or (is_about_heading(line) and k > n // 3):
            # End of a press release: the boilerplate and contacts that follow.
            for j in range(k, n):
                if kinds[j] == "text":
                    kinds[j] = "junk"
            break


def _mark_caption(lines: list[str], kinds: list[str], k: int) -> None:
    """The caption beside a photo credit: a neighbouring line of the same block, or
    else a short one-sentence paragraph just before it."""
    for j in (k + 1, k - 1):
        if 0 <= j < len(lines) and kinds[j] == "text":
            kinds[j] = "junk"
            return
    j = k - 1
    while j >= 0 and kinds[j] == "blank":
        j -= 1
    if j >= 0 and kinds[j] == "text" and _is_caption_like(lines[j]):
        kinds[j] = "junk"


def _is_caption_like(line: str) -> bool:
    """One short sentence, not a quotation."""
    return len(line.split()) <= 30 and len(split_sentences(line)) == 1 and not line.startswith(('"', "“"))


def _mark_tail(lines: list[str], kinds: list[str]) -> None:
    """After the last real paragraph, labels, link titles and bios are furniture."""
    for k in range(len(lines) - 1, -1, -1):
        if kinds[k] in ("blank", "junk", "byline"):
            continue
        line = lines[k]
        if is_short_unpunctuated(line, 15) or bio_name(line) or match_byline(line) or header_date(line):
            kinds[k] = "junk"
            continue
        break


def _paragraphs(lines: list[str], kinds: list[str]) -> tuple[list[str], int]:
    """Content paragraphs, and how many of them come before the byline."""
    paragraphs: list[str] = []
    before_byline = -1
    block: list[str] = []

    def flush() -> None:
        if block:
            paragraphs.extend(_join_block(block))
            block.clear()

    for line, kind in zip(lines, kinds, strict=True):
        if kind == "text":
            block.append(line)
            continue
        flush()
        if kind == "byline" and before_byline < 0:
            before_byline = len(paragraphs)
    flush()
    return paragraphs, before_byline


def _join_block(block: list[str]) -> list[str]:
    """Consecutive lines: one hard-wrapped paragraph, or one paragraph per line."""
    if len(block) == 1:
        return block
    heads = block[:-1]
    lengths = [len(x) for x in heads]
    wrapped = (
        min(lengths) >= 35
        and max(lengths) <= 110
        and max(lengths) - min(lengths) <= 40
        and sum(1 for x in heads if not _TERMINAL_RE.search(x)) >= max(1, len(heads) // 2)
    )
    return [" ".join(block)] if wrapped else list(block)


def _find_dek(paragraphs: list[str], before_byline: int) -> str | None:
    """The standfirst between headline and byline, or before a datelined first paragraph."""
    if not paragraphs:
        return None
    if before_byline == 1:
        return paragraphs[0]
    if before_byline < 0 and len(paragraphs) >= 2:
        if not match_dateline(paragraphs[0]) and match_dateline(paragraphs[1]):
            return paragraphs[0]
        labelled = [bool(_LABEL_RE.match(p)) for p in paragraphs]
        if sum(labelled) >= 2 and not labelled[0] and labelled[1]:
            # A transcript: the introduction before the first speaker label.
            return paragraphs[0]
    return None
