"""JSON records: an array streamed, JSON Lines, or an API response's wrapper object."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from complaintctl.core.intake.encoding import _SURROGATE, _decode_error, _undecodable
from complaintctl.core.intake.reading import Source, _without_nul
from complaintctl.errors import InvalidInput
from complaintctl.i18n import L_, Message
from complaintctl.i18n.said import Input


def _json_lines(head: str) -> bool:
    """A .json file that holds one object per line (mongoexport and many log shippers write
    JSON Lines under .json): its first line is a whole object, and not a wrapper around the
    records ({"data": [{...}, ...]} on one line)."""
    try:
        obj = json.loads(head.split("\n", 1)[0].strip())
    except (ValueError, RecursionError):
        return False
    return isinstance(obj, dict) and not _record_lists(obj)


def _record_lists(obj: dict) -> dict[str, list]:
    """The values of ``obj`` that are lists of objects: where a wrapper keeps its records."""
    return {key: value for key, value in obj.items()
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value[:100])}


_JSON_KINDS = {list: L_("not a JSON object but an array"), str: L_("not a JSON object but a string"),
               int: L_("not a JSON object but a number"), float: L_("not a JSON object but a number"),
               bool: L_("not a JSON object but {value}", value="true or false"),
               type(None): L_("not a JSON object but {value}", value="null")}


class NotAnObject(ValueError):
    """A JSON record that is not an object (an array, a string, null): a rejected row, kept as JSON
    in the rejects file. Lists are how CSV records travel, so a JSON array must not pass as one."""

    def __init__(self, value: Any):
        super().__init__(_JSON_KINDS.get(value.__class__) or L_("not a JSON object but a value"))
        self.cells = [json.dumps(value, ensure_ascii=False, default=str)]


def _objects_only(records: Iterator[tuple[int, Any]]) -> Iterator[tuple[int, Any]]:
    for line, value in records:
        yield (line, value) if isinstance(value, (dict, Exception)) else (line, NotAnObject(value))


WRAPPED_JSON_LIMIT = 16 << 20  # a wrapper object is read whole (~8x its size in memory): up to this


def _wrapped_records(text, source: Source, detected: bool) -> Iterator[tuple[int, Any]]:
    """The records of an API response saved as a file: one object whose one list of objects
    (under "data", "items", "records", ...) holds the complaints. Read whole, so only up to
    WRAPPED_JSON_LIMIT; the position of a record in its list stands for its line."""
    def jq(key: str = "data") -> Message:
        return L_("take the records out with {jq}: {jq} .{key} FILE | complaintctl import {input_format} json -",
                  jq="jq", key=key, input_format=Input("input_format"))
    size = source.size or 0
    if size > WRAPPED_JSON_LIMIT:
        raise InvalidInput(L_("{file}: expected a JSON array of objects, found one object too big to read whole "
                              "({mb} MB)", file=source.name, mb=f"{size / 1e6:.0f}"), hint=jq())
    try:
        document = json.loads(text.read().replace("\x00", ""))
    except UnicodeDecodeError:
        raise _decode_error(source.name, source.encoding, detected) from None
    except RecursionError:
        raise InvalidInput(L_("{file}: JSON nested too deeply to read", file=source.name)) from None
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            raise InvalidInput(L_("{file} line {line}: a second JSON value after the first object",
                                  file=source.name, line=exc.lineno),
                               hint=L_("for one object per line use {input_format} ndjson",
                                       input_format=Input("input_format"))) from None
        raise InvalidInput(L_("{file} line {line}: invalid JSON ({why})", file=source.name, line=exc.lineno,
                              why=exc.msg)) from None
    lists = _record_lists(document)
    if not lists:  # one complaint as one object (a webhook's payload saved to a file)
        return _objects_only(iter([(1, document)]))
    if len(lists) > 1:
        raise InvalidInput(L_("{file}: expected a JSON array of objects, found one object with several lists of "
                              "objects ({keys})", file=source.name, keys=", ".join(lists)),
                           hint=jq(next(iter(lists))))
    key, records = next(iter(lists.items()))
    source.wrapper_key = key
    return _objects_only(enumerate(records, start=1))


def _ndjson_records(text, source: Source, detected: bool) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(_without_nul(text, source, detected), start=1):
        stripped = line.strip().lstrip("\ufeff")
        if not stripped:
            continue
        try:
            value = json.loads(stripped)
        except json.JSONDecodeError as exc:
            yield number, ValueError(L_("invalid JSON: {why}", why=exc.msg))
            continue
        except RecursionError:
            yield number, ValueError("invalid JSON: nested too deeply to read")
            continue
        yield number, value


def _json_array_records(text, source: Source, detected: bool) -> Iterator[tuple[int, Any]]:
    """Stream the objects of a top-level JSON array without loading the whole file."""
    decoder = json.JSONDecoder()
    buffer = ""
    line = 1
    started = False
    chunks = iter(lambda: text.read(1 << 16), "")

    def more() -> bool:
        nonlocal buffer
        try:
            chunk = next(chunks)
        except StopIteration:
            return False
        except UnicodeDecodeError:
            raise _decode_error(source.name, source.encoding, detected) from None
        buffer += chunk.replace("\x00", "")
        return True

    index = 0
    errors_before = _undecodable[0]
    while True:
        while True:  # skip white space, commas and the opening bracket
            while index < len(buffer) and buffer[index] in " \t\r\n,\ufeff":
                if buffer[index] == "\n":
                    line += 1
                index += 1
            if index < len(buffer) or not more():
                break
        if index >= len(buffer):
            if not started:
                raise InvalidInput(L_("{file} is empty", file=source.name))
            raise InvalidInput(L_("{file}: the JSON array is not closed with ]", file=source.name))
        ch = buffer[index]
        if not started:
            if ch != "[":
                raise InvalidInput(L_("{file}: expected a JSON array of objects", file=source.name),
                                   hint=L_("for one object per line use {input_format} ndjson",
                                           input_format=Input("input_format")))
            started = True
            index += 1
            continue
        if ch == "]":
            return
        while True:
            try:
                value, end = decoder.raw_decode(buffer, index)
                break
            except json.JSONDecodeError as exc:
                if not more():
                    raise InvalidInput(L_("{file} line {line}: invalid JSON ({why})", file=source.name, line=line,
                                          why=exc.msg)) from None
            except RecursionError:  # where the record ends cannot be known: the rest cannot be read
                raise InvalidInput(L_("{file} line {line}: a record nested too deeply to read; the records before "
                                      "it were imported", file=source.name, line=line)) from None
        if _undecodable[0] != errors_before:
            bad = _SURROGATE.search(buffer, index, end)
            if bad:
                where = line + buffer.count("\n", index, bad.start())
                raise _decode_error(source.name, source.encoding, detected, where)
        yield line, value
        line += buffer.count("\n", index, end)
        buffer = buffer[end:]
        index = 0
