"""Subcommands of the ``cmsdesk`` command, one module per area of the program."""
