"""Turning a free text (often a pasted tweet) into a search query."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimtrack.matching.vocabulary import STOP_WORDS

# Links end at a space or a dash: pasted tweets glue "…/abc123— Name (@handle)".
_URL_RE = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)[^\s—–]*", re.IGNORECASE)
# "— Name (@handle) Month D, YYYY" at the end of an embedded tweet.
_SIGNATURE_RE = re.compile(
    r"\s*[—–]\s*(?P<name>[^—–]{0,80}?)\s*\(@(?P<handle>\w{1,30})\)\s*"
    r"(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?\s*$"
)
_TAG_RE = re.compile(r"[#@](\w+)")
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
# A clitic ("you're", "Trump's") stays attached to its word, then is dropped.
_WORD_RE = re.compile(r"([^\W_]+)(?:['’][^\W_]+)?", re.UNICODE)
_SPACE_RE = re.compile(r"\s+")

MAX_QUERY_TERMS = 48  # longer texts add noise and cost, not recall


_RETWEET_RE = re.compile(r"^\s*RT(?::|\s)\s*")


@dataclass(frozen=True, slots=True)
class CleanQuery:
    text: str  # what the user said, without links or signature
    author: str | None  # the signature's name, when the text was an embedded tweet

    @property
    def search_text(self) -> str:
        """The text to look up: a post's author is often who the claim is about
        ("Gutierrez stormed out of the speech"), so their name is searched too."""
        return f"{self.text} {self.author}" if self.author else self.text


def clean_query(raw: str, *, split_tags: bool = True) -> CleanQuery:
    """Strip links, a leading "RT" and a trailing tweet signature; split #CamelCaseTags
    and @CamelCaseHandles into words ("@IlhanMN" → "Ilhan MN")."""
    text = _RETWEET_RE.sub("", _URL_RE.sub(" ", raw or ""))
    author = None
    match = _SIGNATURE_RE.search(text)
    if match:
        author = match.group("name").strip() or None
        text = text[: match.start()]
    if split_tags:
        text = _TAG_RE.sub(lambda m: f" {_CAMEL_RE.sub(' ', m.group(1).replace('_', ' '))} ", text)
    return CleanQuery(_SPACE_RE.sub(" ", text).strip(), author)


def words(text: str) -> list[str]:
    """Lowercased words and numbers, in order, repeats kept."""
    return [w.lower() for w in _WORD_RE.findall(text)]


def search_terms(text: str, limit: int = MAX_QUERY_TERMS) -> list[str]:
    """Distinct non-stop-words of ``text``, first seen first, for a full-text OR query.

    Only ASCII letters and digits are kept so the terms are safe inside FTS5 quotes and
    PostgreSQL tsquery syntax alike.
    """
    seen: dict[str, None] = {}
    for word in words(text):
        if not word.isascii() or not word.isalnum() or word in STOP_WORDS:
            continue
        if len(word) < 2 and not word.isdigit():
            continue
        seen.setdefault(word, None)
        if len(seen) >= limit:
            break
    return list(seen)
