"""multiprocessing.Manager(): a real server process, a child of its owner, holds the shared dicts,
lists and values in its memory; the hub relays each proxy call to it (docs/protocol.md, Managers)."""
import itertools
import queue as _queue
import threading

from multiprocessing import util

from . import client, objects, queues, wire
from .objects import HubObject, register

_count = itertools.count(1)


class Manager(object):
    def __init__(self, ctx):
        self._ctx = ctx
        self._obj = None
        self._process = None
        self._finalizer = None

    def start(self):
        if self._obj is not None:
            raise RuntimeError("Already started server")
        self._obj = client.hub().call("new", {"type": "Manager"})["obj"]
        p = self._ctx.Process(target=_serve, args=(self._obj,), name="SyncManager-%d" % next(_count))
        p._procession_target = "$manager"
        p.start()
        self._process = p
        client.hub().call("ready", {"obj": self._obj, "server": p._procession_proc})
        # As Python's manager: shut down by the exit handling if the program did not.
        self._finalizer = util.Finalize(self, Manager._finalize, args=(self._obj, p), exitpriority=0)
        return self

    @staticmethod
    def _finalize(obj, process):
        try:
            client.hub().call("shutdown", {"obj": obj})
        except Exception:
            pass
        process.join(timeout=1.0)
        if process.is_alive():
            process.terminate()
            process.join()

    def shutdown(self):
        if self._finalizer is not None:
            # Runs once: the exit handling then has nothing left to shut down.
            self._finalizer()

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)

    def __enter__(self):
        if self._obj is None:
            self.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()

    def _create(self, kind, initial):
        reply = client.hub().call("create", {"obj": self._obj, "kind": kind, "initial": initial})
        return wire.HANDLE_TYPES[reply["type"]](reply["obj"], reply["type"])

    def dict(self, *args, **kwargs):
        d = dict(*args, **kwargs)
        return self._create("dict", [[wire.encode(k), wire.encode(v)] for k, v in d.items()])

    def list(self, sequence=()):
        return self._create("list", wire.encode(list(sequence)))

    def Value(self, typecode, value, lock=True):
        return self._create("value", wire.encode(value))

    # The synchronization objects a manager hands out are the hub's own: the same semantics.
    def Lock(self):
        return objects.Lock.create()

    def RLock(self):
        return objects.RLock.create()

    def Semaphore(self, value=1):
        return objects.Semaphore.create({"value": value})

    def BoundedSemaphore(self, value=1):
        return objects.BoundedSemaphore.create({"value": value})

    def Event(self):
        return objects.Event.create()

    def Condition(self, lock=None):
        return objects.Condition.make(lock)

    def Barrier(self, parties, action=None, timeout=None):
        return objects.Barrier.make(parties, action, timeout)

    def Queue(self, maxsize=0):
        return queues.Queue.make(maxsize)

    def JoinableQueue(self, maxsize=0):
        return queues.JoinableQueue.make(maxsize)

    def Pool(self, processes=None, initializer=None, initargs=()):
        from . import pool
        return pool.Pool(processes, initializer, initargs, ctx=self._ctx)

    def Namespace(self, **kwargs):
        raise NotImplementedError("Procession's manager serves dict, list and Value proxies (and the "
                                  "synchronization objects), not Namespace: see docs/python.md")

    def Array(self, typecode, sequence, lock=True):
        raise NotImplementedError("Procession's manager serves dict, list and Value proxies, not Array: "
                                  "use a manager list, or multiprocessing.Array (see docs/python.md)")


class _Proxy(HubObject):
    def _op(self, op, **fields):
        return wire.decode(self._call(op, {k: wire.encode(v) for k, v in fields.items()}))


class DictProxy(_Proxy):
    _type = "DictProxy"

    def __getitem__(self, key):
        return self._op("getitem", key=key)

    def __setitem__(self, key, value):
        self._op("setitem", key=key, value=value)

    def __delitem__(self, key):
        self._op("delitem", key=key)

    def get(self, key, default=None):
        return self._op("get", key=key, default=default)

    def __len__(self):
        return self._op("len")

    def __contains__(self, key):
        return bool(self._op("contains", key=key))

    def keys(self):
        return self._op("keys")

    def values(self):
        return self._op("values")

    def items(self):
        return self._op("items")

    def __iter__(self):
        return iter(self.keys())

    def update(self, *args, **kwargs):
        d = dict(*args, **kwargs)
        self._call("update", {"items": [[wire.encode(k), wire.encode(v)] for k, v in d.items()]})

    def pop(self, key, *default):
        return self._op("pop", key=key, default=default[0]) if default else self._op("pop", key=key)

    def clear(self):
        self._op("clear")

    def copy(self):
        return self._op("copy")

    def setdefault(self, key, default=None):
        return self._op("setdefault", key=key, default=default)


