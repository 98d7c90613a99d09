"""Where the user's code is: the file and line of the frame that made a call into the shim."""
import os
import sys

import multiprocessing

_SHIM = os.path.dirname(os.path.abspath(__file__)) + os.sep
_MP = os.path.dirname(os.path.abspath(multiprocessing.__file__)) + os.sep


def where():
    """{"file", "line"} of the user's frame, {"atexit": True} in Python's exit handling, or {}."""
    f = sys._getframe(1)
    while f is not None:
        name = f.f_code.co_filename
        if name.startswith(_MP):
            if f.f_code.co_name == "_exit_function":
                return {"atexit": True}
            if f.f_code.co_name == "_bootstrap":
                # Below a child's _bootstrap is its parent's stack (fork): not this process's code.
                return {}
        elif not (name.startswith(_SHIM) or name.startswith("<")):
            return {"file": name, "line": f.f_lineno}
        f = f.f_back
    return {}
