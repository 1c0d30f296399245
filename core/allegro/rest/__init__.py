"""The REST adapter: the engine's port (core/allegro/port.py) over Allegro's REST API."""
from core.allegro.rest.marketplace import RestMarketplace

__all__ = ["RestMarketplace"]