class ListProxy(_Proxy):
    _type = "ListProxy"

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.copy()[index]
        return self._op("getitem", index=index)

    def __setitem__(self, index, value):
        self._op("setitem", index=index, value=value)

    def __delitem__(self, index):
        self._op("delitem", index=index)

    def __len__(self):
        return self._op("len")

    def __contains__(self, value):
        return bool(self._op("contains", value=value))

    def __iter__(self):
        return iter(self.copy())

    def append(self, value):
        self._op("append", value=value)

    def extend(self, values):
        self._call("extend", {"items": wire.encode(list(values))})

    def insert(self, index, value):
        self._op("insert", index=index, value=value)

    def pop(self, *index):
        return self._op("pop", index=index[0]) if index else self._op("pop")

    def remove(self, value):
        self._op("remove", value=value)

    def index(self, value):
        return self._op("index", value=value)

    def count(self, value):
        return self._op("count", value=value)

    def copy(self):
        return self._op("copy")

    def __repr__(self):
        return repr(self.copy())


class ValueProxy(_Proxy):
    _type = "ValueProxy"

    def get(self):
        return self._op("get")

    def set(self, value):
        self._op("set", value=value)

    value = property(get, set)


for _cls in (DictProxy, ListProxy, ValueProxy):
    register(_cls)


# ---------------------------------------------------------------- the server process

_requests = _queue.Queue()


def _serve(manager):
    """The '$manager' target: serves the pushed proxy calls in order until shut down."""
    client.PUSH_HANDLERS["manager"] = _requests.put
    hub = client.hub()
    hub.call("serve", {"obj": manager}, where=False)
    referents = {}
    while True:
        request = _requests.get()
        if request.get("op") == "shutdown":
            return
        answer = {"obj": manager, "req": request["req"]}
        try:
            answer["value"] = wire.encode(_apply(referents, request))
            answer["ok"] = True
        except Exception as e:
            answer.update(ok=False, error=type(e).__name__, message=str(e))
        hub.tell("answer", answer, where=False)


def _apply(referents, r):
    op = r["op"]
    if op == "create":
        kind, initial = r["kind"], wire.decode(r.get("initial"))
        made = {"dict": lambda: dict(initial or []), "list": lambda: list(initial or []),
                "value": lambda: _Cell(initial)}[kind]()
        referents[r["ref"]] = made
        return None
    target = referents[r["ref"]]
    args = {k: wire.decode(r[k]) for k in ("key", "index", "value", "items", "default") if k in r}
    if isinstance(target, dict):
        return _dict_op(target, op, args)
    if isinstance(target, _Cell):
        if op == "get":
            return target.value
        target.value = args["value"]
        return None
    return _list_op(target, op, args)


class _Cell(object):
    """A ValueProxy's referent."""

    def __init__(self, value):
        self.value = value


def _dict_op(d, op, a):
    if op == "getitem":
        return d[a["key"]]
    if op == "setitem":
        d[a["key"]] = a["value"]
        return None
    if op == "delitem":
        del d[a["key"]]
        return None
    if op == "get":
        return d.get(a["key"], a.get("default"))
    if op == "len":
        return len(d)
    if op == "contains":
        return a["key"] in d
    if op == "keys":
        return list(d.keys())
    if op == "values":
        return list(d.values())
    if op == "items":
        return list(d.items())
    if op == "update":
        d.update((k, v) for k, v in a["items"])
        return None
    if op == "pop":
        return d.pop(a["key"], a["default"]) if "default" in a else d.pop(a["key"])
    if op == "clear":
        d.clear()
        return None
    if op == "copy":
        return dict(d)
    if op == "setdefault":
        return d.setdefault(a["key"], a.get("default"))
    raise AttributeError("'dict' proxy has no method %r" % op)


def _list_op(lst, op, a):
    if op == "getitem":
        return lst[a["index"]]
    if op == "setitem":
        lst[a["index"]] = a["value"]
        return None
    if op == "delitem":
        del lst[a["index"]]
        return None
    if op == "len":
        return len(lst)
    if op == "contains":
        return a["value"] in lst
    if op == "append":
        lst.append(a["value"])
        return None
    if op == "extend":
        lst.extend(a["items"])
        return None
    if op == "insert":
        lst.insert(a["index"], a["value"])
        return None
    if op == "pop":
        return lst.pop(a["index"]) if "index" in a else lst.pop()
    if op == "remove":
        lst.remove(a["value"])
        return None
    if op == "index":
        return lst.index(a["value"])
    if op == "count":
        return lst.count(a["value"])
    if op == "copy":
        return list(lst)
    raise AttributeError("'list' proxy has no method %r" % op)
