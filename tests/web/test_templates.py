"""Template rules a Content-Security-Policy and the htmx conventions depend on."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "templates"
# The reviewers' workspace: the shared layout, and the pages and fragments of the queue,
# articles, claims and claimants.
TEMPLATES = sorted(
    [
        ROOT / "base.html",
        ROOT / "_macros.html",
        *ROOT.glob("auth/*.html"),
        *ROOT.glob("errors/*.html"),
        *ROOT.glob("queue/*.html"),
        *ROOT.glob("articles/*.html"),
        *ROOT.glob("claims/*.html"),
        *ROOT.glob("claimants/*.html"),
    ]
)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_inline_script_style_or_handlers(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)", text), "inline <script>"
    assert not re.search(r"\son[a-z]+\s*=", text), "inline event handler"
    assert not re.search(r"\shx-on", text), "hx-on handlers are inline script"
    assert not re.search(r"\sstyle\s*=", text) and "<style" not in text, "inline style"
    assert "javascript:" not in text


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_hx_urls_come_from_url_for(path):
    text = path.read_text(encoding="utf-8")
    for match in re.finditer(r'\shx-(?:get|post|put|patch|delete)="([^"]*)"', text):
        assert match.group(1).startswith("{{"), f"hand-written hx URL {match.group(1)!r}"
    for match in re.finditer(r'\s(?:href|action)="(/[^"]*)"', text):
        pytest.fail(f"hand-written URL {match.group(1)!r}")


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_input_has_a_label(path):
    text = path.read_text(encoding="utf-8")
    labelled = set(re.findall(r'<label for="([^"]+)"', text))
    for tag in re.finditer(r"<(input|select|textarea)\b([^>]*)>", text):
        attrs = tag.group(2)
        if re.search(r'type="(hidden|submit)"', attrs):
            continue
        ident = re.search(r'\sid="([^"]+)"', attrs)
        assert ident, f"{tag.group(0)[:80]} has no id for a label"
        assert ident.group(1) in labelled, f"no <label for> {ident.group(1)!r}"


def test_htmx_swaps_validation_and_conflict_answers():
    base = (Path(__file__).resolve().parents[2] / "templates" / "base.html").read_text(encoding="utf-8")
    assert '{"code":"422","swap":true}' in base and '{"code":"409","swap":true}' in base
    assert '"allowEval":false' in base and '"includeIndicatorStyles":false' in base
