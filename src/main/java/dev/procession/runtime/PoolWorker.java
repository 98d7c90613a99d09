package dev.procession.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "$pool-worker" target: the loop of a pool's worker process. It asks the hub for a task,
 * runs the registered target, reports the result or the exception, and asks again, until the
 * hub answers that the pool is closed or terminated.
 */
final class PoolWorker {
    private PoolWorker() {
    }

    static Object work(Mp mp, Args args) {
        long pool = args.integer(0);
        while (true) {
            Object next = mp.client().call("next", Map.of("obj", pool));
            if (!(next instanceof Map<?, ?> task)) {
                return null;
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("obj", pool);
            String op = run(mp, task, report);
            try {
                mp.client().tell(op, report);
            } catch (MpException e) {
                // Too big for a frame: the task fails, the worker goes on.
                Map<String, Object> failed = new LinkedHashMap<>();
                failed.put("obj", pool);
                mp.client().tell(failure("MaybeEncodingError", "Error sending result: " + e.pythonMessage(), e,
                        failed), failed);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String run(Mp mp, Map<?, ?> task, Map<String, Object> report) {
        String name = (String) task.get("target");
        if (!mp.targets().hasTarget(name)) {
            return failure("AttributeError", "no target '" + name + "' in this program",
                    new IllegalArgumentException(name), report);
        }
        try {
            Object result = mp.targets().target(name)
                    .run(mp, new Args((List<Object>) Values.decode(task.get("args"), mp)));
            return encodeResult(result, report);
        } catch (Mp.ExitRequest e) {
            return failure("SystemExit", Integer.toString(e.code), e, report);
        } catch (Throwable t) {
            return failure(PythonErrors.type(t), PythonErrors.message(t), t, report);
        }
    }

    /** As Python's MaybeEncodingError, a result that cannot travel fails the task, not the worker. */
    private static String encodeResult(Object result, Map<String, Object> report) {
        try {
            Object value = Values.encode(result);
            report.put("value", value);
            report.put("repr", Values.repr(result));
            return "done";
        } catch (MpException e) {
            return failure("MaybeEncodingError", "Error sending result: " + e.pythonMessage(), e, report);
        }
    }

    private static String failure(String type, String message, Throwable t, Map<String, Object> report) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        report.put("error", type);
        report.put("message", message == null ? "" : message);
        report.put("traceback", trace.toString());
        return "failed";
    }
}
