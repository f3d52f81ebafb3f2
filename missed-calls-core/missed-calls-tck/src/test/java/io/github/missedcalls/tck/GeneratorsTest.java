package io.github.missedcalls.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.DefaultNumberNormalizer;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Handle;
import io.github.missedcalls.NumberNormalizer;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The generators make the edge cases of the rules common")
class GeneratorsTest {

    private static final NumberNormalizer NORMALIZER =
            DefaultNumberNormalizer.forCountry(Generators.COUNTRY_CODE, DefaultNumberNormalizer.DEFAULT_TRUNK_PREFIX);
    private static final int SAMPLES = 500;

    private static @Nullable String normalizedOrInvalid(@Nullable String raw) {
        try {
            return NORMALIZER.normalize(raw);
        } catch (IllegalArgumentException e) {
            return "invalid";
        }
    }

    @Test
    @DisplayName("R3: every spelling of a person normalizes to that person's number")
    void spellingsNormalizeToOnePerson() {
        List<String> people = Generators.people();
        for (int person = 0; person < people.size(); person++) {
            int index = person;
            qt().withExamples(50)
                    .forAll(Generators.spellingOf(person))
                    .checkAssert(spelling ->
                            assertThat(NORMALIZER.normalize(spelling)).isEqualTo(people.get(index)));
        }
    }

    @Test
    @DisplayName("R2, R3, R4: client numbers include people, withheld values and values that are no number")
    void clientNumbersCoverEveryKind() {
        Set<String> kinds = new HashSet<>();
        qt().withExamples(SAMPLES).forAll(Generators.clientNumbers()).checkAssert(raw -> {
            String normalized = normalizedOrInvalid(raw);
            kinds.add(normalized == null ? "withheld" : normalized.equals("invalid") ? "invalid" : "person");
        });
        assertThat(kinds).containsExactlyInAnyOrder("person", "withheld", "invalid");
    }

    @Test
    @DisplayName("R2, R5: call logs often hold ties, equal copies and conflicting duplicate ids")
    void callLogsHoldEdgeCases() {
        AtomicInteger tiesOfOneClient = new AtomicInteger();
        AtomicInteger equalCopies = new AtomicInteger();
        AtomicInteger respelledCopies = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        Set<Direction> directions = EnumSet.noneOf(Direction.class);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();

        qt().withExamples(SAMPLES)
                .forAll(Generators.callLogs(Generators.gridInstants(), 40))
                .checkAssert(log -> {
                    Map<String, CallRecord> byId = new HashMap<>();
                    Set<String> clientInstants = new HashSet<>();
                    boolean tie = false;
                    for (CallRecord call : log) {
                        directions.add(call.direction());
                        (call.isAnswered() ? answered : unanswered).incrementAndGet();
                        String client = normalizedOrInvalid(call.client());
                        if (client != null
                                && !client.equals("invalid")
                                && !clientInstants.add(client + "@" + call.startedAt())) {
                            tie = true;
                        }
                        CallRecord earlier = byId.putIfAbsent(call.id(), call);
                        if (earlier != null) {
                            if (earlier.withClient(normalizedOrInvalid(earlier.client()))
                                    .equals(call.withClient(normalizedOrInvalid(call.client())))) {
                                equalCopies.incrementAndGet();
                                if (!Objects.equals(earlier.client(), call.client())) {
                                    respelledCopies.incrementAndGet();
                                }
                            } else {
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                    if (tie) {
                        tiesOfOneClient.incrementAndGet();
                    }
                });

        assertThat(directions).containsExactlyInAnyOrder(Direction.values());
        assertThat(tiesOfOneClient)
                .as("logs with two calls of one client at one instant")
                .hasValueGreaterThan(SAMPLES / 10);
        assertThat(equalCopies).as("equal copies").hasValueGreaterThan(SAMPLES / 10);
        assertThat(respelledCopies).as("equal copies under another spelling").hasValueGreaterThan(SAMPLES / 20);
        assertThat(conflicts).as("conflicting duplicate ids").hasValueGreaterThan(SAMPLES / 10);
        assertThat(answered).hasValueGreaterThan(unanswered.get() / 3);
        assertThat(unanswered).hasValueGreaterThan(answered.get() / 3);
    }

    @Test
    @DisplayName("R11: handles cover earlier calls, their own instant, and the future (clamped)")
    void handlesCoverEveryKindOfCoversUntil() {
        Set<String> kinds = new HashSet<>();
        qt().withExamples(SAMPLES)
                .forAll(Generators.handles(Generators.gridInstants(), Generators.GRID_STEP))
                .checkAssert((Handle handle) ->
                        kinds.add(Integer.toString(handle.coversUntil().compareTo(handle.handledAt()))));
        assertThat(kinds).containsExactlyInAnyOrder("-1", "0", "1");
    }

    @Test
    @DisplayName("instants stay on the grid and inside its span")
    void instantsStayOnTheGrid() {
        Instant end = Generators.GRID_START.plus(Generators.GRID_SPAN);
        qt().withExamples(SAMPLES).forAll(Generators.gridInstants()).checkAssert(instant -> {
            assertThat(instant).isBetween(Generators.GRID_START, end.minusNanos(1));
            assertThat(instant.getEpochSecond() % Generators.GRID_STEP.getSeconds())
                    .isZero();
        });
        assertThatThrownBy(() -> Generators.instants(
                        Generators.GRID_START, Generators.GRID_STEP.dividedBy(2), Generators.GRID_STEP))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a failing property over call logs shrinks to a log that ends at its first repeated id")
    void callLogsShrink() {
        AssertionError failure = catchThrowableOfType(
                AssertionError.class,
                () -> Generators.theory()
                        .withFixedSeed(7)
                        .forAll(Generators.callLogs(Generators.gridInstants(), 40))
                        .check(log ->
                                log.stream().map(CallRecord::id).distinct().count() == log.size()));

        assertThat(failure).isNotNull();
        String message = Objects.requireNonNull(failure.getMessage());
        int others = message.indexOf("Other found falsifying value");
        String smallest = others < 0 ? message : message.substring(0, others);
        List<String> ids = Pattern.compile("id=([^,]+),")
                .matcher(smallest)
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(ids).as("ids of the smallest example in %s", smallest).hasSizeGreaterThanOrEqualTo(2);
        List<String> beforeLast = ids.subList(0, ids.size() - 1);
        assertThat(beforeLast).doesNotHaveDuplicates().contains(ids.get(ids.size() - 1));
    }
}
