"""Procession's shim: runs an unchanged python3 program that uses multiprocessing with its
synchronization objects served by Procession's hub and recorded in the run's event log.
See docs/python.md. Pure Python, standard library only (3.9 and later)."""
import atexit
import os
import sys

NOT_PROXIED = ("Not recorded by Procession: shared memory (multiprocessing.Value, Array, RawValue, RawArray and "
               "multiprocessing.shared_memory) runs natively, though a Value's or Array's lock is the hub's; "
               "a manager's Namespace and Array are refused.")


def install():
    # Registered before multiprocessing registers its own exit handling: it runs after it (LIFO),
    # once the last join and terminate have been reported.
    from . import patches
    atexit.register(patches.at_exit)
    import multiprocessing.util  # noqa: F401  (its exit function is registered after ours)
    from . import client, process
    patches.install_context()
    patches.note_shared_memory()
    process.install()
    patches.install_io()
    proc = os.environ.pop(client.ENV_PROC, None)
    spawned_child = "--multiprocessing-fork" in sys.argv
    # The main program, or a spawned child; never a helper multiprocessing starts with -c (the
    # resource tracker, the forkserver), which take no part in the run.
    if proc and (spawned_child or sys.argv[:1] != ["-c"]):
        try:
            hub = client.adopt(proc)
        except OSError as e:
            # Never run on unrecorded: a process the hub does not take ends here.
            sys.stderr.write("procession: this process cannot join the run: %s\n" % e)
            os._exit(client.HUB_LOST)
        if not spawned_child:
            sys.excepthook = process.excepthook(sys.excepthook)
            hub.call("log", {"kind": "note", "text": NOT_PROXIED}, where=False)
