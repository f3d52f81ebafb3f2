package io.github.missedcalls.pbx.asterisk;

import static io.github.missedcalls.pbx.SourceFixtures.read;
import static io.github.missedcalls.pbx.SourceFixtures.resource;
import static io.github.missedcalls.pbx.asterisk.AsteriskCdrSourceTest.PLAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The server's zone, checked against the epoch Asterisk writes in every uniqueid. */
class ServerZoneCheckTest {

    List<String> warningsReading(ZoneId zone) {
        List<String> warnings = new ArrayList<>();
        read(
                AsteriskCdrSource.builder("acme", zone, PLAN)
                        .masterCsv(resource(ServerZoneCheckTest.class, "master-real-patterns.csv"))
                        .warnings(warnings::add)
                        .build(),
                "acme");
        return warnings;
    }

    @Test
    @DisplayName("the right zone gives no warning")
    void rightZone() {
        assertThat(warningsReading(ZoneId.of("Europe/Kyiv"))).isEmpty();
    }

    @Test
    @DisplayName("a local-time file read as UTC is told once, with the zone that fits")
    void wrongZoneIsToldOnce() {
        assertThat(warningsReading(ZoneOffset.UTC))
                .singleElement()
                .asString()
                .contains("lie 2 h after the epoch in uniqueid on 13 of 13 legs")
                .contains("the server writes them in UTC+02:00")
                .contains("--pbx-zone");
    }

    @Test
    @DisplayName("usegmtime=yes read in a local zone names UTC")
    void gmtTimeReadAsLocal() {
        assertThat(warningsReading(ZoneId.of("Asia/Tokyo")))
                .singleElement()
                .asString()
                .contains("UTC+02:00");
    }
}
