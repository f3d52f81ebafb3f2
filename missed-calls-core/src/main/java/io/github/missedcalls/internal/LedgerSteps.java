package io.github.missedcalls.internal;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.CallbackAttempt;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Handle;
import io.github.missedcalls.MissedCall;
import io.github.missedcalls.Resolution;
import io.github.missedcalls.ResolutionKind;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * What one call or handle does to a client's ledger (R5 to R7, R11), shared by the batch report
 * and the live tracker so that both follow the same rules.
 */
public final class LedgerSteps {

    private final ReasonClassifier classifier;
    private final Instant from;
    private final Instant to;

    /**
     * @param from missed calls that started before it do not count
     * @param to missed calls that started at or after it do not count
     */
    public LedgerSteps(ReasonClassifier classifier, Instant from, Instant to) {
        this.classifier = classifier;
        this.from = from;
        this.to = to;
    }

    /** Whether a missed call that started at {@code start} counts (R8's window). */
    public boolean inWindow(Instant start) {
        return !start.isBefore(from) && start.isBefore(to);
    }

    /** Applies one call of the ledger's client, taken in R5's order. */
    void call(ClientLedger ledger, CallRecord call, CallKind kind, Consumer<GroupDraft> resolved) {
        switch (kind) {
            case MISSED -> {
                if (inWindow(call.startedAt())) {
                    ledger.missed(new MissedCall(
                            call.id(), call.startedAt(), classifier.classify(call), call.line(), call.employee()));
                }
            }
            case FAILED_ATTEMPT, CONTACT -> {
                if (call.direction() == Direction.OUT) {
                    ledger.attempt(new CallbackAttempt(
                            call.id(), call.startedAt(), call.employee(), kind == CallKind.CONTACT));
                }
                if (kind == CallKind.CONTACT) {
                    ResolutionKind resolution = call.direction().isClientInitiated()
                            ? ResolutionKind.CLIENT_GOT_THROUGH
                            : ResolutionKind.CALLED_BACK;
                    ledger.contact(
                            new Resolution(resolution, call.startedAt(), call.employee(), null, null, call.id()),
                            resolved);
                }
            }
            case IGNORED -> {
                // Internal calls take no part in the report (R1).
            }
        }
    }

    /** Applies one handle of the ledger's client, taken in R5's order. */
    void handle(ClientLedger ledger, Handle handle, Consumer<GroupDraft> resolved) {
        Resolution resolution = new Resolution(
                ResolutionKind.HANDLED, handle.handledAt(), handle.actor(), handle.reason(), handle.note(), null);
        ledger.handle(handle.effectiveCoversUntil(), resolution, resolved);
    }
}
