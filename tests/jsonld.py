"""JSON-LD expansion for tests, offline: the schema.org context comes from tests/data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pyld import jsonld

SCHEMA = "http://schema.org/"
CONTEXT = json.loads((Path(__file__).parent / "data" / "schemaorg-context.jsonld").read_text())


def offline_loader(url, options=None):
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}


def expand(doc: dict) -> dict:
    (node,) = jsonld.expand(doc, options={"documentLoader": offline_loader})
    return node


def one(node: dict, prop: str) -> Any:
    """The single value of a schema.org property of an expanded node."""
    values = node[SCHEMA + prop]
    assert len(values) == 1, values
    value = values[0]
    return value.get("@value", value.get("@id", value))
