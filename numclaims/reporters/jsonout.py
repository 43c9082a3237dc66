"""The JSON report: a list with one object per document, in the models' own JSON shape.

Named ``jsonout`` so as not to shadow the standard library's ``json`` inside this package.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..models import Report
from . import as_list


def render(reports: Report | Sequence[Report]) -> str:
    data = [r.model_dump(mode="json") for r in as_list(reports)]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
