"""Reading article files (.txt, .html, .json, .jsonl) into ArticleInput records."""

from .model import ArticleInput, IngestItem
from .readers import read_bytes, read_path
from .walk import SUPPORTED_SUFFIXES, walk

__all__ = ["ArticleInput", "IngestItem", "SUPPORTED_SUFFIXES", "read_bytes", "read_path", "walk"]
