"""The archive of earlier fact-checks: importing them and finding the ones a claim resembles."""
