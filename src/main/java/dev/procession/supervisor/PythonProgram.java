package dev.procession.supervisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A python3 program to run under Procession (docs/python.md): the script, its arguments, and the
 * folder it runs in (where its relative paths, such as the tickets database, point).
 */
public record PythonProgram(Path script, List<String> args, Path workDir) {
    public PythonProgram {
        script = script.toAbsolutePath().normalize();
        args = List.copyOf(args);
        workDir = workDir.toAbsolutePath().normalize();
    }

    /**
     * The program, once python3 has said it can run it: a script that does not exist, cannot be
     * read or does not compile is refused here, before any process of a run starts.
     *
     * @throws IllegalArgumentException with one line saying why
     */
    public static PythonProgram checked(Path script, List<String> args, Path workDir) {
        if (!Files.exists(script)) {
            throw new IllegalArgumentException("no such Python script: " + script);
        }
        if (!Files.isRegularFile(script) || !Files.isReadable(script)) {
            throw new IllegalArgumentException(script + " is not a readable file");
        }
        if (!Files.isDirectory(workDir)) {
            throw new IllegalArgumentException("no such folder to run in: " + workDir);
        }
        PythonProgram program = new PythonProgram(script, args, workDir);
        PythonLauncher.check(program.script());
        return program;
    }

    /** The script's file name, as the code view titles it. */
    public String fileName() {
        return script.getFileName().toString();
    }

    /** The script's text, line by line: the listing every event's {@code line} points into. */
    public List<String> lines() {
        try {
            return new String(Files.readAllBytes(script), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script, e);
        }
    }
}
