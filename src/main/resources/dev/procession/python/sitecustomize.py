# Procession's hook into every python3 process of a run (docs/python.md): the shim is installed
# only where the run's hub is named in the environment; anywhere else this file does nothing.
import os

if os.environ.get("PROCESSION_SOCKET") and os.environ.get("PROCESSION_TOKEN"):
    import procession_shim
    procession_shim.install()
