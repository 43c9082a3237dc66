"""Data tables and tolerances: loading the human-edited TOML files of ``numclaims/data``.

Each table documents its own syntax in its header. Code reads tables only through ``load_data`` so a
table is parsed once per process. Nothing here knows what a table means.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any

from .errors import ConfigError


@functools.cache
def load_data(name: str) -> dict[str, Any]:
    """The parsed contents of ``numclaims/data/<name>.toml``."""
    path = resources.files("numclaims") / "data" / f"{name}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"numclaims data table {name}.toml is missing") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"numclaims/data/{name}.toml: {exc}") from None
