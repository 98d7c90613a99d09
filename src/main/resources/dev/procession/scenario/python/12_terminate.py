# Seed topics: terminate is not immediate (the process is still alive right after it), kill,
# and the exit codes a parent reads: 0 for a normal end, minus the signal number for a signal.
import time
from multiprocessing import Process

class MyProcess(Process):
    def __init__(self, name):
        super().__init__()
        self.person = name

    def run(self):
        print('%s sleeps' % self.person)  # @print-sleeps
        time.sleep(10)  # @sleep-run
        print('%s woke up' % self.person)   # never printed: the process is ended first  # @print-woke-up

def work():
    print('work done')  # @print-work-done

if __name__ == '__main__':
    p = MyProcess('alex')  # @MyProcess-p
    p.start()  # @start-p
    time.sleep(0.5)  # @sleep-before-terminate
    p.terminate()              # sends SIGTERM  # @terminate
    print('right after terminate, alive:', p.is_alive())   # usually still True  # @print-after-terminate
    p.join()  # @join-p
    print('after join, alive:', p.is_alive(), 'exitcode:', p.exitcode)  # @print-after-join
    q = MyProcess('egon')  # @MyProcess-q
    q.start()  # @start-q
    time.sleep(0.5)  # @sleep-before-kill
    q.kill()                   # sends SIGKILL  # @kill
    q.join()  # @join-q
    print('after kill, exitcode:', q.exitcode)  # @print-after-kill
    r = Process(target=work)  # @Process-r
    r.start()  # @start-r
    r.join()  # @join-r
    print('after a normal end, exitcode:', r.exitcode)  # @print-after-normal-end
