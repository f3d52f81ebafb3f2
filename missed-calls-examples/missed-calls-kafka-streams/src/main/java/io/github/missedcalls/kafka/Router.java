package io.github.missedcalls.kafka;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Handle;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.live.ClientTracker;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jspecify.annotations.Nullable;

/**
 * Reads the messages of the calls or the handles topic and keys each by what the tracker needs.
 *
 * <ol>
 *   <li>The message key is the project; its value a {@link CallMessage} or {@link HandleMessage}.
 *   <li>A message that has no key, is not JSON, or describes an invalid record or a number that
 *       cannot be normalized is rejected with its reason (R2, R3).
 *   <li>An internal call is dropped (R1); a missed call without a number is counted (R4); every
 *       other record is keyed by {@link ClientKey} and stamped with its start (a handle: its
 *       instant), so that stream time after the repartition is the time of the calls.
 * </ol>
 */
final class Router implements Processor<String, byte[], ClientKey, Routed> {

    /** Which topic a router reads. */
    enum Source {
        CALLS,
        HANDLES
    }

    private final Source source;
    private final ProjectTrackers trackers;
    private @Nullable ProcessorContext<ClientKey, Routed> context;

    Router(Source source, ProjectTrackers trackers) {
        this.source = source;
        this.trackers = trackers;
    }

    @Override
    public void init(ProcessorContext<ClientKey, Routed> processorContext) {
        this.context = processorContext;
    }

    @Override
    public void process(Record<String, byte[]> message) {
        ProcessorContext<ClientKey, Routed> out = Objects.requireNonNull(context, "init was not called");
        String project = message.key();
        Rejection.Kind kind = source == Source.CALLS ? Rejection.Kind.CALL : Rejection.Kind.HANDLE;
        if (project == null || project.isBlank()) {
            reject(out, message, "", new Rejection(kind, null, null, "no project: the message has no key"));
            return;
        }
        if (message.value() == null) {
            reject(out, message, project, new Rejection(kind, null, null, "no value"));
            return;
        }
        if (source == Source.CALLS) {
            routeCall(out, message, project);
        } else {
            routeHandle(out, message, project);
        }
    }

    private void routeCall(ProcessorContext<ClientKey, Routed> out, Record<String, byte[]> message, String project) {
        CallMessage parsed;
        try {
            parsed = Json.read(message.value(), CallMessage.class);
        } catch (SerializationException e) {
            reject(out, message, project, Rejection.ofCall(null, null, "not a JSON call record: " + e.getMessage()));
            return;
        }
        CallRecord call;
        String client;
        ClientTracker tracker = trackers.of(project);
        try {
            call = parsed.toRecord();
            client = tracker.keyOf(call);
        } catch (IllegalArgumentException e) {
            reject(out, message, project, Rejection.ofCall(parsed.idIfAny(), null, String.valueOf(e.getMessage())));
            return;
        }
        if (client != null) {
            out.forward(new Record<>(
                    new ClientKey(project, client),
                    Routed.tracked(new TrackerInput(call, null)),
                    call.startedAt().toEpochMilli(),
                    message.headers()));
        } else if (tracker.isMissed(call) && !call.startedAt().isBefore(trackers.trackFrom())) {
            out.forward(new Record<>(
                    new ClientKey(project, ""),
                    Routed.anonymous(),
                    call.startedAt().toEpochMilli(),
                    message.headers()));
        }
    }

    private void routeHandle(ProcessorContext<ClientKey, Routed> out, Record<String, byte[]> message, String project) {
        Handle handle;
        String client;
        try {
            handle = Json.read(message.value(), HandleMessage.class).toHandle();
            client = trackers.of(project).keyOf(handle);
        } catch (SerializationException e) {
            reject(out, message, project, Rejection.ofHandle(null, "not a JSON handle: " + e.getMessage()));
            return;
        } catch (IllegalArgumentException e) {
            reject(out, message, project, Rejection.ofHandle(null, String.valueOf(e.getMessage())));
            return;
        }
        out.forward(new Record<>(
                new ClientKey(project, client),
                Routed.tracked(new TrackerInput(null, handle)),
                handle.handledAt().toEpochMilli(),
                message.headers()));
    }

    private static void reject(
            ProcessorContext<ClientKey, Routed> out,
            Record<String, byte[]> message,
            String project,
            Rejection rejection) {
        out.forward(new Record<>(
                new ClientKey(project, ""), Routed.rejected(rejection), message.timestamp(), message.headers()));
    }
}
