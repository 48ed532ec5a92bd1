"""The model as canonical JSON: for release snapshots and for build input hashes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from typing import Any

from noticegen.model import Loc


def to_data(value: Any) -> Any:
    """Plain JSON-able data; source locations are left out (they are not content)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_data(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name != "loc" and not isinstance(getattr(value, f.name), Loc)
        }
    if isinstance(value, (tuple, list)):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def canonical_json(value: Any) -> str:
    """Sorted, indented, stable: readable in a code review and identical for equal models."""
    return json.dumps(to_data(value), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def digest(*values: Any) -> str:
    hasher = hashlib.sha256()
    for value in values:
        data = value if isinstance(value, bytes) else json.dumps(to_data(value), sort_keys=True).encode()
        hasher.update(hashlib.sha256(data).digest())
    return hasher.hexdigest()
