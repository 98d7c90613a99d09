package dev.procession.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procession.events.Event;
import dev.procession.events.EventLog;
import dev.procession.model.ProcState;
import dev.procession.model.RunState;
import dev.procession.scenario.Scenarios;
import dev.procession.supervisor.Run;
import dev.procession.testing.RealRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run saved as it happens into the folder of saved runs, read back, replayed at any event
 * from the fold's snapshots, and exported; and the files that are not saved runs refused.
 */
class SavedRunsTest {
    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private static Path saved;
    private static List<Event> live;

    @BeforeAll
    static void recordARun() throws Exception {
        RunArchive archive = new RunArchive(shared.resolve("runs"));
        EventLog log = new EventLog();
        Recording recording = archive.record(log, "tickets");
        try (recording; Run run = Run.start("tickets", Scenarios.resolve(Scenarios.byId("tickets"),
                Map.of("buyers", "4", "stock", "2")), 4.0, log)) {
            // Saved as it happens: the header is in the file while the run goes on.
            RealRun.await(Duration.ofSeconds(20), () -> lines(recording.file()) >= 1, "the header written");
            assertThat(run.finished().get(60, TimeUnit.SECONDS)).isZero();
        }
        saved = recording.file();
        live = log.snapshot();
    }

    @Test
    void theSavedFileIsTheLogAndNamedForItsTimeAndScenario() throws Exception {
        assertThat(saved.getFileName().toString()).matches("\\d{8}-\\d{6}-\\d{3}-tickets\\.jsonl");
        SavedRun run = SavedRun.read(saved);
        assertThat(run.truncated()).isFalse();
        assertThat(jsonLines(run.events())).isEqualTo(jsonLines(live));
        assertThat(run.header().scenario()).isEqualTo("tickets");
        assertThat(run.header().params()).containsEntry("buyers", 4L);
        assertThat(run.header().listing()).isNotEmpty();
        assertThat(new RunArchive(saved.getParent()).recent()).containsExactly(saved);
    }

    @Test
    void everyEventsStateFromSnapshotsIsTheFoldsInAnyOrder() {
        RunReplay replay = new RunReplay(live);
        List<RunState> folded = new ArrayList<>();
        RunState s = RunState.EMPTY;
        folded.add(s);
        for (Event e : live) {
            s = s.apply(e);
            folded.add(s);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i <= live.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(8));
        for (int seq : order) {
            assertThat(replay.stateAt(seq)).as("state at seq %d", seq).isEqualTo(folded.get(seq));
        }
        assertThat(replay.lastSeq()).isEqualTo(live.size());
        assertThat(replay.seqAt(live.getLast().micros())).isEqualTo(live.size());
        assertThat(replay.seqAt(-1)).isZero();
    }

    @Test
    void jumpsFindTheNextAndPreviousEventOfAProcessOrPrimitive() {
        RunReplay replay = new RunReplay(live);
        ProcState buyer = replay.stateAt(live.size()).processes().values().stream()
                .filter(p -> "get_ticket".equals(p.role())).findFirst().orElseThrow();
        long first = replay.next(0, RunReplay.ofProcess(buyer.pid())).orElseThrow();
        assertThat(live.subList(0, (int) first - 1)).noneMatch(e -> e.pid() == buyer.pid());
        assertThat(replay.event(first).pid()).isEqualTo(buyer.pid());
        long second = replay.next(first, RunReplay.ofProcess(buyer.pid())).orElseThrow();
        assertThat(replay.previous(second, RunReplay.ofProcess(buyer.pid())).orElseThrow()).isEqualTo(first);
        assertThat(replay.previous(first, RunReplay.ofProcess(buyer.pid()))).isEmpty();
        String lock = replay.stateAt(live.size()).primitives().keySet().stream().filter(r -> r.startsWith("Lock#"))
                .findFirst().orElseThrow();
        long onLock = replay.next(0, RunReplay.onPrimitive(lock)).orElseThrow();
        assertThat(replay.event(onLock).obj()).isEqualTo(lock);
    }

