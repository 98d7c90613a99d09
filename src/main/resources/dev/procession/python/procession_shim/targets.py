"""Functions named on the wire (a pool's task, a barrier's action): by module and qualified name."""
import importlib
import sys


def name_of(fn):
    module = getattr(fn, "__module__", None)
    qualname = getattr(fn, "__qualname__", None)
    if module is None or qualname is None or "<" in qualname:
        raise TypeError("Can't pickle %r: a pool task or barrier action must be a module-level function" % (fn,))
    # The main program's functions by their name alone, as the log shows them.
    return qualname if module in ("__main__", "__mp_main__") else "%s:%s" % (module, qualname)


def resolve(name):
    module, _, qualname = name.rpartition(":")
    obj = sys.modules["__main__"] if not module else importlib.import_module(module)
    for part in qualname.split("."):
        obj = getattr(obj, part)
    return obj
