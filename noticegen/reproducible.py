"""The one moment generated files may carry: SOURCE_DATE_EPOCH, else a date from the notice."""

from __future__ import annotations

import datetime as dt
import os


def source_moment(fallback: dt.date) -> dt.datetime:
    """SOURCE_DATE_EPOCH when set, else midnight UTC of `fallback`: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime(fallback.year, fallback.month, fallback.day, tzinfo=dt.UTC)
