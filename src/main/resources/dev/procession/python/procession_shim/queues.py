"""Queue, JoinableQueue, SimpleQueue and Pipe's connections, served by the hub."""
from .objects import HubObject, blocking, register
from . import client, wire


class Queue(HubObject):
    _type = "Queue"

    def __init__(self, obj, typ=None, maxsize=None):
        HubObject.__init__(self, obj, typ)
        self._maxsize = maxsize
        self._closed = False

    @classmethod
    def make(cls, maxsize=0):
        q = cls.create({"maxsize": maxsize})
        q._maxsize = maxsize
        return q

    def _unbounded(self):
        if self._maxsize is None:
            self._maxsize = self._call("maxsize")
        return self._maxsize <= 0

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError("Queue %r is closed" % self)
        item = wire.encode(obj)
        if self._unbounded():
            # Never blocks, in Python or here: sent one-way, as Python's feeder thread sends it.
            self._tell("put", {"item": item})
        else:
            f = blocking(block, timeout)
            f["item"] = item
            self._call("put", f)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError("Queue %r is closed" % self)
        if not self._unbounded():
            return wire.decode(self._call("get", blocking(block, timeout)))
        # An unbounded queue's getter takes its backlog ahead: a get then costs no round trip.
        hub = client.hub()
        ahead = hub.ahead(self._obj)
        with ahead.lock:
            if ahead.items:
                item = ahead.items.popleft()
                hub.tell("took", {"obj": self._obj})
                return wire.decode(item)
        fields = blocking(block, timeout)
        fields["ahead"] = True
        reply = self._call("get", fields)
        with ahead.lock:
            if not ahead.revoked:
                ahead.items.extend(reply.get("more") or ())
        return wire.decode(reply["item"])

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return self._call("qsize")

    def empty(self):
        return bool(self._call("empty"))

    def full(self):
        return bool(self._call("full"))

    def close(self):
        if not self._closed:
            self._closed = True
            self._tell("close")

    def join_thread(self):
        # No feeder thread: every put is in the hub once put() returns.
        pass

    def cancel_join_thread(self):
        pass


class JoinableQueue(Queue):
    _type = "JoinableQueue"

    def task_done(self):
        self._call("task_done")

    def join(self):
        self._call("join")


class SimpleQueue(Queue):
    """multiprocessing.SimpleQueue: an unbounded queue without qsize, put_nowait or timeouts."""

    @classmethod
    def make(cls):
        return super(SimpleQueue, cls).make(0)

    def put(self, obj):
        Queue.put(self, obj)

    def get(self):
        return Queue.get(self)


class Connection(HubObject):
    _type = "Connection"

    def __init__(self, obj, typ=None):
        HubObject.__init__(self, obj, typ)
        self._closed = False

    def send(self, obj):
        self._check()
        self._call("send", {"item": wire.encode(obj)})

    def recv(self):
        self._check()
        return wire.decode(self._call("recv"))

    def send_bytes(self, buf, offset=0, size=None):
        data = bytes(memoryview(buf)[offset:None if size is None else offset + size])
        self.send(data)

    def recv_bytes(self, maxlength=None):
        data = self.recv()
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("recv_bytes() received %s, not bytes" % type(data).__name__)
        return bytes(data)

    def poll(self, timeout=0.0):
        self._check()
        return bool(self._call("poll", {"timeout": None if timeout is None else float(timeout)}))

    def close(self):
        if not self._closed:
            self._closed = True
            self._call("close")

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return bool(self._call("info")["readable"])

    @property
    def writable(self):
        return bool(self._call("info")["writable"])

    def _check(self):
        if self._closed:
            raise OSError("handle is closed")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def Pipe(duplex=True):
    reply = client.hub().call("new", {"type": "Pipe", "duplex": bool(duplex)})
    a, b = reply["objs"]
    return Connection(a), Connection(b)


for _cls in (Queue, JoinableQueue, Connection):
    register(_cls)
