package io.github.missedcalls.pbx.asterisk;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Managers;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.Stage;
import io.github.missedcalls.pbx.ExtensionPlan;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns the legs of one call (and what {@code queue_log} says about it) into one
 * {@link CallRecord}: whole-call evaluation.
 *
 * <ol>
 *   <li>The call starts at its earliest leg and ends at its latest; its first leg whose Party A
 *       is not a Local channel gives the caller, the dialled number and so the direction.
 *   <li>It is answered when some leg was answered by a person: {@code ANSWERED}, billsec above
 *       0, a Party B channel, and Party A not in a machine application (voicemail, playback,
 *       IVR). A Party B that is a Local channel counts when its {@code ;2} half reached a person,
 *       or when the file lacks that half. Else a queue {@code CONNECT} answers it.
 *   <li>An unanswered client-initiated call gets its stage from the queue, if it was in one;
 *       otherwise from all its legs: a call any leg of which offered it to a person is
 *       {@link Stage#RINGING}, whatever leg ended last; only one where no leg tried anybody
 *       gets its stage from the last application (see
 *       {@link AsteriskCdrSource#DEFAULT_LAST_APP_STAGES}). Managers were rung when some leg
 *       rang a person ({@code NO ANSWER}, {@code CANCEL}, an {@code ANSWERED} that was no
 *       answer); unavailable when every leg found them {@code BUSY}, {@code FAILED} or in
 *       {@code CONGESTION}, or a {@code Dial} or {@code Queue} rang nobody at all.
 * </ol>
 */
final class CallAssembler {

    // A Local channel's ;1 half may lead to another Local channel; real dialplans nest a few deep.
    private static final int MAX_LOCAL_DEPTH = 8;
    private static final Set<String> APPS_THAT_RING_SOMEBODY = Set.of("dial", "queue");
    private static final Comparator<CdrLeg> FILE_ORDER = Comparator.comparing(CdrLeg::start)
            .thenComparingLong(CdrLeg::sequence)
            .thenComparingLong(CdrLeg::line);
    private static final Comparator<CdrLeg> BY_END = Comparator.comparing(CdrLeg::end)
            .thenComparingLong(CdrLeg::sequence)
            .thenComparingLong(CdrLeg::line);

    private final ExtensionPlan plan;
    private final Map<String, Stage> lastAppStages;
    private final Set<String> machineApps;

    CallAssembler(ExtensionPlan plan, Map<String, Stage> lastAppStages, Set<String> machineApps) {
        this.plan = plan;
        this.lastAppStages = lastAppStages;
        this.machineApps = machineApps;
    }

    /**
     * @throws IllegalArgumentException if the legs make no valid record; the message is the reason
     */
    CallRecord assemble(String id, List<CdrLeg> unordered, @Nullable QueueCall queue) {
        List<CdrLeg> legs = unordered.stream().sorted(FILE_ORDER).toList();
        CdrLeg first =
                legs.stream().filter(leg -> !leg.partyAIsLocal()).findFirst().orElse(legs.get(0));
        Instant start = legs.get(0).start();
        Instant end =
                legs.stream().map(CdrLeg::end).max(Comparator.naturalOrder()).orElse(first.end());
        if (queue != null) {
            start = min(start, queue.firstEvent());
            end = queue.lastEvent().isAfter(end) ? queue.lastEvent() : end;
        }
        String caller = first.callerNumber();
        Direction direction = plan.direction(caller, first.dst());
        CallRecord.Builder record = CallRecord.builder(id, direction, start, end);
        switch (direction) {
            case OUT -> record.client(plan.externalNumber(first.dst())).employee(caller(first));
            case IN, CALLBACK -> record.client(caller).line(lineOf(first, queue));
            case INTERNAL -> record.employee(caller(first));
        }

        CdrLeg answeredLeg = legs.stream()
                .filter(leg -> answeredByPerson(leg, legs, 0))
                .min(Comparator.comparing(CdrLeg::answeredByPartyB))
                .orElse(null);
        if (answeredLeg != null) {
            record.answeredAt(clamp(answeredLeg.answeredByPartyB(), start, end));
            if (direction.isClientInitiated()) {
                record.employee(employee(answerer(answeredLeg, legs)));
            }
            return record.build();
        }
        if (queue != null && queue.connectedAt() != null && direction.isClientInitiated()) {
            record.answeredAt(clamp(queue.connectedAt(), start, end)).employee(employee(queue.connectedMember()));
            return record.build();
        }
        if (direction.isClientInitiated()) {
            whereItEnded(legs, queue, record);
        }
        return record.build();
    }

    /**
     * The employee who made a call: the caller when it is an extension; for a company number
     * shown as caller ID (click-to-call rings the employee's own device first), the extension
     * behind Party A's channel, if it is one.
     */
    private @Nullable String caller(CdrLeg first) {
        if (plan.isExtension(first.src())) {
            return first.src();
        }
        String device = employee(first.channel());
        return plan.isExtension(device) ? device : null;
    }

    /**
     * Where an unanswered call ended, judged on all its legs: a trailing leg ({@code Hangup},
     * {@code Playback}, {@code VoiceMail} after a {@code Dial} that nobody answered) must not hide
     * the legs that rang. The table in docs/adapters.md lists the patterns.
     */
    private void whereItEnded(List<CdrLeg> legs, @Nullable QueueCall queue, CallRecord.Builder record) {
        List<CdrLeg> attempts = managerAttempts(legs);
        boolean rang = attempts.stream().anyMatch(leg -> leg.disposition().rang());
        if (queue != null) {
            Managers managers = rang ? Managers.RANG : queue.managers();
            if (managers == null && !attempts.isEmpty()) {
                managers = Managers.UNAVAILABLE;
            }
            record.stage(Stage.RINGING).managers(managers);
            if (queue.closed()) {
                record.statedReason(MissedReason.OUTSIDE_BUSINESS_HOURS);
            }
            return;
        }
        CdrLeg last =
                legs.stream().filter(leg -> !leg.partyAIsLocal()).max(BY_END).orElse(legs.get(legs.size() - 1));
        String app = last.lastApp().toLowerCase(Locale.ROOT);
        Stage stage = attempts.isEmpty() ? lastAppStages.get(app) : Stage.RINGING;
        record.stage(stage);
        if (stage == Stage.RINGING) {
            if (rang) {
                record.managers(Managers.RANG);
            } else if (!attempts.isEmpty() || APPS_THAT_RING_SOMEBODY.contains(app)) {
                record.managers(Managers.UNAVAILABLE);
            }
        }
    }

    /**
     * The legs that offered the call to a person: those with a Party B that is a device. Where
     * the file holds only the Local channels' {@code ;1} legs, those stand in for them.
     */
    private static List<CdrLeg> managerAttempts(List<CdrLeg> legs) {
        List<CdrLeg> withPartyB =
                legs.stream().filter(leg -> !leg.dstChannel().isEmpty()).toList();
        List<CdrLeg> devices =
                withPartyB.stream().filter(leg -> !leg.partyBIsLocal()).toList();
        return devices.isEmpty() ? withPartyB : devices;
    }

    private boolean answeredByPerson(CdrLeg leg, List<CdrLeg> legs, int depth) {
        if (leg.disposition() != Disposition.ANSWERED
                || leg.billsec() <= 0
                || leg.dstChannel().isEmpty()
                || machineApps.contains(leg.lastApp().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (!leg.partyBIsLocal() || depth >= MAX_LOCAL_DEPTH) {
            return true;
        }
        List<CdrLeg> otherHalf = otherHalf(leg, legs);
        return otherHalf.isEmpty() || otherHalf.stream().anyMatch(half -> answeredByPerson(half, legs, depth + 1));
    }

    /** The leg that reached the person: for a Local Party B, its {@code ;2} half's leg. */
    private CdrLeg answerer(CdrLeg leg, List<CdrLeg> legs) {
        CdrLeg current = leg;
        for (int depth = 0; current.partyBIsLocal() && depth < MAX_LOCAL_DEPTH; depth++) {
            CdrLeg next = null;
            for (CdrLeg half : otherHalf(current, legs)) {
                if (answeredByPerson(half, legs, depth + 1)) {
                    next = half;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            current = next;
        }
        return current;
    }

    private static List<CdrLeg> otherHalf(CdrLeg leg, List<CdrLeg> legs) {
        String name = leg.dstChannel();
        if (!name.endsWith(";1")) {
            return List.of();
        }
        String half = name.substring(0, name.length() - 1) + "2";
        return legs.stream().filter(other -> other.channel().equals(half)).toList();
    }

    private @Nullable String lineOf(CdrLeg first, @Nullable QueueCall queue) {
        if (first.did() != null) {
            return first.did();
        }
        if (plan.isExternal(first.dst())) {
            return first.dst();
        }
        return queue == null ? null : queue.dialledNumber();
    }

    private static String employee(CdrLeg leg) {
        String name = employee(leg.dstChannel());
        return name == null ? leg.dstChannel() : name;
    }

    /**
     * The person behind a channel or queue member: {@code SIP/301-00000004}, {@code PJSIP/301}
     * and {@code Local/301@from-queue/n} are all {@code 301}.
     */
    static @Nullable String employee(@Nullable String channel) {
        if (channel == null || channel.isBlank()) {
            return null;
        }
        String device = CdrLeg.device(channel.strip());
        int slash = device.indexOf('/');
        String resource = slash >= 0 ? device.substring(slash + 1) : device;
        int at = resource.indexOf('@');
        return at > 0 ? resource.substring(0, at) : resource;
    }

    private static Instant clamp(Instant value, Instant from, Instant to) {
        return value.isBefore(from) ? from : value.isAfter(to) ? to : value;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
