"""``python -m quantnorm``: the command line (see quantnorm.cli)."""

import sys

from .cli import main

sys.exit(main())
