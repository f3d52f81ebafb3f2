package io.github.missedcalls;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The words a head of sales reads for the report's codes: reasons (R9), resolutions and handle
 * reasons (R6, R11) and the columns (R7), in English, Ukrainian or Russian. The codes stay what
 * files and APIs carry ({@code OUTSIDE_BUSINESS_HOURS}, {@code called_back}); these are what a
 * page, a spreadsheet or a terminal shows beside or instead of them, from this one place.
 *
 * <pre>{@code
 * Labels uk = Labels.of(Locale.forLanguageTag("uk"));
 * uk.reason(MissedReason.OUTSIDE_BUSINESS_HOURS);   // "Поза робочим часом"
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Labels {

    /** The languages there are labels in; English first, the fallback. */
    public static final List<Locale> LANGUAGES =
            List.of(Locale.ENGLISH, Locale.forLanguageTag("uk"), Locale.forLanguageTag("ru"));

    private static final Labels ENGLISH = load(Locale.ENGLISH);
    private static final Labels UKRAINIAN = load(LANGUAGES.get(1));
    private static final Labels RUSSIAN = load(LANGUAGES.get(2));

    private final Locale locale;
    private final Map<MissedReason, String> reasons = new EnumMap<>(MissedReason.class);
    private final Map<MissedReason, String> descriptions = new EnumMap<>(MissedReason.class);
    private final Map<ResolutionKind, String> resolutions = new EnumMap<>(ResolutionKind.class);
    private final Map<HandleReason, String> handleReasons = new EnumMap<>(HandleReason.class);
    private final Map<ReportColumn, String> columns = new EnumMap<>(ReportColumn.class);

    private Labels(Locale locale, Properties words) {
        this.locale = locale;
        for (MissedReason reason : MissedReason.values()) {
            reasons.put(reason, word(words, "reason." + reason.name()));
            descriptions.put(reason, word(words, "description." + reason.name()));
        }
        for (ResolutionKind kind : ResolutionKind.values()) {
            resolutions.put(kind, word(words, "resolution." + kind.token()));
        }
        for (HandleReason reason : HandleReason.values()) {
            handleReasons.put(reason, word(words, "handle." + reason.token()));
        }
        for (ReportColumn column : ReportColumn.values()) {
            columns.put(column, word(words, "column." + column.header()));
        }
    }

    /** English labels. */
    public static Labels english() {
        return ENGLISH;
    }

    /**
     * The labels of a locale's language: {@code uk} and {@code ru} have their own, any other
     * language gets English.
     */
    public static Labels of(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return switch (locale.getLanguage()) {
            case "uk" -> UKRAINIAN;
            case "ru" -> RUSSIAN;
            default -> ENGLISH;
        };
    }

    /**
     * The labels of a language tag ({@code en}, {@code uk}, {@code ru}, or {@code uk-UA}).
     *
     * @throws IllegalArgumentException if the tag names none of {@link #LANGUAGES}
     */
    public static Labels ofLanguage(String tag) {
        Objects.requireNonNull(tag, "tag");
        Locale locale = Locale.forLanguageTag(tag.strip());
        for (Locale language : LANGUAGES) {
            if (language.getLanguage().equals(locale.getLanguage())) {
                return of(language);
            }
        }
        throw new IllegalArgumentException("no labels in '" + tag + "'; one of en, uk, ru");
    }

    /** The language of these labels: {@code en}, {@code uk} or {@code ru}. */
    public Locale locale() {
        return locale;
    }

    /** A reason's short label: {@code Outside hours}. */
    public String reason(MissedReason reason) {
        return Objects.requireNonNull(reasons.get(reason), "reason");
    }

    /** A reason's sentence: {@code Called outside business hours}. */
    public String description(MissedReason reason) {
        return Objects.requireNonNull(descriptions.get(reason), "reason");
    }

    /** How a group was resolved: {@code Called back}. */
    public String resolution(ResolutionKind kind) {
        return Objects.requireNonNull(resolutions.get(kind), "kind");
    }

    /** Why a manager handled a group: {@code Wrong number}. */
    public String handleReason(HandleReason reason) {
        return Objects.requireNonNull(handleReasons.get(reason), "reason");
    }

    /** A column's heading: {@code First missed}. */
    public String column(ReportColumn column) {
        return Objects.requireNonNull(columns.get(column), "column");
    }

    /**
     * A coded column's value in words: for {@link ReportColumn#REASON}, {@link
     * ReportColumn#REASONS} (the calls' reasons in start order, separated by {@code ", "}),
     * {@link ReportColumn#RESOLUTION} and {@link ReportColumn#HANDLE_REASON}; {@code null} for
     * another column, or where the row has no such value.
     *
     * @throws IllegalArgumentException if the column is not one of the row's tab
     */
    public @Nullable String valueOf(ReportColumn column, ReportRow row) {
        switch (column) {
            case REASON:
                return reason(row.reason());
            case REASONS:
                StringJoiner all = new StringJoiner(", ");
                for (MissedCall call : row.calls()) {
                    all.add(reason(call.reason()));
                }
                return all.toString();
            case RESOLUTION:
            case HANDLE_REASON:
                if (!(row instanceof ProcessedRow processed)) {
                    throw new IllegalArgumentException(column + " is not a column of an unprocessed row");
                }
                Resolution resolution = processed.resolution();
                if (column == ReportColumn.RESOLUTION) {
                    return resolution(resolution.kind());
                }
                HandleReason reason = resolution.handleReason();
                return reason == null ? null : handleReason(reason);
            default:
                return null;
        }
    }

    /** Whether a column holds a code that {@link #valueOf} puts in words. */
    public static boolean isCoded(ReportColumn column) {
        return column == ReportColumn.REASON
                || column == ReportColumn.REASONS
                || column == ReportColumn.RESOLUTION
                || column == ReportColumn.HANDLE_REASON;
    }

    @Override
    public String toString() {
        return "Labels[" + locale.getLanguage() + "]";
    }

    private static Labels load(Locale locale) {
        String file = "labels_" + locale.getLanguage() + ".properties";
        try (InputStream in = Labels.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            Properties words = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                words.load(reader);
            }
            return new Labels(locale, words);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " failed", e);
        }
    }

    private static String word(Properties words, String key) {
        String word = words.getProperty(key);
        if (word == null || word.isBlank()) {
            // A missing label is a packaging mistake of ours, not a user's: fail at class load.
            throw new IllegalStateException("no label for " + key);
        }
        return word.strip();
    }
}
