package dev.procession.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The "$manager" target: the code of a manager's server process. The hub pushes it each proxy
 * operation; it applies them one at a time, in order, to the objects in its own memory, and
 * sends each answer back. It ends on "shutdown" (and, like every process, when the hub goes).
 */
final class ManagerServer {
    /** The fields of a proxy call that carry the program's values. */
    private static final List<String> VALUE_FIELDS = List.of("key", "value", "items", "default", "initial");

    private ManagerServer() {
    }

    static Object serve(Mp mp, Args args) throws InterruptedException {
        long manager = args.integer(0);
        BlockingQueue<Map<String, Object>> requests = new LinkedBlockingQueue<>();
        mp.onPush("manager", requests::add);
        mp.client().call("serve", Map.of("obj", manager));
        Referents referents = new Referents();
        while (true) {
            Map<String, Object> request = requests.take();
            String op = String.valueOf(request.get("op"));
            if (op.equals("shutdown")) {
                return null;
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("obj", manager);
            answer.put("req", request.get("req"));
            try {
                Object value = referents.apply(((Number) request.get("ref")).longValue(), op, decoded(request, mp));
                answer.put("ok", true);
                answer.put("value", Values.encode(value));
            } catch (MpException e) {
                answer.put("ok", false);
                answer.put("error", e.pythonType());
                answer.put("message", e.pythonMessage());
            } catch (RuntimeException e) {
                answer.put("ok", false);
                answer.put("error", PythonErrors.type(e));
                answer.put("message", PythonErrors.message(e));
            }
            mp.client().tell("answer", answer);
        }
    }

    /** The request with its values rebuilt, so keys keep their Python types and equality. */
    private static Map<String, Object> decoded(Map<String, Object> request, Mp mp) {
        Map<String, Object> out = new LinkedHashMap<>(request);
        for (String field : VALUE_FIELDS) {
            if (out.containsKey(field)) {
                out.put(field, Values.decode(out.get(field), mp));
            }
        }
        return out;
    }
}
