# Seed topic: join. The parent waits for each child to end; join(timeout) gives up after timeout
# seconds and leaves the child running.
import time
from multiprocessing import Process

def work(i):
    time.sleep(i)  # @sleep-work
    print('child %s done' % i)  # @print-child-done

def long_work(seconds):
    time.sleep(seconds)  # @sleep-long
    print('long child done')  # @print-long-done

if __name__ == '__main__':
    children = []
    for i in range(1, 4):
        p = Process(target=work, args=(i,))  # @Process-work
        p.start()  # @start-work
        children.append(p)
    for p in children:
        p.join()               # blocks until p ends  # @join-work
    print('all children done')  # @print-all-done
    p = Process(target=long_work, args=(5,))  # @Process-long
    p.start()  # @start-long
    p.join(2)                  # gives up after 2 s: p is still running  # @join-timeout
    print('after join(2), alive:', p.is_alive())  # @print-after-timeout
    p.join()  # @join-long
    print('after join(), alive:', p.is_alive(), 'exitcode:', p.exitcode)  # @print-after-join
