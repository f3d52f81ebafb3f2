package io.github.missedcalls;

import java.util.Locale;
import java.util.Optional;

/** Enum constants whose spelling in files and APIs is their lower-case name. */
final class Token {
    private Token() {}

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** Reads a token in any letter case, surrounding spaces ignored. */
    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        String wanted = text.strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(wanted)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
