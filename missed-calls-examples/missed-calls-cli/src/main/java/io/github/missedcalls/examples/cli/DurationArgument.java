package io.github.missedcalls.examples.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration as a person types it: {@code 2h}, {@code 30m}, {@code 1h30m}, {@code 1d}, {@code 90s}, or ISO-8601 {@code PT2H}. */
final class DurationArgument {

    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private DurationArgument() {}

    /** @throws UsageException naming the option, for text that is not a duration or is negative */
    static Duration parse(String option, String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("p") || value.startsWith("-p")) {
            try {
                Duration parsed = Duration.parse(value.toUpperCase(Locale.ROOT));
                if (parsed.isNegative()) {
                    throw new UsageException(option + ": a duration must not be negative: " + text.strip());
                }
                return parsed;
            } catch (DateTimeParseException e) {
                throw new UsageException(option + ": '" + text.strip() + "' is not a duration (2h, 30m, 1h30m, PT2H)");
            }
        }
        Matcher parts = SHORT.matcher(value);
        if (value.isEmpty() || !parts.matches()) {
            throw new UsageException(option + ": '" + text.strip() + "' is not a duration (2h, 30m, 1h30m, PT2H)");
        }
        try {
            return Duration.ofDays(number(parts.group(1)))
                    .plusHours(number(parts.group(2)))
                    .plusMinutes(number(parts.group(3)))
                    .plusSeconds(number(parts.group(4)));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new UsageException(option + ": '" + text.strip() + "' is too long a duration");
        }
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
