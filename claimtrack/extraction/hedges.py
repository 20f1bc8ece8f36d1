"""Hedge words and the interval each allows around the stated figure X.

The matcher compares claims by interval overlap, so each hedge maps to an explicit
interval. "more than X" is open above in words; we close it at 1.5 X, since a writer
with a figure far above X would have named a larger round number.
"""

from __future__ import annotations

import re

# Hedge table: phrase -> (low factor, high factor) applied to the stated number X.
# Symmetric hedges get +-5%: close enough that "roughly 5,000" and "some 5,200"
# overlap, far enough that "6,000 or so" and "some 5,200" do not.
SYMMETRIC = (0.95, 1.05)
HEDGES = {
    "about": SYMMETRIC,
    "roughly": SYMMETRIC,
    "some": SYMMETRIC,
    "around": SYMMETRIC,
    "approximately": SYMMETRIC,
    "an estimated": SYMMETRIC,
    "estimated": SYMMETRIC,
    "circa": SYMMETRIC,
    "approx.": SYMMETRIC,
    "or so": SYMMETRIC,
    "odd": SYMMETRIC,
    "~": SYMMETRIC,
    # "nearly X": just short of X.
    "nearly": (0.9, 1.0),
    "almost": (0.9, 1.0),
    "close to": (0.9, 1.0),
    "just under": (0.9, 1.0),
    "just shy of": (0.9, 1.0),
    # "more than X": above X, and by less than half again (else a larger round
    # number would have been used). The low bound is X itself (exclusive in words).
    "more than": (1.0, 1.5),
    "over": (1.0, 1.5),
    "upwards of": (1.0, 1.5),
    "in excess of": (1.0, 1.5),
    "just over": (1.0, 1.5),
    "plus": (1.0, 1.5),
    "a little over": (1.0, 1.5),
    "a little more than": (1.0, 1.5),
    "well over": (1.0, 1.5),
    "slightly more than": (1.0, 1.5),
    "above": (1.0, 1.5),
    "greater than": (1.0, 1.5),
    # "at least X": X or anything up to double.
    "at least": (1.0, 2.0),
    "no fewer than": (1.0, 2.0),
    "no less than": (1.0, 2.0),
    "a minimum of": (1.0, 2.0),
    "or more": (1.0, 2.0),
    # "up to X" and its kin: anything from zero to X.
    "up to": (0.0, 1.0),
    "as many as": (0.0, 1.0),
    "as much as": (0.0, 1.0),
    "as high as": (0.0, 1.0),
    "at most": (0.0, 1.0),
    "no more than": (0.0, 1.0),
    "a maximum of": (0.0, 1.0),
    "fewer than": (0.0, 1.0),
    "less than": (0.0, 1.0),
    "under": (0.0, 1.0),
    "below": (0.0, 1.0),
    "a little under": (0.9, 1.0),
    "slightly less than": (0.9, 1.0),
    "slightly fewer than": (0.9, 1.0),
    "well under": (0.0, 1.0),
}

HEDGE_BEFORE_RE = re.compile(
    r"(?:^|(?<=[\s(—–\-“\"‘]))(?P<h>about|roughly|some|around|approximately|an\s+estimated|estimated|"
    r"circa|approx\.|nearly|almost|close\s+to|just\s+under|just\s+shy\s+of|a\s+little\s+over|"
    r"a\s+little\s+more\s+than|a\s+little\s+under|slightly\s+(?:more|less|fewer)\s+than|well\s+over|"
    r"well\s+under|above|more\s+than|greater\s+than|over|"
    r"upwards\s+of|in\s+excess\s+of|just\s+over|at\s+least|no\s+fewer\s+than|no\s+less\s+than|"
    r"a\s+minimum\s+of|up\s+to|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as|at\s+most|no\s+more\s+than|a\s+maximum\s+of|"
    r"fewer\s+than|less\s+than|under|below|~)\s*$",
    re.IGNORECASE,
)


def hedge_before(before: str) -> tuple[str, int] | None:
    """The hedge ending ``before`` (normalised) and its start offset in ``before``."""
    m = HEDGE_BEFORE_RE.search(before)
    if not m:
        return None
    return re.sub(r"\s+", " ", m.group("h").lower()), m.start("h")
