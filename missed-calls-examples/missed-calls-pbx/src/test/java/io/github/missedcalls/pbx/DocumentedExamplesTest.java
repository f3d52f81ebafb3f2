package io.github.missedcalls.pbx;

import static io.github.missedcalls.pbx.SourceFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportQuery;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.pbx.asterisk.AsteriskCdrSource;
import io.github.missedcalls.pbx.freeswitch.FreeSwitchCdrSource;
import io.github.missedcalls.pbx.phone.LibPhoneNumberNormalizer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The examples of {@code docs/adapters.md}, line for line but for the file paths and the as-of instant. */
class DocumentedExamplesTest {

    static final Instant AS_OF = Instant.parse("2026-11-02T12:00:00Z");

    @Test
    @DisplayName("the Asterisk example of docs/adapters.md runs and reports")
    void asterisk() {
        Path masterCsv =
                resource(DocumentedExamplesTest.class, "/io/github/missedcalls/pbx/asterisk/master-21-columns.csv");
        Path queueLog =
                resource(DocumentedExamplesTest.class, "/io/github/missedcalls/pbx/asterisk/queue-combined.queue_log");

        AsteriskCdrSource source = AsteriskCdrSource.builder(
                        "acme",
                        ZoneId.of("Europe/Kyiv"),
                        ExtensionPlan.ofLength(3, 3).withOutboundPrefix("9"))
                .masterCsv(masterCsv)
                .queueLog(queueLog)
                .build();
        MissedCalls missedCalls = MissedCalls.builder()
                .callSource(source)
                .handleStore(new InMemoryHandleStore())
                .settings(ProjectSettings.builder()
                        .zone(ZoneId.of("Europe/Kyiv"))
                        .normalizer(LibPhoneNumberNormalizer.forRegion("UA"))
                        .build())
                .build();
        Report report = missedCalls.report(ReportQuery.of("acme").asOf(AS_OF));

        assertThat(report.unprocessed()).isNotEmpty();
        assertThat(report.processed()).isNotEmpty();
    }

    @Test
    @DisplayName("the FreeSWITCH example of docs/adapters.md runs and reports")
    void freeSwitch() {
        Path masterCsv = resource(DocumentedExamplesTest.class, "/io/github/missedcalls/pbx/freeswitch/fs-master.csv");

        FreeSwitchCdrSource source = FreeSwitchCdrSource.builder(
                        "acme", ZoneId.of("Europe/Kyiv"), ExtensionPlan.ofLength(4, 4))
                .build(masterCsv);
        Report report = MissedCalls.builder()
                .callSource(source)
                .handleStore(new InMemoryHandleStore())
                .settings(ProjectSettings.builder()
                        .zone(ZoneId.of("Europe/Kyiv"))
                        .countryCode("380")
                        .build())
                .build()
                .report(ReportQuery.of("acme").asOf(AS_OF));

        assertThat(report.unprocessed()).hasSize(6);
    }
}
