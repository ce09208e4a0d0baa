"""``python -m inspector`` runs the same command line as the ``inspector`` script."""

import sys

from inspector.cli.main import main

sys.exit(main())