    @Test
    void theProcessTableAsCsvHasARowPerProcessAsTheFoldHasIt() {
        RunState end = RunState.of(live);
        List<String> rows = CsvTables.processTable(end).lines().toList();
        assertThat(rows.getFirst()).isEqualTo("pid,ppid,name,role,status,blocked_on,daemon,orphan,line,cpu_s,"
                + "rss_bytes,pss_bytes,exitcode,how");
        assertThat(rows).hasSize(end.processes().size() + 1);
        for (ProcState p : end.processes().values()) {
            assertThat(rows).anySatisfy(r -> assertThat(r).startsWith(p.pid() + "," + p.ppid() + "," + p.name() + ","
                    + p.role() + ",exited,,").contains(",0," + CsvTables.field(p.exitHow())));
        }
        assertThat(CsvTables.processTable(end)).endsWith("\r\n");
    }

    @Test
    void eachProcesssTimesAddUpToItsLife() {
        List<ProcessTimes> times = ProcessTimes.of(live);
        RunState end = RunState.of(live);
        assertThat(times).extracting(ProcessTimes::pid).containsExactlyElementsOf(end.processes().keySet());
        double runSeconds = live.getLast().micros() / 1e6;
        for (ProcessTimes t : times) {
            double parts = t.startingSeconds() + t.runningSeconds() + t.sleepingSeconds() + t.blockedSeconds()
                    + t.pausedSeconds();
            assertThat(parts).as("parts of %s", t.name()).isCloseTo(t.wallSeconds(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(t.wallSeconds()).as("life of %s", t.name()).isPositive().isLessThanOrEqualTo(runSeconds);
            assertThat(t.cpuSeconds()).isEqualTo(end.process(t.pid()).usage().cpuSeconds());
        }
        // The main program lives from its spawn to its exit event.
        ProcState main = end.main();
        long spawned = live.stream().filter(e -> e.pid() == main.pid()).findFirst().orElseThrow().micros();
        long exited = live.stream().filter(e -> e.pid() == main.pid() && e.kind().wireName().equals("exit"))
                .findFirst().orElseThrow().micros();
        ProcessTimes mainTimes = times.stream().filter(t -> t.pid() == main.pid()).findFirst().orElseThrow();
        assertThat(mainTimes.wallSeconds()).isCloseTo((exited - spawned) / 1e6, org.assertj.core.data.Offset.offset(1e-6));
        // The main program waits for its buyers in join(): blocked time.
        assertThat(mainTimes.blockedSeconds()).isPositive();
        String csv = CsvTables.times(times);
        assertThat(csv.lines().toList().getFirst()).isEqualTo("pid,name,role,cpu_s,wall_s,starting_s,running_s,"
                + "sleeping_s,blocked_s,paused_s,exitcode");
        assertThat(csv.lines()).hasSize(times.size() + 1);
        assertThat(csv).contains(main.pid() + "," + main.name() + ",main,"
                + String.format(java.util.Locale.ROOT, "%.3f,%.3f,", mainTimes.cpuSeconds(), mainTimes.wallSeconds()));
    }

    @Test
    void aLastLineCutShortReplaysUpToItAndTheFileStaysAsItWas() throws Exception {
        byte[] whole = Files.readAllBytes(saved);
        String text = new String(whole, StandardCharsets.UTF_8);
        int cutAt = text.lastIndexOf('\n', text.length() - 2) + 10;
        Path cut = dir.resolve("cut.jsonl");
        Files.writeString(cut, text.substring(0, cutAt), StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(cut);
        SavedRun run = SavedRun.read(cut);
        assertThat(run.truncated()).isTrue();
        assertThat(jsonLines(run.events())).isEqualTo(jsonLines(live.subList(0, live.size() - 1)));
        assertThat(Files.readAllBytes(cut)).isEqualTo(before);
    }

    @Test
    void filesThatAreNoSavedRunAreRefusedInOneLineAndKept() throws Exception {
        List<String> lines = Files.readAllLines(saved);
        String header = lines.getFirst();
        assertRefused("empty.jsonl", "", "is not a saved Procession run: it is empty");
        assertRefused("notes.jsonl", "shopping list\n", "is not a saved Procession run: its first line is not JSON");
        assertRefused("foreign.jsonl", "{\"name\": \"x\"}\n", "is not a saved Procession run: its first line is not JSON");
        assertRefused("headless.jsonl", lines.get(1) + "\n", "its first event is 'spawn', not the run's header");
        assertRefused("gap.jsonl", header + "\n" + lines.get(2) + "\n" + lines.get(3) + "\n",
                "gap.jsonl:2: event number 3 where 2 was due");
        assertRefused("middle.jsonl", header + "\n{\"seq\": 2, oops\n" + lines.get(1) + "\n",
                "middle.jsonl:2: not an event of the log");
        assertThatThrownBy(() -> SavedRun.read(dir.resolve("absent.jsonl"))).isInstanceOf(BadRunFileException.class)
                .hasMessage("cannot read " + dir.resolve("absent.jsonl") + ": no such file");
    }

    private void assertRefused(String name, String content, String message) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SavedRun.read(f)).as(name).isInstanceOf(BadRunFileException.class)
                .hasMessageContaining(message).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).as("%s left as it was", name).isEqualTo(content);
    }

