"""Hungary."""
