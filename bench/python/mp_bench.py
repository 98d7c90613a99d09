#!/usr/bin/env python3
"""mp_bench.py - reference benchmark of CPython's multiprocessing for Procession.

Prints exactly ONE JSON object on stdout (progress goes to stderr).  The Java
side of Procession measures exactly the same quantities with the same
definitions, so the numbers can be compared one to one.

Usage:  python3 mp_bench.py [--repeats R] [--quick]

    --repeats R   repeats per measurement (default 5); every measurement
                  reports the median over the R repeats plus all R samples.
    --quick       smaller sizes (see below) for a fast smoke run.
    --timeout S   whole-run watchdog in seconds (default 600); on expiry all
                  children are torn down and the run fails.

Clock: time.perf_counter_ns() (CLOCK_MONOTONIC).  Unless a definition says
otherwise, children are started with multiprocessing.get_context('spawn'),
which is the start method closest to Procession's "new JVM per child".
The "ready"/result channel from children to the parent is a
ctx.SimpleQueue() (a pipe guarded by a lock, no feeder thread).

Definitions
-----------
spawn_ready[method][N]      (method = "spawn" and "fork"; N = 1, 10, 50;
                             N = 50 only without --quick)     unit: ms
    t0 is taken just before creating the N Process objects; the parent then
    creates them and calls start() on each, and reads N messages from the
    SimpleQueue.  Each child, as the first statement of its target, puts its
    pid on the SimpleQueue and then waits on an Event.  t1 is taken when the
    N-th message has been read.  Sample = t1 - t0.  Afterwards (untimed) the
    Event is set, children return and are joined.  One untimed warm-up round
    with N = 1 is run per start method before the timed repeats.

child_rss_mb                                                 unit: MiB
    10 spawned children are started; each puts its pid on the SimpleQueue and
    waits on an Event.  Once all 10 reported, the parent reads VmRSS from
    /proc/PID/status of each child (kB / 1024).  Sample (per repeat) = median
    over the 10 children; "raw" holds every child's value.

manager_lock_us                                              unit: us/pair
    A Manager() (spawn) is created once; its Lock() proxy is passed to one
    spawned child.  The child does one untimed acquire()+release() (this
    opens the proxy's connection to the manager), then times K consecutive
    lock.acquire(); lock.release() pairs (uncontended, Python loop overhead
    included).  Sample = elapsed / K.  K = 2000 (500 with --quick).
    A fresh child is used for every repeat.

manager_call_us                                              unit: us/call
    As manager_lock_us, with a Manager().Event() proxy and K calls of
    ev.is_set(): one proxy round trip each, to compare with one hub round
    trip (Procession's Event.is_set).  K = 2000 (500 with --quick).

kernel_lock_us                                               unit: us/pair
    Same as manager_lock_us with ctx.Lock() (a POSIX semaphore in shared
    memory) instead of the manager proxy.  K = 200000 (50000 with --quick).

queue_throughput_per_s                                       unit: items/s
    Two spawned children share one ctx.Queue(): a producer does
    q.put(i) for i in range(M), a consumer does M q.get().  Both first report
    ready and wait on a "go" Event, which the parent sets once both are
    ready.  The consumer takes t0 just before its first get() and t1 after
    its M-th get() returned (it checks that the last item is M-1).
    Sample = M / (t1 - t0).  M = 50000 (10000 with --quick).

pause_latency_us                                             unit: us
    One spawned child reports ready, then busy-loops (while True: pass).
    The parent waits until /proc/PID/stat shows state 'R', then for each of
    50 tries: t0 just before os.kill(pid, SIGSTOP), then polls
    /proc/PID/stat (pread at offset 0, tight loop) until the state field is
    'T'; t1 at that poll.  Try value = t1 - t0.  Between tries the parent
    sends SIGCONT, waits until the state is no longer 'T' and sleeps 2 ms.
    Sample (per repeat) = median over the 50 tries; "raw" holds all tries.
    A fresh child is used for every repeat.

Teardown: every child is terminated (after SIGCONT, in case it is stopped)
and joined in finally blocks; the manager is shut down and the resource
tracker is stopped, so a run leaves no process behind.
"""

import argparse
import gc
import json
import os
import platform
import signal
import statistics
import sys
import time
import traceback
import multiprocessing as mp

READY_TIMEOUT_S = 60.0   # per-phase bound on waiting for children

# ---------------------------------------------------------------------------
# child targets (module level so that the spawn start method can import them)
# ---------------------------------------------------------------------------


def child_ready_wait(q, ev):
    q.put(os.getpid())          # first statement: report "ready"
    ev.wait()


