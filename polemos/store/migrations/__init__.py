"""Alembic migrations, run in code (``polemos db upgrade``); no alembic.ini needed."""
