"""Allegro REST API: the adapter (marketplace.py), the OAuth device flow and tokens."""