    @Test
    void theFolderKeepsTheNewestHundredOfItsOwnRunsAndNothingElseIsRemoved() throws Exception {
        Path folder = dir.resolve("runs");
        Files.createDirectories(folder);
        for (int i = 0; i < 103; i++) {
            Files.writeString(folder.resolve(String.format("20250101-0000%02d-000-ktv.jsonl", i % 60)
                    .replace("0000", i < 60 ? "0000" : "0001")), "old");
        }
        Files.writeString(folder.resolve("mine.jsonl"), "a file the user put there");
        Files.writeString(folder.resolve("notes.txt"), "not a run");
        RunArchive archive = new RunArchive(folder);
        Path newest;
        try (Recording r = archive.record(new EventLog(), "traffic light")) {
            newest = r.file();
        }
        assertThat(newest.getFileName().toString()).endsWith("-traffic_light.jsonl");
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertThat(names).contains("mine.jsonl", "notes.txt", newest.getFileName().toString())
                    .doesNotContain("20250101-000000-000-ktv.jsonl", "20250101-000001-000-ktv.jsonl",
                            "20250101-000002-000-ktv.jsonl", "20250101-000003-000-ktv.jsonl")
                    .contains("20250101-000004-000-ktv.jsonl");
            assertThat(names.stream().filter(n -> n.matches("\\d{8}-.*"))).hasSize(RunArchive.KEEP);
        }
    }

    @Test
    void theDataFolderCanBeNamedForTestsAndScripts() {
        String before = System.getProperty("procession.data");
        System.setProperty("procession.data", dir.toString());
        try {
            assertThat(RunArchive.forThisUser().folder()).isEqualTo(dir);
        } finally {
            if (before == null) {
                System.clearProperty("procession.data");
            } else {
                System.setProperty("procession.data", before);
            }
        }
    }

    @Test
    void aPngHoldsThePixelsItWasGiven() throws Exception {
        int[] argb = {0xffff0000, 0xff00ff00, 0xff0000ff, 0x80ffffff, 0xff000000, 0x00123456};
        byte[] png = PngEncoder.encode(3, 2, argb);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(3);
        assertThat(image.getHeight()).isEqualTo(2);
        int[] back = new int[6];
        for (int i = 0; i < 6; i++) {
            back[i] = image.getRGB(i % 3, i / 3);
        }
        // A fully transparent pixel keeps no colour worth comparing.
        back[5] &= 0xff000000;
        argb[5] &= 0xff000000;
        assertThat(back).as(Arrays.toString(back)).isEqualTo(argb);
    }

    /** Events as their lines: a number read back may be of another boxed type than the one logged. */
    private static List<String> jsonLines(List<Event> events) {
        return events.stream().map(Event::toJsonLine).toList();
    }

    private static long lines(Path f) {
        try {
            return Files.readAllLines(f).size();
        } catch (IOException e) {
            return 0;
        }
    }
}
