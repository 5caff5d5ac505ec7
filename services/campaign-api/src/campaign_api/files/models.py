"""The `stored_file` and `stored_file_chunk` tables of the `campaign` schema (the kit's file store)."""

from __future__ import annotations

from campaign_api.database import metadata
from service_kit.files import FileStore

FILES = FileStore(metadata)
