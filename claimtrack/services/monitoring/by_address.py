"""Importing one article by its address from a form: every problem comes back as a
ValidationError on the `address` field."""
from __future__ import annotations

from sqlmodel import Session

from ...errors import InputError, ValidationError
from ...fetch import FetchClient, FetchError
from ..actors import Actor
from ..roles import require
from .articles import StoredArticle, import_url


def check_address(address: str) -> str:
    address = address.strip()
    if not address:
        raise ValidationError("Give the address of the article.", fields={"address": "required"})
    if len(address) > 2000:
        raise ValidationError("That address is too long.", fields={"address": "at most 2,000 characters"})
    if not address.lower().startswith(("http://", "https://")):
        raise ValidationError("Only http:// and https:// addresses can be fetched.",
                              fields={"address": "an http:// or https:// address"})
    return address


def import_from_address(session: Session, actor: Actor, client: FetchClient, address: str, *,
                        max_body_chars: int) -> StoredArticle:
    require(actor, "reviewer", "import articles")
    address = check_address(address)
    try:
        return import_url(session, actor, client, address, max_body_chars=max_body_chars)
    except FetchError as exc:
        raise ValidationError(f"Could not fetch the article: {exc.reason}.", fields={"address": exc.reason}) from None
    except InputError as exc:
        raise ValidationError(f"Could not import the article: {exc.reason}.", fields={"address": exc.reason}) from None
