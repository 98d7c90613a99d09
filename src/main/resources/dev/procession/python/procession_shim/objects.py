"""Lock, RLock, Semaphore, BoundedSemaphore, Event, Condition and Barrier, served by the hub."""
import threading
import time

from . import client, targets, wire


class HubObject(object):
    """A handle on an object the hub holds: pickled (to a spawned child, into a queue) as its id."""
    _type = None

    def __init__(self, obj, typ=None):
        self._obj = obj
        self._typ = typ or self._type

    @classmethod
    def create(cls, fields=None, type_name=None):
        fields = dict(fields or {})
        fields["type"] = type_name or cls._type
        reply = client.hub().call("new", fields)
        return cls(reply["obj"], reply["type"])

    def _procession_handle(self):
        return self._obj, self._typ

    def __reduce__(self):
        return wire.HANDLE_TYPES[self._typ], (self._obj, self._typ)

    def _call(self, op, fields=None):
        f = {"obj": self._obj}
        if fields:
            f.update(fields)
        return client.hub().call(op, f)

    def _tell(self, op, fields=None):
        f = {"obj": self._obj}
        if fields:
            f.update(fields)
        client.hub().tell(op, f)

    def __repr__(self):
        return "<%s #%s served by Procession's hub>" % (self._typ, self._obj)


def blocking(block, timeout):
    f = {"block": bool(block)}
    if timeout is not None:
        f["timeout"] = float(timeout)
    return f


def register(cls, *names):
    for name in names or (cls._type,):
        wire.HANDLE_TYPES[name] = cls
    return cls


class _Acquirable(HubObject):
    def acquire(self, block=True, timeout=None):
        return bool(self._call("acquire", blocking(block, timeout)))

    def release(self):
        self._call("release")

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


class Lock(_Acquirable):
    _type = "Lock"

    def locked(self):
        return bool(self._call("locked"))


class RLock(Lock):
    _type = "RLock"


class Semaphore(_Acquirable):
    _type = "Semaphore"

    def get_value(self):
        return self._call("value")


class BoundedSemaphore(Semaphore):
    _type = "BoundedSemaphore"


class Event(HubObject):
    _type = "Event"

    def is_set(self):
        return bool(self._call("is_set"))

    def set(self):
        self._call("set")

    def clear(self):
        self._call("clear")

    def wait(self, timeout=None):
        return bool(self._call("wait", {} if timeout is None else {"timeout": float(timeout)}))


class Condition(_Acquirable):
    """acquire and release (and with) act on the condition's lock, in the hub."""
    _type = "Condition"

    def __init__(self, obj, typ=None, lock=None):
        HubObject.__init__(self, obj, typ)
        self._lock = lock

    @classmethod
    def make(cls, lock=None):
        lock = lock if lock is not None else RLock.create()
        if not isinstance(lock, (Lock, Semaphore)):
            raise TypeError("Condition needs a multiprocessing Lock or RLock of this run, got %r" % (lock,))
        return cls.create({"lock": lock._obj})

    def wait(self, timeout=None):
        return bool(self._call("wait", {} if timeout is None else {"timeout": float(timeout)}))

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        # Scenario seconds pass at the run's speed.
        end = None if timeout is None else time.monotonic() + timeout / client.hub().speed
        while not result:
            if end is not None:
                left = (end - time.monotonic()) * client.hub().speed
                if left <= 0:
                    break
                self.wait(left)
            else:
                self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        self._call("notify", {"n": n})

    def notify_all(self):
        self._call("notify_all")


class Barrier(HubObject):
    _type = "Barrier"

    @classmethod
    def make(cls, parties, action=None, timeout=None):
        fields = {"parties": parties}
        if timeout is not None:
            fields["timeout"] = float(timeout)
        if action is not None:
            fields["action"] = targets.name_of(action)
            fields["actionArgs"] = []
        return cls.create(fields)

    def wait(self, timeout=None):
        reply = self._call("wait", {} if timeout is None else {"timeout": float(timeout)})
        if isinstance(reply, dict):
            # This process arrived last and runs the barrier's action before anyone goes on.
            action = reply["action"]
            try:
                targets.resolve(action["target"])(*wire.decode(action.get("args") or []))
            except BaseException as e:
                self._call("action-done", {"ok": False, "error": "%s: %s" % (type(e).__name__, e)})
                raise
            return self._call("action-done", {"ok": True})
        return reply

    def abort(self):
        self._call("abort")

    def reset(self):
        self._call("reset")

    @property
    def parties(self):
        return self._call("parties")

    @property
    def n_waiting(self):
        return self._call("n_waiting")

    @property
    def broken(self):
        return bool(self._call("broken"))


for _cls in (Lock, RLock, Semaphore, BoundedSemaphore, Event, Condition, Barrier):
    register(_cls)
