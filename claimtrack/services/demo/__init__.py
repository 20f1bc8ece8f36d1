"""Demo data: fixture articles, one user per role, and a worked review history."""
