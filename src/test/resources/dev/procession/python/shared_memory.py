# Shared memory runs natively under run-python, and says so; a Value's lock is the hub's.
from multiprocessing import Process, Value, Array, shared_memory

def add(v, a):
    with v.get_lock():
        v.value += 1
    a[0] = 7

if __name__ == '__main__':
    v = Value('i', 0)
    a = Array('i', 3)
    shm = shared_memory.SharedMemory(create=True, size=16)
    ps = [Process(target=add, args=(v, a)) for _ in range(3)]
    for p in ps: p.start()
    for p in ps: p.join()
    print(v.value, a[:])
    shm.close(); shm.unlink()
