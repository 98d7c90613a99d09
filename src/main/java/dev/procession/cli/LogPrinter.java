package dev.procession.cli;

import dev.procession.events.Event;
import dev.procession.events.Outcome;
import dev.procession.model.PrimitiveState;
import dev.procession.model.WaitCycle;
import dev.procession.protocol.PyRepr;
import java.io.PrintWriter;

/**
 * Prints the event log as lines a person reads: time, process, and what it did in words. It
 * folds the log as it goes (the run model is the one replayer) to name objects as the program did.
 */
final class LogPrinter extends FoldingReader {
    LogPrinter(PrintWriter out) {
        super(out);
    }

    @Override
    protected void read(Event e) {
        String what = describe(e);
        if (what == null) {
            return;
        }
        String who = e.proc() == null ? "hub" : e.proc() + " [" + e.pid() + "]";
        out.printf("%8.3fs  %-24s %s%n", e.micros() / 1e6, who, what);
    }

    private static boolean atOnce(Event e) {
        return Outcome.of(e) == Outcome.AT_ONCE;
    }

    /** A proxy call's key or index, as Python would write it: ['count'], [3]. */
    private static String argument(Event e) {
        Object key = e.get("key") != null ? e.get("key") : e.get("index");
        return key == null ? "" : "[" + PyRepr.of(key) + "]";
    }

    /** Where a read or write of a shared Value or Array went: .value, [3], [0:4]. */
    private static String place(Event e) {
        if (e.get("index") != null) {
            return "[" + e.get("index") + "]";
        }
        return e.get("start") != null ? "[" + e.get("start") + ":" + e.get("stop") + "]" : ".value";
    }

    private String describe(Event e) {
        PrimitiveState named = e.obj() == null ? null : state().primitive(e.obj());
        String obj = e.obj() == null ? "" : named == null ? e.obj() : named.label();
        return switch (e.kind()) {
            case PRINT -> "| " + e.text("text");
            case SPAWN -> "spawned by " + e.get("parent") + (Boolean.TRUE.equals(e.get("daemon")) ? " (daemon)" : "");
            case START -> "started, target " + e.get("target");
            case EXIT -> "exited, exitcode " + (e.get("exitcode") == null ? "unknown" : e.get("exitcode"))
                    + " (" + e.get("how") + ")";
            case SIGNAL -> e.get("signal") + " from " + e.get("by");
            case NEW -> "created " + e.get("type") + " " + obj;
            case ACQUIRE_WAIT -> "waits to acquire " + obj;
            case ACQUIRED -> "acquired " + obj;
            case RELEASED -> "released " + obj;
            case WAIT -> "waits on " + obj;
            case JOIN -> "waits in join() for " + e.obj() + (e.get("timeout") == null ? "" : ", at most "
                    + e.get("timeout") + " s");
            case WOKE -> atOnce(e) ? "finds " + obj + " ready, no wait" : "woken by " + obj;
            case JOIN_END -> "join() of " + e.obj() + " returns" + (e.get("exitcode") == null ? "" : ", exitcode "
                    + e.get("exitcode")) + (Outcome.of(e) == Outcome.TIMEOUT ? " (timed out)" : "");
            case RUN -> "runs " + e.get("scenario") + " " + e.get("params") + " at speed " + e.get("speed");
            case SET -> "sets " + obj;
            case CLEAR -> "clears " + obj;
            case CHECK -> "checks " + obj + ": " + (Boolean.TRUE.equals(e.get("set")) ? "set" : "not set");
            case TIMEOUT -> atOnce(e) ? e.get("op") + " on " + obj + " fails at once" : "timed out on " + obj;
            case SLEEP, SLEEP_END, SAMPLE, DISCONNECT, SPEED, CLOCK -> null;
            case NOTIFY -> "notifies " + obj + " (" + e.get("n") + "), woke " + e.get("woken");
            case PASS -> "arrived last at " + obj + ": all " + e.get("parties") + " go on";
            case BROKEN -> obj + " is broken (" + e.get("reason") + ")";
            case SUBMIT -> "submits " + e.get("tasks") + " task(s) of " + e.get("target") + " to " + obj;
            case TASK -> "runs task " + e.get("task") + " of job " + e.get("job") + ": "
                    + PyRepr.call(String.valueOf(e.get("target")), e.get("args"));
            case TASK_DONE -> "finished task " + e.get("task") + " of job " + e.get("job") + " -> " + e.get("result");
            case TASK_FAILED -> "task " + e.get("task") + " of job " + e.get("job") + " raised " + e.get("error")
                    + ": " + e.get("message");
            case SERVE -> "serves " + obj;
            case PROXY_GET -> obj + "." + e.get("op") + argument(e) + " -> " + PyRepr.of(e.get("value"));
            case PROXY_SET -> obj + "." + e.get("op") + argument(e) + (e.get("value") == null ? ""
                    : " = " + PyRepr.of(e.get("value")));
            case READ -> obj + place(e) + " -> " + PyRepr.of(e.get("value"));
            case WRITE -> obj + place(e) + " = " + PyRepr.of(e.get("value"));
            case PUT -> "puts " + e.get("item") + " on " + obj + " (size " + e.get("size") + ")";
            case GOT -> "gets " + e.get("item") + " from " + obj + " (size " + e.get("size") + ")";
            case PUT_WAIT -> obj + " is full: waits to put " + e.get("item");
            case GET_WAIT -> obj + " is empty: waits to get";
            case SEND -> "sends " + e.get("item") + " into " + obj;
            case RECV -> "receives " + e.get("item") + " from " + obj;
            case RECV_WAIT -> "waits to receive on " + obj;
            case EOF -> obj + ": the other end is closed (EOFError)";
            case OP_ERROR -> e.get("op") + " on " + obj + " failed: " + e.get("error") + ": " + e.get("message");
            case ORPHAN -> "is an orphan: its parent " + e.get("deadParent") + " ended first";
            case ABANDONED -> obj + " is still held by dead pid " + e.get("holder");
            case ERROR -> "raised " + e.get("exception");
            case REFUSED -> "refused a connection: " + e.get("reason");
            case STEP_MODE -> Boolean.TRUE.equals(e.get("on")) ? "step mode: each step waits for a choice"
                    : "step mode off: every process runs freely";
            case STEP_WAIT -> null;
            case STEP -> "goes: " + e.get("op") + (obj.isEmpty() ? "" : " " + obj) + " (" + e.get("choice") + ")";
            case DEADLOCK -> "deadlock: " + WaitCycle.of(e).describe(state());
            default -> e.kind().wireName() + (obj.isEmpty() ? "" : " " + obj) + (e.data().isEmpty() ? "" : " " + e.data());
        };
    }
}
