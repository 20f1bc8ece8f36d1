"""Editors' reports as pages, CSV and JSON (`?format=csv|json`).

Open to every signed-in role from viewer up: reports only read, and the newsroom's
viewers (such as standards editors and managers) are who they are for. They may show
verdicts that are not yet published, so they are never public.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from ..charts import Bar, bar_chart, column_chart
from ..db import get_session
from ..errors import NotFound, ValidationError
from ..http.access import allow
from ..http.instance import desk_config
from ..services.reports import catalogue
from ..services.reports.shape import Report, filter_options
from .rendering import render

bp = Blueprint("reports", __name__)
TEMPLATES = {
    "overview": "reports/overview.html",
    "claimants": "reports/claimants.html",
    "workload": "reports/workload.html",
    "conflicts": "reports/conflicts.html",
}


@bp.route("/reports")
@allow("viewer")
def index():
    return render("reports/index.html")


@bp.route("/reports/<name>")
@allow("viewer")
def show(name: str):
    if name not in TEMPLATES:
        raise NotFound(f"There is no report called {name!r}.")
    db = get_session()
    report = catalogue.build(db, name, desk_config(), request.args)
    return _respond(
        report, TEMPLATES[name], options=filter_options(db), charts=_charts(report) if name == "overview" else None
    )


@bp.route("/reports/articles/<int:article_id>")
@allow("viewer")
def article(article_id: int):
    report = catalogue.build(get_session(), "article", desk_config(), {"article": article_id})
    return _respond(report, "reports/article.html")


def _respond(report: Report, template: str, **context):
    fmt = request.args.get("format", "html")
    filename = f"claimtrack-{report.name}" + (f"-{report.filters['article']}" if report.name == "article" else "")
    if fmt == "json":
        response = jsonify(report.to_json())
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}.json"'
        return response
    if fmt == "csv":
        return Response(
            report.to_csv(),
            mimetype="text/csv",
            headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
        )
    if fmt != "html":
        raise ValidationError(f"Unknown format {fmt[:20]!r}: use html, csv or json.")
    return render(template, report=report, query=_query_without_format(), **context)


def _query_without_format() -> dict[str, str]:
    return {k: v for k, v in request.args.items() if k != "format" and v}


def _charts(report: Report) -> dict:
    def bars(measure: str) -> list[Bar]:
        return [Bar(r["label"], r["count"], f"{measure}-{r['key']}") for r in report.rows if r["measure"] == measure]

    return {
        "status": bar_chart(
            "chart-status", "Claims by status", bars("status"), value_axis="Number of claims", category_axis="Status"
        ),
        "verdict": bar_chart(
            "chart-verdict",
            "Published verdicts by rating",
            bars("verdict"),
            value_axis="Number of published verdicts",
            category_axis="Rating",
        ),
        "month": column_chart(
            "chart-month",
            "Verdicts published per month",
            bars("month"),
            value_axis="Verdicts",
            category_axis="Month of publication",
        ),
    }
