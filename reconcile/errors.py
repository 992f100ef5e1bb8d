"""The error tree.  The CLI maps each class to one line and an exit code.

Exit codes (also in the README):

====  =====================================================================
0     success (``check``: no contradictions introduced)
1     ``check`` found contradictions
2     usage error: bad option, bad filter value, unknown claim id
3     input error: missing path, binary or malformed file, file too large, folder loop
4     database error: unusable ``--db``, schema newer than this tool
5     configuration error: unreadable or invalid config.toml
6     internal error: an unexpected exception (one line naming the step and the file;
      the traceback with ``--debug``)
====  =====================================================================
"""
from __future__ import annotations


class ReconcileError(Exception):
    """Base class: ``str(err)`` is the one line shown to the user."""

    exit_code = 1


class UsageError(ReconcileError):
    exit_code = 2


class InputError(ReconcileError):
    """A file that cannot be read as an article.  ``path`` and ``line`` name it."""

    exit_code = 3

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class DatabaseError(ReconcileError):
    exit_code = 4


class ConfigError(ReconcileError):
    exit_code = 5


EXIT_OK = 0
EXIT_CONTRADICTIONS = 1
EXIT_USAGE = UsageError.exit_code
EXIT_INPUT = InputError.exit_code
EXIT_DATABASE = DatabaseError.exit_code
EXIT_CONFIG = ConfigError.exit_code
EXIT_INTERNAL = 6
