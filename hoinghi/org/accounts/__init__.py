"""Accounts for the agency's staff: created in bulk, handed over on printed login letters."""
