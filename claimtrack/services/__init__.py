"""Use cases. Every write to the database goes through a function here."""
