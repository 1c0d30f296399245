"""The Inventory screen: stock items, locations, CSV import and export."""
