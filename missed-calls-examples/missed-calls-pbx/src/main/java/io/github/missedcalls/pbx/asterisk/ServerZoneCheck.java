package io.github.missedcalls.pbx.asterisk;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks the server zone a CDR is read in against the clock Asterisk keeps in {@code uniqueid}:
 * its integer part is the epoch second the channel was created, while the CDR's times are local
 * times without an offset. When most legs disagree by the same whole quarter-hours, the zone is
 * wrong (commonly {@code usegmtime=yes} read as local time), and every time in the report with it.
 */
final class ServerZoneCheck {

    // A channel's creation and its CDR's start are seconds apart; a zone is off by a quarter-hour or more.
    private static final long TOLERANCE_SECONDS = 120;
    private static final long QUARTER_HOUR = 900;

    private ServerZoneCheck() {}

    /** The warning to give, if most legs with a {@code uniqueid} disagree with {@code zone}. */
    static Optional<String> warning(List<CdrLeg> legs, ZoneId zone) {
        Map<Long, Integer> shifts = new HashMap<>();
        int checked = 0;
        for (CdrLeg leg : legs) {
            Long created = createdAt(leg.uniqueId());
            if (created == null || leg.partyAIsLocal()) {
                continue;
            }
            checked++;
            long shift = leg.start().getEpochSecond() - created;
            if (Math.abs(shift) > TOLERANCE_SECONDS) {
                shifts.merge(Math.round((double) shift / QUARTER_HOUR) * QUARTER_HOUR, 1, Integer::sum);
            }
        }
        if (checked == 0) {
            return Optional.empty();
        }
        Map.Entry<Long, Integer> common =
                shifts.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(Map.entry(0L, 0));
        if (common.getValue() * 2 <= checked) {
            return Optional.empty();
        }
        long shift = common.getKey();
        CdrLeg sample = legs.get(0);
        int readOffset = zone.getRules().getOffset(sample.start()).getTotalSeconds();
        ZoneOffset fitting = ZoneOffset.ofTotalSeconds((int) (readOffset + shift));
        String hint = fitting.getTotalSeconds() == 0 ? " (UTC: the server has usegmtime=yes)" : "";
        return Optional.of("the CDR's times read in " + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone) + " lie "
                + describe(shift)
                + " the epoch in uniqueid on " + common.getValue() + " of " + checked
                + " legs: the server writes them in UTC" + fitting.getId().replace("Z", "+00:00") + hint
                + "; give that zone (--pbx-zone, or the builder's serverZone)");
    }

    private static String describe(long shift) {
        Duration amount = Duration.ofSeconds(Math.abs(shift));
        String text = amount.toMinutesPart() == 0
                ? amount.toHours() + " h"
                : amount.toHours() + " h " + amount.toMinutesPart() + " min";
        return text + (shift > 0 ? " after" : " before");
    }

    private static @Nullable Long createdAt(@Nullable String uniqueId) {
        if (uniqueId == null) {
            return null;
        }
        int dot = uniqueId.indexOf('.');
        String seconds = dot > 0 ? uniqueId.substring(0, dot) : uniqueId;
        if (!seconds.matches("[0-9]{9,11}")) {
            return null;
        }
        return Long.parseLong(seconds);
    }
}
