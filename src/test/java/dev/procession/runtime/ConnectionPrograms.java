package dev.procession.runtime;

import dev.procession.testing.CaseProgram;
import dev.procession.testing.Check;
import java.util.Arrays;
import java.util.List;

/** Cases mirroring CPython's _TestConnection and _TestPoll, run in real processes. */
public final class ConnectionPrograms extends CaseProgram {
    static final double TIMEOUT1 = 0.3;
    static final double SLACK = 2.0;
    /** What the echo child stops at (CPython uses an empty bytes object). */
    static final String SENTINEL = "";

    @Override
    public String id() {
        return "test-connection";
    }

    @Override
    protected void define() {
        test("connection", (mp, a) -> {
            Pipe pipe = mp.pipe("pipe", true);
            Connection conn = pipe.first();
            Connection childConn = pipe.second();
            Process p = mp.process("echo", childConn).daemon(true).start();
            List<Object> seq = Arrays.asList(1L, 2.25, null);
            conn.send(seq);
            Check.equal(conn.recv(), seq, "echo of [1, 2.25, None]");
            String msg = "hello world";
            conn.send(msg);
            Check.equal(conn.recv(), msg, "echo of a string");
            conn.send(msg.repeat(10));
            Check.equal(conn.recv(), msg.repeat(10), "echo of a longer string");

            long t0 = System.nanoTime();
            Check.equal(conn.poll(), false, "poll() with nothing to receive");
            Check.within(since(t0), 0, SLACK, "poll() returns at once");
            t0 = System.nanoTime();
            Check.equal(conn.poll(-1.0), false, "poll(-1)");
            Check.within(since(t0), 0, SLACK, "poll(-1) returns at once");
            t0 = System.nanoTime();
            Check.equal(conn.poll(TIMEOUT1), false, "poll(TIMEOUT1) with nothing coming");
            Check.within(since(t0), TIMEOUT1 - 0.05, TIMEOUT1 + SLACK, "poll(TIMEOUT1) waits TIMEOUT1");

            conn.send(null);
            t0 = System.nanoTime();
            Check.equal(conn.poll(10.0), true, "poll once the echo of None is on its way");
            Check.within(since(t0), 0, SLACK, "poll returns when it arrives");
            Check.equal(conn.recv(), null, "echo of None");

            // CPython sends 16 MiB here; a message is one frame, at most 1 MiB, so a big one is ~512 KiB.
            String big = "X".repeat(512 * 1024);
            conn.send(big);
            Check.equal(conn.recv(), big, "echo of a 512 KiB string");

            conn.send(SENTINEL);
            childConn.close();
            Check.equal(conn.readable(), true, "readable");
            Check.equal(conn.writable(), true, "writable");
            // The child closes its end and exits: with every copy closed, recv sees the end of the stream.
            MpException eof = Check.raises(MpException.class, conn::recv, "recv after the child closed its end");
            Check.equal(eof.pythonType(), "EOFError", "recv's exception");
            p.join();
            return null;
        });
        target("echo", (mp, a) -> {
            Connection conn = a.get(0, Connection.class);
            Object msg;
            while (!SENTINEL.equals(msg = conn.recv())) {
                conn.send(msg);
            }
            conn.close();
            return null;
        });

        test("duplex_false", (mp, a) -> {
            Pipe pipe = mp.pipe(false);
            Connection reader = pipe.first();
            Connection writer = pipe.second();
            writer.send(1);
            Check.equal(reader.recv(), 1L, "recv of what the writer sent");
            Check.equal(reader.readable(), true, "reader.readable");
            Check.equal(reader.writable(), false, "reader.writable");
            Check.equal(writer.readable(), false, "writer.readable");
            Check.equal(writer.writable(), true, "writer.writable");
            checkOsError(() -> reader.send(2), "reader.send");
            checkOsError(writer::recv, "writer.recv");
            checkOsError(writer::poll, "writer.poll");
            return null;
        });

        test("spawn_close", (mp, a) -> {
            Pipe pipe = mp.pipe("pipe", true);
            Connection conn = pipe.first();
            Connection childConn = pipe.second();
            Process p = mp.process("echo", childConn).daemon(true).start();
            // The parent's copy only: the child's copy stays open, as with file descriptors.
            childConn.close();
            Check.equal(childConn.closed(), true, "the parent's copy is closed");
            conn.send("hello");
            Check.equal(conn.recv(), "hello", "the child still echoes");
            conn.send(SENTINEL);
            MpException eof = Check.raises(MpException.class, conn::recv, "recv once the child closed its copy");
            Check.equal(eof.pythonType(), "EOFError", "recv's exception");
            conn.close();
            p.join();
            return null;
        });

        test("context", (mp, a) -> {
            Pipe pipe = mp.pipe();
            Connection first = pipe.first();
            Connection second = pipe.second();
            try (first; second) {
                first.send(1729);
                Check.equal(second.recv(), 1729L, "recv inside the with block");
                Check.equal(first.closed(), false, "a open inside");
                Check.equal(second.closed(), false, "b open inside");
            }
            Check.equal(first.closed(), true, "a closed after");
            Check.equal(second.closed(), true, "b closed after");
            checkOsError(first::recv, "a.recv after close");
            checkOsError(second::recv, "b.recv after close");
            return null;
        });

        // _TestPoll.test_dont_merge, with values for bytes: each message is received whole and alone.
        test("dont_merge", (mp, a) -> {
            Pipe pipe = mp.pipe();
            Connection conn = pipe.first();
            Check.equal(conn.poll(0.0), false, "poll(0.0) before anything is sent");
            Check.equal(conn.poll(0.1), false, "poll(0.1) before anything is sent");
            Process p = mp.process("send-three", pipe.second()).start();
            Check.equal(conn.recv(), "a", "first message");
            Check.equal(conn.poll(1.0), true, "poll before the second");
            Check.equal(conn.poll(1.0), true, "poll again: polling takes nothing");
            Check.equal(conn.recv(), "b", "second message");
            Check.equal(conn.poll(1.0), true, "poll before the third");
            Check.equal(conn.poll(0.0), true, "poll(0.0) before the third");
            Check.equal(conn.recv(), "cd", "third message");
            p.join();
            return null;
        });
        target("send-three", (mp, a) -> {
            Connection conn = a.get(0, Connection.class);
            conn.send("a");
            conn.send("b");
            conn.send("cd");
            return null;
        });

        // Ours: the other end gone for good, send raises BrokenPipeError; an end travels in a message.
        test("broken-pipe", (mp, a) -> {
            Pipe pipe = mp.pipe();
            pipe.second().close();
            MpException broken = Check.raises(MpException.class, () -> pipe.first().send("x"),
                    "send when every copy of the other end is closed");
            Check.equal(broken.pythonType(), "BrokenPipeError", "send's exception");
            MpException eof = Check.raises(MpException.class, pipe.first()::recv, "recv likewise");
            Check.equal(eof.pythonType(), "EOFError", "recv's exception");
            return null;
        });

        test("end-in-a-message", (mp, a) -> {
            Pipe control = mp.pipe("control", true);
            Pipe data = mp.pipe("data", true);
            Process p = mp.process("reply-on-received-end", control.second()).start();
            control.first().send(data.second());
            // Our copy closed while the end travels: the child's copy keeps it open.
            data.second().close();
            Check.equal(data.first().recv(), "over the end I was sent", "the child answered on the end it got");
            p.join();
            MpException eof = Check.raises(MpException.class, data.first()::recv, "recv after the child exited");
            Check.equal(eof.pythonType(), "EOFError", "recv's exception");
            return null;
        });
        target("reply-on-received-end", (mp, a) -> {
            Connection end = (Connection) a.get(0, Connection.class).recv();
            end.send("over the end I was sent");
            return null;
        });
    }

    private static void checkOsError(Check.ThrowingRunnable body, String what) {
        MpException e = Check.raises(MpException.class, body, what);
        Check.equal(e.pythonType(), "OSError", what + ": exception");
    }
}
