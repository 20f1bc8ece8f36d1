"""Every report by name: `build` is what the web pages, downloads and `claimtrack report`
all call. It sits apart from the shared shape so the report modules import the shape and
nothing imports back."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlmodel import Session

from ...errors import NotFound, ValidationError
from . import article, claimants, conflicts, overview, workload
from .shape import Report, parse_filters, parse_id

REPORT_NAMES = ("article", "overview", "claimants", "workload", "conflicts")

BUILDERS: dict[str, Callable[..., Report]] = {
    "overview": overview.overview,
    "claimants": claimants.scorecard,
    "workload": workload.workload,
    "conflicts": conflicts.conflicts,
}


def build(session: Session, name: str, config: Mapping[str, Any], args: Mapping[str, Any]) -> Report:
    """Run the report called `name` with filters (and, for `article`, an article id) from `args`."""
    if name == "article":
        article_id = parse_id(args.get("article"), "article")
        if article_id is None:
            raise ValidationError("The article report needs an article id.", fields={"article": "required"})
        return article.article_report(session, article_id, config)
    if name not in BUILDERS:
        raise NotFound(f"There is no report called {name!r}; choose one of: {', '.join(REPORT_NAMES)}.")
    return BUILDERS[name](session, parse_filters(session, args), config)
