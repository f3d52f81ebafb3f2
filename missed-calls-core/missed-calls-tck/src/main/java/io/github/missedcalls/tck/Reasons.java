package io.github.missedcalls.tck;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportQuery;
import io.github.missedcalls.inmemory.InMemoryCallSource;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import java.util.Objects;

/**
 * The reason (R9) the report gives one missed call, for an adapter's tests: they check that the
 * records an adapter makes of a PBX's file come out with the reasons a head of sales expects,
 * through the report itself rather than the classifier inside it.
 *
 * <pre>{@code
 * CallRecord call = readOneCall("master-dirty.csv");
 * assertThat(Reasons.of(call)).isEqualTo(MissedReason.NOT_ANSWERED_BY_MANAGERS);
 * }</pre>
 */
public final class Reasons {

    private static final String PROJECT = "reason";
    // The reason does not depend on the client; a fixed number spares the call the normalizer's verdict.
    private static final String ANY_CLIENT = "+15550100";

    private Reasons() {}

    /** The reason of a missed call under the default settings (always open, 10 s short abandon). */
    public static MissedReason of(CallRecord call) {
        return of(call, ProjectSettings.defaults());
    }

    /**
     * The reason of a missed call under a project's settings.
     *
     * @throws IllegalArgumentException if the call is not a missed call (R1), or the report rejects it
     */
    public static MissedReason of(CallRecord call, ProjectSettings settings) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(settings, "settings");
        CallRecord alone = call.withClient(ANY_CLIENT);
        MissedCalls missedCalls = MissedCalls.builder()
                .callSource(new InMemoryCallSource().add(PROJECT, alone))
                .handleStore(new InMemoryHandleStore())
                .settings(settings)
                .build();
        Report report = missedCalls.report(ReportQuery.of(PROJECT)
                .window(call.startedAt(), call.startedAt().plusNanos(1))
                .asOf(call.endedAt()));
        if (!report.rejections().isEmpty()) {
            throw new IllegalArgumentException("the report rejects call " + call.id() + ": "
                    + report.rejections().get(0));
        }
        if (report.unprocessed().isEmpty()) {
            throw new IllegalArgumentException("call " + call.id() + " is not a missed call");
        }
        return report.unprocessed().get(0).reason();
    }
}