def child_lock_loop(q, lock, k):
    try:
        lock.acquire()          # untimed warm-up (opens manager connection)
        lock.release()
        t0 = time.perf_counter_ns()
        for _ in range(k):
            lock.acquire()
            lock.release()
        t1 = time.perf_counter_ns()
        q.put(('ok', t1 - t0))
    except BaseException:
        q.put(('err', traceback.format_exc()))


def child_producer(res, ready, go, q, m):
    try:
        ready.put(('ready', os.getpid()))
        go.wait()
        for i in range(m):
            q.put(i)
        # the feeder thread is flushed (joined) when the process exits
    except BaseException:
        res.put(('err', traceback.format_exc()))


def child_consumer(res, ready, go, q, m):
    try:
        ready.put(('ready', os.getpid()))
        go.wait()
        get = q.get
        t0 = time.perf_counter_ns()
        last = None
        for _ in range(m):
            last = get()
        t1 = time.perf_counter_ns()
        if last != m - 1:
            raise AssertionError('last item %r != %r' % (last, m - 1))
        res.put(('ok', t1 - t0))
    except BaseException:
        res.put(('err', traceback.format_exc()))


def child_busy(q):
    q.put(os.getpid())
    while True:
        pass


# ---------------------------------------------------------------------------
# parent helpers
# ---------------------------------------------------------------------------

ALL_CHILDREN = []       # every Process ever started, for the final sweep


def log(msg):
    print('[mp_bench] ' + msg, file=sys.stderr, flush=True)


def q_get(q, procs, timeout=READY_TIMEOUT_S):
    """SimpleQueue.get() with a deadline; fails fast if children died."""
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError('no message from children within %.0fs' % timeout)
        # SimpleQueue has no timeout; poll its reader end (private attribute).
        if q._reader.poll(min(remaining, 1.0)):
            return q.get()
        dead = [p for p in procs if p.exitcode not in (None, 0)]
        if dead:
            raise RuntimeError('child died: %s' % ', '.join(
                '%s exitcode=%s' % (p.name, p.exitcode) for p in dead))


def start(ctx, target, args, procs):
    p = ctx.Process(target=target, args=args, daemon=True)
    procs.append(p)
    ALL_CHILDREN.append(p)
    p.start()
    return p


def teardown(procs, timeout=5.0):
    """terminate + join every process in procs (safe to call repeatedly)."""
    for p in procs:
        if p.pid is not None and p.exitcode is None:
            try:
                os.kill(p.pid, signal.SIGCONT)   # a stopped child ignores TERM
            except (ProcessLookupError, PermissionError):
                pass
            try:
                p.terminate()
            except Exception:
                pass
    for p in procs:
        if p.pid is None:
            continue
        p.join(timeout)
        if p.exitcode is None:
            p.kill()
            p.join(timeout)


def join_all(procs, timeout=10.0):
    for p in procs:
        p.join(timeout)
    teardown(procs)     # anything still alive gets terminated


def check_result(msg):
    tag, val = msg
    if tag != 'ok':
        raise RuntimeError('child failed:\n%s' % val)
    return val


def summarize(samples, key, ndigits=3, **extra):
    d = {key: round(statistics.median(samples), ndigits),
         'samples': [round(s, ndigits) for s in samples]}
    d.update(extra)
    return d


def read_vmrss_kb(pid):
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    raise RuntimeError('no VmRSS for pid %d' % pid)


def proc_state(fd):
    data = os.pread(fd, 1024, 0)
    return data[data.rindex(b')') + 2:data.rindex(b')') + 3]


# ---------------------------------------------------------------------------
# measurements
# ---------------------------------------------------------------------------

def spawn_ready_once(ctx, n):
    q = ctx.SimpleQueue()
    ev = ctx.Event()
    procs = []
    try:
        t0 = time.perf_counter_ns()
        ps = [ctx.Process(target=child_ready_wait, args=(q, ev), daemon=True)
              for _ in range(n)]
        for p in ps:
            procs.append(p)
            ALL_CHILDREN.append(p)
            p.start()
        for _ in range(n):
            q_get(q, procs)
        t1 = time.perf_counter_ns()
        ev.set()
        join_all(procs)
        return (t1 - t0) / 1e6
    finally:
        ev.set()
        teardown(procs)
        q.close()


def bench_spawn_ready(repeats, ns):
    out = {}
    for method in ('spawn', 'fork'):
        ctx = mp.get_context(method)
        spawn_ready_once(ctx, 1)            # untimed warm-up
        out[method] = {}
        for n in ns:
            samples = []
            for r in range(repeats):
                samples.append(spawn_ready_once(ctx, n))
            out[method][str(n)] = summarize(samples, 'median_ms')
            log('spawn_ready %s N=%d: median %.1f ms %s' % (
                method, n, statistics.median(samples),
                [round(s, 1) for s in samples]))
    return out


