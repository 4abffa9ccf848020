"""The ``arabtext`` command: one module per group of subcommands, a table of them in ``app``, and the options they share.

Each command calls the package's functions; the command line adds no analysis of its own.
"""

from arabtext._lazy import lazy_exports

_WHERE = {
    "main": ".app", "build_parser": ".app", "COMMANDS": ".app",
    "Command": ".options", "UserError": ".options", "parse_steps": ".options", "PROG": ".options",
    "USAGE_ERROR": ".options",
}
__all__ = sorted(_WHERE)
__getattr__, __dir__ = lazy_exports(__name__, _WHERE)
