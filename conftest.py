"""Loads numclaims's own pytest plugin for this test suite when numclaims is not installed.

An installed numclaims registers the plugin through its ``pytest11`` entry point, and registering the
same plugin twice is an error, so this file adds it only when that entry point is absent. Nothing
else lives here: fixtures belong in tests/conftest.py.
"""

from importlib.metadata import entry_points

_INSTALLED = any(ep.name == "numclaims" for ep in entry_points(group="pytest11"))
pytest_plugins = [] if _INSTALLED else ["numclaims.pytest_plugin"]
