"""Monitoring: watched feeds and sitemaps, articles fetched by address, background jobs,
alerts when checked claims come back, and the daily digest."""
