"""The demo agencies, as scenario files (``hoinghi demo`` loads them)."""
