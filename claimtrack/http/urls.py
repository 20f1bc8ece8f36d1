"""Links taken from stored data, checked before they reach an href (pages and API alike)."""

from __future__ import annotations


def web_url(value: str | None) -> str | None:
    """The URL if it is http(s), else None: stored links from imports are never trusted
    to be safe to put in an href (no javascript: or data: links)."""
    if not value:
        return None
    text = value.strip()
    return text if text.lower().startswith(("http://", "https://")) else None
