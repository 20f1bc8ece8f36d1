"""Notifications in the app: who is told what about their work, and what they have read."""
