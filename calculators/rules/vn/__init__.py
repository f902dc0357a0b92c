"""Vietnam."""
