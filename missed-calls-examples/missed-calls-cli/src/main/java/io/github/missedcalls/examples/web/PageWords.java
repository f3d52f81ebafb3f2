package io.github.missedcalls.examples.web;

import io.github.missedcalls.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The page's own words (buttons, captions, messages) in a language of {@link Labels#LANGUAGES};
 * the report's codes are put in words by {@link Labels}, so that the page and the exports say
 * the same. Loaded once per language.
 */
final class PageWords {

    private static final Map<String, Map<String, String>> BY_LANGUAGE = new TreeMap<>();

    static {
        for (Locale language : Labels.LANGUAGES) {
            BY_LANGUAGE.put(language.getLanguage(), load(language.getLanguage()));
        }
    }

    private PageWords() {}

    /** The words of a language of {@link Labels#LANGUAGES}, by key, in key order. */
    static Map<String, String> of(Labels labels) {
        Map<String, String> words = BY_LANGUAGE.get(labels.locale().getLanguage());
        if (words == null) {
            throw new IllegalArgumentException("no page words in " + labels.locale());
        }
        return words;
    }

    private static Map<String, String> load(String language) {
        String file = "page_" + language + ".properties";
        try (InputStream in = PageWords.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            Properties words = new Properties();
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> sorted = new TreeMap<>();
            words.stringPropertyNames().forEach(key -> sorted.put(key, words.getProperty(key)));
            // Map.copyOf would drop the key order the API's answer keeps.
            return Collections.unmodifiableMap(sorted);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " failed", e);
        }
    }
}