def bench_child_rss(repeats, nchildren=10):
    ctx = mp.get_context('spawn')
    samples, raw = [], []
    for r in range(repeats):
        q = ctx.SimpleQueue()
        ev = ctx.Event()
        procs = []
        try:
            for _ in range(nchildren):
                start(ctx, child_ready_wait, (q, ev), procs)
            pids = [q_get(q, procs) for _ in range(nchildren)]
            vals = [read_vmrss_kb(pid) / 1024.0 for pid in pids]
            ev.set()
            join_all(procs)
        finally:
            ev.set()
            teardown(procs)
            q.close()
        raw.append([round(v, 3) for v in vals])
        samples.append(statistics.median(vals))
    log('child_rss_mb: median %.1f MiB %s' % (
        statistics.median(samples), [round(s, 1) for s in samples]))
    return summarize(samples, 'median_mb', start_method='spawn',
                     children=nchildren, raw=raw)


def child_call_loop(q, ev, k):
    try:
        ev.is_set()             # untimed warm-up (opens manager connection)
        t0 = time.perf_counter_ns()
        for _ in range(k):
            ev.is_set()
        t1 = time.perf_counter_ns()
        q.put(('ok', t1 - t0))
    except BaseException:
        q.put(('err', traceback.format_exc()))


def lock_sample(ctx, lock, k, loop=child_lock_loop):
    q = ctx.SimpleQueue()
    procs = []
    try:
        start(ctx, loop, (q, lock, k), procs)
        ns = check_result(q_get(q, procs, timeout=READY_TIMEOUT_S + 120))
        join_all(procs)
        return ns / 1e3 / k
    finally:
        teardown(procs)
        q.close()


def bench_manager_proxy(name, repeats, k, make, loop):
    """K calls through one proxy that make(manager) returns, timed in a fresh child per repeat."""
    ctx = mp.get_context('spawn')
    mgr = ctx.Manager()
    try:
        proxy = make(mgr)
        samples = [lock_sample(ctx, proxy, k, loop) for _ in range(repeats)]
        del proxy
    finally:
        mgr.shutdown()
        mgr.join(5)
    log('%s K=%d: median %.2f us %s' % (
        name, k, statistics.median(samples), [round(s, 2) for s in samples]))
    return summarize(samples, 'median_us', start_method='spawn', k=k)


def bench_manager_lock(repeats, k):
    return bench_manager_proxy('manager_lock_us', repeats, k, lambda m: m.Lock(), child_lock_loop)


def bench_manager_call(repeats, k):
    return bench_manager_proxy('manager_call_us', repeats, k, lambda m: m.Event(), child_call_loop)


def bench_kernel_lock(repeats, k):
    ctx = mp.get_context('spawn')
    lock = ctx.Lock()
    samples = [lock_sample(ctx, lock, k) for _ in range(repeats)]
    log('kernel_lock_us K=%d: median %.4f us %s' % (
        k, statistics.median(samples), [round(s, 4) for s in samples]))
    return summarize(samples, 'median_us', ndigits=4, start_method='spawn',
                     k=k)


def queue_sample(ctx, m):
    res = ctx.SimpleQueue()
    ready = ctx.SimpleQueue()
    go = ctx.Event()
    q = ctx.Queue()
    procs = []
    try:
        start(ctx, child_consumer, (res, ready, go, q, m), procs)
        start(ctx, child_producer, (res, ready, go, q, m), procs)
        for _ in range(2):
            check_result_ready = q_get(ready, procs)
            assert check_result_ready[0] == 'ready'
        go.set()
        ns = check_result(q_get(res, procs, timeout=READY_TIMEOUT_S + 120))
        join_all(procs)
        return m / (ns / 1e9)
    finally:
        go.set()
        teardown(procs)
        q.close()
        q.join_thread()
        res.close()
        ready.close()


def bench_queue(repeats, m):
    ctx = mp.get_context('spawn')
    samples = [queue_sample(ctx, m) for _ in range(repeats)]
    log('queue_throughput_per_s M=%d: median %.0f/s %s' % (
        m, statistics.median(samples), [round(s) for s in samples]))
    return summarize(samples, 'median_per_s', ndigits=1, start_method='spawn',
                     m=m)


