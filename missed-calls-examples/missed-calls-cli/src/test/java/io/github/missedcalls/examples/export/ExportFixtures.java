package io.github.missedcalls.examples.export;

import io.github.missedcalls.BusinessHours;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportQuery;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.pbx.csv.CsvCallSource;
import io.github.missedcalls.pbx.csv.HandlesCsv;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** The week of the command line's tests as a {@link Report}, made the way an integrator would. */
final class ExportFixtures {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    private ExportFixtures() {}

    static Report week() {
        ProjectSettings settings = ProjectSettings.builder()
                .zone(KYIV)
                .countryCode("380")
                .businessHours(BusinessHours.parse("Mon-Fri 09:00-18:00"))
                .build();
        InMemoryHandleStore handles = new InMemoryHandleStore();
        HandlesCsv.read(resource("week-handles.csv"), settings.normalizer())
                .handles()
                .forEach(handle -> handles.save("acme", handle));
        MissedCalls missedCalls = MissedCalls.builder()
                .callSource(CsvCallSource.of(resource("week.csv")))
                .handleStore(handles)
                .settings(settings)
                .build();
        return missedCalls.report(ReportQuery.of("acme").asOf(Instant.parse("2026-11-13T22:00:00Z")));
    }

    static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(ExportFixtures.class.getResource("/cli/" + name))
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
