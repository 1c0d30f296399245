"""`python -m sandbox`: run the sandbox until Ctrl+C."""

import sys

from .cli import main

sys.exit(main(sys.argv[1:]))
