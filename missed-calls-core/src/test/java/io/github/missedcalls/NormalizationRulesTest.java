package io.github.missedcalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.missedcalls.tck.Generators;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

@DisplayName("R3: client numbers are compared after normalization")
class NormalizationRulesTest {

    private static final NumberNormalizer UKRAINE = DefaultNumberNormalizer.forCountry("380", "0");
    private static final NumberNormalizer RUSSIA = DefaultNumberNormalizer.forCountry("+7", "8");
    private static final NumberNormalizer NO_COUNTRY = DefaultNumberNormalizer.withoutCountryCode();

    @Nested
    @DisplayName("R3 step 1: withheld values")
    class Withheld {

        @ParameterizedTest(name = "\"{0}\" is withheld")
        @ValueSource(
                strings = {
                    "",
                    "  ",
                    "anonymous",
                    "ANONYMOUS",
                    "Unknown",
                    "private",
                    "Restricted",
                    "unavailable",
                    "WithHeld",
                    " withheld "
                })
        @DisplayName("R3, R4: an empty value and the withheld words, in any case, are withheld")
        void withheldWords(String raw) {
            assertThat(UKRAINE.normalize(raw)).isNull();
            assertThat(NO_COUNTRY.normalize(raw)).isNull();
        }

        @Test
        @DisplayName("R3, R4: no value at all is withheld")
        void nullIsWithheld() {
            assertThat(UKRAINE.normalize(null)).isNull();
        }
    }

    @Nested
    @DisplayName("R3 steps 2 to 5: the spec's examples")
    class Examples {

        @ParameterizedTest(name = "\"{0}\" is +380501110001")
        @ValueSource(
                strings = {
                    "+380 (50) 111-00-01",
                    "00380501110001",
                    "0501110001",
                    "380501110001",
                    "+380501110001",
                    "+380.50.111.00.01",
                    "+380/50/111/00/01",
                    "[050] 111 00 01",
                    "00 380 50 111 00 01"
                })
        @DisplayName("R3: with country code 380, the spellings of the spec are one client")
        void oneClient(String raw) {
            assertThat(UKRAINE.normalize(raw)).isEqualTo("+380501110001");
        }

        @Test
        @DisplayName("R3 step 2: a (0) written after a country code is dropped")
        void trunkZeroInBracketsDropped() {
            assertThat(UKRAINE.normalize("+380 (0)44 123-45-67")).isEqualTo("+380441234567");
            assertThat(NO_COUNTRY.normalize("+44 (0)20 7946 0958")).isEqualTo("+442079460958");
            assertThat(NO_COUNTRY.normalize("0044 (0)20 7946 0958")).isEqualTo("+442079460958");
        }

        @Test
        @DisplayName("R3 step 3: a leading 00 becomes +, with or without a country code")
        void leadingDoubleZero() {
            assertThat(NO_COUNTRY.normalize("0049 30 1234567")).isEqualTo("+49301234567");
            assertThat(UKRAINE.normalize("0049 30 1234567")).isEqualTo("+49301234567");
        }

        @Test
        @DisplayName("R3 step 4: trunk prefix 8 with country code 7, and 11 digits that start with the country code")
        void trunkPrefixEight() {
            assertThat(RUSSIA.normalize("8 (912) 345-67-89")).isEqualTo("+79123456789");
            assertThat(RUSSIA.normalize("79123456789")).isEqualTo("+79123456789");
            assertThat(RUSSIA.normalize("+7 912 345 67 89")).isEqualTo("+79123456789");
        }

        @Test
        @DisplayName("R3 step 4: a number shorter than 11 digits that starts with the country code is kept as it is")
        void shortNumberWithCountryDigitsKept() {
            assertThat(UKRAINE.normalize("3801234")).isEqualTo("3801234");
        }

        @Test
        @DisplayName("R3 step 5: without a country code, national numbers are kept as digits")
        void withoutCountryCodeKeepsDigits() {
            assertThat(NO_COUNTRY.normalize("050 111 00 01")).isEqualTo("0501110001");
            assertThat(NO_COUNTRY.normalize("112")).isEqualTo("112");
            assertThat(NO_COUNTRY.normalize("+123456789012345")).isEqualTo("+123456789012345");
        }

        @Test
        @DisplayName("R3: a normalized number normalizes to itself")
        void idempotent() {
            for (String raw : List.of("+380 (50) 111-00-01", "8 (912) 345-67-89", "0049 30 1234567")) {
                String once = RUSSIA.normalize(raw);
                assertThat(RUSSIA.normalize(once)).isEqualTo(once);
            }
        }
    }

    @Nested
    @DisplayName("R3 step 5: values that cannot be normalized")
    class Invalid {

