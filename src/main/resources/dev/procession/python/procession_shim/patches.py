"""Points multiprocessing's factories, time.sleep and standard output at the hub, in the run's
processes only (a process the run did not start keeps Python's own)."""
import io
import os
import sys
import threading
import time

import multiprocessing
from multiprocessing import context

from . import caller, client, manager, objects, pool, queues

_real_sleep = time.sleep


def _factories():
    return {
        "Lock": lambda ctx: objects.Lock.create(),
        "RLock": lambda ctx: objects.RLock.create(),
        "Condition": lambda ctx, lock=None: objects.Condition.make(lock),
        "Semaphore": lambda ctx, value=1: objects.Semaphore.create({"value": value}),
        "BoundedSemaphore": lambda ctx, value=1: objects.BoundedSemaphore.create({"value": value}),
        "Event": lambda ctx: objects.Event.create(),
        "Barrier": lambda ctx, parties, action=None, timeout=None: objects.Barrier.make(parties, action, timeout),
        "Queue": lambda ctx, maxsize=0: queues.Queue.make(maxsize),
        "JoinableQueue": lambda ctx, maxsize=0: queues.JoinableQueue.make(maxsize),
        "SimpleQueue": lambda ctx: queues.SimpleQueue.make(),
        "Pipe": lambda ctx, duplex=True: queues.Pipe(duplex),
        "Manager": lambda ctx: manager.Manager(ctx.get_context()).start(),
        "Pool": lambda ctx, processes=None, initializer=None, initargs=(), maxtasksperchild=None:
            pool.Pool(processes, initializer, initargs, maxtasksperchild, ctx.get_context()),
    }


def install_context():
    base = context.BaseContext
    for name, make in _factories().items():
        setattr(base, name, _served(getattr(base, name), make))
    # `from multiprocessing import Lock` takes the default context's bound methods, bound when
    # multiprocessing was imported: bound again here, before the program imports anything.
    for name in _factories():
        setattr(multiprocessing, name, getattr(context._default_context, name))
    for name in _NATIVE:
        setattr(base, name, _noted(getattr(base, name)))
        setattr(multiprocessing, name, getattr(context._default_context, name))
    import multiprocessing.pool as mp_pool
    mp_pool.Pool = lambda processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None: \
        pool.Pool(processes, initializer, initargs, maxtasksperchild, context or multiprocessing.get_context())


# Shared memory runs natively (docs/python.md): each one made says so in the log.
_NATIVE = ("Value", "Array", "RawValue", "RawArray")


def _noted(original):
    def factory(self, typecode_or_type, *args, **kwargs):
        made = original(self, typecode_or_type, *args, **kwargs)
        if client.known():
            client.hub().call("log", {"kind": "note", "text": "multiprocessing.%s(%r) runs natively in shared memory:"
                                      " its reads and writes are not recorded" % (original.__name__, typecode_or_type)})
        return made
    factory.__name__ = original.__name__
    factory.__doc__ = original.__doc__
    return factory


def note_shared_memory():
    """multiprocessing.shared_memory runs natively too: each block made or attached says so in the log."""
    try:
        from multiprocessing import shared_memory
    except ImportError:
        return
    original = shared_memory.SharedMemory.__init__

    def init(self, name=None, create=False, size=0, *args, **kwargs):
        original(self, name, create, size, *args, **kwargs)
        if client.known():
            client.hub().call("log", {"kind": "note", "text": "shared_memory.SharedMemory(%r, %s %d bytes) runs"
                                      " natively: its reads and writes are not recorded"
                                      % (self.name, "created," if create else "attached,", self.size)})
    shared_memory.SharedMemory.__init__ = init


def _served(original, make):
    def factory(self, *args, **kwargs):
        # Python's own ThreadPool builds on the context's queues from inside multiprocessing.pool;
        # it runs on threads, not processes, and keeps Python's objects.
        if not client.known() or sys._getframe(1).f_code.co_filename.endswith("multiprocessing/pool.py"):
            return original(self, *args, **kwargs)
        return make(self, *args, **kwargs)
    factory.__name__ = original.__name__
    factory.__doc__ = original.__doc__
    return factory


def sleep(seconds):
    """time.sleep on the run's scenario clock, so that --speed changes every sleep."""
    if not client.known():
        return _real_sleep(seconds)
    client.hub().call("sleep", {"seconds": float(seconds)})


class HubStdout(io.TextIOBase):
    """Standard output as the hub's print events, one per line, each with the line that printed it."""

    def __init__(self, real):
        io.TextIOBase.__init__(self)
        self._real = real
        self._pending = ""
        self._lock = threading.Lock()
        self.ended = False

    def writable(self):
        return True

    @property
    def encoding(self):
        return getattr(self._real, "encoding", "utf-8")

    @property
    def errors(self):
        return getattr(self._real, "errors", "strict")

    def fileno(self):
        return self._real.fileno()

    def isatty(self):
        return False

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        if self.ended or not client.known():
            return self._real.write(s)
        with self._lock:
            text = self._pending + s
            lines = text.split("\n")
            self._pending = lines.pop()
        for line in lines:
            client.hub().call("print", {"text": line})
        return len(s)

    def flush(self):
        if self.ended or not client.known():
            return self._real.flush()
        with self._lock:
            rest, self._pending = self._pending, ""
        if rest:
            client.hub().call("print", {"text": rest})

    def forget_after_fork(self):
        # Another thread may have held the lock at the fork; the child's copy is its own.
        self._lock = threading.Lock()

    def end(self):
        """At exit, after the last hub call: what is left goes out now, later writes to the real stream."""
        try:
            self.flush()
        except Exception:
            pass
        self.ended = True


def install_io():
    time.sleep = sleep
    if not isinstance(sys.stdout, HubStdout):
        sys.stdout = HubStdout(sys.stdout)
        os.register_at_fork(after_in_child=sys.stdout.forget_after_fork)


def at_exit():
    if isinstance(sys.stdout, HubStdout):
        sys.stdout.end()
