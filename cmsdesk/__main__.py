"""Allow ``python -m cmsdesk``; the entry point of the frozen program (installers/cmsdesk.spec)."""

import sys

from cmsdesk.cli import main

if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # The window writes documents in a child process (cmsdesk.export.child) started by
        # running this program again: here the child takes over instead of starting the app.
        import multiprocessing

        multiprocessing.freeze_support()
    raise SystemExit(main())
