"""Publisher settings, the rating scale and the fact-check archive, for admins."""

from __future__ import annotations

from flask import current_app, flash, redirect, request, url_for

from ..db import get_session
from ..errors import ValidationError
from ..http.access import allow
from ..http.instance import forget, request_base
from ..services.archive import upload as archive_upload
from ..services.publishing import settings as instance_settings
from ..services.review import rating_scale
from .admin import ADMIN_PAGES, attempt, bp
from .forms import BLANK, FormState, text
from .rendering import render, wants_fragment

MAX_UPLOAD_NAME = 255


def _publisher_page(block: str | None = None, *, status: int = 200, form: FormState = BLANK, saved: bool = False):
    db = get_session()
    return render(
        "admin/publisher.html",
        block,
        status=status,
        pages=ADMIN_PAGES,
        form=form,
        saved=saved,
        settings=instance_settings.describe(db, current_app.config, request_base=request_base()),
    )


@bp.route("/publisher")
@allow("admin")
def publisher():
    return _publisher_page("publisher")


@bp.route("/publisher", methods=["POST"])
@allow("admin")
def save_publisher():
    data = {key: text(key, 3000) for key in instance_settings.PUBLISHER_KEYS}
    _result, failed, status = attempt("publisher", lambda db, who: instance_settings.update_publisher(db, who, data))
    forget()
    if failed:
        return _publisher_page("publisher", status=status, form=failed)
    if wants_fragment():
        return _publisher_page("publisher", saved=True)
    flash("The publisher settings are saved.", "info")
    return redirect(url_for("admin.publisher"), code=303)


def _ratings_page(block: str | None = None, *, status: int = 200, form: FormState = BLANK, saved: bool = False):
    db = get_session()
    return render(
        "admin/ratings.html",
        block,
        status=status,
        pages=ADMIN_PAGES,
        form=form,
        saved=saved,
        scale=rating_scale.current(db, current_app.config),
        usage=rating_scale.usage(db),
        pinned=rating_scale.file_pinned(current_app.config),
    )


@bp.route("/ratings")
@allow("admin")
def ratings():
    return _ratings_page("ratings")


def _label_rows() -> list[rating_scale.LabelInput]:
    """The scale form: one row per label (key_N names it), and one blank row to add."""
    rows = []
    count = min(int(text("count", 4) or 0) if text("count", 4).isdigit() else 0, rating_scale.MAX_LABELS + 1)
    for i in range(count):
        position = text(f"position_{i}", 6)
        rows.append(
            rating_scale.LabelInput(
                key=text(f"key_{i}", 64),
                label=text(f"label_{i}", 200),
                value=text(f"value_{i}", 30),
                alternate_name=text(f"alternate_name_{i}", 200),
                position=int(position) if position.isdigit() else 1000 + i,
                remove=bool(request.form.get(f"remove_{i}")),
            )
        )
    return rows


@bp.route("/ratings", methods=["POST"])
@allow("admin")
def save_ratings():
    rows = _label_rows()
    _scale, failed, status = attempt("ratings", lambda db, who: rating_scale.save(db, who, current_app.config, rows))
    forget()
    if failed:
        return _ratings_page("ratings", status=status, form=failed)
    if wants_fragment():
        return _ratings_page("ratings", saved=True)
    flash("The rating scale is saved.", "info")
    return redirect(url_for("admin.ratings"), code=303)


def _archive_page(block: str | None = None, *, status: int = 200, form: FormState = BLANK, result=None):
    return render(
        "admin/archive.html",
        block,
        status=status,
        pages=ADMIN_PAGES,
        form=form,
        result=result,
        loaded=archive_upload.loaded_count(get_session()),
    )


@bp.route("/archive")
@allow("admin")
def archive():
    return _archive_page("archive")


@bp.route("/archive", methods=["POST"])
@allow("admin")
def upload_archive():
    upload = request.files.get("file")
    name = (upload.filename or "")[:MAX_UPLOAD_NAME] if upload else ""
    data = upload.read() if upload else b""
    publisher = text("publisher", 300).strip()

    def act(db, who):
        if upload is None:
            raise ValidationError("Choose a file to upload.", fields={"file": "no file chosen"})
        return archive_upload.upload(db, who, name, data, publisher=publisher or None)

    result, failed, status = attempt("archive", act)
    if failed:
        return _archive_page("archive", status=status, form=failed)
    # Rendered, not redirected: the per-item results are this response's content.
    return _archive_page("archive", status=201, result=result)
