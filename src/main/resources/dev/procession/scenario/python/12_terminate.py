# Seed topics: terminate is not immediate (the process is still alive right after it), kill,
# and the exit codes a parent reads: 0 for a normal end, minus the signal number for a signal.
import time
from multiprocessing import Process

class MyProcess(Process):
    def __init__(self, name):
        super().__init__()
        self.person = name

    def run(self):
        print('%s sleeps' % self.person)
        time.sleep(10)
        print('%s woke up' % self.person)   # never printed: the process is ended first

def work():
    print('work done')

if __name__ == '__main__':
    p = MyProcess('alex')
    p.start()
    time.sleep(0.5)
    p.terminate()              # sends SIGTERM
    print('right after terminate, alive:', p.is_alive())   # usually still True
    p.join()
    print('after join, alive:', p.is_alive(), 'exitcode:', p.exitcode)
    q = MyProcess('egon')
    q.start()
    time.sleep(0.5)
    q.kill()                   # sends SIGKILL
    q.join()
    print('after kill, exitcode:', q.exitcode)
    r = Process(target=work)
    r.start()
    r.join()
    print('after a normal end, exitcode:', r.exitcode)
