# Seed topics: the two ways to create a process (a target function with args, or a subclass of
# Process that overrides run), and data isolation: every process has its own copy of the globals.
import os
from multiprocessing import Process

counter = 100

def work(name, n):
    global counter
    counter = 0                # changes this child's copy only
    print('%s got arg %s, runs in %s, parent %s' % (name, n, os.getpid(), os.getppid()))
    print('counter in %s is now %s' % (name, counter))

class MyProcess(Process):
    def __init__(self, name):
        super().__init__()
        self.person = name

    def run(self):
        global counter
        counter = 0            # changes this child's copy only
        print('%s runs in %s, parent %s' % (self.person, os.getpid(), os.getppid()))
        print('counter in %s is now %s' % (self.person, counter))

if __name__ == '__main__':
    print('main runs in %s' % os.getpid())
    p1 = Process(target=work, args=('alex', 1))   # the first way: a target and its args
    p1.start()
    p2 = MyProcess('egon')                         # the second way: a subclass
    p2.start()
    p1.join()
    p2.join()
    print('counter in the parent is still', counter)
