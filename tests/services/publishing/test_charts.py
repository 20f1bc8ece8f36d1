"""SVG charts: accessible names, axes, whole-number ticks, escaping."""

from xml.etree import ElementTree

from claimtrack.charts import Bar, axis, bar_chart, column_chart

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg) -> ElementTree.Element:
    return ElementTree.fromstring(str(svg))  # noqa: S314 - our own output, well-formed by construction


def test_axis_uses_whole_round_steps():
    assert axis(0) == (1, [0, 1])
    assert axis(1) == (1, [0, 1])
    assert axis(4) == (4, [0, 1, 2, 3, 4])
    assert axis(7) == (8, [0, 2, 4, 6, 8])
    assert axis(23) == (25, [0, 5, 10, 15, 20, 25])
    assert axis(180) == (200, [0, 50, 100, 150, 200])


def test_bar_chart_is_labelled_and_escaped():
    svg = bar_chart(
        "c1",
        "Claims <by> status",
        [Bar("In review", 2), Bar("A & B", 1)],
        value_axis="Number of claims",
        category_axis="Status",
    )
    root = parse(svg)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(f"{SVG}title").text == "Claims <by> status"
    assert root.find(f"{SVG}desc").text == "Status by number of claims: In review 2; A & B 1"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Number of claims" in texts and "A & B" in texts and ["0", "1", "2"] == [t for t in texts if t in "012"][:3]
    assert len(root.findall(f".//{SVG}rect")) == 2 and "style=" not in str(svg)


def test_column_chart_with_no_data():
    root = parse(column_chart("c2", "Per month", [], value_axis="Verdicts", category_axis="Month"))
    assert root.find(f"{SVG}desc").text == "No data."
    assert root.findall(f".//{SVG}rect") == []
