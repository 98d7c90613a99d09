# CPython's _test_multiprocessing cases for the primitives the hub serves (the processes flavour),
# written again for run-python: each runs in the main process with real children, against the
# hub. Names follow CPython's (docs/cpython-tests.md). Prints "ok NAME" or "FAIL NAME: why" per
# case, then "N passed, M failed"; exits 1 if any failed. Its argument, if any, is the start method.
import multiprocessing as mp
import queue
import sys
import threading
import time
import traceback

CASES = []


def case(fn):
    CASES.append(fn)
    return fn


def raises(kind, fn, *args):
    try:
        fn(*args)
    except kind:
        return
    raise AssertionError("%s did not raise %s" % (getattr(fn, "__name__", fn), kind.__name__))


def timed(fn, *args):
    start = time.monotonic()
    result = fn(*args)
    return result, time.monotonic() - start


def about(elapsed, expected):
    # CPython's assertTimingAlmostEqual, with the loose bounds of a loaded two-core machine.
    assert expected - 0.01 <= elapsed <= max(2.0, expected * 3), "took %.3f s, expected %.3f" % (elapsed, expected)


# ---------------------------------------------------------------- _TestLock

@case
def test_lock():
    lock = mp.Lock()
    assert lock.acquire() is True
    assert lock.acquire(False) is False
    lock.release()
    raises((ValueError, threading.ThreadError), lock.release)


@case
def test_rlock():
    lock = mp.RLock()
    assert lock.acquire() and lock.acquire() and lock.acquire()
    lock.release()
    lock.release()
    lock.release()
    raises((AssertionError, RuntimeError, ValueError), lock.release)


@case
def test_lock_context():
    with mp.Lock():
        pass


# ---------------------------------------------------------------- _TestSemaphore

@case
def test_semaphore():
    sem = mp.Semaphore(2)
    assert sem.get_value() == 2
    assert sem.acquire() and sem.get_value() == 1
    assert sem.acquire() and sem.get_value() == 0
    assert sem.acquire(False) is False
    sem.release()
    assert sem.get_value() == 1
    sem.release()
    sem.release()
    assert sem.get_value() == 3


@case
def test_bounded_semaphore():
    sem = mp.BoundedSemaphore(2)
    sem.acquire()
    sem.release()
    raises(ValueError, sem.release)


@case
def test_semaphore_timeout():
    sem = mp.Semaphore(0)
    result, elapsed = timed(sem.acquire, False)
    assert result is False
    about(elapsed, 0)
    result, elapsed = timed(sem.acquire, True, 0.3)
    assert result is False
    about(elapsed, 0.3)


# ---------------------------------------------------------------- _TestEvent

def _set_later(event):
    time.sleep(0.3)
    event.set()


@case
def test_event():
    event = mp.Event()
    assert event.is_set() is False
    result, elapsed = timed(event.wait, 0.0)
    assert result is False
    result, elapsed = timed(event.wait, 0.3)
    assert result is False
    about(elapsed, 0.3)
    event.set()
    assert event.is_set() is True
    assert event.wait() is True
    assert event.wait(0.0) is True
    event.clear()
    p = mp.Process(target=_set_later, args=(event,))
    p.start()
    assert event.wait() is True
    p.join()
    assert p.exitcode == 0


# ---------------------------------------------------------------- _TestCondition

def _wait_on(cond, woken, sleeping):
    with cond:
        sleeping.release()
        cond.wait()
        woken.release()


def _start_sleepers(cond, n):
    woken, sleeping = mp.Semaphore(0), mp.Semaphore(0)
    ps = [mp.Process(target=_wait_on, args=(cond, woken, sleeping)) for _ in range(n)]
    for p in ps:
        p.start()
    for _ in range(n):
        sleeping.acquire()
    return ps, woken


@case
def test_notify():
    cond = mp.Condition()
    ps, woken = _start_sleepers(cond, 2)
    assert woken.acquire(True, 0.3) is False, "woken before any notify"
    with cond:
        cond.notify()
    assert woken.acquire(True, 10)
    assert woken.acquire(True, 0.3) is False, "notify() woke more than one"
    with cond:
        cond.notify()
    assert woken.acquire(True, 10)
    for p in ps:
        p.join()


@case
def test_notify_all():
    cond = mp.Condition()
    ps, woken = _start_sleepers(cond, 3)
    with cond:
        cond.notify_all()
    for _ in range(3):
        assert woken.acquire(True, 10)
    for p in ps:
        p.join()


