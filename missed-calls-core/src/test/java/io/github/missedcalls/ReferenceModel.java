package io.github.missedcalls;

import io.github.missedcalls.internal.ReasonClassifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * R2's duplicate rule and R4 to R8 and R11, written from the spec's text with none of the
 * engine's cleverness: every call and handle is held, each client's are sorted and walked, and
 * attempts are assigned by the words of R7 rather than while walking. Slow and plain on purpose:
 * the property tests use it as an oracle for the engine.
 *
 * <p>The classifier (R9), business hours (R10) and the normalizer (R3) are the library's own;
 * example tests check those.
 */
final class ReferenceModel {

    private final ProjectSettings settings;
    private final ReasonClassifier classifier;
    private final Instant from;
    private final Instant to;
    private final Instant asOf;
    private final List<Rejection> rejections = new ArrayList<>();

    private ReferenceModel(ProjectSettings settings, Instant from, Instant to, Instant asOf) {
        this.settings = settings;
        this.classifier = new ReasonClassifier(settings);
        this.from = from;
        this.to = to;
        this.asOf = asOf;
    }

    /** A valid call: the record and its normalized client ({@code null}: withheld or internal). */
    private record Call(CallRecord record, @Nullable String client) {
        boolean reached(Duration minConversation) {
            return record.isAnswered() && record.conversation().compareTo(minConversation) >= 0;
        }
    }

    /** A group while the walk builds it. */
    private static final class Group {
        final List<Call> calls = new ArrayList<>();

        @Nullable
        Resolution resolution;

        final List<CallbackAttempt> attempts = new ArrayList<>();

        Instant first() {
            return calls.get(0).record().startedAt();
        }
    }

    /**
     * The report of the calls a source delivered and the handles a store listed.
     *
     * @param calls every call the source delivered, in any order
     * @param handles the handles the store listed for [from, as-of]
     */
    static Report report(
            String project,
            ProjectSettings settings,
            Instant from,
            Instant to,
            Instant asOf,
            List<CallRecord> calls,
            List<Handle> handles) {
        return new ReferenceModel(settings, from, to, asOf).run(project, calls, handles);
    }

    private Report run(String project, List<CallRecord> delivered, List<Handle> stored) {
        List<Call> calls = validCalls(delivered);
        List<Handle> handles = validHandles(stored);

        long anonymousMissed = 0;
        Set<String> clients = new LinkedHashSet<>();
        for (Call call : calls) {
            if (call.record().direction() == Direction.INTERNAL) {
                continue;
            }
            if (isMissed(call) && inWindow(call.record()) && call.client() == null) {
                anonymousMissed++;
            }
            if (call.client() != null) {
                clients.add(call.client());
            }
        }

        List<UnprocessedRow> unprocessed = new ArrayList<>();
        List<ProcessedRow> processed = new ArrayList<>();
        for (String client : clients) {
            List<Group> groups = walk(client, calls, handles);
            assignAttempts(client, calls, groups);
            for (Group group : groups) {
                List<MissedCall> missed = new ArrayList<>();
                for (Call call : group.calls) {
                    CallRecord record = call.record();
                    missed.add(new MissedCall(
                            record.id(),
                            record.startedAt(),
                            classifier.classify(record),
                            record.line(),
                            record.employee()));
                }
                group.attempts.sort(
                        Comparator.comparing(CallbackAttempt::startedAt).thenComparing(CallbackAttempt::id));
                Resolution resolution = group.resolution;
                if (resolution == null) {
                    unprocessed.add(
                            new UnprocessedRow(client, missed, group.attempts, Duration.between(group.first(), asOf)));
                } else {
                    processed.add(new ProcessedRow(client, missed, group.attempts, resolution));
                }
            }
        }
        // The display order the Report documents.
        unprocessed.sort(Comparator.comparing(UnprocessedRow::firstMissedAt).thenComparing(UnprocessedRow::client));
        processed.sort(
                Comparator.comparing((ProcessedRow row) -> row.resolution().resolvedAt())
                        .reversed()
                        .thenComparing(ProcessedRow::client)
                        .thenComparing(ProcessedRow::firstMissedAt));
        return new Report(
                project, settings.zone(), from, to, asOf, unprocessed, processed, rejections, anonymousMissed);
    }

    /** R2, R3: each record on its own, then records sharing an id: equal ones count once, differing ones are all rejected. */
    private List<Call> validCalls(List<CallRecord> delivered) {
        Map<String, List<Call>> byId = new LinkedHashMap<>();
        for (CallRecord record : delivered) {
            String client = null;
            if (record.direction() != Direction.INTERNAL) {
                try {
                    client = settings.normalizer().normalize(record.client());
                } catch (IllegalArgumentException e) {
                    rejections.add(Rejection.ofCall(record.id(), null, Objects.requireNonNull(e.getMessage())));
                    continue;
                }
            }
            byId.computeIfAbsent(record.id(), id -> new ArrayList<>()).add(new Call(record, client));
        }
        List<Call> valid = new ArrayList<>();
        for (Map.Entry<String, List<Call>> copies : byId.entrySet()) {
            Set<CallRecord> distinct = new LinkedHashSet<>();
            for (Call copy : copies.getValue()) {
                // An internal call's number is never normalized (R2), so it is compared as written.
                distinct.add(
                        copy.record().direction() == Direction.INTERNAL
                                ? copy.record()
                                : copy.record().withClient(copy.client()));
            }
            if (distinct.size() == 1) {
                valid.add(copies.getValue().get(0));
            } else {
                for (int i = 0; i < copies.getValue().size(); i++) {
                    rejections.add(Rejection.ofCall(copies.getKey(), null, "conflicting duplicate id"));
                }
            }
        }
        return valid;
    }

