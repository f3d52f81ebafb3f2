package io.github.missedcalls;

import org.jspecify.annotations.Nullable;

/**
 * Turns a client number as a source wrote it into the form numbers are compared in (R3).
 *
 * <p>Implementations must be idempotent (a normalized number normalizes to itself) and
 * thread-safe. {@link DefaultNumberNormalizer} implements R3; the examples ship one on
 * libphonenumber.
 */
@FunctionalInterface
public interface NumberNormalizer {

    /**
     * Normalizes one number.
     *
     * @param raw the number as the source wrote it; {@code null} when the source had none
     * @return the normalized number, or {@code null} when the number is withheld (R4)
     * @throws IllegalArgumentException when the value cannot be normalized; the message is the
     *     reason a rejection reports (R2)
     */
    @Nullable
    String normalize(@Nullable String raw);

    /**
     * Whether {@code raw} is already in normalized form, so that {@link #normalize} would return it
     * unchanged. A report asks this first for every call and skips its cache of normalized numbers
     * when the answer is yes; answer only when it is cheap to know. The default never claims it.
     */
    default boolean isNormalized(String raw) {
        return false;
    }
}
