"""Fetching URLs politely and safely: the one HTTP client with the request-forgery guard.

No Flask and no database: feeds, sitemaps and articles all come in through here.
"""

from __future__ import annotations

from .client import FetchClient, FetchResult
from .errors import FetchError
from .guard import address_refusal, parse_networks
from .settings import DEFAULTS, FetchSettings

__all__ = ["DEFAULTS", "FetchClient", "FetchError", "FetchResult", "FetchSettings", "address_refusal", "parse_networks"]
