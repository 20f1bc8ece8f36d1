"""Editors' reports: one module per report, a shared shape, and the catalogue that runs them."""
