"""Government offices (kormányhivatalok): which one receives the self-notification."""
