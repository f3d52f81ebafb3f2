package io.github.missedcalls.internal;

import io.github.missedcalls.NumberNormalizer;
import org.jspecify.annotations.Nullable;

/**
 * Client numbers as a source spelled them, and what they normalize to (R3), remembered for the
 * spellings seen last. Repeat callers are the rule in a call log, so most lookups are hits; the
 * cache is direct-mapped, so a month of one-time callers overwrites slots instead of growing it
 * or emptying it at once.
 *
 * <p>A spelling of up to 32 digits, spaces, dashes, parentheses and {@code +} is its own key, packed
 * four bits a character into two longs: a lookup compares two numbers in an array instead of
 * following a reference to the characters of the spelling cached before. Other spellings are
 * normalized every time.
 *
 * <p>Not thread-safe; one report owns one.
 */
final class NormalizedNumbers {

    // 16,384 slots hold a busy project's regular callers: 320 KB of arrays, and the numbers they give.
    private static final int SLOT_BITS = 14;
    private static final int SLOTS = 1 << SLOT_BITS;
    private static final int MAX_PACKED_LENGTH = 32;
    /** Stands for "withheld" among the results, which cannot hold null; compared by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String WITHHELD = new String("withheld");

    private final NumberNormalizer normalizer;
    private final long[] highKeys = new long[SLOTS];
    private final long[] lowKeys = new long[SLOTS];
    private final @Nullable String[] results = new String[SLOTS];

    NormalizedNumbers(NumberNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /**
     * The number as {@link NumberNormalizer#normalize} gives it.
     *
     * @return {@code null} when the number is withheld
     * @throws IllegalArgumentException as {@link NumberNormalizer#normalize} does; a failure is not remembered
     */
    @Nullable
    String normalize(String raw) {
        if (normalizer.isNormalized(raw)) {
            return raw;
        }
        int length = raw.length();
        if (length == 0 || length > MAX_PACKED_LENGTH) {
            return normalizer.normalize(raw);
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < length; i++) {
            int code = code(raw.charAt(i));
            if (code == 0) {
                return normalizer.normalize(raw);
            }
            // Characters 0 to 15 go to the high key, 16 to 31 to the low one; code 0 ends a spelling.
            if (i < 16) {
                high |= (long) code << (4 * i);
            } else {
                low |= (long) code << (4 * (i - 16));
            }
        }
        long mixed = (high ^ low * 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        int slot = (int) (mixed >>> (Long.SIZE - SLOT_BITS));
        String result = results[slot];
        if (result != null && highKeys[slot] == high && lowKeys[slot] == low) {
            return result == WITHHELD ? null : result;
        }
        String normalized = normalizer.normalize(raw);
        highKeys[slot] = high;
        lowKeys[slot] = low;
        results[slot] = normalized == null ? WITHHELD : normalized;
        return normalized;
    }

    /** A character's four-bit code, 1 to 15; 0 for a character no packed key holds. */
    private static int code(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0' + 1;
        }
        return switch (c) {
            case ' ' -> 11;
            case '-' -> 12;
            case '(' -> 13;
            case ')' -> 14;
            case '+' -> 15;
            default -> 0;
        };
    }
}
