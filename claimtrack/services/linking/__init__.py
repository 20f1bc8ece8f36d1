"""Linking claims across coverage: related-claim suggestions, the matching index and its settings."""
