package dev.procession.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procession.testing.RealRun;
import dev.procession.testing.SubCases;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CPython's _TestContainers (manager dict and list), ported, plus shared values and proxies
 * used from several real processes, and the seed's lost updates. The server is a real process.
 */
class ManagerTest {
    private static final String PROGRAM = "test-manager";
    /** One run with one manager, as CPython's test class shares one. */
    private static RealRun.Result shared;

    @BeforeAll
    static void runShared() throws Exception {
        shared = RealRun.run(PROGRAM, Map.of("case", "shared"), 1.0, Duration.ofSeconds(90));
    }

    @Test
    void test_dict() {
        SubCases.assertPassed(shared, "test_dict");
    }

    @Test
    void test_list() {
        SubCases.assertPassed(shared, "test_list");
    }

    @Test
    void test_list_proxy_in_list() {
        SubCases.assertPassed(shared, "test_list_proxy_in_list");
    }

    @Test
    void test_dict_proxy_nested() {
        SubCases.assertPassed(shared, "test_dict_proxy_nested");
    }

    @Test
    void valueSharedByProcesses() {
        SubCases.assertPassed(shared, "value");
    }

    @Test
    void dictAndListSharedByProcesses() {
        SubCases.assertPassed(shared, "dict-across-processes");
    }

    @Test
    void keysKeepTheirPythonTypes() {
        SubCases.assertPassed(shared, "keys-keep-their-python-types");
    }

    @Test
    void errorsComeBackWithPythonNames() {
        SubCases.assertPassed(shared, "errors");
        assertThat(shared.of("proxy-error")).extracting(e -> e.get("error"))
                .contains("KeyError", "IndexError", "ValueError", "TypeError");
    }

    @Test
    void serverIsARealChildProcess() {
        SubCases.assertPassed(shared, "server-process");
        assertThat(shared.of("serve")).isNotEmpty().first().satisfies(e ->
                assertThat(e.proc()).isEqualTo("SyncManager-1"));
    }

    @Test
    void withBlockShutsTheServerDown() {
        SubCases.assertPassed(shared, "shutdown");
    }

    @Test
    void killedServerFailsProxyCalls() {
        SubCases.assertPassed(shared, "server-killed");
        assertThat(shared.of("server-lost")).hasSize(1);
    }

    @Test
    void serverEndsWithItsOwner() {
        SubCases.assertPassed(shared, "server-ends-with-owner");
        assertThat(shared.of("shutdown")).anySatisfy(e -> assertThat(e.text("why")).contains("exited"));
    }

    @Test
    void proxyOperationsAreLoggedAsGetAndSet() {
        assertThat(shared.of("proxy-set")).anySatisfy(e -> {
            assertThat(e.obj()).startsWith("DictProxy#");
            assertThat(e.get("op")).isEqualTo("setitem");
            assertThat(e.get("key")).isEqualTo(65L);
            assertThat(e.get("value")).isEqualTo("A");
        });
        assertThat(shared.of("proxy-get")).anySatisfy(e -> {
            assertThat(e.get("op")).isEqualTo("getitem");
            assertThat(e.get("value")).isNotNull();
        });
    }

    /** The seed's 07_manager.py, both halves in one run as the seed has them. */
    @Test
    void seedLosesUpdatesWithoutALockAndNoneWithOne() throws Exception {
        var seed = RealRun.run(PROGRAM, Map.of("case", "seed"), 1.0, Duration.ofSeconds(90));
        SubCases.assertPassed(seed, "without lock");
        SubCases.assertPassed(seed, "with lock");
        assertThat(seed.prints()).contains("with lock 0");
        assertThat(seed.of("proxy-set")).filteredOn(e -> "count".equals(e.get("key"))).hasSize(2000);
    }
}
