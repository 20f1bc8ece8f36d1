"""From body text to claims: segmentation, filtering, attribution, quantities, scoring."""

from __future__ import annotations

import re

from . import checkworthiness
from .attribution import Attribution, attribute, quote_mask, second_attribution
from .datelines import match_dateline
from .mentions import remember_mentions
from .model import ArticleParts, ExtractedClaim, Extraction
from .quantities import asked_unit, find_quantities, lendable_unit
from .repeats import mark_repeats
from .sentences import open_quote_spans, paragraph_spans, quote_spans, split_sentences
from .speakers import PERSON, Memory, Speaker, classify, clean_speaker
from .structure import parse_text_article, sanitize

# "MILLEY:", "GEN. MILLEY:", "SECRETARY ESPER:", "Q:" at the start of a paragraph.
_LABEL_RE = re.compile(r"(?P<label>Q|A|[A-Z][A-Z.'’-]*[A-Z.](?:\s+[A-Z][A-Z.'’-]*[A-Z.]){0,3})\s*:\s+")
# Turns by the questioner are not claims.
_QUESTIONER = frozenset({"Q", "QUESTION", "REPORTER", "INTERVIEWER", "MODERATOR", "AUDIENCE"})
_WORD_RE = re.compile(r"\w+")
_TERMINAL_RE = re.compile(r"[.!\"”’')\]]$")
_QUESTION_RE = re.compile(r"\?[\"”’)]*$|\?[\"”’]*,?\s+(?:\w+\s+){1,4}(?:asked|wondered|asks|inquired)\b")
_STAGE_RE = re.compile(r"^[(\[][^)\]]*[)\]]$")
_SEMICOLON_RE = re.compile(r";\s+")
# What joins two attributed clauses cut apart without a comma.
_JOINED_RE = re.compile(r"\s+(?:and|but|while|whereas)\s")
# Minimum words on each side of a semicolon for the halves to stand alone.
_MIN_SPLIT_WORDS = 6


def extract_claims(body: str) -> list[ExtractedClaim]:
    """Claims in a stored article body; every span satisfies body[start:end] == text."""
    if not body or not body.strip():
        return []
    memory = Memory()
    claims: list[ExtractedClaim] = []
    paragraphs = paragraph_spans(body)
    labels = [_LABEL_RE.match(body, s, e) for s, e in paragraphs]
    transcript = sum(1 for m in labels if m) >= 2
    turn: Speaker | None = None
    questioner = False
    previous: tuple[Attribution, int] | None = None
    units = _UnitMemory()
    running = False  # a quotation left open at the end of the previous paragraph
    for p_index, ((p0, p1), label) in enumerate(zip(paragraphs, labels, strict=True)):
        start = p0
        dateline = match_dateline(body[p0 : min(p1, p0 + 160)])
        if dateline:
            start = p0 + dateline.end()
        if transcript and label:
            start = label.end()
            turn, questioner = _turn_speaker(label.group("label"), memory)
        masked, quotes, left_open = _mask_paragraph(body, start, p1)
        pending: list[tuple[ExtractedClaim, Attribution, int]] = []  # with its quotation's index
        for s, e in _claim_spans(body, start, p1):
            text = body[s:e]
            units.step()
            # The first of two attributed clauses ends without punctuation ("X said A and
            # Y said B"): it is a whole statement all the same.
            if questioner or not _is_candidate(text, _JOINED_RE.match(body, e) is not None):
                remember_mentions(text, memory)
                units.note(asked_unit(text))
                continue
            sent_masked = masked[s - start : e - start]
            attr = attribute(text, memory, sent_masked)
            group = _quote_group(quotes, s, e)
            if transcript and turn is not None:
                attr = Attribution(turn, None, text, 1.0)
            elif attr.speaker is None and previous is not None and _continues_quote(text, attr, running):
                prev_attr, prev_para = previous
                # A quotation running on keeps the speaker of its first sentence.
                if prev_attr.speaker is not None and p_index - prev_para <= 1:
                    attr = Attribution(prev_attr.speaker, prev_attr.cue, attr.quote, attr.quote_share)
            claim = _make_claim(text, s, e, attr)
            units.fill(claim)
            claims.append(claim)
            pending.append((claim, attr, group))
            previous = (attr, p_index)
        if pending and _share_quote_speakers(pending):
            previous = (pending[-1][1], p_index)
        running = left_open >= 0
    mark_repeats(claims)
    for claim in claims:
        claim.checkworthiness = checkworthiness.score(claim)
    return claims


def extract_text(raw: str) -> Extraction:
    """Parse a plain-text article and extract its claims."""
    return extract_parts(parse_text_article(raw))


def extract_parts(parts: ArticleParts) -> Extraction:
    """Extract claims from already separated article parts."""
    body = sanitize(parts.body) if parts.body else ""
    return Extraction(
        title=parts.title,
        byline=parts.byline,
        dateline=parts.dateline,
        published=parts.published,
        body=body,
        dek=parts.dek,
        junk=list(parts.junk),
        claims=extract_claims(body),
    )


class _UnitMemory:
    """Lends the last counted noun to bare numbers in the same or the next sentence."""

    def __init__(self) -> None:
        self.unit: str | None = None
        self.age = 99

    def step(self) -> None:
        self.age += 1

    def note(self, unit: str | None) -> None:
        if lendable_unit(unit):
            self.unit, self.age = unit, 0

    def fill(self, claim: ExtractedClaim) -> None:
        for q in claim.quantities:
            if q.unit is None and self.unit is not None and self.age <= 1:
                q.unit = self.unit
            self.note(q.unit)


