"""``python -m numclaims``: the command line (``numclaims.cli``)."""

import sys

from .cli import main

sys.exit(main())
