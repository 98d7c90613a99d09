"""Python through Procession's hub (run-python) beside plain python3 (docs/python.md):
a Lock's round trip (acquire + release) and a Queue's throughput (one child puts, main gets).

  python3 shim_bench.py plain [--repeats R] [--n N]     plain multiprocessing: a Manager's proxy
                                                        Lock and its SemLock Lock, mp.Queue
  procession run-python shim_bench.py hub [...]         the same program; its Lock and Queue are the hub's
  python3 shim_bench.py report PLAIN.json HUB.json MD   writes the section of docs/benchmarks.md

Prints one JSON object: medians over the repeats.
"""
import json
import multiprocessing as mp
import statistics
import sys
import time

START, END = "<!-- python-shim -->", "<!-- /python-shim -->"


def producer(q, n):
    for i in range(n):
        q.put(i)
    q.put(None)


def lock_round_trip_us(lock, n):
    start = time.perf_counter()
    for _ in range(n):
        lock.acquire()
        lock.release()
    return (time.perf_counter() - start) / n * 1e6


def queue_items_per_s(q, n):
    p = mp.Process(target=producer, args=(q, n))
    p.start()
    q.get()  # the first item: the child is running, its start-up is not counted
    start = time.perf_counter()
    got = 1
    while q.get() is not None:
        got += 1
    elapsed = time.perf_counter() - start
    p.join()
    return (got - 1) / elapsed


def measure(mode, repeats, n):
    locks = {}
    if mode == "plain":
        manager = mp.Manager()
        locks["Manager().Lock() proxy"] = manager.Lock()
        locks["mp.Lock() (SemLock)"] = mp.Lock()
    else:
        locks["mp.Lock() (the hub's)"] = mp.Lock()
    result = {"mode": mode, "python": sys.version.split()[0], "repeats": repeats, "n": n, "lock_us": {},
              "queue_items_per_s": None}
    for name, lock in locks.items():
        lock_round_trip_us(lock, n // 10)  # warm-up
        result["lock_us"][name] = statistics.median(lock_round_trip_us(lock, n) for _ in range(repeats))
    result["queue_items_per_s"] = statistics.median(queue_items_per_s(mp.Queue(), n) for _ in range(repeats))
    if mode == "plain":
        manager.shutdown()
    return result


def report(plain_file, hub_file, md_file):
    with open(plain_file) as f:
        plain = json.load(f)
    with open(hub_file) as f:
        hub = json.load(f)
    hub_lock = next(iter(hub["lock_us"].values()))
    rows = ["| measure | plain python3 | run-python (hub) | hub / plain |", "|---|---|---|---|"]
    for name, us in plain["lock_us"].items():
        rows.append("| Lock round trip, µs (plain: %s) | %.1f | %.1f | %.2f |" % (name, us, hub_lock, hub_lock / us))
    pq, hq = plain["queue_items_per_s"], hub["queue_items_per_s"]
    rows.append("| Queue throughput, items/s (plain: mp.Queue) | %.0f | %.0f | %.2f |" % (pq, hq, hq / pq))
    section = "\n".join([START, "## Python through the hub (run-python)", "",
                         "Python %s, median of %d repeats of %d round trips or items, measured by"
                         " `bench/run --python-shim`: the same program (`bench/python/shim_bench.py`) under"
                         " plain python3 and under `procession run-python`, where its `multiprocessing` Lock"
                         " and Queue are the hub's. A Lock round trip is an acquire and a release; the queue"
                         " is filled by one child and emptied by the main process. Load average when the"
                         " report was written: %s (two cores)." % (
                             plain["python"], plain["repeats"], plain["n"], _load()), ""] + rows + ["", END])
    with open(md_file) as f:
        text = f.read()
    if START in text:
        text = text[:text.index(START)] + section + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(md_file, "w") as f:
        f.write(text)
    print(section)


def _load():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "unknown"


def main(argv):
    if argv[0] == "report":
        return report(*argv[1:4])
    repeats = int(argv[argv.index("--repeats") + 1]) if "--repeats" in argv else 5
    n = int(argv[argv.index("--n") + 1]) if "--n" in argv else 2000
    print(json.dumps(measure(argv[0], repeats, n)))


if __name__ == "__main__":
    main(sys.argv[1:])
