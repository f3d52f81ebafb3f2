package io.github.missedcalls.pbx.asterisk;

import static io.github.missedcalls.pbx.SourceFixtures.read;
import static io.github.missedcalls.pbx.SourceFixtures.resource;
import static io.github.missedcalls.pbx.asterisk.AsteriskCdrSourceTest.builder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.missedcalls.StorageException;
import io.github.missedcalls.pbx.SourceFixtures.Delivered;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file plainly of another kind fails with one message naming what it likely is, not a rejection per line. */
class FileKindTest {

    @TempDir
    Path dir;

    Path file(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a FreeSWITCH mod_cdr_csv file given as a Master.csv names --input freeswitch")
    void freeSwitchGivenAsAsterisk() throws IOException {
        Path fs = file(
                "fs.csv",
                "\"Client\",\"380501110001\",\"442000\",\"public\",\"2026-11-02 09:00:00\",\"\",\"2026-11-02 09:00:30\","
                        + "\"30\",\"0\",\"NO_ANSWER\",\"6f1c2a9e-1b2c-4d5e-8f90-123456789abc\",\"\",\"\",\"PCMA\",\"PCMA\"",
                "\"Client\",\"380501110002\",\"442000\",\"public\",\"2026-11-02 09:10:00\",\"\",\"2026-11-02 09:10:30\","
                        + "\"30\",\"0\",\"NO_ANSWER\",\"7a2d3b0f-2c3d-4e6f-9a01-23456789abcd\",\"\",\"\",\"PCMA\",\"PCMA\"");

        assertThatThrownBy(() -> read(builder().masterCsv(fs).build(), "acme"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("is no cdr_csv Master.csv")
                .hasMessageContaining("--input freeswitch");
    }

    @Test
    @DisplayName("a cdr_custom layout with the caller id first names its layout and the export to use")
    void cdrCustomLayout() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add("\"38050111000" + (i % 10) + "\",\"2026-11-02 09:0" + (i % 10)
                    + ":00\",\"442000\",\"SIP/trunk-0000000" + i % 10
                    + "\",\"\",\"Dial\",\"\",\"\",\"\",\"30\",\"0\",\"NO ANSWER\",\"\",\"\",\"\",\"\"");
        }
        Path custom = file("custom.csv", lines.toArray(String[]::new));

        assertThatThrownBy(() -> read(builder().masterCsv(custom).build(), "acme"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("column 10")
                .hasMessageContaining("the first time is in column 2")
                .hasMessageContaining("cdr_custom");
    }

    @Test
    @DisplayName("a database export given as a Master.csv, and a Master.csv given as an export, name the right option")
    void headerTheWrongWayRound() {
        Path export = resource(AsteriskCdrSourceTest.class, "cdr-export.csv");
        Path master = resource(AsteriskCdrSourceTest.class, "master-21-columns.csv");

        assertThatThrownBy(() -> read(builder().masterCsv(export).build(), "acme"))
                .hasMessageContaining("--input asterisk-db");
        assertThatThrownBy(() -> read(builder().databaseExport(master).build(), "acme"))
                .hasMessageContaining("--input asterisk-csv");
    }

    @Test
    @DisplayName("a queue_log given as a CDR names --input queue-log")
    void queueLogGivenAsCdr() {
        Path queueLog = resource(AsteriskCdrSourceTest.class, "synthetic_queue_log_all_outcomes.queue_log");

        assertThatThrownBy(() -> read(builder().masterCsv(queueLog).build(), "acme"))
                .hasMessageContaining("--input queue-log");
    }

    @Test
    @DisplayName("R2: a Master.csv whose first lines are dirty is still read, its dirty lines rejected one by one")
    void dirtyStartIsNoOtherKind() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("garbage");
        lines.add("\"cut off");
        lines.addAll(Files.readAllLines(resource(AsteriskCdrSourceTest.class, "master-21-columns.csv")));
        Path dirty = file("dirty.csv", lines.toArray(String[]::new));

        Delivered delivered = read(builder().masterCsv(dirty).build(), "acme");

        assertThat(delivered.rejections()).hasSize(2);
        assertThat(delivered.calls()).isNotEmpty();
    }
}
