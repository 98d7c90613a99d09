package dev.procession.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {
    @TempDir
    Path dir;

    private String jars(Path... jars) throws Exception {
        StringBuilder cp = new StringBuilder();
        for (Path jar : jars) {
            Files.writeString(jar, "not really a jar");
            cp.append(cp.isEmpty() ? "" : File.pathSeparator).append(jar);
        }
        return cp.toString();
    }

    /** Trains a fake cache: the fingerprint as the Launcher writes it, then a file where the JDK would write. */
    private Map<String, String> trained(String classPath, Path cache) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(AotCache.ENV_TRAIN, cache.toString()));
        assertThat(AotCache.options(classPath, env)).containsExactly("-XX:AOTCacheOutput=" + cache);
        AotCache.prepareTraining(classPath, env);
        Files.writeString(cache, "cache");
        return new HashMap<>(Map.of(AotCache.ENV_CACHE, cache.toString()));
    }

    @Test
    void usesACacheTrainedForThisClassPath() throws Exception {
        String cp = jars(dir.resolve("a.jar"), dir.resolve("b.jar"));
        Path cache = dir.resolve("child.aot");
        Map<String, String> env = trained(cp, cache);
        assertThat(AotCache.options(cp, env)).containsExactly("-XX:AOTCache=" + cache);
    }

    @Test
    void ignoresTheCacheOnceAJarChanged() throws Exception {
        Path a = dir.resolve("a.jar");
        String cp = jars(a);
        Map<String, String> env = trained(cp, dir.resolve("child.aot"));
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 5000));
        assertThat(AotCache.options(cp, env)).isEmpty();
    }

    @Test
    void aMissingCacheIsToBeTrainedInTheUsersCacheFolderAndThenUsed() throws Exception {
        String cp = jars(dir.resolve("a.jar"));
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
        Path cache = AotCache.missing(cp, env).orElseThrow();
        assertThat(cache.getParent()).isEqualTo(dir.resolve("cache").resolve("procession"));
        assertThat(AotCache.options(cp, env)).isEmpty();

        Map<String, String> training = new HashMap<>(env);
        training.put(AotCache.ENV_TRAIN, cache.toString());
        assertThat(AotCache.missing(cp, training)).as("the training run trains nothing more").isEmpty();
        AotCache.prepareTraining(cp, training);
        Files.writeString(cache, "cache");

        assertThat(AotCache.options(cp, env)).containsExactly("-XX:AOTCache=" + cache);
        assertThat(AotCache.missing(cp, env)).isEmpty();
        String other = cp + File.pathSeparator + jars(dir.resolve("b.jar"));
        assertThat(AotCache.missing(other, env)).get().as("one cache per class path").isNotEqualTo(cache);
    }

    @Test
    void nothingToTrainWhenOffChosenByHandOrFromClassFolders() throws Exception {
        String cp = jars(dir.resolve("a.jar"));
        Map<String, String> cacheHome = Map.of("XDG_CACHE_HOME", dir.toString());
        assertThat(AotCache.missing(cp, Map.of("XDG_CACHE_HOME", dir.toString(), AotCache.ENV_CACHE, "off"))).isEmpty();
        assertThat(AotCache.missing(cp, Map.of("XDG_CACHE_HOME", dir.toString(),
                Launcher.ENV_CHILD_OPTS, "-XX:AOTCache=/elsewhere.aot"))).isEmpty();
        Path classes = Files.createDirectory(dir.resolve("classes"));
        assertThat(AotCache.missing(classes.toString(), cacheHome)).isEmpty();
    }

    @Test
    void ignoresTheCacheForAnotherClassPath() throws Exception {
        String cp = jars(dir.resolve("a.jar"));
        Map<String, String> env = trained(cp, dir.resolve("child.aot"));
        String other = cp + File.pathSeparator + jars(dir.resolve("b.jar"));
        assertThat(AotCache.options(other, env)).isEmpty();
    }

    @Test
    void classFoldersNeverUseOne() throws Exception {
        Path classes = Files.createDirectory(dir.resolve("classes"));
        Map<String, String> env = Map.of(AotCache.ENV_TRAIN, dir.resolve("child.aot").toString());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AotCache.prepareTraining(classes.toString(), env))
                .hasMessageContaining("jars only");
        assertThat(AotCache.options(classes.toString(), Map.of(AotCache.ENV_CACHE,
                dir.resolve("child.aot").toString()))).isEmpty();
    }

    @Test
    void offAndHandPickedOptionsWin() throws Exception {
        String cp = jars(dir.resolve("a.jar"));
        Map<String, String> env = trained(cp, dir.resolve("child.aot"));
        env.put(Launcher.ENV_CHILD_OPTS, "-XX:AOTCache=/elsewhere.aot");
        assertThat(AotCache.options(cp, env)).isEmpty();
        assertThat(AotCache.options(cp, Map.of(AotCache.ENV_CACHE, "off"))).isEmpty();
        assertThat(AotCache.options(cp, Map.of())).isEqualTo(List.of());
    }
}
