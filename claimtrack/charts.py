"""Server-side SVG charts for the reports (pure: data in, markup out).

Each chart is an `<svg role="img">` labelled by its own `<title>` and `<desc>`, with
axes, axis titles and a value on every bar. Pages put a data table beside each chart
for screen readers and printing. No inline `style` attributes (the Content-Security-
Policy forbids them); colours and fonts come from presentation attributes and classes.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil

from markupsafe import Markup, escape

FONT = 13


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    css: str = ""


def axis(value: float, most: int = 5) -> tuple[float, list[float]]:
    """A round axis for counts: the top and the ticks, in whole steps of 1, 2 or 5 × 10^n,
    with at most `most` intervals (so counts never get fractional ticks)."""
    value = max(value, 1)
    power = 1
    while True:
        for step in (power, 2 * power, 5 * power):
            if value / step <= most:
                top = ceil(value / step) * step
                return top, [i * step for i in range(int(top / step) + 1)]
        power *= 10


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _frame(chart_id: str, title: str, desc: str, width: int, height: int, body: list[str]) -> Markup:
    head = (
        f'<svg class="chart" id="{escape(chart_id)}" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" font-size="{FONT}" '
        f'font-family="system-ui, sans-serif">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(desc)}</desc>'
    )
    return Markup(head + "".join(body) + "</svg>")  # noqa: S704  # nosec B704 - every value in it went through escape()


def bar_chart(
    chart_id: str, title: str, bars: list[Bar], *, value_axis: str, category_axis: str, width: int = 480
) -> Markup:
    """Horizontal bars: one row per category, long labels fit on the left."""
    label_w, right, top, row_h, bottom = 130, 36, 30, 28, 46
    plot_w = width - label_w - right
    height = top + row_h * max(len(bars), 1) + bottom
    top_value, tick_values = axis(max((b.value for b in bars), default=0))
    desc = (
        f"{category_axis} by {value_axis.lower()}: " + "; ".join(f"{b.label} {_number(b.value)}" for b in bars)
        if bars
        else "No data."
    )
    body = [f'<text class="chart-title" x="0" y="16" font-weight="600">{escape(title)}</text>']
    axis_y = top + row_h * max(len(bars), 1)
    for tick in tick_values:
        x = label_w + plot_w * tick / top_value
        body.append(f'<line class="grid" x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{axis_y}" stroke="#d9dde5"/>')
        body.append(f'<text x="{x:.1f}" y="{axis_y + 16}" text-anchor="middle" fill="#5b6475">{_number(tick)}</text>')
    for i, bar in enumerate(bars):
        y = top + i * row_h
        w = plot_w * bar.value / top_value
        body.append(
            f'<text x="{label_w - 8}" y="{y + row_h / 2 + 4:.1f}" text-anchor="end" fill="#1d2330">'
            f"{escape(_clip(bar.label, 22))}</text>"
        )
        body.append(
            f'<rect class="bar {escape(bar.css)}" x="{label_w}" y="{y + 4}" width="{w:.1f}" '
            f'height="{row_h - 8}" fill="#1f5fbf"><title>{escape(bar.label)}: {_number(bar.value)}</title></rect>'
        )
        body.append(
            f'<text x="{label_w + w + 4:.1f}" y="{y + row_h / 2 + 4:.1f}" fill="#1d2330">{_number(bar.value)}</text>'
        )
    body.append(f'<line class="axis" x1="{label_w}" y1="{top}" x2="{label_w}" y2="{axis_y}" stroke="#1d2330"/>')
    body.append(
        f'<line class="axis" x1="{label_w}" y1="{axis_y}" x2="{label_w + plot_w}" y2="{axis_y}" stroke="#1d2330"/>'
    )
    body.append(
        f'<text class="axis-title" x="{label_w + plot_w / 2:.1f}" y="{height - 6}" text-anchor="middle" '
        f'fill="#5b6475">{escape(value_axis)}</text>'
    )
    return _frame(chart_id, title, desc, width, height, body)


def column_chart(
    chart_id: str,
    title: str,
    bars: list[Bar],
    *,
    value_axis: str,
    category_axis: str,
    width: int = 480,
    height: int = 260,
) -> Markup:
    """Vertical bars over time, one per period (labels thinned when crowded)."""
    left, right, top, bottom = 48, 16, 40, 56
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value, tick_values = axis(max((b.value for b in bars), default=0))
    desc = (
        f"{value_axis} by {category_axis.lower()}: " + "; ".join(f"{b.label} {_number(b.value)}" for b in bars)
        if bars
        else "No data."
    )
    body = [f'<text class="chart-title" x="0" y="16" font-weight="600">{escape(title)}</text>']
    base_y = top + plot_h
    for tick in tick_values:
        y = base_y - plot_h * tick / top_value
        body.append(f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#d9dde5"/>')
        body.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#5b6475">{_number(tick)}</text>')
    n = max(len(bars), 1)
    slot = plot_w / n
    every = max(1, ceil(n / 12))
    for i, bar in enumerate(bars):
        h = plot_h * bar.value / top_value
        x = left + i * slot
        body.append(
            f'<rect class="bar {escape(bar.css)}" x="{x + slot * 0.15:.1f}" y="{base_y - h:.1f}" '
            f'width="{slot * 0.7:.1f}" height="{h:.1f}" fill="#1f5fbf">'
            f"<title>{escape(bar.label)}: {_number(bar.value)}</title></rect>"
        )
        if bar.value:
            body.append(
                f'<text x="{x + slot / 2:.1f}" y="{base_y - h - 4:.1f}" text-anchor="middle" fill="#1d2330">'
                f"{_number(bar.value)}</text>"
            )
        if i % every == 0:
            body.append(
                f'<text x="{x + slot / 2:.1f}" y="{base_y + 16}" text-anchor="middle" fill="#1d2330">'
                f"{escape(bar.label)}</text>"
            )
    body.append(f'<line class="axis" x1="{left}" y1="{top}" x2="{left}" y2="{base_y}" stroke="#1d2330"/>')
    body.append(f'<line class="axis" x1="{left}" y1="{base_y}" x2="{left + plot_w}" y2="{base_y}" stroke="#1d2330"/>')
    body.append(
        f'<text class="axis-title" x="{left + plot_w / 2:.1f}" y="{height - 8}" text-anchor="middle" '
        f'fill="#5b6475">{escape(category_axis)}</text>'
    )
    body.append(
        f'<text class="axis-title" transform="rotate(-90)" x="{-(top + plot_h / 2):.1f}" y="12" '
        f'text-anchor="middle" fill="#5b6475">{escape(value_axis)}</text>'
    )
    return _frame(chart_id, title, desc, width, height, body)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
