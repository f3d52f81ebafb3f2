package io.github.missedcalls.pbx.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.Report;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.inmemory.InMemoryCallSource;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.tck.SettableClock;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LibPhoneNumberNormalizerTest {

    final LibPhoneNumberNormalizer ukraine = LibPhoneNumberNormalizer.forRegion("UA");

    @ParameterizedTest(name = "{0}")
    @DisplayName("R3: the forms of one Ukrainian number are one E.164 number")
    @ValueSource(
            strings = {
                "+380 (50) 111-00-01",
                "00380501110001",
                "0501110001",
                "050 111 00 01",
                "+380501110001",
                "+380 (0)50 111 00 01"
            })
    void ukrainianForms(String raw) {
        assertThat(ukraine.normalize(raw)).isEqualTo("+380501110001");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @DisplayName("R3: national forms follow the region's own plan, trunk prefix and international prefix")
    @CsvSource({
        "8 (916) 111-22-33, RU, +79161112233",
        "810 380 50 111 0001, RU, +380501110001",
        "020 7946 0018, GB, +442079460018",
        "011 44 20 7946 0018, US, +442079460018",
        "(202) 555-0143, US, +12025550143"
    })
    void otherRegions(String raw, String region, String expected) {
        assertThat(LibPhoneNumberNormalizer.acceptingPossibleNumbers(region).normalize(raw))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @DisplayName("R3, R4: empty values and the withheld words are withheld")
    @ValueSource(strings = {"", "  ", "anonymous", "Unknown", "PRIVATE", "restricted", "unavailable", "withheld"})
    void withheld(String raw) {
        assertThat(ukraine.normalize(raw)).isNull();
    }

    @Test
    @DisplayName("R4: no number is withheld")
    void nullIsWithheld() {
        assertThat(ukraine.normalize(null)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("R2: what is no number of the region is an IllegalArgumentException whose message is the reason")
    @ValueSource(strings = {"12", "not a number", "+380 12", "0001110001"})
    void invalid(String raw) {
        assertThatThrownBy(() -> ukraine.normalize(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(": " + raw);
    }

    @Test
    @DisplayName("a possible number that is not valid passes only when possible numbers are accepted")
    void possibleButNotValid() {
        // 555-01xx numbers are reserved for fiction: the right length, in no assigned range.
        String fictional = "+1 555 010 0199";
        assertThatThrownBy(() -> LibPhoneNumberNormalizer.forRegion("US").normalize(fictional))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid phone number");
        assertThat(LibPhoneNumberNormalizer.acceptingPossibleNumbers("US").normalize(fictional))
                .isEqualTo("+15550100199");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("normalization is idempotent")
    @ValueSource(strings = {"0501110001", "+380 44 123 4567", "00380671234567"})
    void idempotent(String raw) {
        String once = ukraine.normalize(raw);
        assertThat(ukraine.normalize(once)).isEqualTo(once);
    }

    @Test
    @DisplayName("an unknown region is refused")
    void unknownRegion() {
        assertThatThrownBy(() -> LibPhoneNumberNormalizer.forRegion("XX")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("R2, R3: in a report, numbers of one client in several forms are one row; an invalid one is rejected")
    void inReport() {
        Instant t0 = Instant.parse("2026-11-02T09:00:00Z");
        InMemoryCallSource source = new InMemoryCallSource()
                .add(
                        "acme",
                        CallRecord.builder("1", Direction.IN, t0, t0.plusSeconds(30))
                                .client("050 111 00 01")
                                .build(),
                        CallRecord.builder("2", Direction.IN, t0.plusSeconds(60), t0.plusSeconds(90))
                                .client("+380501110001")
                                .build(),
                        CallRecord.builder("3", Direction.IN, t0.plusSeconds(120), t0.plusSeconds(150))
                                .client("12")
                                .build());
        Report report = MissedCalls.builder()
                .callSource(source)
                .handleStore(new InMemoryHandleStore())
                .clock(SettableClock.at(t0.plusSeconds(3600)))
                .settings(ProjectSettings.builder().normalizer(ukraine).build())
                .build()
                .report("acme");

        assertThat(report.unprocessed())
                .extracting(UnprocessedRow::client, UnprocessedRow::missed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("+380501110001", 2));
        assertThat(report.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.id()).isEqualTo("3");
            assertThat(rejection.reason()).endsWith(": 12");
        });
    }

    @Test
    @DisplayName("R3: with an area code, a 7-digit local landline number is a number of that area, not a rejection")
    void localNumbersWithAreaCode() {
        LibPhoneNumberNormalizer kyiv = LibPhoneNumberNormalizer.forRegion("UA").withAreaCode("44");
        assertThatThrownBy(() -> LibPhoneNumberNormalizer.forRegion("UA").normalize("2345678"))
                .hasMessageContaining("not a valid phone number");
        assertThat(kyiv.normalize("2345678")).isEqualTo("+380442345678");
        assertThat(kyiv.normalize("234-56-78")).isEqualTo("+380442345678");
        assertThat(kyiv.normalize("044 234 5678")).isEqualTo("+380442345678");
        assertThat(kyiv.normalize("0501110001")).isEqualTo("+380501110001");
        assertThatThrownBy(() -> kyiv.withAreaCode("x")).hasMessageContaining("1 to 5 digits");
    }
}
