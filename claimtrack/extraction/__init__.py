"""Claim extraction: article text in, attributed claims with spans and quantities out.

Pure Python (stdlib ``re`` and rapidfuzz); no web framework or database here.
"""

from .model import ArticleParts, ExtractedClaim, ExtractedQuantity, Extraction, ExtractionError
from .pipeline import extract_claims, extract_parts, extract_text
from .structure import clean_body, parse_text_article

__all__ = [
    "ArticleParts",
    "ExtractedClaim",
    "ExtractedQuantity",
    "Extraction",
    "ExtractionError",
    "clean_body",
    "extract_claims",
    "extract_parts",
    "extract_text",
    "parse_text_article",
]