        @ParameterizedTest(name = "\"{0}\" cannot be normalized")
        @ValueSource(
                strings = {
                    "12",
                    "+12",
                    "1234567890123456",
                    "+1234567890123456",
                    "n/a",
                    "050-CALL-ME",
                    "+",
                    "--",
                    "38+0501110001",
                    "null",
                    "ext. 204",
                    "0501110001#2"
                })
        @DisplayName(
                "R2, R3: fewer than 3 or more than 15 digits, letters and stray signs are an IllegalArgumentException naming the value")
        void invalidValues(String raw) {
            assertThatThrownBy(() -> NO_COUNTRY.normalize(raw))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("client number cannot be normalized: " + raw);
        }

        @Test
        @DisplayName("R3: a trunk prefix that makes a number too long is still refused")
        void tooLongAfterCountryCode() {
            assertThatThrownBy(() -> UKRAINE.normalize("0123456789012345"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("R3: configuration")
    class Configuration {

        @Test
        @DisplayName("R3: a number it calls normalized is what normalizing it gives, so a report may skip the work")
        void isNormalizedAgreesWithNormalize() {
            DefaultNumberNormalizer normalizer = DefaultNumberNormalizer.forCountry("380", "0");
            for (String raw : List.of(
                    "+380501110001",
                    "+123",
                    "0501110001",
                    "380501110001",
                    "+380 50 111 00 01",
                    "+12",
                    "+1234567890123456",
                    "anonymous",
                    "")) {
                if (normalizer.isNormalized(raw)) {
                    assertThat(normalizer.normalize(raw)).as(raw).isEqualTo(raw);
                }
            }
            assertThat(normalizer.isNormalized("+380501110001")).isTrue();
            assertThat(normalizer.isNormalized("0501110001")).isFalse();
            assertThat(normalizer.isNormalized("+380 50 111 00 01")).isFalse();
        }

        @Test
        @DisplayName(
                "settings built alike are equal: normalizers with the same country code and trunk prefix are equal")
        void settingsBuiltAlikeAreEqual() {
            assertThat(ProjectSettings.defaults()).isEqualTo(ProjectSettings.defaults());
            assertThat(ProjectSettings.builder().countryCode("380").build())
                    .isEqualTo(ProjectSettings.builder().countryCode("+380").build())
                    .isNotEqualTo(ProjectSettings.builder()
                            .countryCode("380")
                            .trunkPrefix("8")
                            .build());
        }

        @Test
        @DisplayName("R3: a country code is 1 to 3 digits, with or without +, and a trunk prefix 1 to 4 digits")
        void countryCodeAndTrunkPrefixChecked() {
            assertThat(DefaultNumberNormalizer.forCountry(" +1 ", "1").normalize("1 555 010 0199"))
                    .isEqualTo("+15550100199");
            assertThatThrownBy(() -> DefaultNumberNormalizer.forCountry("0380", "0"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> DefaultNumberNormalizer.forCountry("1234", "0"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> DefaultNumberNormalizer.forCountry("380", ""))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> DefaultNumberNormalizer.forCountry("380", "o"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ProjectSettings.builder().countryCode("UA").build())
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("R3: a project's settings build the default normalizer from its country code and trunk prefix")
        void settingsBuildTheNormalizer() {
            ProjectSettings russia =
                    ProjectSettings.builder().countryCode("7").trunkPrefix("8").build();

            assertThat(russia.normalizer().normalize("8 912 345 67 89")).isEqualTo("+79123456789");
            assertThat(ProjectSettings.defaults().normalizer().normalize("0501110001"))
                    .isEqualTo("0501110001");
        }

        @Test
        @DisplayName("R3: normalization is pluggable, and reports compare numbers as the project's normalizer says")
        void pluggableNormalizer() {
            NumberNormalizer lastSevenDigits = raw -> raw == null ? null : raw.substring(Math.max(0, raw.length() - 7));
            ProjectSettings settings =
                    ProjectSettings.builder().normalizer(lastSevenDigits).build();

            Report report = Fixtures.report(
                    settings,
                    List.of(
                            Fixtures.missed("1", "+380501110001", Fixtures.at("09:00")),
                            Fixtures.missed("2", "0441110001", Fixtures.at("09:30"))),
                    List.of(),
                    Fixtures.DAY,
                    Fixtures.at("12:00"),
                    Fixtures.at("12:00"));

            assertThat(report.unprocessed()).singleElement().satisfies(row -> {
                assertThat(row.client()).isEqualTo("1110001");
                assertThat(row.missed()).isEqualTo(2);
            });
        }
    }

    @Nested
    @DisplayName("R3: generated spellings")
    class Generated {

        // Digits weigh most; then what PBXs put between them, and what makes a value no number.
        private static final List<String> PIECES = List.of(
                "0",
                "0",
                "0",
                "3",
                "3",
                "8",
                "8",
                "7",
                "5",
                "1",
                "9",
                "00",
                "380",
                "+",
                " ",
                "-",
                ".",
                "/",
                "(",
                ")",
                "[",
                "]",
                "(0)",
                "\t",
                "x",
                "#",
                "anonymous",
                "8",
                "44");

        private static Gen<String> spellings() {
            return lists().of(Generate.pick(PIECES)).ofSizeBetween(0, 12).map(pieces -> String.join("", pieces));
        }

        /** R3's steps as the spec words them, one after another, without any shortcut. */
        private static @Nullable String stepByStep(String raw, @Nullable String countryCode, String trunkPrefix) {
            String value = raw.strip();
            if (value.isEmpty()
                    || List.of("anonymous", "unknown", "private", "restricted", "unavailable", "withheld")
                            .contains(value.toLowerCase(Locale.ROOT))) {
                return null;
            }
            boolean international = value.startsWith("+") || value.startsWith("00");
            String compact = (international ? value.replace("(0)", "") : value).replaceAll("[\\s\\-./()\\[\\]]", "");
            if (compact.startsWith("00")) {
                compact = "+" + compact.substring(2);
            }
            if (countryCode != null && !compact.startsWith("+")) {
                if (compact.startsWith(trunkPrefix)) {
                    compact = "+" + countryCode + compact.substring(trunkPrefix.length());
                } else if (compact.length() >= 11 && compact.startsWith(countryCode)) {
                    compact = "+" + compact;
                }
            }
            if (!compact.matches("\\+?[0-9]{3,15}")) {
                throw new IllegalArgumentException("client number cannot be normalized: " + raw);
            }
            return compact;
        }

        private static String outcome(NumberNormalizer normalizer, String raw) {
            try {
                return String.valueOf(normalizer.normalize(raw));
            } catch (IllegalArgumentException e) {
                return "refused: " + e.getMessage();
            }
        }

        private static String expected(String raw, @Nullable String countryCode, String trunkPrefix) {
            try {
                return String.valueOf(stepByStep(raw, countryCode, trunkPrefix));
            } catch (IllegalArgumentException e) {
                return "refused: " + e.getMessage();
            }
        }

        @Test
        @DisplayName("R3: any spelling normalizes as R3's steps taken one by one do, or is refused alike")
        void asTheStepsSay() {
            Generators.theory().forAll(spellings()).checkAssert(raw -> {
                assertThat(outcome(UKRAINE, raw))
                        .as("country code 380: '%s'", raw)
                        .isEqualTo(expected(raw, "380", "0"));
                assertThat(outcome(RUSSIA, raw)).as("country code 7: '%s'", raw).isEqualTo(expected(raw, "7", "8"));
                assertThat(outcome(NO_COUNTRY, raw))
                        .as("no country code: '%s'", raw)
                        .isEqualTo(expected(raw, null, "0"));
            });
        }
    }

    @Nested
    @DisplayName("local numbers with an area code")
    class LocalNumbers {

        final DefaultNumberNormalizer kyiv =
                DefaultNumberNormalizer.forCountry("380", "0").withAreaCode("44");

        @ParameterizedTest(name = "{0} -> +380441234567")
        @ValueSource(strings = {"1234567", "123-45-67", "0441234567", "+380441234567", "380441234567"})
        @DisplayName("R3: a local number of the area and its national and international forms are one number")
        void localNumberJoinsItsArea(String raw) {
            assertThat(kyiv.normalize(raw)).isEqualTo("+380441234567");
        }

        @Test
        @DisplayName("R3: extensions and short codes (under 5 digits) and national numbers (over 8) are not local")
        void onlyFiveToEightDigitsAreLocal() {
            assertThat(kyiv.normalize("1234")).isEqualTo("1234");
            assertThat(kyiv.normalize("501110001")).isEqualTo("501110001");
            assertThat(kyiv.normalize("12345")).isEqualTo("+3804412345");
        }

        @Test
        @DisplayName("without an area code a local number is kept as written, as before")
        void withoutAreaCodeNothingChanges() {
            assertThat(UKRAINE.normalize("1234567")).isEqualTo("1234567");
        }

        @Test
        @DisplayName("an area code is digits and needs a country code; settings say so too")
        void badAreaCodes() {
            assertThatThrownBy(
                            () -> DefaultNumberNormalizer.forCountry("380", "0").withAreaCode("4a"))
                    .hasMessageContaining("area code must be 1 to 5 digits");
            assertThatThrownBy(
                            () -> DefaultNumberNormalizer.withoutCountryCode().withAreaCode("44"))
                    .hasMessageContaining("needs a country code");
            assertThatThrownBy(() -> ProjectSettings.builder().areaCode("44").build())
                    .hasMessageContaining("needs a country code");
            assertThat(ProjectSettings.builder()
                            .countryCode("380")
                            .areaCode("44")
                            .build()
                            .normalizer()
                            .normalize("1234567"))
                    .isEqualTo("+380441234567");
        }
    }
}
