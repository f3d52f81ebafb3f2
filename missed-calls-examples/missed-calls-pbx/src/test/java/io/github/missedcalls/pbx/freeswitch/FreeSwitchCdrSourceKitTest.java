package io.github.missedcalls.pbx.freeswitch;

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
 * Every call the kit gives is written as one a-leg of the shipped {@code example} template: a
 * client's call to a DID, bridged when answered, {@code NO_ANSWER} when not; an extension's call
 * out through the prefix 9; a call between two extensions.
 */
@DisplayName("FreeSwitchCdrSource passes the CallSource compatibility kit over Master.csv it is given")
class FreeSwitchCdrSourceKitTest extends ReadOnlyCallSourceContract {

    private static final ZoneId SERVER_ZONE = ZoneId.of("Europe/Kyiv");
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SERVER_ZONE);
    private static final ExtensionPlan PLAN = ExtensionPlan.ofLength(3, 3).withOutboundPrefix("9");
    private static final String DID = "380441234567";
    private static final String AGENT = "301";

    @TempDir
    Path directory;

    @Override
    protected CallSource sourceOver(List<CallRecord> calls) {
        try {
            Path file = Files.createTempFile(directory, "Master", ".csv");
            Files.writeString(
                    file, calls.stream().map(FreeSwitchCdrSourceKitTest::aLeg).collect(Collectors.joining()));
            return FreeSwitchCdrSource.builder(PROJECT, SERVER_ZONE, PLAN).build(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String aLeg(CallRecord call) {
        String client = Objects.requireNonNullElse(call.client(), "");
        String caller = call.direction() == Direction.IN ? client : AGENT;
        String dialled = switch (call.direction()) {
            case IN -> DID;
            case OUT -> "9" + digits(client);
            default -> "302";
        };
        Instant answered = call.answeredAt();
        long duration = Duration.between(call.startedAt(), call.endedAt()).toSeconds();
        long billsec = answered == null
                ? 0
                : Duration.between(answered, call.endedAt()).toSeconds();
        return csv(
                "Caller",
                caller,
                dialled,
                "public",
                LOCAL.format(call.startedAt()),
                answered == null ? "" : LOCAL.format(answered),
                LOCAL.format(call.endedAt()),
                Long.toString(duration),
                Long.toString(billsec),
                answered == null ? "NO_ANSWER" : "NORMAL_CLEARING",
                call.id(),
                answered == null ? "" : "b-" + call.id(),
                "",
                "PCMA",
                "PCMA");
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
     * An a-leg keeps who called whom and when; an unanswered client's call rang the managers
     * ({@code NO_ANSWER}); the client of an outgoing call is the number dialled as the plan reads
     * it; an empty caller is no caller. No stated reason, and no employee for a call to a DID.
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
                if (written.answeredAt() == null) {
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
