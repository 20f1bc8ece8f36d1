"""Importing one article from the web form: pasted text or an uploaded file.

The same readers, extraction and storage as `claimtrack import`; what differs is that
every problem comes back as a `ValidationError` naming the form field it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from sqlmodel import Session

from ...errors import InputError, ValidationError
from ...ingest import ArticleInput, read_bytes
from ...ingest.prepare import prepare
from ...ingest.readers import looks_like_html
from ..accounts.actors import Actor
from ..accounts.roles import require
from .importing import ImportOutcome, import_article

FORM_SUFFIXES = (".txt", ".html", ".htm", ".json")


@dataclass(slots=True)
class ArticleForm:
    title: str = ""
    body: str = ""
    url: str = ""
    outlet: str = ""
    byline: str = ""
    published: str = ""
    filename: str = ""
    data: bytes | None = None

    def meta(self) -> dict[str, str]:
        fields = {
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "byline": self.byline,
            "published": self.published,
        }
        return {key: value.strip() for key, value in fields.items() if value and value.strip()}


def _check_fields(form: ArticleForm) -> None:
    """Every problem with the form at once, before anything is read."""
    errors = {}
    url = form.url.strip()
    if url and not url.lower().startswith(("http://", "https://")):
        errors["url"] = "an http:// or https:// address"
    limits = {"title": 1000, "url": 2000, "outlet": 200, "byline": 500}
    for name, limit in limits.items():
        if len(getattr(form, name).strip()) > limit:
            errors[name] = f"at most {limit:,} characters"
    has_file = bool(form.filename) and form.data is not None
    has_text = bool(form.body.strip())
    if has_file and has_text:
        errors["body"] = errors["file"] = "paste text or upload a file, not both"
    elif not has_file and not has_text:
        errors["body"] = "paste the article text, or choose a file below"
    if errors:
        raise ValidationError("Please correct the highlighted fields.", fields=errors)


def _read(form: ArticleForm) -> ArticleInput:
    if form.filename and form.data is not None:
        name = PurePath(form.filename).name or "upload"
        suffix = PurePath(name).suffix.lower()
        if suffix not in FORM_SUFFIXES:
            raise ValidationError(f"{name}: upload a .txt, .html or .json file.", fields={"file": "unsupported type"})
        items = list(read_bytes(form.data or b"", where=name, suffix=suffix, meta=form.meta() or None))
        field = "file"
    else:
        text = form.body.replace("\r\n", "\n").replace("\r", "\n")
        # A pasted web page goes through the HTML reader like an uploaded one, so none of
        # its markup or scripts is stored as article text.
        if form.title.strip() and not looks_like_html(text):
            article = ArticleInput(
                body=text, where="pasted text", layout="fields", source_format="txt", title=form.title.strip()
            )
            for key, value in form.meta().items():
                setattr(article, key, value)
            return article
        items = list(read_bytes(text.encode("utf-8"), where="pasted text", suffix=".txt", meta=form.meta() or None))
        field = "body"
    if not items:
        raise ValidationError("The file holds no article.", fields={field: "no article found"})
    if len(items) > 1:
        raise ValidationError(
            f"The file holds {len(items)} articles; this form imports one. Use `claimtrack import` for batches.",
            fields={field: "more than one article"},
        )
    item = items[0]
    if item.error is not None:
        raise ValidationError(item.error.message, fields={field: item.error.reason})
    return item.article


def import_from_form(session: Session, actor: Actor, form: ArticleForm, *, max_body_chars: int) -> ImportOutcome:
    require(actor, "reviewer", "import articles")
    _check_fields(form)
    article = _read(form)
    field = "file" if form.filename else "body"
    try:
        prepared = prepare(article, max_body_chars=max_body_chars)
    except InputError as exc:
        if "'published'" in exc.reason:
            field = "published"
        raise ValidationError(exc.message, fields={field: exc.reason}) from None
    return import_article(session, actor, prepared)
