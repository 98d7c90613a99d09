"""Frames and values as docs/protocol.md carries them: JSON objects with Python's types tagged."""
import base64
import json
import math
import pickle
import struct

MAX_FRAME = 1 << 20
_INT64 = (-(1 << 63), (1 << 63) - 1)
# A value JSON has no form for and the protocol has no tag for (an instance of the program's own
# class, say): Python's pickle, as multiprocessing would send it. Only Python reads it back; the
# hub keeps it as a dict with one '$pickle' key (never mistaken for a user's dict, which would
# travel as $dict).
_PICKLE = "$pickle"

# Rebuilders of handles by type name, filled in by the modules that define the types.
HANDLE_TYPES = {}


def frame(message):
    body = json.dumps(message, separators=(",", ":"), allow_nan=False).encode("utf-8")
    if len(body) > MAX_FRAME:
        raise ValueError("message of %d bytes is larger than a frame may be (1 MiB)" % len(body))
    return struct.pack(">I", len(body)) + body


def read_frame(sock):
    head = _read_exactly(sock, 4)
    if head is None:
        return None
    (n,) = struct.unpack(">I", head)
    body = _read_exactly(sock, n)
    if body is None:
        return None
    return json.loads(body.decode("utf-8"))


def _read_exactly(sock, n):
    chunks = []
    while n > 0:
        chunk = sock.recv(min(n, 1 << 16))
        if not chunk:
            return None
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def encode(v):
    if v is None or v is True or v is False or isinstance(v, str) and type(v) is str:
        return v
    t = type(v)
    if t is int:
        return v if _INT64[0] <= v <= _INT64[1] else {"$int": str(v)}
    if t is float:
        if math.isnan(v):
            return {"$float": "nan"}
        if math.isinf(v):
            return {"$float": "inf" if v > 0 else "-inf"}
        return v
    if t is bytes or t is bytearray:
        return {"$bytes": base64.b64encode(bytes(v)).decode("ascii")}
    if t is list:
        return [encode(x) for x in v]
    if t is tuple:
        return {"$tuple": [encode(x) for x in v]}
    if t is dict:
        if all(type(k) is str and not k.startswith("$") for k in v):
            return {k: encode(x) for k, x in v.items()}
        return {"$dict": [[encode(k), encode(x)] for k, x in v.items()]}
    handle = getattr(v, "_procession_handle", None)
    if handle is not None:
        obj, typ = handle()
        return {"$obj": obj, "$type": typ}
    return {_PICKLE: base64.b64encode(pickle.dumps(v)).decode("ascii")}


def decode(v):
    if isinstance(v, list):
        return [decode(x) for x in v]
    if not isinstance(v, dict):
        return v
    if len(v) == 1:
        (k, x), = v.items()
        if k == "$tuple":
            return tuple(decode(i) for i in x)
        if k == "$dict":
            return {decode(a): decode(b) for a, b in x}
        if k == "$int":
            return int(x)
        if k == "$float":
            return float(x)
        if k == "$bytes":
            return base64.b64decode(x)
        if k == _PICKLE:
            return pickle.loads(base64.b64decode(x))
    if len(v) == 2 and "$obj" in v and "$type" in v:
        rebuild = HANDLE_TYPES.get(v["$type"])
        if rebuild is None:
            raise TypeError("cannot rebuild a %s received from the hub" % v["$type"])
        return rebuild(v["$obj"], v["$type"])
    return {k: decode(x) for k, x in v.items()}


def handles_in(v, found=None):
    """The hub objects inside a process's arguments, encoded: the hub counts pipe ends passed on."""
    found = [] if found is None else found
    if getattr(v, "_procession_handle", None) is not None:
        found.append(encode(v))
    elif type(v) in (list, tuple, set, frozenset):
        for x in v:
            handles_in(x, found)
    elif type(v) is dict:
        for x in v.values():
            handles_in(x, found)
    return found
