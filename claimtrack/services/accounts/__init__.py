"""Accounts: users, roles, API tokens, web sessions, passwords and the login guard."""
