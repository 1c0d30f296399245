"""The Sync screen and the confirmation dialog shown between planning and applying."""
