package io.github.missedcalls.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The command line's runnable jar")
class RunnableJarIT {

    private static final Path JAR = Path.of(System.getProperty("missedCalls.jar", "target/missed-calls.jar"));

    @Test
    @DisplayName("carries neither Kafka Streams, RocksDB nor the streams topology")
    void staysLean() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> entries = jar.stream().map(ZipEntry::getName).toList();
            assertThat(entries)
                    .as("entries of %s", JAR)
                    .isNotEmpty()
                    .anyMatch(name -> name.startsWith("io/github/missedcalls/"))
                    .noneMatch(name -> name.startsWith("org/apache/kafka/"))
                    .noneMatch(name -> name.startsWith("org/rocksdb/"))
                    .noneMatch(name -> name.startsWith("io/github/missedcalls/kafka/"));
        }
    }
}
