package dev.procession.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The entry point of every process of a run: connect to the hub, learn what to run, run it,
 * then do what Python does at exit (terminate daemonic children, join the others).
 */
public final class ChildMain {
    private ChildMain() {
    }

    public static void main(String[] argv) {
        String socket = System.getenv(Launcher.ENV_SOCKET);
        String token = System.getenv(Launcher.ENV_TOKEN);
        String proc = System.getenv(Launcher.ENV_PROC);
        if (socket == null || token == null || proc == null) {
            System.err.println("procession: this is a process of a Procession run; start it through the app or"
                    + " the CLI (missing " + Launcher.ENV_SOCKET + ", " + Launcher.ENV_TOKEN + " or "
                    + Launcher.ENV_PROC + ")");
            System.exit(2);
        }
        HubClient.Connected connected;
        try {
            connected = HubClient.connect(Path.of(socket), token, Long.parseLong(proc));
        } catch (Exception e) {
            System.err.println("procession: cannot reach the hub: " + e.getMessage());
            System.exit(ExitCodes.HUB_LOST);
            return;
        }
        System.exit(run(connected.client(), connected.spec(), Path.of(socket), token));
    }

    @SuppressWarnings("unchecked")
    private static int run(HubClient client, Map<String, Object> spec, Path socket, String token) {
        String program = (String) spec.get("program");
        String name = (String) spec.get("name");
        Path runDir = Path.of((String) spec.get("runDir"));
        double speed = ((Number) spec.get("speed")).doubleValue();
        Targets targets;
        Mp mp;
        try {
            targets = Programs.targetsOf(program);
        } catch (RuntimeException e) {
            report(client, e);
            client.close();
            return ExitCodes.ERROR;
        }
        mp = new Mp(client, targets, program, name, runDir, socket, token, speed);
        boolean subclass = "class".equals(spec.get("kind"));
        mp.bindSelf(((Number) spec.get("proc")).longValue(), Boolean.TRUE.equals(spec.get("daemon")),
                identity(spec.get("identity")), subclass);
        mp.bindParent((String) spec.get("parent"));
        int code = 0;
        try {
            Args args = new Args((List<Object>) Values.decode(spec.get("args"), mp));
            String target = (String) spec.get("target");
            if (subclass) {
                targets.instantiate(target, mp, args).run();
            } else {
                targets.target(target).run(mp, args);
            }
        } catch (Mp.ExitRequest e) {
            code = e.code;
        } catch (Throwable t) {
            report(client, t);
            code = ExitCodes.ERROR;
        }
        try {
            mp.finish();
        } catch (RuntimeException e) {
            report(client, e);
        }
        client.close();
        System.out.flush();
        return code;
    }

    private static List<Long> identity(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Long.class::isInstance).map(Long.class::cast).toList();
    }

    /** An uncaught exception: Python prints the traceback and exits with 1; so do we, to the log. */
    static void report(HubClient client, Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        System.err.print(trace);
        try {
            client.call("log", Map.of("kind", "error", "exception", t.toString(), "traceback", trace.toString()));
        } catch (RuntimeException ignored) {
            // The hub is gone; stderr has it.
        }
    }
}
