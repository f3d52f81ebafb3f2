package io.github.missedcalls.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.spi.CallSource;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for a {@link CallSource} that reads what it is given once, such as a
 * PBX's file: the kit hands over the calls of a test, the extension writes them in its own format
 * and returns a source over what it wrote, and the expectations the report puts on every source
 * are checked (R1, R2).
 *
 * <pre>{@code
 * @DisplayName("MyFileSource passes the CallSource compatibility kit")
 * class MyFileSourceTest extends ReadOnlyCallSourceContract {
 *   @TempDir Path directory;
 *
 *   @Override
 *   protected CallSource sourceOver(List<CallRecord> calls) {
 *     Path file = directory.resolve(UUID.randomUUID() + ".csv");
 *     MyFormat.write(file, calls);
 *     return MyFileSource.of(file);
 *   }
 * }
 * }</pre>
 *
 * <p>A format that keeps less than a {@link CallRecord} (no stated reason, a stage it derives
 * from the last application) says what comes back with {@link #asRead(CallRecord)}, and the
 * directions it can carry with {@link #directions()}. The source is read for {@link #PROJECT}.
 */
public abstract non-sealed class ReadOnlyCallSourceContract extends CallSourceExpectations {

    /** The project the kit asks the source for; a source bound to one project is built for this one. */
    protected static final String PROJECT = "kit";

    /** A source that delivers exactly these calls, in any order, for {@link #PROJECT}. */
    protected abstract CallSource sourceOver(List<CallRecord> calls);

    /**
     * The call the source delivers for one the extension wrote: the call itself (the default) when
     * the format keeps every field, else the call with what the format keeps or derives.
     */
    @Override
    protected CallRecord asRead(CallRecord written) {
        return written;
    }

    /** The directions the format can carry; the kit writes calls of these only. Default: every direction. */
    @Override
    protected Set<Direction> directions() {
        return super.directions();
    }

    @Override
    final CallSource sourceOver(String project, List<CallRecord> calls) {
        return sourceOver(calls);
    }

    @Override
    final String project() {
        return PROJECT;
    }

    @Nested
    @DisplayName("the unique-id claim")
    class UniqueIdClaim {

        @Test
        @DisplayName(
                "R1, R2: a source that claims unique ids never delivers two calls with one id, whatever it was given")
        void uniqueIdClaimIsHonest() {
            CallSource source = sourceOver(List.of(
                    missed("dup", Duration.ZERO),
                    missed("other", Duration.ofSeconds(1)),
                    missed("dup", Duration.ofSeconds(5))));
            assumeTrue(source.idsAreUnique(), "the source does not claim unique ids");

            List<CallRecord> delivered;
            // Rejecting a copy, or both (R2), is how a source keeps its claim: rejections are allowed here.
            try (Stream<CallRecord> stream = source.calls(PROJECT, EARLIEST, LATEST, rejection -> {})) {
                delivered = stream.toList();
            }

            assertThat(delivered)
                    .extracting(CallRecord::id)
                    .doesNotHaveDuplicates()
                    .contains("other");
        }
    }
}
