# Two processes, two Locks taken in opposite orders: a takes lock1 then lock2, b takes lock2 then
# lock1. Each gets its first lock, then waits for the one the other holds: a deadlock, and the
# program never ends (stop it with Ctrl+C).
import time
from multiprocessing import Lock, Process

ORDERED = False  # try ORDERED = True: both take lock1 first

def worker(name, first, second):
    with first:  # @first-enter @first-exit
        print('%s took its first lock' % name)  # @print-first
        time.sleep(0.5)  # @sleep
        with second:  # @second-enter @second-exit
            print('%s took both locks' % name)  # @print-both
    print('%s is done' % name)  # @print-done

if __name__ == '__main__':
    lock1, lock2 = Lock(), Lock()  # @Lock
    a = Process(target=worker, args=('a', lock1, lock2), name='a')  # @Process-a
    if ORDERED:
        b = Process(target=worker, args=('b', lock1, lock2), name='b')  # @Process-ordered
    else:
        b = Process(target=worker, args=('b', lock2, lock1), name='b')  # @Process-b
    a.start()  # @start-a
    b.start()  # @start-b
