"""Snapshot JSON back into the model dataclasses: the inverse of `snapshot.to_data`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from typing import Any

from noticegen.model import NOWHERE, Loc


class SnapshotError(ValueError):
    """The JSON does not fit the dataclass it should become; the message names where."""


def from_data(cls: type, data: Any, strict: bool = True) -> Any:
    """Rebuild a model dataclass from `to_data` output.

    Generic over the model: reads each dataclass's fields and their type hints (Text, nested
    dataclasses, tuples, `X | None`, dates, str/int/bool). Location fields get their default
    (or NOWHERE): they are not stored. Missing fields with a default get the default (a field
    added to the model since the snapshot); wrong types raise SnapshotError, and so do unknown
    keys unless `strict` is False (load_release reads old snapshots that way, so a field
    removed from the model does not make the history unreadable).
    """
    return _revive(cls, data, "", strict)


@functools.cache
def _field_types(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _has_default(field: dataclasses.Field[Any]) -> bool:
    return field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING


def _revive(tp: Any, data: Any, where: str, strict: bool) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if data is None:
            return None
        if len(options) != 1:
            raise SnapshotError(f"{where or 'the top'}: cannot read a value of type {tp}")
        return _revive(options[0], data, where, strict)
    if data is None:
        raise SnapshotError(f"{where or 'the top'}: a value is missing (null)")
    if origin is tuple:
        if not isinstance(data, list):
            raise SnapshotError(f"{where}: expected a list")
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_revive(args[0], v, f"{where}/{n}", strict) for n, v in enumerate(data))
        if len(args) != len(data):
            raise SnapshotError(f"{where}: expected {len(args)} values")
        return tuple(
            _revive(a, v, f"{where}/{n}", strict) for n, (a, v) in enumerate(zip(args, data, strict=True))
        )
    if dataclasses.is_dataclass(tp):
        return _revive_dataclass(tp, data, where, strict)
    if tp is dt.date:
        try:
            return dt.date.fromisoformat(data)
        except (TypeError, ValueError):
            raise SnapshotError(f"{where}: expected a date like 2024-09-01") from None
    if tp in (str, int, bool):
        if type(data) is not tp:
            raise SnapshotError(f"{where}: expected {tp.__name__}, found {type(data).__name__}")
        return data
    raise SnapshotError(f"{where}: cannot read a value of type {tp}")


def _revive_dataclass(cls: type, data: Any, where: str, strict: bool) -> Any:
    if not isinstance(data, dict):
        raise SnapshotError(f"{where or 'the top'}: expected an object for {cls.__name__}")
    types_of = _field_types(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = sorted(set(data) - set(fields))
    if unknown and strict:
        raise SnapshotError(f"{where or 'the top'}: unknown key '{unknown[0]}' in {cls.__name__}")
    values: dict[str, Any] = {}
    for name, field in fields.items():
        if types_of[name] is Loc:
            if not _has_default(field):
                values[name] = NOWHERE
            continue
        if name not in data:
            if not _has_default(field):
                raise SnapshotError(f"{where or 'the top'}: '{name}' is missing from {cls.__name__}")
            continue
        values[name] = _revive(types_of[name], data[name], f"{where}/{name}", strict)
    return cls(**values)
