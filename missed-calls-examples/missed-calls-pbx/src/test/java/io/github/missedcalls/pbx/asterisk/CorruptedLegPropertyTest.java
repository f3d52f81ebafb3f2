package io.github.missedcalls.pbx.asterisk;

import static io.github.missedcalls.pbx.SourceFixtures.read;
import static io.github.missedcalls.pbx.asterisk.AsteriskCdrSourceTest.KYIV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.pbx.ExtensionPlan;
import io.github.missedcalls.pbx.SourceFixtures.Delivered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * R2 as a law: split generated calls into {@code Master.csv} legs, corrupt one leg's line, read
 * the file; no call that one of its legs answered comes out missed.
 */
class CorruptedLegPropertyTest {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final LocalDateTime FIRST_CALL = LocalDateTime.parse("2026-11-03T09:00:00");
    private static final String[] OUTCOMES = {"NO ANSWER", "BUSY", "FAILED", "ANSWERED"};

    @TempDir
    Path dir;

    /** One leg: which manager it rang, and what happened; the last may be a trailing Hangup. */
    record Leg(int manager, int outcome, boolean trailingHangup) {}

    /** A call: its legs, and how its line is corrupted if it is the one chosen. */
    record Call(List<Leg> legs) {
        boolean answered() {
            return legs.stream().anyMatch(leg -> !leg.trailingHangup() && OUTCOMES[leg.outcome()].equals("ANSWERED"));
        }
    }

    /** Which leg of which call is corrupted, how, and where a cut falls. */
    record Corruption(int call, int leg, int kind, int cutPermille) {}

    static Gen<Call> calls() {
        Gen<Leg> dialLeg = integers()
                .between(1, 4)
                .zip(
                        integers().between(0, OUTCOMES.length - 1),
                        (manager, outcome) -> new Leg(manager, outcome, false));
        return lists().of(dialLeg).ofSizeBetween(1, 4).zip(integers().between(0, 1), (legs, hangup) -> {
            List<Leg> all = new ArrayList<>(legs);
            if (hangup == 1) {
                all.add(new Leg(0, 0, true));
            }
            return new Call(all);
        });
    }

    @Test
    @DisplayName("R2 law: corrupting one leg's line never turns a call that a leg answered into a missed call")
    void corruptedLegNeverMakesAFalseMissedCall() {
        qt().withExamples(300)
                .forAll(
                        lists().of(calls()).ofSizeBetween(1, 5),
                        integers().between(0, 1_000_000),
                        integers().between(0, 7),
                        integers().between(1, 999))
                .checkAssert((calls, which, layoutAndKind, cut) -> {
                    int callIndex = which % calls.size();
                    Corruption corruption = new Corruption(
                            callIndex, which % calls.get(callIndex).legs().size(), layoutAndKind % 4, cut);
                    check(calls, layoutAndKind >= 4, corruption);
                });
    }

    private void check(List<Call> calls, boolean withIds, Corruption corruption) {
        Path file = dir.resolve("Master-" + System.nanoTime() + ".csv");
        Map<String, Call> byClient = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < calls.size(); c++) {
            Call call = calls.get(c);
            String client = String.format("3805011%05d", c);
            byClient.put(client, call);
            for (int l = 0; l < call.legs().size(); l++) {
                String line = line(c, client, call.legs().get(l), withIds);
                if (c == corruption.call() && l == corruption.leg()) {
                    line = corrupt(line, corruption);
                }
                lines.add(line);
            }
        }
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Delivered delivered = read(
                AsteriskCdrSource.builder("acme", KYIV, ExtensionPlan.ofLength(3, 3))
                        .masterCsv(file)
                        .build(),
                "acme");
        for (CallRecord record : delivered.calls()) {
            Call generated = byClient.get(record.client());
            assertThat(generated)
                    .as("a delivered call is one of the generated calls: %s", record)
                    .isNotNull();
            if (generated != null && generated.answered()) {
                assertThat(record.isAnswered())
                        .as("%s, %s ids, %s: %s", calls, withIds ? "with" : "without", corruption, lines)
                        .isTrue();
            }
        }
        assertThat(delivered.calls().stream().map(CallRecord::client).distinct().count())
                .as("one record per call")
                .isEqualTo(delivered.calls().size());
    }

    /** A leg in 21 columns (with uniqueid and linkedid) or the basic 16. */
    private static String line(int call, String client, Leg leg, boolean withIds) {
        LocalDateTime start = FIRST_CALL.plusMinutes(10L * call);
        String trunk = String.format("SIP/trunk-%08x", 0x100 + call);
        String id = (1793700000L + 600L * call) + "." + (call + 1);
        String outcome = leg.trailingHangup() ? "ANSWERED" : OUTCOMES[leg.outcome()];
        boolean answered = outcome.equals("ANSWERED");
        LocalDateTime legStart = leg.trailingHangup() ? start.plusSeconds(20) : start;
        LocalDateTime end = legStart.plusSeconds(leg.trailingHangup() ? 1 : answered ? 60 : 20);
        long billsec = leg.trailingHangup() ? 1 : answered ? 52 : 0;
        String manager = leg.trailingHangup() ? "" : String.format("SIP/30%d-%08x", leg.manager(), 0x200 + call);
        List<String> fields = new ArrayList<>(List.of(
                q(""),
                q(client),
                q("442000"),
                q("from-pstn"),
                q("\"" + client + "\" <" + client + ">"),
                q(trunk),
                q(manager),
                q(leg.trailingHangup() ? "Hangup" : "Dial"),
                q(leg.trailingHangup() ? "" : "SIP/301&SIP/302,20"),
                q(STAMP.format(legStart)),
                answered ? q(STAMP.format(end.minusSeconds(billsec))) : "",
                q(STAMP.format(end)),
                String.valueOf(end.getSecond() - legStart.getSecond() + 60L * (end.getMinute() - legStart.getMinute())),
                String.valueOf(billsec),
                q(outcome),
                q("DOCUMENTATION")));
        if (withIds) {
            fields.addAll(List.of(q(id), q(""), q(""), q(id), "1"));
        }
        return String.join(",", fields);
    }

    private static String corrupt(String line, Corruption corruption) {
        return switch (corruption.kind()) {
            // PBXware's unescaped quotes in a caller-ID name
            case 0 -> line.replaceFirst("\"\"\"(\\d+)\"\" <", "\"\"$1\" <");
            // a line cut off anywhere
            case 1 -> line.substring(0, Math.max(1, line.length() * corruption.cutPermille() / 1000));
            // a duration that is no number
            case 2 -> line.replaceFirst(",(\\d+),(\\d+),\"", ",x$1,$2,\"");
            // a disposition nobody knows
            default -> line.replaceFirst("\"(NO ANSWER|BUSY|FAILED|ANSWERED)\"", "\"MAYBE\"");
        };
    }

    private static String q(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
