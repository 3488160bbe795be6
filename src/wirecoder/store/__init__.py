"""The event store: an embedded DuckDB database with recorded migrations, written idempotently,
with cross-article dedup (clusters), queries and exports."""

from wirecoder.store.db import EventStore, upgrade_store
from wirecoder.store.dedup import recluster
from wirecoder.store.rows import Rows

__all__ = ["EventStore", "Rows", "recluster", "upgrade_store"]
