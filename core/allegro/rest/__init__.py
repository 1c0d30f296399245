"""Allegro REST API: OAuth device flow, tokens and the adapter."""
