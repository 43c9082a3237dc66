"""numclaims: find every quantitative claim in prose, normalize it, and flag contradictions.

The whole public surface is listed in ``__all__``; every other module is private.
"""

from __future__ import annotations

from .engine import check, check_many
from .errors import ConfigError, FactSheetError, InputError, NumclaimsError
from .extract import extract
from .facts import FactSheet
from .models import Evidence, Finding, Mention, Report, Unverified

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "Evidence",
    "FactSheet",
    "FactSheetError",
    "Finding",
    "InputError",
    "Mention",
    "NumclaimsError",
    "Report",
    "Unverified",
    "__version__",
    "check",
    "check_many",
    "extract",
]
