"""Receipt codes and idempotency keys.

The client sends an idempotency key with each vote (the voter's page puts a fresh random
key in a hidden field). The receipt is derived from it with a keyed hash, so a retry with
the same key gets the same receipt; the participation keeps only a different one-way digest
of the key, so the stored rows cannot be matched to each other without the key.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from django.conf import settings

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECEIPT_LENGTH = 10
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def new_key() -> str:
    """A fresh idempotency key (128 random bits, URL-safe)."""
    return secrets.token_urlsafe(16)


def is_valid_key(key: str) -> bool:
    return bool(KEY_PATTERN.match(key))


def _mac(purpose: str, poll_id: int, key: str) -> bytes:
    message = f"{purpose}:{poll_id}:{key}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).digest()


def receipt_for(poll_id: int, key: str) -> str:
    """Ten Crockford base32 characters (50 bits), easy to read aloud and type."""
    number = int.from_bytes(_mac("receipt", poll_id, key)[:8], "big") >> 14
    chars = []
    for _ in range(RECEIPT_LENGTH):
        number, digit = divmod(number, 32)
        chars.append(CROCKFORD[digit])
    return "".join(reversed(chars))


def key_digest(poll_id: int, key: str) -> str:
    return _mac("participation", poll_id, key).hex()


def display(receipt: str) -> str:
    """ABCDE-FGHJK: grouped for reading aloud."""
    return f"{receipt[:5]}-{receipt[5:]}" if len(receipt) == RECEIPT_LENGTH else receipt


def normalize(typed: str) -> str:
    """What a person typed back into a receipt code (Crockford: O→0, I/L→1, no dashes)."""
    cleaned = typed.strip().upper().replace("-", "").replace(" ", "")
    return cleaned.translate(str.maketrans("OIL", "011"))
