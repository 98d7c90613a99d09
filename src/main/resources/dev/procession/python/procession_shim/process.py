"""multiprocessing's processes, reported to the hub: registered before start, started by Python's
own start method, said hello from the child, reaped and joined on the run's clock."""
import os
import sys
import threading
import time
import traceback

import signal as _signals

from multiprocessing import popen_fork
from multiprocessing import process as mp_process

from . import caller, client, wire

_real_sleep = time.sleep
_orig = {}


def install():
    base = mp_process.BaseProcess
    for name in ("start", "join", "_bootstrap"):
        _orig[name] = getattr(base, name)
    base.start = start
    base.join = join
    base._bootstrap = _bootstrap
    # terminate() and kill(), and Python's exit handling (which terminates daemonic children
    # through their popen), all signal through here; spawn's and forkserver's popens inherit it.
    _orig["_send_signal"] = popen_fork.Popen._send_signal
    popen_fork.Popen._send_signal = _send_signal
    # Whoever reaps a child (join, is_alive, the exit handling's active_children) reports its exit
    # before going on, so a parent never ends with a child's exit still unsaid.
    popen_classes = [popen_fork.Popen]
    try:
        from multiprocessing import popen_forkserver
        popen_classes.append(popen_forkserver.Popen)
    except ImportError:
        pass
    for cls in popen_classes:
        cls.poll = _reporting_poll(cls.poll)


def _target(p):
    display = getattr(p, "_procession_target", None)
    if display:
        return display, "target"
    if type(p).run is not mp_process.BaseProcess.run:
        return type(p).__name__, "class"
    fn = getattr(p, "_target", None)
    return (getattr(fn, "__name__", None) or repr(fn)) if fn is not None else "run", "target"


def start(self):
    if not client.known():
        return _orig["start"](self)
    hub = client.hub()
    target, kind = _target(self)
    reply = hub.call("proc.new", {"target": target, "kind": kind, "name": self.name, "daemon": bool(self.daemon),
                                  "args": wire.handles_in((self._args, self._kwargs))})
    proc = reply["proc"]
    self._procession_proc = proc
    # A spawned child learns its id from its environment at once (before its main module is
    # imported again); a forked one from this attribute in _bootstrap.
    os.environ[client.ENV_PROC] = str(proc)
    try:
        _orig["start"](self)
    except BaseException as e:
        hub.call("proc.exit", {"proc": proc, "code": 1, "how": "could not start: %s: %s" % (type(e).__name__, e)})
        raise
    finally:
        os.environ.pop(client.ENV_PROC, None)
    self._popen._procession_proc = proc
    hub.call("proc.spawned", {"proc": proc, "pid": self.pid})
    threading.Thread(target=_reap, args=(hub, proc, self._popen), name="procession-reaper-%s" % proc,
                     daemon=True).start()


def _reap(hub, proc, popen):
    """Waits for the child's end without reaping it (Python's own join or poll still does) and reports it."""
    code = None
    try:
        info = os.waitid(os.P_PID, popen.pid, os.WEXITED | os.WNOWAIT)
        code = info.si_status if info.si_code == os.CLD_EXITED else -info.si_status
    except ChildProcessError:
        # Reaped by Python meanwhile, or not this process's child (forkserver): its popen knows.
        while code is None:
            code = popen.returncode if popen.returncode is not None else popen.wait(0.05)
    except (OSError, AttributeError):
        code = popen.wait()
    _report_exit(hub, proc, popen, code)


_report_lock = threading.Lock()


def _report_exit(hub, proc, popen, code):
    """Reports the child's exit once; a second reporter waits until the first one's is recorded."""
    with _report_lock:
        state = popen.__dict__.get("_procession_report")
        first = state is None
        if first:
            state = popen._procession_report = threading.Event()
    if not first:
        state.wait(5)
        return
    try:
        hub.call("proc.exit", {"proc": proc, "code": code, "how": "reaped by parent"}, where=False)
    except (OSError, RuntimeError):
        pass
    finally:
        state.set()


def _reporting_poll(poll):
    def reporting_poll(self, *args, **kwargs):
        code = poll(self, *args, **kwargs)
        proc = getattr(self, "_procession_proc", None)
        if code is not None and proc is not None and client.known():
            _report_exit(client.hub(), proc, self, code)
        return code
    return reporting_poll


def join(self, timeout=None):
    proc = getattr(self, "_procession_proc", None)
    if proc is None or not client.known() or self._popen is None or self._parent_pid != os.getpid():
        return _orig["join"](self, timeout)
    hub = client.hub()
    if caller.where().get("atexit") and not self.daemon and hub.call("proc.daemon", {"proc": proc}, where=False):
        # Made a daemon from the window while it ran: Python's exit handling terminates daemonic
        # children before it joins the others, and would have terminated this one.
        self._popen.terminate()
    fields = {"proc": proc}
    if timeout is not None:
        fields["timeout"] = float(timeout)
    ended = hub.call("proc.join", fields)
    return _orig["join"](self, None if ended else 0)


def _send_signal(self, sig):
    proc = getattr(self, "_procession_proc", None)
    if proc is not None and client.known() and self.returncode is None:
        client.hub().call("proc.signal", {"proc": proc, "signal": _signals.Signals(sig).name})
    return _orig["_send_signal"](self, sig)


def _bootstrap(self, *args, **kwargs):
    proc = getattr(self, "_procession_proc", None)
    # Its own children get their ids from start(); a program it starts with subprocess gets none.
    os.environ.pop(client.ENV_PROC, None)
    if proc is not None and os.environ.get(client.ENV_SOCKET):
        if client.current_id() != proc:
            try:
                client.adopt(proc)
            except OSError as e:
                sys.stderr.write("procession: this process cannot join the run: %s\n" % e)
                os._exit(client.HUB_LOST)
        self.run = _reporting(self.run)
    return _orig["_bootstrap"](self, *args, **kwargs)


def _reporting(run):
    def run_and_report():
        try:
            run()
        except SystemExit:
            raise
        except BaseException as e:
            report_error(e)
            raise
    return run_and_report


def report_error(e):
    """An uncaught exception ends the process's code: the log says which and where (event error)."""
    fields = {"kind": "error", "exception": traceback.format_exception_only(type(e), e)[-1].strip(),
              "traceback": "".join(traceback.format_exception(type(e), e, e.__traceback__))}
    fields.update(_user_frame(e.__traceback__))
    if isinstance(e, SyntaxError) and e.filename and e.lineno:
        fields.update({"file": os.path.abspath(e.filename), "line": e.lineno})
    try:
        client.hub().call("log", fields, where=False)
    except Exception:
        pass


def _user_frame(tb):
    found = {}
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if not (name.startswith(caller._SHIM) or name.startswith(caller._MP) or name.startswith("<")):
            found = {"file": name, "line": tb.tb_lineno}
        tb = tb.tb_next
    return found


def excepthook(original):
    def hook(kind, value, tb):
        if client.known() and not issubclass(kind, (SystemExit, KeyboardInterrupt)):
            report_error(value)
        original(kind, value, tb)
    return hook
