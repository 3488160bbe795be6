"""Batch runs into the event store: local processes or a Dask cluster, resumable."""

from wirecoder.batch.run import RunReport, run

__all__ = ["RunReport", "run"]
