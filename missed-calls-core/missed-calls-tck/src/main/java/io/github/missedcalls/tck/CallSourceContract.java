package io.github.missedcalls.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.spi.CallSource;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for a {@link CallSource} over a storage the test can write to (a table,
 * a service): extend it, say how calls get into the storage and return the source, override a
 * flag where the source declares less, and the expectations the report puts on every source are
 * checked (R1, R2). For a source over a file, see {@link ReadOnlyCallSourceContract}.
 *
 * <pre>{@code
 * @DisplayName("MyCallSource passes the CallSource compatibility kit")
 * class MyCallSourceTest extends CallSourceContract {
 *   private final MyCallTable table = closeAfterAll(MyCallTable.create(dataSource));
 *
 *   @Override
 *   protected void store(String project, List<CallRecord> calls) {
 *     table.insert(project, calls);
 *   }
 *
 *   @Override
 *   protected CallSource source() {
 *     return new MyCallSource(dataSource);
 *   }
 * }
 * }</pre>
 *
 * <p>One instance serves the whole class ({@link CompatibilityKit}). Every test stores into
 * projects of its own, with names no earlier run used, so a persistent storage need not be
 * emptied between tests.
 */
public abstract non-sealed class CallSourceContract extends CallSourceExpectations {

    /**
     * Puts calls into the storage {@link #source()} reads, for a project. Called before the source
     * is read; may be called several times for one project. A storage that refuses a record whose
     * id the project already has may throw any {@link RuntimeException}.
     */
    protected abstract void store(String project, List<CallRecord> calls);

    /** The source under test; may be called several times per test. */
    protected abstract CallSource source();

    /** A project name no other test (and no earlier run) has used. */
    protected String newProject() {
        return "kit-" + Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);
    }

    @Override
    final CallSource sourceOver(String project, List<CallRecord> calls) {
        store(project, calls);
        return source();
    }

    @Override
    final CallRecord asRead(CallRecord written) {
        return written;
    }

    @Override
    final String project() {
        return newProject();
    }

    @Nested
    @DisplayName("projects")
    class Projects {

        @Test
        @DisplayName("calls of one project are never delivered for another")
        void projectsAreIsolated() {
            String acme = newProject();
            String globex = newProject();
            CallRecord ofAcme = missed("acme-1", Duration.ZERO);
            CallRecord ofGlobex = missed("globex-1", Duration.ZERO);
            store(acme, List.of(ofAcme));
            store(globex, List.of(ofGlobex));

            assertThat(readAll(source(), acme)).containsExactly(ofAcme);
            assertThat(readAll(source(), globex)).containsExactly(ofGlobex);
            assertThat(readAll(source(), newProject())).isEmpty();
        }

        @Test
        @DisplayName("R1: ids are unique within a project, so two projects may use the same id")
        void sameIdInTwoProjects() {
            String acme = newProject();
            String globex = newProject();
            CallRecord ofAcme = missed("42", Duration.ZERO);
            CallRecord ofGlobex = missed("42", Duration.ofMinutes(1));
            store(acme, List.of(ofAcme));
            store(globex, List.of(ofGlobex));

            assertThat(readAll(source(), acme)).containsExactly(ofAcme);
            assertThat(readAll(source(), globex)).containsExactly(ofGlobex);
        }

        @Test
        @DisplayName("calls stored in two batches for one project are delivered together")
        void batchesAccumulate() {
            String project = newProject();
            CallRecord first = missed("first", Duration.ZERO);
            CallRecord second = missed("second", Duration.ofSeconds(1));
            store(project, List.of(first));
            store(project, List.of(second));

            assertThat(readAll(source(), project)).containsExactlyInAnyOrder(first, second);
        }
    }

    @Nested
    @DisplayName("the unique-id claim")
    class UniqueIdClaim {

        @Test
        @DisplayName("R1, R2: a source that claims unique ids never delivers two calls with one id")
        void uniqueIdClaimIsHonest() {
            assumeTrue(source().idsAreUnique(), "the source does not claim unique ids");
            String project = newProject();
            store(project, List.of(missed("dup", Duration.ZERO), missed("other", Duration.ofSeconds(1))));
            try {
                store(project, List.of(missed("dup", Duration.ofSeconds(5))));
            } catch (RuntimeException refused) {
                // Refusing the second record is one honest way to keep ids unique.
            }

            List<CallRecord> delivered = readAll(source(), project);

            assertThat(delivered)
                    .extracting(CallRecord::id)
                    .doesNotHaveDuplicates()
                    .contains("dup", "other");
        }
    }
}
