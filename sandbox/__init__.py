"""The Allegro WebAPI sandbox: a local emulator of Allegro's legacy SOAP WebAPI.

It stands alone (imports nothing from core/ or ui/); see sandbox/README.md.
"""

from .sessions import COUNTRY_ID, SELLER_LOGIN, SELLER_PASSWORD, WEBAPI_KEY
from .shop import DEFAULT_VERSION_KEY

__all__ = ["COUNTRY_ID", "DEFAULT_VERSION_KEY", "SELLER_LOGIN", "SELLER_PASSWORD", "WEBAPI_KEY"]