    /**
     * R11: a handle whose client is withheld or cannot be normalized is rejected; equal handles
     * count once; handles of one key (client, instant, actor) with other values are all rejected,
     * as conflicting call ids are (R2), so the store's order never matters.
     */
    private List<Handle> validHandles(List<Handle> stored) {
        List<Handle> normalized = new ArrayList<>();
        for (Handle handle : stored) {
            String client;
            try {
                client = settings.normalizer().normalize(handle.client());
            } catch (IllegalArgumentException e) {
                rejections.add(Rejection.ofHandle(null, Objects.requireNonNull(e.getMessage())));
                continue;
            }
            if (client == null) {
                rejections.add(Rejection.ofHandle(null, "withheld client number"));
                continue;
            }
            if (!handle.handledAt().isAfter(asOf)) {
                normalized.add(handle.withClient(client));
            }
        }
        Set<Handle> valid = new LinkedHashSet<>();
        for (Handle handle : normalized) {
            List<Handle> sameKey = normalized.stream().filter(handle::sameKey).toList();
            if (sameKey.stream().allMatch(handle::equals)) {
                valid.add(handle);
            } else {
                rejections.add(Rejection.ofHandle(
                        null, "conflicting duplicate handle by " + handle.actor() + " at " + handle.handledAt()));
            }
        }
        return new ArrayList<>(valid);
    }

    private boolean isMissed(Call call) {
        return call.record().direction().isClientInitiated() && !call.reached(settings.minConversation());
    }

    /** R8: a missed call counts when it started inside [from, to), and at or before as-of. */
    private boolean inWindow(CallRecord record) {
        Instant start = record.startedAt();
        return !start.isBefore(from) && start.isBefore(to) && !start.isAfter(asOf);
    }

    /** An event of R5's walk: a missed call (rank 0), a successful contact (1) or a handle (2). */
    private record Event(
            Instant at,
            int rank,
            @Nullable Call call,
            @Nullable Handle handle) {}

    private static final Comparator<Event> R5_ORDER = Comparator.comparing(Event::at)
            .thenComparingInt(Event::rank)
            .thenComparing(
                    event -> event.call() == null ? "" : event.call().record().id())
            .thenComparing(event ->
                    event.handle() == null ? Instant.MIN : event.handle().effectiveCoversUntil())
            .thenComparing(event -> event.handle() == null ? "" : event.handle().actor());

    /** R5, R6, R11: one client's missed calls, contacts and handles in order; the groups they make. */
    private List<Group> walk(String client, List<Call> calls, List<Handle> handles) {
        List<Event> events = new ArrayList<>();
        for (Call call : calls) {
            if (!client.equals(call.client()) || call.record().startedAt().isAfter(asOf)) {
                continue;
            }
            if (isMissed(call)) {
                if (inWindow(call.record())) {
                    events.add(new Event(call.record().startedAt(), 0, call, null));
                }
            } else if (call.reached(settings.minConversation())) {
                events.add(new Event(call.record().startedAt(), 1, call, null));
            }
        }
        for (Handle handle : handles) {
            if (handle.client().equals(client)) {
                events.add(new Event(handle.handledAt(), 2, null, handle));
            }
        }
        events.sort(R5_ORDER);

        List<Group> groups = new ArrayList<>();
        Group open = new Group();
        for (Event event : events) {
            Call call = event.call();
            Handle handle = event.handle();
            if (event.rank() == 0 && call != null) {
                open.calls.add(call);
            } else if (event.rank() == 1 && call != null) {
                if (!open.calls.isEmpty()) {
                    CallRecord contact = call.record();
                    ResolutionKind kind = contact.direction().isClientInitiated()
                            ? ResolutionKind.CLIENT_GOT_THROUGH
                            : ResolutionKind.CALLED_BACK;
                    open.resolution =
                            new Resolution(kind, contact.startedAt(), contact.employee(), null, null, contact.id());
                    groups.add(open);
                    open = new Group();
                }
            } else if (handle != null) {
                Group covered = new Group();
                Group rest = new Group();
                for (Call missed : open.calls) {
                    (missed.record().startedAt().isAfter(handle.effectiveCoversUntil()) ? rest : covered)
                            .calls.add(missed);
                }
                if (!covered.calls.isEmpty()) {
                    covered.resolution = new Resolution(
                            ResolutionKind.HANDLED,
                            handle.handledAt(),
                            handle.actor(),
                            handle.reason(),
                            handle.note(),
                            null);
                    groups.add(covered);
                    open = rest;
                }
            }
        }
        if (!open.calls.isEmpty()) {
            groups.add(open);
        }
        return groups;
    }

    /**
     * R7: an attempt counts for the client's most recent group whose first missed call started at
     * or before it, provided that group's resolution, if any, is not before it.
     */
    private void assignAttempts(String client, List<Call> calls, List<Group> groups) {
        TreeMap<Instant, Group> byFirst = new TreeMap<>();
        for (Group group : groups) {
            byFirst.put(group.first(), group);
        }
        for (Call call : calls) {
            CallRecord record = call.record();
            if (record.direction() != Direction.OUT
                    || !client.equals(call.client())
                    || record.startedAt().isAfter(asOf)) {
                continue;
            }
            Map.Entry<Instant, Group> mostRecent = byFirst.floorEntry(record.startedAt());
            if (mostRecent == null) {
                continue;
            }
            Group group = mostRecent.getValue();
            Resolution resolution = group.resolution;
            if (resolution == null || !resolution.resolvedAt().isBefore(record.startedAt())) {
                group.attempts.add(new CallbackAttempt(
                        record.id(), record.startedAt(), record.employee(), call.reached(settings.minConversation())));
            }
        }
    }
}
