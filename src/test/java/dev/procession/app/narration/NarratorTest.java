package dev.procession.app.narration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.events.Event;
import dev.procession.events.EventKind;
import dev.procession.model.RunState;
import dev.procession.scenario.Scenarios;
import dev.procession.testing.RealRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The narration of real runs: each sentence says what the log says, checked against the log's own
 * fields (who held the lock a waiter waits for, how many places a semaphore has left), in English
 * and in Chinese, and the two bundles hold the same sentences.
 */
class NarratorTest {
    private static final NarrationTexts ENGLISH = NarrationTexts.in(Locale.ROOT);
    private static final NarrationTexts CHINESE = NarrationTexts.in(Locale.SIMPLIFIED_CHINESE);
    private static RealRun.Result tickets;
    private static RealRun.Result ktv;

    @BeforeAll
    static void run() throws Exception {
        tickets = RealRun.run("tickets", Scenarios.resolve(Scenarios.byId("tickets"),
                Map.of("buyers", "3", "stock", "1", "lock", "true")), 4, Duration.ofSeconds(60));
        ktv = RealRun.run("ktv", Scenarios.resolve(Scenarios.byId("ktv"), Map.of("people", "4", "seats", "2")), 4,
                Duration.ofSeconds(60));
    }

    @Test
    void everyProcessIsToldStartingAndEndingWithItsPid() {
        Map<Long, String> said = bySeq(ENGLISH, tickets.events());
        for (Event e : tickets.events()) {
            if (e.kind() == EventKind.SPAWN || e.kind() == EventKind.EXIT) {
                assertThat(said.get(e.seq())).as("the sentence for %s", e).contains(e.proc()).contains("pid " + e.pid());
            }
        }
    }

    @Test
    void aWaiterIsToldWhoHoldsTheLock() {
        Map<Long, String> said = bySeq(ENGLISH, tickets.events());
        Map<String, String> holder = new HashMap<>();
        int waits = 0;
        for (Event e : tickets.events()) {
            if (e.kind() == EventKind.ACQUIRED) {
                holder.put(e.obj(), e.proc());
            } else if (e.kind() == EventKind.ACQUIRE_WAIT) {
                waits++;
                assertThat(said.get(e.seq())).as("%s", e)
                        .isEqualTo(e.proc() + " waits for lock: " + holder.get(e.obj()) + " holds it.");
            }
        }
        assertThat(waits).as("buyers that waited for the lock").isPositive();
    }

    @Test
    void aSemaphoreTellsThePlacesLeft() {
        Map<Long, String> said = bySeq(ENGLISH, ktv.events());
        int taken = 0;
        for (Event e : ktv.events()) {
            if (e.kind() == EventKind.ACQUIRED) {
                taken++;
                assertThat(said.get(e.seq())).as("%s", e).endsWith(": " + e.get("value") + " left.");
            }
        }
        assertThat(taken).isEqualTo(4);
    }

    @Test
    void chineseSaysTheSameInChinese() {
        Map<Long, String> english = bySeq(ENGLISH, tickets.events());
        Map<Long, String> chinese = bySeq(CHINESE, tickets.events());
        assertThat(chinese.keySet()).isEqualTo(english.keySet());
        for (String sentence : chinese.values()) {
            // Names, pids and Python's words stay; the sentence around them is Chinese.
            assertThat(sentence).containsPattern("\\p{IsHan}").doesNotContain(" waits ", " took ", " finished ");
        }
    }

    @Test
    void theBundlesHoldTheSameKeysAndEveryKeyTheNarratorUses() throws IOException {
        Set<String> english = keys("narration.properties");
        assertThat(keys("narration_zh.properties")).isEqualTo(english);
        String source = Files.readString(Path.of("src/main/java/dev/procession/app/narration/Narrator.java"));
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("texts\\.get\\(\"([^\"]+)\"").matcher(source);
        while (m.find()) {
            used.add(m.group(1));
        }
        used.remove("signal.");
        // "signal." + the signal's name: the supervisor's four actions.
        for (String signal : List.of("SIGSTOP", "SIGCONT", "SIGTERM", "SIGKILL")) {
            used.add("signal." + signal);
        }
        m = Pattern.compile("\"([a-z.-]+)\" : \"([a-z.-]+)\"").matcher(source);
        while (m.find()) {
            used.add(m.group(1));
            used.add(m.group(2));
        }
        // The narration opens with each scenario's concept (NarrationModel): one per scenario.
        Set<String> concepts = new TreeSet<>();
        dev.procession.scenario.Scenarios.all().forEach(s -> concepts.add("concept." + s.id()));
        assertThat(english).as("keys in the bundle").isEqualTo(union(used, concepts));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The sentences the narrator says for {@code events}, by the seq of the event each tells. */
    private static Map<Long, String> bySeq(NarrationTexts texts, List<Event> events) {
        Map<Long, String> said = new HashMap<>();
        for (NarrationLine line : new Narrator(texts).narrate(RunState.EMPTY, events)) {
            said.put(line.seq(), line.text());
        }
        return said;
    }

    private static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = NarratorTest.class.getResourceAsStream("/dev/procession/app/narration/" + file)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
