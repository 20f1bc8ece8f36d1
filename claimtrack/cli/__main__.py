"""`python -m claimtrack.cli`, the same as the `claimtrack` command."""

from . import main

main()