def pause_sample(ctx, tries):
    q = ctx.SimpleQueue()
    procs = []
    fd = None
    try:
        p = start(ctx, child_busy, (q,), procs)
        pid = q_get(q, procs)
        fd = os.open('/proc/%d/stat' % pid, os.O_RDONLY)
        deadline = time.monotonic() + 10
        while proc_state(fd) != b'R':
            if time.monotonic() > deadline:
                raise TimeoutError('busy child never reached state R')
            time.sleep(0.001)
        vals = []
        for _ in range(tries):
            t0 = time.perf_counter_ns()
            os.kill(pid, signal.SIGSTOP)
            while proc_state(fd) != b'T':
                pass
            t1 = time.perf_counter_ns()
            vals.append((t1 - t0) / 1e3)
            os.kill(pid, signal.SIGCONT)
            while proc_state(fd) == b'T':
                pass
            time.sleep(0.002)
        return vals
    finally:
        if fd is not None:
            os.close(fd)
        teardown(procs)
        q.close()


def bench_pause(repeats, tries=50):
    ctx = mp.get_context('spawn')
    samples, raw = [], []
    for _ in range(repeats):
        vals = pause_sample(ctx, tries)
        raw.append([round(v, 3) for v in vals])
        samples.append(statistics.median(vals))
    log('pause_latency_us: median %.1f us %s' % (
        statistics.median(samples), [round(s, 1) for s in samples]))
    return summarize(samples, 'median_us', start_method='spawn', tries=tries,
                     raw=raw)


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------

class Watchdog(Exception):
    pass


def _on_alarm(signum, frame):
    raise Watchdog('watchdog expired')


def _on_term(signum, frame):
    raise SystemExit(128 + signum)


def cpu_info():
    model = None
    try:
        with open('/proc/cpuinfo') as f:
            for line in f:
                if line.startswith('model name'):
                    model = line.split(':', 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:
        affinity = None
    return {'model': model or platform.processor(),
            'count': os.cpu_count(), 'affinity': affinity,
            'loadavg_start': list(os.getloadavg())}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--repeats', type=int, default=5)
    ap.add_argument('--quick', action='store_true')
    ap.add_argument('--timeout', type=float, default=600.0)
    args = ap.parse_args()
    if args.repeats < 1:
        ap.error('--repeats must be >= 1')

    # Keep stdout clean: everything (including anything a child might print)
    # goes to stderr; only the final JSON is written to the saved stdout fd.
    sys.stdout.flush()
    json_fd = os.dup(1)
    os.dup2(2, 1)

    signal.signal(signal.SIGTERM, _on_term)
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, args.timeout)

    quick, R = args.quick, args.repeats
    ns = [1, 10] if quick else [1, 10, 50]
    k_mgr = 500 if quick else 2000
    k_kern = 50000 if quick else 200000
    m = 10000 if quick else 50000

    doc = {'python': platform.python_version(),
           'implementation': platform.python_implementation(),
           'platform': platform.platform(),
           'cpu': cpu_info(),
           'quick': quick, 'repeats': R,
           'clock': 'time.perf_counter_ns',
           'results': {}}
    res = doc['results']
    t_start = time.monotonic()
    rc = 0
    try:
        log('python %s, repeats=%d, quick=%s' % (doc['python'], R, quick))
        # the machine may be shared: record the 1-min load average before
        # each measurement so contaminated numbers can be recognised
        load = doc['cpu']['loadavg1_before'] = {}
        for name, fn in (
                ('spawn_ready', lambda: bench_spawn_ready(R, ns)),
                ('child_rss_mb', lambda: bench_child_rss(R)),
                ('manager_lock_us', lambda: bench_manager_lock(R, k_mgr)),
                ('manager_call_us', lambda: bench_manager_call(R, k_mgr)),
                ('kernel_lock_us', lambda: bench_kernel_lock(R, k_kern)),
                ('queue_throughput_per_s', lambda: bench_queue(R, m)),
                ('pause_latency_us', lambda: bench_pause(R))):
            load[name] = round(os.getloadavg()[0], 2)
            res[name] = fn()
    except BaseException as e:
        log('FAILED: %s' % ''.join(traceback.format_exception(e)))
        doc['error'] = repr(e)
        rc = 1
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        teardown(ALL_CHILDREN)
        gc.collect()
        try:    # stop the semaphore resource tracker (a helper process)
            from multiprocessing import resource_tracker
            resource_tracker._resource_tracker._stop()
        except Exception:
            pass
    doc['cpu']['loadavg_end'] = list(os.getloadavg())
    doc['wall_s'] = round(time.monotonic() - t_start, 2)
    log('done in %.1f s' % doc['wall_s'])
    with os.fdopen(json_fd, 'w') as out:
        out.write(json.dumps(doc) + '\n')
    return rc


if __name__ == '__main__':
    sys.exit(main())