def _turn_speaker(label: str, memory: Memory) -> tuple[Speaker | None, bool]:
    if label.rstrip(".") in _QUESTIONER:
        return None, True
    phrase = label.title()  # "GEN. MILLEY" -> "Gen. Milley", resolved against the memory
    sp = classify(phrase, memory)
    if sp is None:
        sp = Speaker(phrase, None, PERSON)
    if not clean_speaker(sp) or len(label.rstrip(".")) < 2:
        return None, False  # "A:" answers someone the label does not name
    if sp.name:
        memory.remember(sp.name, sp.title, sp.kind or PERSON, spoke=True)
    return sp, False


def _continues_quote(text: str, attr: Attribution, running: bool) -> bool:
    """Mostly quoted, or opening a quotation that does not close in this sentence."""
    if attr.quote_share >= 0.6:
        return True
    return text[:1] in "\"“'" and (attr.quote is None or running)


def _mask_paragraph(body: str, start: int, end: int) -> tuple[str, list[tuple[int, int]], int]:
    """The paragraph with its quotations masked (one left open runs to the end), the
    quotation spans, and where an unclosed one opens (-1 if none)."""
    # Whole paragraphs may be one quotation: no length limit here, unlike for splitting.
    quotes, open_at = open_quote_spans(body, start, end, limit=end - start)
    if open_at >= 0:
        quotes = [*quotes, (open_at, end - 1)]
    parts, last = [], start
    for qs, qe in quotes:
        parts.append(body[last:qs])
        parts.append(quote_mask(body, qs, qe))
        last = qe + 1
    parts.append(body[last:end])
    return "".join(parts), quotes, open_at


def _quote_group(quotes: list[tuple[int, int]], s: int, e: int) -> int:
    """Index of the quotation a sentence lies in or opens, -1 if none spans sentences."""
    for k, (qs, qe) in enumerate(quotes):
        if qs < e and qe >= s and not (s <= qs and qe < e):
            return k
    return -1


def _share_quote_speakers(pending: list) -> bool:
    """Sentences of one quotation share its speaker: '"A. B," she said.' gives A to her."""
    speakers: dict[int, Attribution] = {}
    for _claim, attr, group in pending:
        if group >= 0 and attr.speaker is not None and group not in speakers:
            speakers[group] = attr
    changed = False
    for i, (claim, attr, group) in enumerate(pending):
        src = speakers.get(group)
        if src is not None and attr.speaker is None and attr.quote_share >= 0.5:
            attr = Attribution(src.speaker, src.cue, attr.quote, attr.quote_share)
            pending[i] = (claim, attr, group)
            _set_speaker(claim, attr)
            changed = True
    return changed


def _claim_spans(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences, with semicolon-joined independent clauses and separately attributed
    clauses ("X said A, while Y said B") split apart."""
    out = []
    for s, e in _attributed_halves(body, split_sentences(body, start, end)):
        if ";" not in body[s:e]:
            out.append((s, e))
            continue
        quotes = quote_spans(body, s, e)
        cur = s
        for m in _SEMICOLON_RE.finditer(body, s, e):
            if any(qs < m.start() < qe for qs, qe in quotes):
                continue
            left = len(_WORD_RE.findall(body, cur, m.start()))
            right = len(_WORD_RE.findall(body, m.end(), e))
            if left >= _MIN_SPLIT_WORDS and right >= _MIN_SPLIT_WORDS:
                out.append((cur, m.start() + 1))
                cur = m.end()
        out.append((cur, e))
    return out


def _attributed_halves(body: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s, e in spans:
        cut = second_attribution(body[s:e]) if e - s >= 30 else None
        if cut is None:
            out.append((s, e))
        else:
            out.extend([(s, s + cut[0]), (s + cut[1], e)])
    return out


def _is_candidate(text: str, clause: bool = False) -> bool:
    """Drop what cannot be a checkable assertion: questions, labels, fragments.

    ``clause``: the text is a clause cut from its sentence, so no end mark is expected."""
    words = len(text.split())
    if words < 4 or not any(ch.islower() for ch in text[:400]):
        return False
    if _QUESTION_RE.search(text[-60:]) or _STAGE_RE.match(text):
        return False
    if words < 10 and not clause and not _TERMINAL_RE.search(text) and not text.endswith((";", ",")):
        return False
    return True


def _make_claim(text: str, s: int, e: int, attr: Attribution) -> ExtractedClaim:
    claim = ExtractedClaim(text=text, start=s, end=e, quote=attr.quote, quantities=find_quantities(text, s))
    _set_speaker(claim, attr)
    return claim


def _set_speaker(claim: ExtractedClaim, attr: Attribution) -> None:
    sp = attr.speaker
    words = len(attr.quote.split()) if attr.quote else 0
    # Attributed: any quoted wording is the speaker's. Unattributed: only a real
    # quotation covering most of the sentence, not a scare-quoted word.
    if (sp is not None and words >= 1) or (words >= 2 and attr.quote_share >= 0.5):
        claim.kind = "quote"
    elif sp is not None:
        claim.kind = "paraphrase"
    else:
        claim.kind = "reported"
    claim.speaker = sp.name if sp else None
    claim.speaker_title = sp.title if sp else None
    claim.speaker_kind = sp.kind if sp and sp.name else None
    claim.cue = attr.cue if sp else None
