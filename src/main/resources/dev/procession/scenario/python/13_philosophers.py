# Dining philosophers: N philosophers round a table, one fork (a Lock) between each two plates.
# Each takes the fork on the left, thinks a moment about the right one, then takes it too. When
# every philosopher holds a left fork, each waits for a neighbour's: a deadlock, and the program
# never ends (stop it with Ctrl+C).
import time
from multiprocessing import Lock, Process, Semaphore

N = 5
FIX = None       # try FIX = 'ordered' (lower-numbered fork first) or FIX = 'waiter' (at most N - 1 sit down)

def philosopher(i, forks, waiter):
    first, second = i, (i + 1) % N         # the left fork, then the right one
    if FIX == 'ordered':
        first, second = min(first, second), max(first, second)
    if waiter is not None:
        waiter.acquire()                   # the waiter lets at most N - 1 philosophers sit down  # @waiter-acquire
    with forks[first]:  # @first-enter @first-exit
        print('philosopher %s took fork %s' % (i, first))  # @print-first
        time.sleep(0.5)                    # thinking about the other fork  # @sleep-think
        with forks[second]:  # @second-enter @second-exit
            print('philosopher %s eats' % i)  # @print-eats
            time.sleep(0.3)  # @sleep-eat
    if waiter is not None:
        waiter.release()  # @waiter-release
    print('philosopher %s is full' % i)  # @print-full

if __name__ == '__main__':
    forks = [Lock() for i in range(N)]  # @Lock
    waiter = Semaphore(N - 1) if FIX == 'waiter' else None  # @Semaphore
    for i in range(N):
        p = Process(target=philosopher, args=(i, forks, waiter), name='philosopher%s' % i)  # @Process
        p.start()  # @start
