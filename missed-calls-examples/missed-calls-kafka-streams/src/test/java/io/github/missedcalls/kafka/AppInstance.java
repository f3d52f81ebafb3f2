package io.github.missedcalls.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One instance of the streams application, run as a person runs it: {@code java -jar
 * missed-calls-kafka.jar instance.properties} in a JVM of its own, so that {@link #kill()} is a
 * real crash (SIGKILL: no close, no commit, no flush), not a polite stop.
 *
 * <p>The state folder and the HTTP port stay the same across restarts, as on a server.
 */
final class AppInstance implements AutoCloseable {

    /** How long a JVM may take to start, join the group and restore its stores. */
    static final Duration STARTUP = Duration.ofSeconds(90);

    private final String name;
    private final Path properties;
    private final Path log;
    private final int port;
    private @Nullable Process process;

    private AppInstance(String name, Path properties, Path log, int port) {
        this.name = name;
        this.properties = properties;
        this.log = log;
        this.port = port;
    }

    /**
     * Writes the instance's properties file ({@code settings} plus its own state folder and
     * {@code application.server}) into {@code folder} and starts it.
     */
    static AppInstance start(String name, Path folder, Properties settings) throws IOException {
        Properties config = new Properties();
        config.putAll(settings);
        config.setProperty("state.dir", folder.resolve(name + "-state").toString());
        int port = freePort();
        config.setProperty("application.server", "127.0.0.1:" + port);
        Path properties = folder.resolve(name + ".properties");
        try (OutputStream out = Files.newOutputStream(properties)) {
            config.store(out, "instance " + name + " of a real-broker test");
        }
        AppInstance instance = new AppInstance(name, properties, folder.resolve(name + ".log"), port);
        instance.restart();
        return instance;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the instance again after {@link #kill()} or {@link #stop()}, with the same state folder. */
    void restart() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Objects.requireNonNull(
                System.getProperty("missedCalls.kafkaJar"), "missedCalls.kafkaJar (set by failsafe)");
        Files.writeString(
                log, "== " + Instant.now() + " start\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        process = new ProcessBuilder(List.of(
                        java,
                        "-Xmx384m",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-XX:+UseSerialGC",
                        "-jar",
                        jar,
                        properties.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** SIGKILL: the JVM stops at once, in the middle of whatever it was doing. */
    void kill() throws InterruptedException {
        Process running = running();
        running.destroyForcibly();
        running.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the application's shutdown hook closes Kafka Streams, which commits. */
    void stop() throws InterruptedException {
        Process running = running();
        running.destroy();
        if (!running.waitFor(60, TimeUnit.SECONDS)) {
            running.destroyForcibly();
            running.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process running() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(name + " is not running; its log: " + log);
        }
        return process;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The unprocessed tab of a project as this instance's {@link TabServer} gathers it. */
    URI tab(String project, Instant asOf) {
        return URI.create("http://127.0.0.1:" + port + "/projects/" + project + "/unprocessed?asOf=" + asOf);
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        if (isAlive()) {
            try {
                stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Objects.requireNonNull(process).destroyForcibly();
            }
        }
    }

    @Override
    public String toString() {
        return name + " (port " + port + ", log " + log + ")";
    }

    static String readLog(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
