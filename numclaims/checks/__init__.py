"""The checks, one module per rule family; ``registry`` holds what a check is and the registry.

Every module of this package other than ``registry`` is a family and is imported on first use, so
a new family registers itself by existing: there is no hand-kept list to forget.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil

from .registry import Check, Context, Flag, all_checks, register, select_checks

__all__ = ["Check", "Context", "Flag", "all_checks", "register", "select_checks"]


@functools.cache
def _load_families() -> None:
    for info in pkgutil.iter_modules(__path__):
        if info.name != "registry" and not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
