package io.github.missedcalls.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.missedcalls.Labels;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The page's own words")
class PageWordsTest {

    @Test
    @DisplayName("every language has every key English has, and no other, none left blank")
    void sameKeysInEveryLanguage() {
        Map<String, String> english = PageWords.of(Labels.english());
        assertThat(english).isNotEmpty();
        for (Locale language : Labels.LANGUAGES) {
            Map<String, String> words = PageWords.of(Labels.ofLanguage(language.getLanguage()));
            assertThat(words.keySet()).as(language.getLanguage()).isEqualTo(english.keySet());
            assertThat(words.values())
                    .as(language.getLanguage())
                    .allSatisfy(word -> assertThat(word).isNotBlank());
        }
    }

    @Test
    @DisplayName("keeps the placeholders of each English word, so that no language drops a figure")
    void samePlaceholders() {
        Map<String, String> english = PageWords.of(Labels.english());
        for (Locale language : Labels.LANGUAGES) {
            Map<String, String> words = PageWords.of(Labels.ofLanguage(language.getLanguage()));
            english.forEach((key, word) -> {
                for (int i = 0; word.contains("{" + i + "}"); i++) {
                    assertThat(words.get(key))
                            .as(language.getLanguage() + " " + key)
                            .contains("{" + i + "}");
                }
            });
        }
    }
}
