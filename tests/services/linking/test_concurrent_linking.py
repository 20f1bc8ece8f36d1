"""Articles of one story imported at the same moment still find each other.

Each import indexes its claims and then looks for related claims, in one transaction.
Two imports running side by side must not both search before either has committed, or
neither would ever suggest the link: writers queue on the index (SQLite's write lock; on
PostgreSQL an advisory lock, and the row locks on the key counts both update). Runs on
SQLite and, with CLAIMTRACK_TEST_DATABASE_URL set, on PostgreSQL.
"""

from __future__ import annotations

import itertools
import threading

from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import Claim, ClaimLink

from ...helpers import import_text

OUTLETS = ("Northern Ledger", "Harbour Times", "Valley Courier", "Capital Wire")
COUNTS = ("6,000 or so", "some 5,200", "roughly 6,000", "about 5,000")


def _article(n: int) -> str:
    return (
        f"U.S. weighs troop drawdown in Iraq, report {n}\n\n"
        f"Defense officials in Washington said on Tuesday that the {COUNTS[n]} American troops "
        "in Iraq could begin leaving Baghdad next spring under a plan discussed with the Iraqi "
        "government.\n\n"
        f"Talks between Pentagon negotiators and Iraqi ministers about the coalition mission "
        f"continued in Baghdad this week, the {OUTLETS[n]} was told.\n"
    )


def test_simultaneous_imports_of_one_story_link_to_each_other(engine):
    barrier = threading.Barrier(len(OUTLETS))
    articles, errors = {}, []

    def worker(n: int) -> None:
        barrier.wait()
        try:
            outcome = import_text(engine, _article(n), where=f"story-{n}.txt", outlet=OUTLETS[n])
            articles[n] = outcome.article_id
        except Exception as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(len(OUTLETS))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(set(articles.values())) == len(OUTLETS)

    with session_scope(engine) as s:
        article_of = dict(s.exec(select(Claim.id, Claim.article_id)).all())
        linked = {
            frozenset((article_of[link.claim_a_id], article_of[link.claim_b_id]))
            for link in s.exec(select(ClaimLink)).all()
        }
    # Whichever import committed first, every later one found it: each pair of articles
    # holds at least one suggested link.
    missing = [pair for pair in itertools.combinations(sorted(articles.values()), 2) if frozenset(pair) not in linked]
    assert missing == []
