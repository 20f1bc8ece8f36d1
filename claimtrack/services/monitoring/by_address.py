"""Checking an address typed into a form before a fetch job is queued for it: every
problem comes back as a ValidationError on the `address` field."""

from __future__ import annotations

from ...errors import ValidationError


def check_address(address: str) -> str:
    address = address.strip()
    if not address:
        raise ValidationError("Give the address of the article.", fields={"address": "required"})
    if len(address) > 2000:
        raise ValidationError("That address is too long.", fields={"address": "at most 2,000 characters"})
    if not address.lower().startswith(("http://", "https://")):
        raise ValidationError(
            "Only http:// and https:// addresses can be fetched.", fields={"address": "an http:// or https:// address"}
        )
    return address
