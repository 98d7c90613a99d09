package dev.procession.app.stage;

import dev.procession.events.Event;
import dev.procession.scenario.Scenarios;
import dev.procession.supervisor.Run;
import dev.procession.testing.RealRun;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real run of a scenario, to its end, with its log and what its folder held before the run
 * was torn down (every process is gone once this returns, even when it throws).
 */
public record RecordedRun(long exitCode, List<Event> events, Object extra) {

    /** Reads something from the run's folder while the run is still open. */
    @FunctionalInterface
    public interface FolderReader {
        Object read(Run run) throws Exception;
    }

    public static RecordedRun of(String scenario, Map<String, String> settings, double speed) throws Exception {
        return of(scenario, settings, speed, run -> null);
    }

    public static RecordedRun of(String scenario, Map<String, String> settings, double speed, FolderReader reader)
            throws Exception {
        return of(scenario, settings, speed, 60, reader);
    }

    /** A run given {@code seconds} to end: 100 processes take a while to start on a busy machine. */
    public static RecordedRun of(String scenario, Map<String, String> settings, double speed, int seconds,
            FolderReader reader) throws Exception {
        Map<String, Object> params = Scenarios.resolve(Scenarios.byId(scenario), settings);
        return RealRun.with(scenario, params, speed, run -> {
            long code = run.finished().get(seconds, TimeUnit.SECONDS);
            Object extra = reader.read(run);
            return new RecordedRun(code, run.log().snapshot(), extra);
        });
    }
}
