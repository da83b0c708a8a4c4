"""Typed records <-> plain JSON values, one field after another in the order the contract gives.

``shaped(record, names)`` is the one writer behind both contract records: it writes ``names`` in
that order (a record type's declared fields by default), turning nested records, tuples and dates
into JSON values on the way; a ``convert`` entry writes one field its own way. A record's ``extra``
(keys the contract does not declare, kept from a record read back) comes last, so what was read is
written again as it was. ``unshaped(cls, mapping)`` is the reader for records whose JSON is their
declared fields (``polemos.contract.event``): nested records and tuples of them are read by the
field's type hint, every other value is taken as it is, unknown keys go to ``extra``.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any, Union, get_args, get_origin, get_type_hints

EXTRA = "extra"  # the field that holds what a record read back carried beyond its declared fields


_FIELDS: dict[type, tuple[str, ...]] = {}
_READERS: dict[type, dict[str, Callable[[Any], Any]]] = {}


def json_fields(cls: type) -> tuple[str, ...]:
    """The declared fields of a record type that its JSON carries, in declaration order."""
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.name != EXTRA)
    return names


Shapes = Mapping[type, Sequence[str]]  # the keys a record type is written with, where not its fields
NO_SHAPES: Shapes = {}


def shaped(
    record: Any,
    names: Sequence[str] | None = None,
    convert: Mapping[str, Callable[[Any], Any]] | None = None,
    shapes: Shapes = NO_SHAPES,
) -> dict[str, Any]:
    """The JSON object of ``record``: ``names`` (default: its shape, else its declared fields) in that
    order, then its ``extra``. ``convert[name]`` writes that field instead of the generic rule;
    ``shapes`` gives the keys of the records nested in it, by type."""
    if names is None:
        names = shapes.get(type(record)) or json_fields(type(record))
    out: dict[str, Any] = {}
    kinds = _KINDS
    for name in names:
        value = getattr(record, name)
        if convert and name in convert:
            out[name] = convert[name](value)
        elif (kinds.get(type(value)) or _kind(type(value))) == _SCALAR:
            out[name] = value  # ``plain`` of a scalar, without the call: most fields are scalars
        else:
            out[name] = plain(value, shapes)
    extra = getattr(record, EXTRA, None)
    if extra:
        out.update(extra)
    return out


# What ``plain`` does with a value, by its type (read once per type, in the order ``plain`` tests):
# keep it (None, str, int, float, a mapping kept as JSON), a list of its items, a record's object,
# a date's ISO day, or keep it as it is.
_SCALAR, _SEQUENCE, _RECORD, _DATE, _OTHER = 1, 2, 3, 4, 5
_KINDS: dict[type, int] = {}


def _kind(t: type) -> int:
    if t is type(None) or issubclass(t, str | int | float | dict):
        kind = _SCALAR
    elif issubclass(t, tuple | list):
        kind = _SEQUENCE
    elif hasattr(t, "__dataclass_fields__"):  # a record (never a record type: fields hold values)
        kind = _RECORD
    elif issubclass(t, date):
        kind = _DATE
    else:
        kind = _OTHER
    _KINDS[t] = kind
    return kind


def plain(value: Any, shapes: Shapes = NO_SHAPES) -> Any:
    """A JSON value of a field: a record becomes its object, a tuple a list, a date its ISO day; a
    mapping (a part of the record kept as JSON) and every scalar stay as they are."""
    kind = _KINDS.get(type(value)) or _kind(type(value))
    if kind in (_SCALAR, _OTHER):
        return value
    if kind == _SEQUENCE:
        return [plain(v, shapes) for v in value]
    if kind == _RECORD:
        return shaped(value, shapes=shapes)
    return value.isoformat()  # a date


# ---- the reader ---------------------------------------------------------------------------------


def unshaped(cls: type[Any], data: Mapping[str, Any]) -> Any:
    """A ``cls`` record from its JSON object: declared fields by their type hints (a key left out takes
    the field's default), every other key into ``extra``."""
    readers = _readers(cls)
    kwargs = {name: read(data[name]) for name, read in readers.items() if name in data}
    extra = {k: v for k, v in data.items() if k not in readers}
    if extra:
        kwargs[EXTRA] = extra
    return cls(**kwargs)


def _readers(cls: type) -> dict[str, Callable[[Any], Any]]:
    readers = _READERS.get(cls)
    if readers is None:
        hints = get_type_hints(cls)
        readers = _READERS[cls] = {name: _reader(hints[name]) for name in json_fields(cls)}
    return readers


def _same(value: Any) -> Any:
    return value


def _reader(hint: Any) -> Callable[[Any], Any]:
    """How to read a value of type ``hint``: records and tuples of records are built, the rest kept."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            read = _reader(inner[0])
            return _same if read is _same else lambda v: None if v is None else read(v)
        return _same
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _reader(args[0])
        return lambda v: tuple(item(i) for i in v or ())
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return lambda v: unshaped(hint, v)
    return _same
