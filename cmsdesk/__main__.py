"""Allow ``python -m cmsdesk``."""

from cmsdesk.cli import main

raise SystemExit(main())
