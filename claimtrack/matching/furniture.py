"""Page furniture: a sentence an outlet prints word for word in article after article
(an editor's note, a newsletter plug, a standing disclaimer) is not a claim, and two
copies of it from one outlet say nothing about each other's coverage.

Only the outlet's own stored articles decide it, so the verdict improves as coverage
arrives: the sentence becomes furniture once ``MIN_ARTICLES`` articles of one outlet
carry it. :func:`text_key` is what "word for word" means: the same words in the same
order, whatever the case, the white space or the kind of quotation marks.
"""

from __future__ import annotations

import hashlib
import re

# Articles of one outlet that must carry a sentence before it is furniture: a story
# and its follow-up may share a background sentence; three articles show a habit.
MIN_ARTICLES = 3

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-"})
_SPACE_RE = re.compile(r"\s+")


def text_key(text: str) -> str:
    """A short fingerprint of a sentence, equal for verbatim copies."""
    folded = _SPACE_RE.sub(" ", text.translate(_QUOTES).lower()).strip(" .")
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=16).hexdigest()


def is_furniture(articles: int) -> bool:
    """Whether a sentence printed in ``articles`` articles of one outlet is furniture."""
    return articles >= MIN_ARTICLES


def reason(articles: int, outlet: str | None) -> str:
    """The explanation a reviewer sees."""
    where = outlet or "one outlet"
    return (
        f"page furniture: the same sentence appears word for word in {articles} articles of "
        f"{where}, so it is not linked"
    )
