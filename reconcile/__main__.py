"""``python -m reconcile``."""
from .cli import main

main()
