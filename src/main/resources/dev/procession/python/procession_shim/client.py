"""The process's one connection to the hub: requests, replies matched by id, and pushes."""
import builtins
import os
import socket
import threading

from . import caller, wire

ENV_SOCKET = "PROCESSION_SOCKET"
ENV_TOKEN = "PROCESSION_TOKEN"
ENV_PROC = "PROCESSION_PROC"

_state = threading.Lock()
_proc_id = None
_client = None
# Handlers of pushes by name ("manager", "pool"); "speed" is the client's own.
PUSH_HANDLERS = {}


class NotInRun(RuntimeError):
    pass


def adopt(proc_id):
    """This process is the run's process {@code proc_id}: it says hello now."""
    global _proc_id
    with _state:
        _proc_id = int(proc_id)
    return hub()


def known():
    return _proc_id is not None


def current_id():
    return _proc_id


def hub():
    global _client
    c = _client
    if c is not None:
        return c
    with _state:
        if _client is None:
            if _proc_id is None:
                raise NotInRun("this process is not a process of the Procession run (started outside multiprocessing)")
            _client = Client(_proc_id)
        return _client


# Exit status of a process that lost its hub (the supervisor died): as a Java child's (ExitCodes.HUB_LOST).
HUB_LOST = 70


def _forget_after_fork():
    # A forked child must never speak on its parent's connection; it says its own hello in _bootstrap.
    global _client, _proc_id, _state
    _state = threading.Lock()
    PUSH_HANDLERS.clear()
    old, _client, _proc_id = _client, None, None
    if old is not None:
        old.abandon()


os.register_at_fork(after_in_child=_forget_after_fork)


class _Waiter(object):
    __slots__ = ("lock", "frame")

    def __init__(self):
        self.lock = threading.Lock()
        self.lock.acquire()
        self.frame = None


class Ahead(object):
    """Items of one queue handed ahead (docs/protocol.md, fast paths): the hub counts them as in
    the queue until this process says it took each one."""

    def __init__(self):
        import collections
        self.lock = threading.Lock()
        self.items = collections.deque()
        self.revoked = False


class Client(object):
    def __init__(self, proc_id):
        self.proc_id = proc_id
        self.sock = None
        self.spec = self._hello(proc_id)
        self.speed = float(self.spec.get("speed", 1.0))
        self._send_lock = threading.Lock()
        self._pending = {}
        self._next = 1
        self._closed = False
        self._abandoned = False
        # Items of unbounded queues the hub handed this process ahead of its gets, by queue id.
        self._ahead = {}
        t = threading.Thread(target=self._read_loop, name="procession-hub-reader", daemon=True)
        t.start()

    def _hello(self, proc_id):
        hello = {"id": 0, "op": "hello", "token": os.environ[ENV_TOKEN], "proc": proc_id,
                 "pid": os.getpid(), "ppid": os.getppid()}
        for _ in range(5):
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.connect(os.environ[ENV_SOCKET])
            sock.sendall(wire.frame(hello))
            answer = wire.read_frame(sock)
            if answer is None:
                sock.close()
                continue
            if not answer.get("ok"):
                sock.close()
                raise ConnectionRefusedError("the hub refused this process: %s" % answer.get("message"))
            self.sock = sock
            return answer["value"]
        raise ConnectionError("the hub closed the connection five times before answering the hello")

    def abandon(self):
        self._abandoned = True
        try:
            self.sock.close()
        except OSError:
            pass

    # ------------------------------------------------------------ requests

    def call(self, op, fields=None, where=True):
        """Sends a request and waits for its answer; the hub's error is raised as Python's."""
        message = self._message(op, fields, where)
        w = _Waiter()
        with self._send_lock:
            if self._closed:
                raise BrokenPipeError("the connection to Procession's hub is closed")
            rid = self._next
            self._next += 1
            message["id"] = rid
            self._pending[rid] = w
            self.sock.sendall(wire.frame(message))
        w.lock.acquire()
        answer = w.frame
        if answer.get("ok"):
            return answer.get("value")
        raise exception(answer.get("error"), answer.get("message", ""))

    def tell(self, op, fields=None, where=True):
        """A one-way request: carried out in order, never answered."""
        message = self._message(op, fields, where)
        with self._send_lock:
            if self._closed:
                raise BrokenPipeError("the connection to Procession's hub is closed")
            self.sock.sendall(wire.frame(message))

    @staticmethod
    def _message(op, fields, where):
        message = {"op": op}
        if fields:
            message.update(fields)
        if where:
            message.update(caller.where())
        return message

    # ------------------------------------------------------------ the reader

    def _read_loop(self):
        try:
            while True:
                f = wire.read_frame(self.sock)
                if f is None:
                    break
                if "re" in f:
                    w = self._pending.pop(f["re"], None)
                    if w is not None:
                        w.frame = f
                        w.lock.release()
                elif "push" in f:
                    self._push(f)
        except (OSError, ValueError):
            pass
        with self._send_lock:
            self._closed = True
            waiting, self._pending = self._pending, {}
        for w in waiting.values():
            w.frame = {"ok": False, "error": "BrokenPipeError", "message": "the connection to Procession's hub closed"}
            w.lock.release()
        if not self._abandoned:
            # The hub is gone (the supervisor died): a process of the run does not live on without it.
            os._exit(HUB_LOST)

    def ahead(self, obj):
        with self._send_lock:
            a = self._ahead.get(obj)
            if a is None:
                a = self._ahead[obj] = Ahead()
        return a

    def _push(self, f):
        kind = f.get("push")
        if kind == "speed":
            self.speed = float(f["speed"])
            return
        if kind == "revoke":
            # Another process gets from that queue now: what was not taken goes back, in order.
            a = self.ahead(f["obj"])
            with a.lock:
                a.revoked = True
                a.items.clear()
                self.tell("return", {"obj": f["obj"]}, where=False)
            return
        handler = PUSH_HANDLERS.get(kind)
        if handler is not None:
            handler(f)


_SPECIAL = None


def exception(error, message):
    """The exception Python would raise for the hub's error name."""
    global _SPECIAL
    if _SPECIAL is None:
        import queue
        import multiprocessing
        _SPECIAL = {"Empty": queue.Empty, "Full": queue.Full, "BrokenBarrierError": threading.BrokenBarrierError,
                    "AuthenticationError": multiprocessing.AuthenticationError,
                    "TimeoutError": multiprocessing.TimeoutError}
    cls = _SPECIAL.get(error) or getattr(builtins, error or "", None)
    if isinstance(cls, type) and issubclass(cls, BaseException):
        return cls(message) if message else cls()
    return RuntimeError("%s: %s" % (error, message))
