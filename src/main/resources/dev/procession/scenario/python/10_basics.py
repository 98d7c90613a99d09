# Seed topics: the two ways to create a process (a target function with args, or a subclass of
# Process that overrides run), and data isolation: every process has its own copy of the globals.
import os
from multiprocessing import Process

counter = 100

def work(name, n):
    global counter
    counter = 0                # changes this child's copy only
    print('%s got arg %s, runs in %s, parent %s' % (name, n, os.getpid(), os.getppid()))  # @print-work-args
    print('counter in %s is now %s' % (name, counter))  # @print-work-counter

class MyProcess(Process):
    def __init__(self, name):
        super().__init__()
        self.person = name

    def run(self):
        global counter
        counter = 0            # changes this child's copy only
        print('%s runs in %s, parent %s' % (self.person, os.getpid(), os.getppid()))  # @print-run-pid
        print('counter in %s is now %s' % (self.person, counter))  # @print-run-counter

if __name__ == '__main__':
    print('main runs in %s' % os.getpid())  # @print-main-pid
    p1 = Process(target=work, args=('alex', 1))   # the first way: a target and its args  # @Process-p1
    p1.start()  # @start-p1
    p2 = MyProcess('egon')                         # the second way: a subclass  # @MyProcess-p2
    p2.start()  # @start-p2
    p1.join()  # @join-p1
    p2.join()  # @join-p2
    print('counter in the parent is still', counter)  # @print-parent-counter
