"""Sign-in throttling, session expiry, the secret key and the error pages (docs/security.md)."""
