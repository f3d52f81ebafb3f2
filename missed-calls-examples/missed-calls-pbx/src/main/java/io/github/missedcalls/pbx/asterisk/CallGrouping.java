package io.github.missedcalls.pbx.asterisk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups CDR legs into calls.
 *
 * <ol>
 *   <li>A leg with a {@code linkedid} belongs to the call of that id (Asterisk 12 and later
 *       give every channel of a call the oldest channel's uniqueid).
 *   <li>Else a leg with a {@code uniqueid} belongs to the call of its Party A channel's id.
 *   <li>Else legs of one Party A channel name belong together while they overlap or follow
 *       each other without a gap; the call's id is the channel name and its first start in
 *       epoch seconds, since channel counters restart with Asterisk.
 *   <li>Without {@code linkedid}, a call made only of Local-channel legs (a ring group's
 *       {@code ;2} halves) joins the call of the same caller that was in progress when it
 *       started, if there is one; else it stays a call of its own (an originated call).
 *   <li>Legs without any id whose Party A channel is that of a call with ids, and which overlap
 *       that call, are part of it: a line cut off at a column boundary reads as a narrower
 *       layout without the ids, and must not become a call of its own that takes the answer
 *       away from its call.
 * </ol>
 */
final class CallGrouping {

    private CallGrouping() {}

    static Map<String, List<CdrLeg>> group(List<CdrLeg> legs) {
        Map<String, List<CdrLeg>> calls = new LinkedHashMap<>();
        Map<String, List<CdrLeg>> byChannel = new LinkedHashMap<>();
        for (CdrLeg leg : legs) {
            String key = leg.linkedId() != null ? leg.linkedId() : leg.uniqueId();
            if (key != null) {
                calls.computeIfAbsent(key, k -> new ArrayList<>()).add(leg);
            } else {
                byChannel.computeIfAbsent(leg.channel(), k -> new ArrayList<>()).add(leg);
            }
        }
        Map<String, List<CdrLeg>> withIds = new LinkedHashMap<>(calls);
        byChannel.forEach((channel, channelLegs) -> splitByTime(channel, channelLegs, calls));
        joinCallsWithIds(withIds, calls);
        joinLocalHalves(calls);
        return calls;
    }

    private static void joinCallsWithIds(Map<String, List<CdrLeg>> withIds, Map<String, List<CdrLeg>> calls) {
        if (withIds.isEmpty() || withIds.size() == calls.size()) {
            return;
        }
        Map<String, List<List<CdrLeg>>> idCallsByChannel = new LinkedHashMap<>();
        withIds.values()
                .forEach(legs -> legs.stream()
                        .map(CdrLeg::channel)
                        .distinct()
                        .forEach(channel -> idCallsByChannel
                                .computeIfAbsent(channel, c -> new ArrayList<>())
                                .add(legs)));
        List<String> joined = new ArrayList<>();
        calls.forEach((key, legs) -> {
            if (withIds.containsKey(key)) {
                return;
            }
            Instant start = start(legs);
            Instant end = end(legs);
            for (List<CdrLeg> host : idCallsByChannel.getOrDefault(legs.get(0).channel(), List.of())) {
                if (!start.isAfter(end(host)) && !end.isBefore(start(host))) {
                    host.addAll(legs);
                    joined.add(key);
                    return;
                }
            }
        });
        joined.forEach(calls::remove);
    }

    private static Instant start(List<CdrLeg> legs) {
        return legs.stream().map(CdrLeg::start).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static Instant end(List<CdrLeg> legs) {
        return legs.stream().map(CdrLeg::end).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static void splitByTime(String channel, List<CdrLeg> legs, Map<String, List<CdrLeg>> calls) {
        legs.sort(Comparator.comparing(CdrLeg::start).thenComparingLong(CdrLeg::line));
        List<CdrLeg> current = new ArrayList<>();
        Instant currentEnd = Instant.MIN;
        for (CdrLeg leg : legs) {
            if (!current.isEmpty() && leg.start().isAfter(currentEnd)) {
                calls.put(channelKey(channel, current), current);
                current = new ArrayList<>();
            }
            current.add(leg);
            if (leg.end().isAfter(currentEnd)) {
                currentEnd = leg.end();
            }
        }
        if (!current.isEmpty()) {
            calls.put(channelKey(channel, current), current);
        }
    }

    private static String channelKey(String channel, List<CdrLeg> legs) {
        return channel + "@" + legs.get(0).start().getEpochSecond();
    }

    private static void joinLocalHalves(Map<String, List<CdrLeg>> calls) {
        Map<String, List<CdrLeg>> localOnly = new LinkedHashMap<>();
        calls.forEach((key, legs) -> {
            if (legs.stream().allMatch(leg -> leg.partyAIsLocal() && leg.linkedId() == null)) {
                localOnly.put(key, legs);
            }
        });
        for (Map.Entry<String, List<CdrLeg>> local : localOnly.entrySet()) {
            List<CdrLeg> halves = local.getValue();
            CdrLeg first =
                    halves.stream().min(Comparator.comparing(CdrLeg::start)).orElseThrow();
            List<CdrLeg> host = null;
            Instant hostStart = Instant.MIN;
            for (Map.Entry<String, List<CdrLeg>> call : calls.entrySet()) {
                List<CdrLeg> legs = call.getValue();
                if (localOnly.containsKey(call.getKey())
                        || legs.stream().noneMatch(leg -> leg.src().equals(first.src()))) {
                    continue;
                }
                Instant start = legs.stream()
                        .map(CdrLeg::start)
                        .min(Comparator.naturalOrder())
                        .orElseThrow();
                Instant end = legs.stream()
                        .map(CdrLeg::end)
                        .max(Comparator.naturalOrder())
                        .orElseThrow();
                boolean inProgress =
                        !first.start().isBefore(start) && !first.start().isAfter(end);
                if (inProgress && start.isAfter(hostStart)) {
                    host = legs;
                    hostStart = start;
                }
            }
            if (host != null) {
                host.addAll(halves);
                calls.remove(local.getKey());
            }
        }
    }
}
