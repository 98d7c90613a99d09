package dev.procession.app.shell;

import dev.procession.app.theme.Icons;
import dev.procession.scenario.Scenario;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The library's chapters: the concept each scenario teaches, in the course's order, with the icon
 * of each scenario. A scenario the app does not know yet lands in {@link #OTHER}, never out of sight.
 */
public enum ScenarioGroup {
    CREATING("library.group.creating", Map.of("basics", Icons.CREATE_PROCESS)),
    LIFECYCLE("library.group.lifecycle", Map.of("join", Icons.JOIN, "daemon", Icons.DAEMON,
            "terminate", Icons.TERMINATE)),
    LOCK("library.group.lock", Map.of("tickets", Icons.LOCK)),
    SEMAPHORE("library.group.semaphore", Map.of("ktv", Icons.SEMAPHORE)),
    EVENT("library.group.event", Map.of("traffic-light", Icons.EVENT)),
    QUEUE("library.group.queue", Map.of("queue", Icons.QUEUE)),
    PIPE("library.group.pipe", Map.of("pipe", Icons.PIPE)),
    MANAGER("library.group.manager", Map.of("manager", Icons.MANAGER)),
    POOL("library.group.pool", Map.of("pool", Icons.POOL)),
    DEADLOCK("library.group.deadlock", Map.of("philosophers", Icons.PHILOSOPHERS, "two-locks", Icons.TWO_LOCKS)),
    OTHER("library.group.other", Map.of());

    private final String messageKey;
    private final Map<String, Icons> icons;

    ScenarioGroup(String messageKey, Map<String, Icons> icons) {
        this.messageKey = messageKey;
        this.icons = icons;
    }

    public String messageKey() {
        return messageKey;
    }

    public static ScenarioGroup of(Scenario scenario) {
        return Arrays.stream(values()).filter(g -> g.icons.containsKey(scenario.id())).findFirst().orElse(OTHER);
    }

    public static Icons iconOf(Scenario scenario) {
        return of(scenario).icons.getOrDefault(scenario.id(), Icons.SCENARIO);
    }

    /** {@code scenarios} by group, groups in course order, scenarios in the given order; empty groups left out. */
    public static Map<ScenarioGroup, List<Scenario>> group(List<Scenario> scenarios) {
        Map<ScenarioGroup, List<Scenario>> groups = new LinkedHashMap<>();
        for (ScenarioGroup g : values()) {
            List<Scenario> members = scenarios.stream().filter(s -> of(s) == g).toList();
            if (!members.isEmpty()) {
                groups.put(g, members);
            }
        }
        return groups;
    }
}
