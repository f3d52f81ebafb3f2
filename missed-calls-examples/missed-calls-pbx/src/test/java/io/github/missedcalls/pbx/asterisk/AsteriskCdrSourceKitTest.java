package io.github.missedcalls.pbx.asterisk;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Managers;
import io.github.missedcalls.Stage;
import io.github.missedcalls.pbx.ExtensionPlan;
import io.github.missedcalls.spi.CallSource;
import io.github.missedcalls.tck.ReadOnlyCallSourceContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every call the kit gives is written as one {@code Master.csv} leg of 21 columns: a client's call
 * to a DID that extension 301 was dialled for, an extension's call out through the prefix 9, or a
 * call between two extensions.
 */
@DisplayName("AsteriskCdrSource passes the CallSource compatibility kit over Master.csv it is given")
class AsteriskCdrSourceKitTest extends ReadOnlyCallSourceContract {

    private static final ZoneId SERVER_ZONE = ZoneId.of("Europe/Kyiv");
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SERVER_ZONE);
    private static final String DID = "380441234567";
    private static final String AGENT = "301";
    private static final ExtensionPlan PLAN = ExtensionPlan.ofLength(3, 3).withOutboundPrefix("9");

    @TempDir
    Path directory;

    @Override
    protected CallSource sourceOver(List<CallRecord> calls) {
        try {
            Path file = Files.createTempFile(directory, "Master", ".csv");
            Files.writeString(
                    file, calls.stream().map(AsteriskCdrSourceKitTest::leg).collect(Collectors.joining()));
            return AsteriskCdrSource.builder(PROJECT, SERVER_ZONE, PLAN)
                    .masterCsv(file, CdrCsvLayout.FULL)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String leg(CallRecord call) {
        String client = Objects.requireNonNullElse(call.client(), "");
        String src = call.direction() == Direction.IN ? client : AGENT;
        String dst = switch (call.direction()) {
            case IN -> DID;
            case OUT -> "9" + digits(client);
            default -> "302";
        };
        String dstChannel = call.direction() == Direction.IN ? "SIP/" + AGENT + "-00000002" : "SIP/trunk-00000002";
        Instant answered = call.answeredAt();
        long duration = Duration.between(call.startedAt(), call.endedAt()).toSeconds();
        long billsec = answered == null
                ? 0
                : Duration.between(answered, call.endedAt()).toSeconds();
        return csv(
                "",
                src,
                dst,
                "from-pstn",
                "\"\" <" + src + ">",
                "SIP/trunk-00000001",
                dstChannel,
                "Dial",
                dstChannel + ",60",
                LOCAL.format(call.startedAt()),
                answered == null ? "" : LOCAL.format(answered),
                LOCAL.format(call.endedAt()),
                Long.toString(duration),
                Long.toString(billsec),
                answered == null ? "NO ANSWER" : "ANSWERED",
                "DOCUMENTATION",
                call.id(),
                "",
                "",
                call.id(),
                "1");
    }

    private static String csv(String... values) {
        return Arrays.stream(values)
                .map(v -> "\"" + v.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(",", "", "\n"));
    }

    private static String digits(String number) {
        return number.replaceAll("\\D", "");
    }

    /**
     * A CDR keeps who called whom and when; the rest the source derives from the leg: the extension
     * dialled answered or was rung (R4's stage and managers), and the caller of an outgoing call is
     * the extension, its client the number dialled as the plan reads it (without the prefix). An
     * empty caller is no caller. No stated reason.
     */
    @Override
    protected CallRecord asRead(CallRecord written) {
        @Nullable String client = "".equals(written.client()) ? null : written.client();
        CallRecord.Builder read = CallRecord.builder(
                        written.id(), written.direction(), written.startedAt(), written.endedAt())
                .answeredAt(written.answeredAt());
        switch (written.direction()) {
            case IN -> {
                read.client(client).line(DID);
                if (written.answeredAt() != null) {
                    read.employee(AGENT);
                } else {
                    read.stage(Stage.RINGING).managers(Managers.RANG);
                }
            }
            case OUT ->
                read.client(PLAN.externalNumber("9" + digits(Objects.requireNonNullElse(client, ""))))
                        .employee(AGENT);
            default -> read.employee(AGENT);
        }
        return read.build();
    }

    @Override
    protected Set<Direction> directions() {
        return Set.of(Direction.IN, Direction.OUT, Direction.INTERNAL);
    }

    @Override
    protected TemporalUnit instantPrecision() {
        return ChronoUnit.SECONDS;
    }

    /** A file holds every row it was given: the report, not the source, keeps to the range (R2). */
    @Override
    protected boolean filtersByRange() {
        return false;
    }
}
