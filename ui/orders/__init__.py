"""The Orders screen: orders, their items' stock links, shipping and tracking numbers."""
