"""Russia."""
