"""The plan as data: the store, the change log, the commands that edit a plan and the queries
that read it. Plain Python and SQLAlchemy; no Qt."""
