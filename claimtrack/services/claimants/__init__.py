"""Claimants: resolving extracted names to records, the directory, merges and aliases."""
