package dev.procession.cli;

import dev.procession.events.Event;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Prints the event log as lines a person reads: time, process, and what it did in words. */
final class LogPrinter implements Consumer<Event> {
    private final PrintWriter out;
    private final Map<String, String> names = new HashMap<>();

    LogPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void accept(Event e) {
        if ("new".equals(e.kind()) && e.obj() != null) {
            names.put(e.obj(), e.text("name"));
        }
        String what = describe(e);
        if (what == null) {
            return;
        }
        String who = e.proc() == null ? "hub" : e.proc() + " [" + e.pid() + "]";
        out.printf("%8.3fs  %-24s %s%n", e.micros() / 1e6, who, what);
    }

    /** A proxy call's key or index, as Python would write it: ['count'], [3]. */
    private static String argument(Event e) {
        Object key = e.get("key") != null ? e.get("key") : e.get("index");
        return key == null ? "" : "[" + (key instanceof String k ? "'" + k + "'" : key) + "]";
    }

    private String describe(Event e) {
        String obj = e.obj() == null ? "" : names.getOrDefault(e.obj(), e.obj());
        return switch (e.kind()) {
            case "print" -> "| " + e.text("text");
            case "spawn" -> "spawned by " + e.get("parent") + (Boolean.TRUE.equals(e.get("daemon")) ? " (daemon)" : "");
            case "start" -> "started, target " + e.get("target");
            case "exit" -> "exited, exitcode " + (e.get("exitcode") == null ? "unknown" : e.get("exitcode"))
                    + " (" + e.get("how") + ")";
            case "signal" -> e.get("signal") + " from " + e.get("by");
            case "new" -> "created " + e.get("type") + " " + obj;
            case "acquire-wait" -> "waits to acquire " + obj;
            case "acquired" -> "acquired " + obj;
            case "released" -> "released " + obj;
            case "wait" -> "waits on " + obj;
            case "join" -> "waits in join() for " + e.obj() + (e.get("timeout") == null ? "" : ", at most "
                    + e.get("timeout") + " s");
            case "woke" -> "woken by " + obj;
            case "set" -> "sets " + obj;
            case "clear" -> "clears " + obj;
            case "check" -> "checks " + obj + ": " + (Boolean.TRUE.equals(e.get("set")) ? "set" : "not set");
            case "timeout" -> "timed out on " + obj;
            case "sleep", "disconnect", "speed" -> null;
            case "notify" -> "notifies " + obj + " (" + e.get("n") + "), woke " + e.get("woken");
            case "pass" -> "arrived last at " + obj + ": all " + e.get("parties") + " go on";
            case "broken" -> obj + " is broken (" + e.get("reason") + ")";
            case "submit" -> "submits " + e.get("tasks") + " task(s) of " + e.get("target") + " to " + obj;
            case "task" -> "runs task " + e.get("task") + " of job " + e.get("job") + ": " + e.get("target")
                    + e.get("args");
            case "task-done" -> "finished task " + e.get("task") + " of job " + e.get("job") + " -> " + e.get("result");
            case "task-failed" -> "task " + e.get("task") + " of job " + e.get("job") + " raised " + e.get("error")
                    + ": " + e.get("message");
            case "serve" -> "serves " + obj;
            case "proxy-get" -> obj + "." + e.get("op") + argument(e) + " -> " + e.get("value");
            case "proxy-set" -> obj + "." + e.get("op") + argument(e) + (e.get("value") == null ? ""
                    : " = " + e.get("value"));
            case "put" -> "puts " + e.get("item") + " on " + obj + " (size " + e.get("size") + ")";
            case "got" -> "gets " + e.get("item") + " from " + obj + " (size " + e.get("size") + ")";
            case "put-wait" -> obj + " is full: waits to put " + e.get("item");
            case "get-wait" -> obj + " is empty: waits to get";
            case "send" -> "sends " + e.get("item") + " into " + obj;
            case "recv" -> "receives " + e.get("item") + " from " + obj;
            case "recv-wait" -> "waits to receive on " + obj;
            case "eof" -> obj + ": the other end is closed (EOFError)";
            case "op-error" -> e.get("op") + " on " + obj + " failed: " + e.get("error") + ": " + e.get("message");
            case "orphan" -> "is an orphan: its parent " + e.get("deadParent") + " ended first";
            case "abandoned" -> obj + " is still held by dead pid " + e.get("holder");
            case "error" -> "raised " + e.get("exception");
            case "refused" -> "refused a connection: " + e.get("reason");
            default -> e.kind() + (obj.isEmpty() ? "" : " " + obj) + (e.data().isEmpty() ? "" : " " + e.data());
        };
    }
}
