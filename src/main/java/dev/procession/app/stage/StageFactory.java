package dev.procession.app.stage;

import dev.procession.app.stage.deadlock.DeadlockStage;
import dev.procession.app.stage.ktv.KtvStage;
import dev.procession.app.stage.manager.ManagerStage;
import dev.procession.app.stage.pipe.PipeStage;
import dev.procession.app.stage.pool.PoolStage;
import dev.procession.app.stage.queue.QueueStage;
import dev.procession.app.stage.tickets.TicketsStage;
import dev.procession.app.stage.traffic.TrafficLightStage;
import dev.procession.app.stage.tree.ProcessTreeStage;
import java.util.function.Consumer;

/** The stage of each scenario, by the scenario's id. */
public final class StageFactory {
    private StageFactory() {
    }

    /**
     * A new stage for {@code scenarioId}; scenarios without a stage of their own get the process
     * tree (with their primitives under it).
     */
    public static ScenarioStage forScenario(String scenarioId, Consumer<Long> onSelectProcess,
                                            ProcessMenuFactory menus) {
        StageContext context = new StageContext(onSelectProcess, menus);
        return switch (scenarioId == null ? "" : scenarioId) {
            case "traffic-light" -> new TrafficLightStage(context);
            case "ktv" -> new KtvStage(context);
            case "tickets" -> new TicketsStage(context);
            case "queue" -> new QueueStage(context);
            case "pipe" -> new PipeStage(context);
            case "manager" -> new ManagerStage(context);
            case "pool" -> new PoolStage(context);
            case "philosophers" -> new DeadlockStage(context, true);
            case "two-locks" -> new DeadlockStage(context, false);
            default -> new ProcessTreeStage(context);
        };
    }
}
