"""Storage: SQLAlchemy 2 models, repositories that never commit, and Alembic migrations."""
