package io.github.missedcalls.pbx.asterisk;

import io.github.missedcalls.pbx.internal.Fields;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the calls a line that could not be read belongs to, so that none of them is delivered
 * from its other legs alone: a call missing its answered leg would be a false missed call.
 *
 * <ol>
 *   <li>The call whose id the line's readable columns gave.
 *   <li>Else the calls of the channel ids ({@code 1793606400.12}) written in the line. An id that
 *       no readable leg has is a call of its own, unread as a whole: nothing else is rejected.
 *   <li>Else, in the CDR, the calls whose Party A channel the line names ({@code SIP/trunk-0000001c})
 *       and whose time span holds the first time in the line, or, without a readable time, the
 *       neighbouring calls with that channel. A line that names only channels no readable leg
 *       has is a call of its own.
 *   <li>Else, in the CDR (the line was cut before its channel), the calls of the readable lines
 *       just before and after it, a PBX writing the legs of one call together; where the line's
 *       first time is readable, those of them it lies within a minute of.
 * </ol>
 *
 * Only whole tokens count: a token cut off by the end of the line could be a prefix of another
 * call's id.
 */
final class UnreadLineOwners {

    private static final Pattern CHANNEL_ID = Pattern.compile("(?<![0-9.])([0-9]{9,11}\\.[0-9]+)(?=[\",|])");
    private static final Pattern CHANNEL =
            Pattern.compile("(?:^|(?<=[\",]))([A-Za-z][A-Za-z0-9_]*/[^\",\\s]+)(?=[\",])");
    private static final Pattern LOCAL_TIME =
            Pattern.compile("(?:^|(?<=[\",]))([0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2})(?=[\",])");

    // A leg's start may precede its call's readable legs by a little (the trunk leg starts first)
    // or follow their end by a little (a trailing leg): a minute covers both, not the next call.
    private static final Duration SLACK = Duration.ofMinutes(1);

    private final Map<String, List<CdrLeg>> calls;
    private final Map<String, String> callOfChannelId;
    private final NavigableMap<Long, String> callOfLine = new TreeMap<>();
    private final Map<String, List<String>> callsOfChannel = new HashMap<>();
    private final ZoneId zone;

    UnreadLineOwners(Map<String, List<CdrLeg>> calls, Map<String, String> callOfChannelId, ZoneId zone) {
        this.calls = calls;
        this.callOfChannelId = callOfChannelId;
        this.zone = zone;
        calls.forEach((key, legs) -> {
            for (CdrLeg leg : legs) {
                callOfLine.put(leg.line(), key);
                List<String> ofChannel = callsOfChannel.computeIfAbsent(leg.channel(), c -> new ArrayList<>());
                if (!ofChannel.contains(key)) {
                    ofChannel.add(key);
                }
            }
        });
    }

    /** What a problem line belongs to. */
    record Owners(@Nullable String ownId, List<String> calls) {}

    Owners of(CdrRowProblem problem) {
        String key = problem.callKey();
        if (key != null) {
            String call = callOfChannelId.getOrDefault(key, key);
            return new Owners(call, calls.containsKey(call) ? List.of(call) : List.of());
        }
        String text = problem.text();
        Set<String> known = new LinkedHashSet<>();
        String unknown = null;
        for (Matcher ids = CHANNEL_ID.matcher(text); ids.find(); ) {
            String call = callOfChannelId.get(ids.group(1));
            if (call != null) {
                known.add(call);
            } else if (unknown == null) {
                unknown = ids.group(1);
            }
        }
        if (!known.isEmpty()) {
            return new Owners(known.iterator().next(), List.copyOf(known));
        }
        if (unknown != null || !problem.inCdr()) {
            return new Owners(unknown, List.of());
        }
        Set<String> neighbours = neighbours(problem.line());
        List<String> named = new ArrayList<>();
        for (Matcher channels = CHANNEL.matcher(text); channels.find(); ) {
            named.add(channels.group(1));
        }
        List<String> owners = named.isEmpty() ? nearInTime(neighbours, text) : byChannel(named, text, neighbours);
        return new Owners(owners.isEmpty() ? null : owners.get(0), owners);
    }

    private Set<String> neighbours(long line) {
        Set<String> neighbours = new LinkedHashSet<>();
        Map.Entry<Long, String> before = callOfLine.lowerEntry(line);
        Map.Entry<Long, String> after = callOfLine.higherEntry(line);
        if (before != null) {
            neighbours.add(before.getValue());
        }
        if (after != null) {
            neighbours.add(after.getValue());
        }
        return neighbours;
    }

    /** The neighbours a leg starting at the line's first time could belong to; all of them without a time. */
    private List<String> nearInTime(Set<String> neighbours, String text) {
        Instant at = firstTime(text);
        if (at == null) {
            return List.copyOf(neighbours);
        }
        return neighbours.stream().filter(call -> spans(call, at, SLACK)).toList();
    }

    private List<String> byChannel(List<String> named, String text, Set<String> neighbours) {
        Instant at = firstTime(text);
        Set<String> owners = new LinkedHashSet<>();
        for (String channel : named) {
            for (String call : callsOfChannel.getOrDefault(channel, List.of())) {
                if (at == null ? neighbours.contains(call) : spans(call, at, SLACK)) {
                    owners.add(call);
                }
            }
        }
        return List.copyOf(owners);
    }

    /** Whether {@code at} lies in the call's span widened by {@code slack} on both sides. */
    private boolean spans(String call, Instant at, Duration slack) {
        List<CdrLeg> legs = calls.getOrDefault(call, List.of());
        if (legs.isEmpty()) {
            return false;
        }
        Instant start = legs.stream().map(CdrLeg::start).min(Instant::compareTo).orElseThrow();
        Instant end = legs.stream().map(CdrLeg::end).max(Instant::compareTo).orElseThrow();
        return !at.isBefore(start.minus(slack)) && !at.isAfter(end.plus(slack));
    }

    private @Nullable Instant firstTime(String text) {
        Matcher time = LOCAL_TIME.matcher(text);
        if (!time.find()) {
            return null;
        }
        try {
            return Fields.localStamp(time.group(1), zone, "time");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
