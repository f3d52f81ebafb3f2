package io.github.missedcalls;

import static io.github.missedcalls.Fixtures.CLIENT;
import static io.github.missedcalls.Fixtures.at;
import static io.github.missedcalls.Fixtures.callback;
import static io.github.missedcalls.Fixtures.missed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Labels: the report's codes in words, in English, Ukrainian and Russian")
class LabelsTest {

    private static Properties file(String language) throws IOException {
        Properties words = new Properties();
        try (InputStream in = Labels.class.getResourceAsStream("labels_" + language + ".properties")) {
            assertThat(in).as(language).isNotNull();
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }

    @Test
    @DisplayName("every language has exactly the keys English has, none blank")
    void sameKeysInEveryLanguage() throws IOException {
        Properties english = file("en");
        for (String language : List.of("uk", "ru")) {
            Properties words = file(language);
            assertThat(words.stringPropertyNames()).as(language).isEqualTo(english.stringPropertyNames());
            assertThat(words.values())
                    .as(language)
                    .allSatisfy(word -> assertThat((String) word).isNotBlank());
        }
    }

    @Test
    @DisplayName("no two codes of one kind share a label in any language, so a label tells its code")
    void labelsTellCodesApart() {
        for (Locale language : Labels.LANGUAGES) {
            Labels labels = Labels.of(language);
            assertDistinct(labels, MissedReason.values(), labels::reason);
            assertDistinct(labels, MissedReason.values(), labels::description);
            assertDistinct(labels, ResolutionKind.values(), labels::resolution);
            assertDistinct(labels, HandleReason.values(), labels::handleReason);
            assertDistinct(labels, ReportColumn.values(), labels::column);
        }
    }

    private static <T> void assertDistinct(Labels labels, T[] codes, Function<T, String> label) {
        assertThat(Arrays.stream(codes).map(label).distinct().count())
                .as(labels + " " + codes[0].getClass().getSimpleName())
                .isEqualTo(codes.length);
    }

    @Test
    @DisplayName("the language comes from a locale or a tag; another language gets English, an unknown tag is refused")
    void chooseALanguage() {
        assertThat(Labels.of(Locale.forLanguageTag("uk-UA")).reason(MissedReason.OUTSIDE_BUSINESS_HOURS))
                .isEqualTo("Поза робочим часом");
        assertThat(Labels.ofLanguage("ru").handleReason(HandleReason.WRONG_NUMBER))
                .isEqualTo("Ошибочный номер");
        assertThat(Labels.of(Locale.GERMAN)).isSameAs(Labels.english());
        assertThat(Labels.ofLanguage(" EN ")).isSameAs(Labels.english());
        assertThatThrownBy(() -> Labels.ofLanguage("de"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no labels in 'de'; one of en, uk, ru");
    }

    @Test
    @DisplayName("puts a row's coded columns in words and leaves the others to their values")
    void valuesOfARow() {
        Report report = Fixtures.dayReport(
                List.of(missed("1", CLIENT, at("09:00")), callback("2", CLIENT, at("09:30"))), List.of());
        ProcessedRow row = report.processed().get(0);
        Labels english = Labels.english();

        assertThat(english.valueOf(ReportColumn.REASON, row)).isEqualTo(english.reason(row.reason()));
        assertThat(english.valueOf(ReportColumn.RESOLUTION, row)).isEqualTo("Called back");
        assertThat(english.valueOf(ReportColumn.HANDLE_REASON, row)).isNull();
        assertThat(english.valueOf(ReportColumn.CLIENT, row)).isNull();
        assertThat(Arrays.stream(ReportColumn.values()).filter(Labels::isCoded))
                .containsExactly(
                        ReportColumn.REASON, ReportColumn.REASONS, ReportColumn.RESOLUTION, ReportColumn.HANDLE_REASON);
    }
}
