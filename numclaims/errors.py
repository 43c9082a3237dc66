"""The error hierarchy. Everything numclaims raises on purpose derives from NumclaimsError::

    NumclaimsError
    ├── InputError          bad input from the user: a text that is not a str, an unreadable file,
    │                       a date that is not a date; the message names the problem and the place
    │   └── FactSheetError  a fact sheet with an unknown field, a wrong type or an impossible date;
    │                       names the file, the entry and the field
    └── ConfigError         a bad setting in pyproject.toml or a data file

InputError is also a ValueError, so ``except ValueError`` keeps working for callers that expect it.
A non-str text raises the built-in TypeError, as Python does for any wrong argument type.
"""

from __future__ import annotations


class NumclaimsError(Exception):
    """Base class of every error numclaims raises on purpose."""


class InputError(NumclaimsError, ValueError):
    """Bad input: the message names the problem and where it is (file, line, field)."""


class FactSheetError(InputError):
    """A fact sheet that does not follow the schema."""


class ConfigError(NumclaimsError, ValueError):
    """A bad setting."""
