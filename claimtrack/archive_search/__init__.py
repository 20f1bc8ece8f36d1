"""Pure retrieval helpers for "has this been checked before?": query cleaning, a
plain BM25 index and the feature re-scorer. No database, no Flask."""
