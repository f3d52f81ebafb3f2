package io.github.missedcalls.pbx.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

@DisplayName("date-times of the call log: offset or Z required, seconds and fractions optional")
class CallLogColumnsTest {

    /** Texts near the common form: valid ones, out-of-range fields, other separators and shapes. */
    private static Gen<String> nearlyIsoTexts() {
        Gen<String> date = integers()
                .between(0, 10_000)
                .zip(
                        integers().between(0, 13),
                        integers().between(0, 32),
                        (year, month, day) -> String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day));
        Gen<String> time = integers()
                .between(0, 25)
                .zip(
                        integers().between(0, 60),
                        integers().between(-1, 61),
                        integers().between(-1, 10),
                        (hour, minute, second, fraction) -> {
                            String text = String.format(Locale.ROOT, "%02d:%02d", hour, minute);
                            if (second >= 0) {
                                text += String.format(Locale.ROOT, ":%02d", second);
                                if (fraction >= 0) {
                                    text += "." + "123456789".repeat(2).substring(0, fraction);
                                }
                            }
                            return text;
                        });
        Gen<String> offset = integers()
                .between(0, 8)
                .zip(integers().between(0, 19), integers().between(0, 60), (kind, hours, minutes) -> switch (kind) {
                    case 0 -> "Z";
                    case 1 -> "z";
                    case 2 -> "";
                    case 3 -> String.format(Locale.ROOT, "+%02d%02d", hours, minutes);
                    case 4 -> String.format(Locale.ROOT, "-%02d:%02d", hours, minutes);
                    case 5 -> String.format(Locale.ROOT, "+%02d", hours);
                    default -> String.format(Locale.ROOT, "+%02d:%02d", hours, minutes);
                });
        Gen<String> separator = integers().between(0, 5).map(kind -> switch (kind) {
            case 0 -> "t";
            case 1 -> " ";
            default -> "T";
        });
        return date.zip(separator, time, offset, (d, s, t, o) -> d + s + t + o);
    }

    @Test
    @DisplayName("the fast path accepts exactly what ISO_OFFSET_DATE_TIME accepts, as the same instant")
    void sameAsTheFormatter() {
        qt().withExamples(Integer.getInteger("QT_EXAMPLES", 1000) * 5)
                .forAll(nearlyIsoTexts())
                .checkAssert(text -> {
                    Instant expected;
                    try {
                        expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                                .toInstant();
                    } catch (DateTimeException e) {
                        assertThatThrownBy(() -> CallLogColumns.parseDateTime("started_at", text))
                                .as(text)
                                .isInstanceOf(IllegalArgumentException.class)
                                .hasMessage(
                                        "started_at is not a date-time with an offset (2026-11-02T09:15:03+02:00): '"
                                                + text + "'");
                        return;
                    }
                    assertThat(CallLogColumns.parseDateTime("started_at", text))
                            .as(text)
                            .isEqualTo(expected);
                });
    }

    @Test
    @DisplayName("the common forms take the fast path")
    void commonForms() {
        assertThat(CallLogColumns.parseCommonForm("2026-11-02T09:15:03+02:00"))
                .isEqualTo(Instant.parse("2026-11-02T07:15:03Z"));
        assertThat(CallLogColumns.parseCommonForm("2026-11-02T09:15Z"))
                .isEqualTo(Instant.parse("2026-11-02T09:15:00Z"));
        assertThat(CallLogColumns.parseCommonForm("2026-11-02T09:15:03.25-03:30"))
                .isEqualTo(Instant.parse("2026-11-02T12:45:03.250Z"));
        assertThat(CallLogColumns.parseCommonForm("2026-11-02 09:15:03+02:00")).isNull();
    }
}
