"""What leaves the building: the ClaimReview feed and the public fact-check pages."""
