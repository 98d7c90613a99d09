# Seed topic: join. The parent waits for each child to end; join(timeout) gives up after timeout
# seconds and leaves the child running.
import time
from multiprocessing import Process

def work(i):
    time.sleep(i)
    print('child %s done' % i)

def long_work(seconds):
    time.sleep(seconds)
    print('long child done')

if __name__ == '__main__':
    children = []
    for i in range(1, 4):
        p = Process(target=work, args=(i,))
        p.start()
        children.append(p)
    for p in children:
        p.join()               # blocks until p ends
    print('all children done')
    p = Process(target=long_work, args=(5,))
    p.start()
    p.join(2)                  # gives up after 2 s: p is still running
    print('after join(2), alive:', p.is_alive())
    p.join()
    print('after join(), alive:', p.is_alive(), 'exitcode:', p.exitcode)
