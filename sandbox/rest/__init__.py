"""Allegro's REST API (with OAuth2) as a second face of the sandbox, over the same shop."""
