"""The HTTP API: ``wirecoder serve`` (FastAPI and uvicorn) over an event database."""

from wirecoder.api.app import ServeSettings, create_app

__all__ = ["ServeSettings", "create_app"]
