"""Plumbing shared by the web pages and the JSON API (never importing either)."""