@case
def test_condition_timeout():
    cond = mp.Condition()
    with cond:
        result, elapsed = timed(cond.wait, 0.3)
    assert result is False
    about(elapsed, 0.3)


def _count_up(cond, state):
    for _ in range(4):
        time.sleep(0.05)
        with cond:
            state.put(1)
            cond.notify()


@case
def test_waitfor():
    cond = mp.Condition()
    state = mp.Queue()
    seen = []

    def four():
        while True:
            try:
                seen.append(state.get(False))
            except queue.Empty:
                return len(seen) >= 4
    p = mp.Process(target=_count_up, args=(cond, state))
    p.start()
    with cond:
        assert cond.wait_for(four, 10)
    p.join()


# ---------------------------------------------------------------- _TestBarrier

def _arrive(barrier, results):
    results.put(barrier.wait())


@case
def test_barrier():
    barrier = mp.Barrier(3)
    results = mp.Queue()
    ps = [mp.Process(target=_arrive, args=(barrier, results)) for _ in range(2)]
    for p in ps:
        p.start()
    indexes = {barrier.wait()} | {results.get(), results.get()}
    assert indexes == {0, 1, 2}, indexes
    assert barrier.parties == 3 and barrier.n_waiting == 0 and barrier.broken is False
    for p in ps:
        p.join()


def _abort_later(barrier):
    time.sleep(0.2)
    barrier.abort()


@case
def test_abort():
    barrier = mp.Barrier(2)
    p = mp.Process(target=_abort_later, args=(barrier,))
    p.start()
    raises(threading.BrokenBarrierError, barrier.wait)
    assert barrier.broken is True
    p.join()
    barrier.reset()
    assert barrier.broken is False


@case
def test_barrier_timeout():
    barrier = mp.Barrier(2)
    result, elapsed = timed(lambda: raises(threading.BrokenBarrierError, barrier.wait, 0.3))
    about(elapsed, 0.3)


# ---------------------------------------------------------------- _TestQueue

def _put_all(q, items):
    for item in items:
        q.put(item)


@case
def test_put_get():
    q = mp.Queue(maxsize=3)
    for i in range(3):
        q.put(i)
    assert q.full() and q.qsize() == 3
    raises(queue.Full, q.put_nowait, 3)
    _, elapsed = timed(lambda: raises(queue.Full, q.put, 3, True, 0.3))
    about(elapsed, 0.3)
    assert [q.get() for _ in range(3)] == [0, 1, 2]
    assert q.empty()
    raises(queue.Empty, q.get_nowait)
    _, elapsed = timed(lambda: raises(queue.Empty, q.get, True, 0.3))
    about(elapsed, 0.3)


@case
def test_fork():
    q = mp.Queue()
    items = [(1, "a"), {2: b"b"}, [3.5, None], "x" * 100]
    p = mp.Process(target=_put_all, args=(q, items))
    p.start()
    assert [q.get() for _ in items] == items
    p.join()


def _work(q):
    while True:
        item = q.get()
        q.task_done()
        if item is None:
            return


@case
def test_task_done():
    q = mp.JoinableQueue()
    ps = [mp.Process(target=_work, args=(q,)) for _ in range(2)]
    for p in ps:
        p.start()
    for i in range(6):
        q.put(i)
    q.join()
    for _ in ps:
        q.put(None)
    for p in ps:
        p.join()
    raises(ValueError, q.task_done)


# ---------------------------------------------------------------- _TestConnection

def _echo(conn):
    for msg in iter(conn.recv, None):
        conn.send(msg)
    conn.close()


@case
def test_connection():
    a, b = mp.Pipe()
    p = mp.Process(target=_echo, args=(b,))
    p.start()
    b.close()  # the child's copy is the last one: its close ends the pipe, as with Python's file descriptors
    for msg in ["x", (1, 2), {"k": [1]}, b"bytes"]:
        a.send(msg)
        assert a.recv() == msg
    assert a.poll(0) is False
    a.send(None)
    raises(EOFError, a.recv)
    p.join()


def main():
    failed = 0
    for fn in CASES:
        try:
            fn()
            print("ok %s" % fn.__name__)
        except Exception:
            failed += 1
            print("FAIL %s: %s" % (fn.__name__, traceback.format_exc().strip().splitlines()[-1]))
    print("%d passed, %d failed" % (len(CASES) - failed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        mp.set_start_method(sys.argv[1])
    main()
