"""The Listings screen: the inventory mapping of every channel's listings to stock items."""
