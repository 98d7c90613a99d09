package dev.procession.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.app.code.CodeView;
import dev.procession.app.processes.ProcessActions;
import dev.procession.model.ProcStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The message bundle and the code agree: every key the code reads is in messages.properties,
 * and every key there is read somewhere. The sources of dev.procession.app are scanned:
 * <ul>
 * <li>{@code Messages.text("key", ...)}: the key must be in the bundle;</li>
 * <li>every other string literal shaped like a key of the bundle's namespaces ("library.group.lock"
 * handed to ScenarioGroup, "run.pauseFailed" handed to onRunning...) must be in the bundle too,
 * and counts as a use;</li>
 * <li>every {@code Messages.text(expression, ...)} whose key is not one literal must be listed in
 * {@link #DYNAMIC} with the keys it can make, so a new key built at run time is checked as well.</li>
 * </ul>
 * The patterns themselves and their Chinese translations are checked by {@link BundlesTest}.
 */
class MessageKeysTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/procession/app");
    private static final Path BUNDLE = Path.of("src/main/resources/dev/procession/app/messages.properties");

    /** Literals shaped like keys of the bundle's namespaces that name something else. */
    private static final Map<String, String> NOT_KEYS = Map.of(
            "app.css", "the window's stylesheet (theme/Theme)",
            "stage.css", "the stages' stylesheet (stage/StageStyles)");

    /**
     * A call whose key is built at run time: the file, its key expression as written (spaces
     * removed), and the keys it can make. Keys that arrive in a variable from literals written
     * elsewhere make none here: the literal scan finds those.
     */
    private record Dynamic(String file, String expression, Supplier<Set<String>> keys) {
    }

    private static final List<Dynamic> DYNAMIC = List.of(
            // AppAction's id is the first argument of each new AppAction("run", ...) in the shell.
            new Dynamic("shell/AppAction.java", "\"action.\"+id", () -> prefixed("action.", appActionIds(), "")),
            new Dynamic("shell/AppAction.java", "\"action.\"+id+\".tooltip\"",
                    () -> prefixed("action.", appActionIds(), ".tooltip")),
            // The process menu's actions: ProcessActions.Kind.key().
            new Dynamic("processes/ProcessMenus.java", "\"process.action.\"+kind.key()",
                    () -> prefixed("process.action.", kindKeys(), "")),
            new Dynamic("processes/ProcessMenus.java", "\"process.action.\"+kind.key()+\".tooltip\"",
                    () -> prefixed("process.action.", kindKeys(), ".tooltip")),
            // StatusLook.word: every ProcStatus but the two its switch words itself (blocked.on, exited.*).
            new Dynamic("theme/StatusLook.java", "\"proc.status.\"+s.name().toLowerCase(Locale.ROOT)",
                    () -> prefixed("proc.status.", Arrays.stream(ProcStatus.values())
                            .filter(s -> s != ProcStatus.BLOCKED && s != ProcStatus.EXITED)
                            .map(s -> s.name().toLowerCase(Locale.ROOT)).toList(), "")),
            // The profile switch's buttons, one per Profile.
            new Dynamic("shell/ProfileSwitch.java", "\"profile.\"+profile.id()",
                    () -> prefixed("profile.", Arrays.stream(dev.procession.app.settings.Profile.values())
                            .map(dev.procession.app.settings.Profile::id).toList(), "")),
            new Dynamic("shell/ProfileSwitch.java", "\"profile.\"+profile.id()+\".tooltip\"",
                    () -> prefixed("profile.", Arrays.stream(dev.procession.app.settings.Profile.values())
                            .map(dev.procession.app.settings.Profile::id).toList(), ".tooltip")),
            // StatusLook.shortWord: every ProcStatus.
            new Dynamic("theme/StatusLook.java", "\"proc.status.short.\"+status.name().toLowerCase(Locale.ROOT)",
                    () -> prefixed("proc.status.short.", Arrays.stream(ProcStatus.values())
                            .map(s -> s.name().toLowerCase(Locale.ROOT)).toList(), "")),
            // The keyboard map's rows for keys of views: literals of KeyboardMap's ViewKeys.
            new Dynamic("shell/KeyboardMap.java", "extra.messageKey()", Set::of),
            // RunWorkspace's tabs: tab("code", ...), tab("console", ...)...
            new Dynamic("workspace/RunWorkspace.java", "\"view.\"+key",
                    () -> prefixed("view.", firstLiterals("workspace/RunWorkspace.java", "tab("), "")),
            // CodeView's language buttons, one per CodeView.Language.
            new Dynamic("code/CodeView.java", "\"code.language.\"+language.name().toLowerCase()",
                    () -> prefixed("code.language.", Arrays.stream(CodeView.Language.values())
                            .map(l -> l.name().toLowerCase(Locale.ROOT)).toList(), "")),
            // The status bar's figures: measured(status, "status.memory", ...) and its ".unknown" twin.
            new Dynamic("shell/StatusBarView.java", "key", Set::of),
            new Dynamic("shell/StatusBarView.java", "key+\".unknown\"",
                    () -> prefixed("", firstLiterals("shell/StatusBarView.java", "measured(status,"), ".unknown")),
            // Keys handed in as literals, found by the literal scan:
            // textColumn("processes.column.pid", ...)
            new Dynamic("processes/ProcessTable.java", "key", Set::of),
            // dockToggle(KeyboardMap.SIDE_DOCK, ...): the literals of KeyboardMap's ViewKeys
            new Dynamic("shell/MainWindow.java", "key.messageKey()", Set::of),
            // ScenarioGroup's constants: LOCK("library.group.lock", ...)
            new Dynamic("shell/ScenarioLibrary.java", "h.group().messageKey()", Set::of),
            // onRunning(..., "run.pauseFailed")
            new Dynamic("run/RunViewModel.java", "failureKey", Set::of),
            // waiting(lines, "stage.tree.waitingToPut", ...)
            new Dynamic("stage/tree/PrimitiveSummary.java", "key", Set::of),
            // button("replay-play", Icons.PLAY, "replay.play.tooltip", ...)
            new Dynamic("replay/ReplayBar.java", "tooltipKey", Set::of));

    private static final Pattern KEY_SHAPE = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)+");
    private static final String CALL = "Messages.text(";

    /** One source file: its path under SOURCES, its code without comments, its string literals. */
    private record Source(String file, String code, List<String> literals) {
    }

    /** A Messages.text call: where, and its first argument as written (spaces removed). */
    private record Call(String file, String key) {
        boolean literal() {
            return key.matches("\"[^\"\\\\]*\"");
        }
    }

    private static List<Source> sources;
    private static Properties bundle;

    @BeforeAll
    static void read() throws IOException {
        bundle = BundlesTest.load(BUNDLE);
        try (Stream<Path> files = Files.walk(SOURCES)) {
            sources = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                sources.add(scan(SOURCES.relativize(f).toString().replace('\\', '/'), Files.readString(f)));
            }
        }
        assertThat(sources).as("app sources under %s", SOURCES.toAbsolutePath()).hasSizeGreaterThan(20);
    }

    @Test
    void everyKeyTheCodeReadsIsInTheBundle() {
        Map<String, String> missing = new TreeMap<>();
        for (Call c : calls()) {
            if (c.literal() && !bundle.containsKey(unquote(c.key()))) {
                missing.put(unquote(c.key()), c.file());
            }
        }
        for (Source s : sources) {
            for (String lit : s.literals()) {
                if (looksLikeKey(lit) && !bundle.containsKey(lit) && !NOT_KEYS.containsKey(lit)) {
                    missing.put(lit, s.file());
                }
            }
        }
        for (Dynamic d : DYNAMIC) {
            d.keys().get().stream().filter(k -> !bundle.containsKey(k)).forEach(k -> missing.put(k, d.file()));
        }
        assertThat(missing).as("keys used in the code (key=file) but missing from %s; a literal that is no key "
                + "belongs in NOT_KEYS", BUNDLE).isEmpty();
    }

    @Test
    void everyKeyInTheBundleIsRead() {
        Set<String> used = new TreeSet<>();
        sources.forEach(s -> used.addAll(s.literals()));
        DYNAMIC.forEach(d -> used.addAll(d.keys().get()));
        Set<String> unused = new TreeSet<>(bundle.stringPropertyNames());
        unused.removeAll(used);
        assertThat(unused).as("keys in %s that no code reads", BUNDLE).isEmpty();
    }

    @Test
    void everyKeyBuiltAtRunTimeIsListedHere() {
        Set<String> found = calls().stream().filter(c -> !c.literal()).map(c -> c.file() + ": " + c.key())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = DYNAMIC.stream().map(d -> d.file() + ": " + d.expression())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(found).as("Messages.text calls whose key is not one literal: list each in DYNAMIC with its keys")
                .isEqualTo(listed);
    }

    // ---------------------------------------------------------------- scanning

    private static boolean looksLikeKey(String literal) {
        if (!KEY_SHAPE.matcher(literal).matches()) {
            return false;
        }
        String namespace = literal.substring(0, literal.indexOf('.'));
        return bundle.stringPropertyNames().stream().anyMatch(k -> k.startsWith(namespace + "."));
    }

    private static List<Call> calls() {
        List<Call> out = new ArrayList<>();
        for (Source s : sources) {
            for (int at = s.code().indexOf(CALL); at >= 0; at = s.code().indexOf(CALL, at + 1)) {
                out.add(new Call(s.file(), firstArgument(s.code(), at + CALL.length()).replaceAll("\\s+", "")));
            }
        }
        return out;
    }

    /** The text from {@code from} to the first comma or closing parenthesis outside brackets and strings. */
    private static String firstArgument(String code, int from) {
        int depth = 0;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfQuoted(code, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if ((c == ',' || c == ')') && depth == 0) {
                return code.substring(from, i);
            }
        }
        throw new IllegalStateException("unterminated call at " + from);
    }

    /** Removes comments and collects the string literals (text blocks are skipped: none holds a key). */
    private static Source scan(String file, String text) {
        StringBuilder code = new StringBuilder();
        List<String> literals = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (text.startsWith("//", i)) {
                i = text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i) - 1;
            } else if (text.startsWith("/*", i)) {
                i = text.indexOf("*/", i + 2) + 1;
                code.append(' ');
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                code.append("\"\"");
                i = end + 2;
            } else if (c == '"' || c == '\'') {
                int end = endOfQuoted(text, i);
                if (c == '"') {
                    literals.add(unescape(text.substring(i + 1, end)));
                }
                code.append(text, i, end + 1);
                i = end;
            } else {
                code.append(c);
            }
        }
        return new Source(file, code.toString(), literals);
    }

    private static int endOfQuoted(String text, int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == quote) {
                return i;
            }
        }
        throw new IllegalStateException("unterminated literal at " + open);
    }

    private static String unescape(String body) {
        return body.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static String unquote(String literal) {
        return literal.substring(1, literal.length() - 1);
    }

    private static Set<String> prefixed(String prefix, List<String> names, String suffix) {
        return names.stream().map(n -> prefix + n + suffix).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> appActionIds() {
        List<String> ids = sources.stream().filter(s -> s.file().startsWith("shell/"))
                .flatMap(s -> java.util.stream.Stream.concat(literalsAfter(s, "newAppAction(").stream(),
                        literalsAfter(s, "action(").stream())).toList();
        assertThat(ids).as("new AppAction(\"...\") in the shell").isNotEmpty();
        return ids;
    }

    private static List<String> kindKeys() {
        return Arrays.stream(ProcessActions.Kind.values()).map(ProcessActions.Kind::key).toList();
    }

    /** The literal first arguments of {@code call} in {@code file}. */
    private static List<String> firstLiterals(String file, String call) {
        Source s = sources.stream().filter(x -> x.file().equals(file)).findFirst().orElseThrow();
        List<String> out = literalsAfter(s, call.replaceAll("\\s+", ""));
        assertThat(out).as("%s\"...\" in %s", call, file).isNotEmpty();
        return out;
    }

    private static List<String> literalsAfter(Source s, String call) {
        Matcher m = Pattern.compile(Pattern.quote(call) + "\"([^\"]*)\"").matcher(s.code().replaceAll("\\s+", ""));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
