"""The rules, by jurisdiction: rules/<country>/<programme>. Each imports only the core."""
