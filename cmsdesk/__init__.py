"""cmsdesk: offline drafting of the CMS Strategic Plan for Migratory Species.

The package is split by role: ``models`` (the plan as data and its change log), ``sync``
(draft bundles and trust), ``export`` (Word and Markdown) and ``ui`` (PySide6, the only place
Qt is imported).
"""

__version__ = "0.1.0"
