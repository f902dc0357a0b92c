"""Kapu calculators: rules as code for the guides' calculators.

Pure Python, standard library only, importable under CPython 3.11+ and Pyodide.
Nothing here knows about browsers or pages: `calculators.web` turns a rule's
result into a plain outcome that the page bridge renders, and
`calculators.cli` does the same for the command line.
"""

__version__ = "0.1.0"
