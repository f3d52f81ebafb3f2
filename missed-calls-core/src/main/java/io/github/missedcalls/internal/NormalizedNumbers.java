package io.github.missedcalls.internal;

import io.github.missedcalls.NumberNormalizer;
import org.jspecify.annotations.Nullable;

/**
 * Client numbers as a source spelled them, and what they normalize to (R3), remembered for the
 * numbers seen last. Repeat callers are the rule in a call log, so most lookups are hits; the
 * cache is direct-mapped, so a month of one-time callers overwrites slots instead of growing it
 * or emptying it at once.
 *
 * <p>Not thread-safe; one report owns one.
 */
final class NormalizedNumbers {

  // 16,384 slots hold a busy project's regular callers in about 128 KB of references.
  private static final int SLOTS = 1 << 14;
  /** Stands for "withheld" among the results, which cannot hold null; compared by identity. */
  @SuppressWarnings("StringOperationCanBeSimplified")
  private static final String WITHHELD = new String("withheld");

  private final NumberNormalizer normalizer;
  private final @Nullable String[] spellings = new String[SLOTS];
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
  @Nullable String normalize(String raw) {
    if (normalizer.isNormalized(raw)) {
      return raw;
    }
    int hash = raw.hashCode();
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    String result = results[slot];
    if (result != null && raw.equals(spellings[slot])) {
      return result == WITHHELD ? null : result;
    }
    String normalized = normalizer.normalize(raw);
    spellings[slot] = raw;
    results[slot] = normalized == null ? WITHHELD : normalized;
    return normalized;
  }
}
