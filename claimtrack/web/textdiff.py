"""Word-level differences between two claims, for highlighting what one says differently."""

from __future__ import annotations

import difflib
import re

_TOKEN_RE = re.compile(r"\s+|[^\s]+")
_PUNCT_RE = re.compile(r"[^\w%$€£]+")


def _key(token: str) -> str:
    # Compared without case and punctuation: "Iraq," and "Iraq" or curly and straight
    # quotes are the same word; a token of punctuation alone is compared as it is.
    bare = _PUNCT_RE.sub("", token.casefold())
    return bare or token


def word_diff(base: str, other: str) -> list[tuple[str, bool]]:
    """`other` cut into runs; True marks words that are not in `base` at that place."""
    a = [t for t in _TOKEN_RE.findall(base) if not t.isspace()]
    tokens = _TOKEN_RE.findall(other)
    words = [(i, t) for i, t in enumerate(tokens) if not t.isspace()]
    changed = set()
    matcher = difflib.SequenceMatcher(a=[_key(w) for w in a], b=[_key(t) for _, t in words], autojunk=False)
    for tag, _i1, _i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            changed.update(words[j][0] for j in range(j1, j2))
    runs: list[tuple[str, bool]] = []
    for i, token in enumerate(tokens):
        mark = i in changed
        if runs and runs[-1][1] == mark:
            runs[-1] = (runs[-1][0] + token, mark)
        elif token.isspace() and runs:
            runs[-1] = (runs[-1][0] + token, runs[-1][1])
        else:
            runs.append((token, mark))
    return runs
