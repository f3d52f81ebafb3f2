package io.github.missedcalls;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one company line changes in the project's workflow (R14, R16, R17).
 *
 * @param deadline this line's callback deadline, instead of the project's; {@code null} keeps the project's
 * @param owner who calls back this line's clients under {@link OwnerRule#LINE_OWNER}; {@code null} for nobody
 */
public record LineRules(
        @Nullable Duration deadline, @Nullable String owner) {

    /** @throws IllegalArgumentException if the deadline is negative */
    public LineRules {
        if (deadline != null && deadline.isNegative()) {
            throw new IllegalArgumentException("a deadline must not be negative: " + deadline);
        }
    }
}
