import json

import pytest

from claimtrack.archive_search.readers import ArchiveFormatError, ArchiveRow, RowError, read_archive

from .archive import CHECKTHAT_TSV, claimreview


def read(text: str, name: str = "archive.tsv") -> list:
    suffix = "." + name.rsplit(".", 1)[1]
    return list(read_archive(text.encode("utf-8"), name, suffix))


def test_checkthat_layout_keeps_the_id_and_unquotes_fields():
    rows = read(CHECKTHAT_TSV)
    assert [r.external_id for r in rows] == ["0", "1", "2", "3", "4", "5"]
    assert rows[2].claim_text == 'A "large-scale killing" of white farmers is taking place in South Africa.'
    assert rows[2].title.startswith("Is a ‘Large-Scale Killing’")
    assert rows[0].where == "archive.tsv:2"
    assert all(r.rating is None and r.url is None for r in rows)


def test_line_numbers_follow_multi_line_quoted_fields():
    text = '\tvclaim\ttitle\n0\t"first line\nsecond line"\tT\n1\t\tempty claim\n2\tfine\tT\n'
    rows = read(text)
    assert isinstance(rows[0], ArchiveRow) and rows[0].claim_text == "first line second line"
    assert isinstance(rows[1], RowError) and str(rows[1]) == "archive.tsv:4: no claim text"
    assert rows[2].where == "archive.tsv:5"


@pytest.mark.parametrize(
    "header",
    [
        "ID,Claim Text,Verdict,Link,Publisher",
        "claim_id,claimReviewed,textualRating,url,fact_checker",
        "identifier,statement,rating,fact-check URL,organisation",
    ],
)
def test_csv_columns_are_found_by_header_name(header):
    rows = read(f"{header}\nx1,The moon is made of cheese,False,https://fc.example/1,FC Org\n", "a.csv")
    (row,) = rows
    assert (row.external_id, row.claim_text, row.rating, row.url, row.publisher) == (
        "x1",
        "The moon is made of cheese",
        "False",
        "https://fc.example/1",
        "FC Org",
    )


def test_a_table_without_a_claim_column_is_refused():
    with pytest.raises(ArchiveFormatError, match=r"a\.csv:1: no claim text column"):
        read("id,rating,url\n1,False,https://x.example\n", "a.csv")


def test_bad_rows_name_file_and_line_and_the_rest_still_read():
    text = (
        "id,claim,rating,url,rating value,review date\n"
        "1,Good claim,False,https://fc.example/1,1,2026-01-02\n"
        "2,Too few fields\n"
        "3,Bad link,False,ftp://fc.example/3,1,\n"
        "4,Bad number,False,https://fc.example/4,lots,\n"
        "5,Bad date,False,https://fc.example/5,1,yesterday\n"
        "6,Another good one,True,https://fc.example/6,,\n"
    )
    rows = read(text, "a.csv")
    errors = [str(r) for r in rows if isinstance(r, RowError)]
    assert [r.external_id for r in rows if isinstance(r, ArchiveRow)] == ["1", "6"]
    assert errors[0] == "a.csv:3: expected 6 fields, found 2"
    assert errors[1].startswith("a.csv:4: URL must start with http")
    assert errors[2] == "a.csv:5: rating value is not a number: 'lots'"
    assert errors[3] == "a.csv:6: not an ISO 8601 date: 'yesterday'"
    good = rows[0]
    assert good.rating_value == 1.0 and good.review_date.isoformat() == "2026-01-02T00:00:00+00:00"


def _claimreviews() -> list[dict]:
    return [
        claimreview(1, "The moon is made of cheese", "False", "https://fc.example/1"),
        claimreview(2, "Cats can fly", "Pants on fire", "https://fc.example/2"),
    ]


@pytest.mark.parametrize(
    "wrap",
    [
        lambda items: items,
        lambda items: {"@context": "https://schema.org", "@graph": items},
        lambda items: {
            "@type": "ItemList",
            "itemListElement": [{"@type": "ListItem", "position": n, "item": it} for n, it in enumerate(items, 1)],
        },
        lambda items: {"items": items},
    ],
)
def test_claimreview_lists_and_feeds(wrap):
    rows = read(json.dumps(wrap(_claimreviews())), "export.json")
    assert [(r.claim_text, r.rating, r.url) for r in rows] == [
        ("The moon is made of cheese", "False", "https://fc.example/1"),
        ("Cats can fly", "Pants on fire", "https://fc.example/2"),
    ]
    first = rows[0]
    assert first.publisher == "Example Fact Check" and first.claimant == "Jane Speaker"
    assert first.rating_value == 2.0 and first.claim_date.year == 2026


def test_a_single_claimreview_object():
    (row,) = read(
        json.dumps(
            claimreview(1, "Cats can fly", "False", "https://fc.example/1", **{"@id": "https://fc.example/1#review"})
        ),
        "one.jsonld",
    )
    assert row.external_id == "https://fc.example/1#review"


def test_json_items_that_are_not_claimreviews_are_reported_by_position():
    items = [
        claimreview(1, "Cats can fly", "False", "https://fc.example/1"),
        {"@type": "Person"},
        3,
        claimreview(2, "", "False", "https://fc.example/2"),
    ]
    rows = read(json.dumps(items), "feed.json")
    assert [str(r) for r in rows[1:]] == [
        "feed.json: item 2: expected a ClaimReview, found @type 'Person'",
        "feed.json: item 3: not a JSON object",
        "feed.json: item 4: no claim text",
    ]


def test_invalid_json_names_the_line():
    with pytest.raises(ArchiveFormatError, match=r"bad\.json:2: not valid JSON"):
        read('[\n{"claimReviewed": }\n]', "bad.json")


def test_json_lines_report_their_line():
    text = json.dumps(claimreview(1, "Cats can fly", "False", "https://fc.example/1")) + "\n{oops\n"
    rows = read(text, "feed.jsonl")
    assert isinstance(rows[0], ArchiveRow) and str(rows[1]).startswith("feed.jsonl:2: not valid JSON")
