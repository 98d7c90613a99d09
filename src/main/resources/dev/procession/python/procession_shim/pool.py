"""multiprocessing.Pool: real worker processes ('$pool-worker') and a Pool object in the hub that
holds the tasks and results (docs/protocol.md, Pools)."""
import itertools
import os
import queue as _queue
import threading
import traceback

from multiprocessing import util

from . import client, targets, wire

_worker_count = itertools.count(1)
_PREFIX = {"fork": "ForkPoolWorker", "spawn": "SpawnPoolWorker", "forkserver": "ForkServerPoolWorker"}


class Pool(object):
    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, ctx=None):
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._ctx = ctx
        self._obj = client.hub().call("new", {"type": "Pool", "processes": processes})["obj"]
        self._state = "RUN"
        self._callbacks = {}
        prefix = _PREFIX.get(ctx.get_start_method(), "PoolWorker")
        self._pool = []
        for _ in range(processes):
            w = ctx.Process(target=_work, args=(self._obj, initializer, initargs),
                            name="%s-%d" % (prefix, next(_worker_count)))
            w.daemon = True
            w._procession_target = "$pool-worker"
            w.start()
            self._pool.append(w)
        self._finalizer = util.Finalize(self, Pool._finalize, args=(self._obj, self._pool), exitpriority=15)

    # ------------------------------------------------------------ submitting

    def _submit(self, func, tasks, callback=None, error_callback=None, single=False):
        if self._state != "RUN":
            raise ValueError("Pool not running")
        fields = {"obj": self._obj, "target": targets.name_of(func), "tasks": [wire.encode(list(t)) for t in tasks]}
        if callback is not None or error_callback is not None:
            fields["notify"] = True
            _PoolCallbacks.install()
        job = client.hub().call("submit", fields)["job"]
        if "notify" in fields:
            _PoolCallbacks.expect(self._obj, job, callback, error_callback, single)
        return job

    def apply(self, func, args=(), kwds=None):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds=None, callback=None, error_callback=None):
        _no_keywords(kwds)
        return AsyncResult(self, self._submit(func, [args], callback, error_callback, True), True)

    def map(self, func, iterable, chunksize=None):
        return self.map_async(func, iterable).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return AsyncResult(self, self._submit(func, [(x,) for x in iterable], callback, error_callback), False)

    def starmap(self, func, iterable, chunksize=None):
        return self.starmap_async(func, iterable).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return AsyncResult(self, self._submit(func, [tuple(a) for a in iterable], callback, error_callback), False)

    def imap(self, func, iterable, chunksize=1):
        items = list(iterable)
        job = self._submit(func, [(x,) for x in items])
        return (wire.decode(self._result(job, i, None)) for i in range(len(items)))

    imap_unordered = imap

    def _result(self, job, index, timeout):
        fields = {"obj": self._obj, "job": job}
        if index is not None:
            fields["index"] = index
        if timeout is not None:
            fields["timeout"] = float(timeout)
        return client.hub().call("result", fields)

    # ------------------------------------------------------------ ending

    def close(self):
        if self._state == "RUN":
            self._state = "CLOSE"
            client.hub().call("close", {"obj": self._obj})

    def terminate(self):
        if self._state != "TERMINATE":
            self._state = "TERMINATE"
            self._finalizer()

    @staticmethod
    def _finalize(obj, workers):
        try:
            client.hub().call("terminate", {"obj": obj})
        except Exception:
            pass
        for w in workers:
            if w.exitcode is None:
                w.terminate()
        for w in workers:
            w.join()

    def join(self):
        if self._state == "RUN":
            raise ValueError("Pool is still running")
        for w in self._pool:
            w.join()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.terminate()


def _no_keywords(kwds):
    if kwds:
        raise NotImplementedError("Procession's pool passes positional arguments only (kwds=%r); see docs/python.md"
                                  % (kwds,))


class AsyncResult(object):
    def __init__(self, pool, job, single):
        self._pool = pool
        self._job = job
        self._single = single

    def get(self, timeout=None):
        values = wire.decode(self._pool._result(self._job, None, timeout))
        return values[0] if self._single else values

    def wait(self, timeout=None):
        fields = {"obj": self._pool._obj, "job": self._job}
        if timeout is not None:
            fields["timeout"] = float(timeout)
        client.hub().call("wait", fields)

    def ready(self):
        return bool(client.hub().call("ready", {"obj": self._pool._obj, "job": self._job}))

    def successful(self):
        return bool(client.hub().call("successful", {"obj": self._pool._obj, "job": self._job}))


MapResult = ApplyResult = AsyncResult


class _PoolCallbacks(object):
    """Runs apply_async's and map_async's callbacks on a thread of their own, one at a time, as
    Python's result-handler thread does, when the hub pushes a job's outcome."""
    _expected = {}
    _early = {}
    _queue = None
    _lock = threading.Lock()

    @classmethod
    def install(cls):
        with cls._lock:
            if cls._queue is None:
                cls._queue = _queue.Queue()
                client.PUSH_HANDLERS["pool"] = cls._queue.put
                threading.Thread(target=cls._run, name="procession-pool-callbacks", daemon=True).start()

    @classmethod
    def expect(cls, pool, job, callback, error_callback, single):
        with cls._lock:
            early = cls._early.pop((pool, job), None)
            cls._expected[(pool, job)] = (callback, error_callback, single)
        if early is not None:
            cls._queue.put(early)

    @classmethod
    def _run(cls):
        while True:
            push = cls._queue.get()
            key = (push["obj"], push["job"])
            with cls._lock:
                expected = cls._expected.pop(key, None)
                if expected is None:
                    cls._early[key] = push
                    continue
            callback, error_callback, single = expected
            try:
                if push.get("ok"):
                    if callback is not None:
                        values = wire.decode(push.get("value"))
                        callback(values[0] if single else values)
                elif error_callback is not None:
                    error_callback(client.exception(push.get("error"), push.get("message", "")))
            except Exception:
                traceback.print_exc()


def _forget_callbacks_after_fork():
    # The callback thread is not in a forked child: its own pools start their own.
    _PoolCallbacks._queue = None
    _PoolCallbacks._expected = {}
    _PoolCallbacks._early = {}
    _PoolCallbacks._lock = threading.Lock()


os.register_at_fork(after_in_child=_forget_callbacks_after_fork)


def _work(pool, initializer, initargs):
    """The '$pool-worker' target: asks for a task, runs it, reports; until told there is no more."""
    if initializer is not None:
        initializer(*initargs)
    hub = client.hub()
    while True:
        task = hub.call("next", {"obj": pool}, where=False)
        if task is None:
            return
        try:
            result = targets.resolve(task["target"])(*wire.decode(task["args"]))
        except Exception as e:
            hub.call("failed", {"obj": pool, "error": type(e).__name__, "message": str(e),
                                "traceback": traceback.format_exc()}, where=False)
            continue
        try:
            hub.call("done", {"obj": pool, "value": wire.encode(result), "repr": repr(result)}, where=False)
        except Exception as e:
            hub.call("failed", {"obj": pool, "error": "MaybeEncodingError",
                                "message": "Error sending result: %r. Reason: %r" % (result, e)}, where=False)
