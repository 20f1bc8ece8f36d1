"""Reading article files: formats, metadata, and clear errors for bad input."""

import json

import pytest

from claimtrack.errors import InputError
from claimtrack.ingest import read_bytes, read_path, walk
from claimtrack.ingest.prepare import content_hash, parse_published, prepare


def items(data: bytes, suffix: str, where: str = "f"):
    return list(read_bytes(data, where=where + suffix, suffix=suffix))


def test_txt_is_read_whole_with_text_layout():
    (item,) = items(b"Headline\n\nBody sentence one said the minister.\n", ".txt")
    assert item.error is None
    assert item.article.layout == "text"
    assert item.article.body.startswith("Headline")


def test_undecodable_bytes_name_file_and_line():
    (item,) = items(b"Title\n\nok line\n\xff\xfe bad\n", ".txt", where="news/a")
    assert item.article is None
    assert item.error.message == "news/a.txt: not valid UTF-8 at line 4 (byte offset 15)"


def test_binary_file_refused():
    (item,) = items(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ".txt")
    assert "binary" in item.error.message


def test_empty_body_refused():
    (item,) = items(b"   \n\n  ", ".txt")
    assert item.error.message == "f.txt: empty body"


def test_json_object_with_metadata():
    doc = {
        "title": "T",
        "body": "The minister said 3,000 troops left.",
        "url": "https://x.example/a",
        "outlet": "X News",
        "byline": "A. Writer",
        "published": "2020-01-10",
    }
    (item,) = items(json.dumps(doc).encode(), ".json")
    art = item.article
    assert (art.title, art.url, art.outlet, art.byline, art.published) == (
        "T",
        "https://x.example/a",
        "X News",
        "A. Writer",
        "2020-01-10",
    )
    assert art.layout == "fields" and art.source_format == "json"


def test_malformed_json_names_line_and_column():
    (item,) = items(b'{"title": "T",\n "body": }', ".json", where="feed")
    assert item.error.message.startswith("feed.json: malformed JSON at line 2, column 10")


@pytest.mark.parametrize(
    "doc, message",
    [
        ({"body": "text"}, "missing title"),
        ({"title": "  ", "body": "text"}, "missing title"),
        ({"title": "T", "body": ""}, "empty body"),
        ({"title": "T", "body": 5}, "field 'body' must be a string"),
        (["not an object"], "expected a JSON object with title and body"),
    ],
)
def test_json_field_errors(doc, message):
    results = items(json.dumps(doc).encode(), ".json")
    assert results[0].error is not None
    assert results[0].error.message.endswith(message)


def test_jsonl_bad_line_does_not_stop_the_rest():
    lines = [
        json.dumps({"title": "One", "body": "First body."}),
        "{oops",
        "",
        json.dumps({"title": "Three", "body": "Third body."}),
        json.dumps({"body": "no title"}),
    ]
    results = items("\n".join(lines).encode(), ".jsonl", where="feed")
    assert [r.where for r in results] == ["feed.jsonl:1", "feed.jsonl:2", "feed.jsonl:4", "feed.jsonl:5"]
    assert [r.article.title for r in results if r.article] == ["One", "Three"]
    assert results[1].error.message.startswith("feed.jsonl:2: malformed JSON")
    assert results[3].error.message == "feed.jsonl:5: missing title"


def test_html_reduced_to_text_and_metadata():
    html = b"""<html><head><title>Iraq asks U.S. to plan exit - Example News</title>
    <meta property="og:title" content="Iraq asks U.S. to plan exit">
    <meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2020-01-10T09:00:00Z">
    <link rel="canonical" href="https://news.example/iraq"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Iraq asks U.S. to plan exit</h1>
    <p>Iraq's prime minister said on Friday that he had asked the United States to send a delegation to plan the withdrawal of its troops.</p>
    <p>The Pentagon said there were no plans to leave the country, according to a statement released late on Friday.</p>
    <script>alert('x')</script></article><footer>Copyright Example News</footer></body></html>"""
    (item,) = items(html, ".html")
    art = item.article
    assert art.title == "Iraq asks U.S. to plan exit"
    assert art.outlet == "Example News"
    assert art.url == "https://news.example/iraq"
    assert art.published.startswith("2020-01-10")
    assert "asked the United States" in art.body
    assert "<" not in art.body and "alert" not in art.body and "Home | World" not in art.body


def test_html_without_text_is_an_error():
    (item,) = items(b"<html><head><title>x</title></head><body></body></html>", ".html")
    assert item.error.message == "f.html: no article text found in the HTML"


def test_unsupported_suffix():
    (item,) = items(b"x", ".pdf")
    assert "unsupported file type .pdf" in item.error.message


def test_missing_file(tmp_path):
    (item,) = list(read_path(tmp_path / "nope.txt"))
    assert item.error.message.endswith("nope.txt: no such file or folder")


def test_walk_uses_manifest_and_ignore_file(tmp_path):
    (tmp_path / "a.txt").write_text("A\n\nBody.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".claimtrackignore").write_text("# annotations\ngold/\n", encoding="utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps([{"file": "a.txt", "outlet": "A Daily"}]), encoding="utf-8")
    found = list(walk([tmp_path]))
    assert [(p.name, m) for p, m in found] == [("a.txt", {"file": "a.txt", "outlet": "A Daily"})]


def test_broken_manifest_fails_its_files(tmp_path):
    (tmp_path / "a.txt").write_text("A\n\nBody.", encoding="utf-8")
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    ((path, meta),) = list(walk([tmp_path]))
    assert isinstance(meta, InputError) and "broken manifest" in meta.message


def test_parse_published():
    assert parse_published("2020-01-10", "x").isoformat() == "2020-01-10T12:00:00+00:00"
    assert parse_published("2020-01-10T09:30:00-05:00", "x").isoformat() == "2020-01-10T14:30:00+00:00"
    with pytest.raises(InputError, match="x: field 'published' is not an ISO 8601 date: 'last Friday'"):
        parse_published("last Friday", "x")


def test_content_hash_ignores_white_space_and_case():
    assert content_hash("Title", "A  body\n\nhere") == content_hash("title", "a body here")
    assert content_hash("Title", "A body") != content_hash("Title", "A body!")


def test_body_over_the_limit_is_refused():
    (item,) = items(("Title\n\n" + "word " * 100).encode(), ".txt")
    with pytest.raises(InputError, match=r"f.txt: body has 507 characters, over the limit of 100"):
        prepare(item.article, max_body_chars=100)
