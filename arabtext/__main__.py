"""``python -m arabtext``: the same as the ``arabtext`` command."""

from arabtext.cli.app import main

raise SystemExit(main())
