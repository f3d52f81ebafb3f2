package io.github.missedcalls.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.missedcalls.Handle;
import io.github.missedcalls.HandleConflictException;
import io.github.missedcalls.HandleReason;
import io.github.missedcalls.spi.SaveOutcome;
import io.github.missedcalls.tck.Generators;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.core.stateful.Command;
import org.quicktheories.core.stateful.Sequential;
import org.quicktheories.generators.Generate;

/**
 * Random sequences of saves and listings, checked step by step against a model that is a map
 * from a handle's key to the handle (R11).
 */
@DisplayName("InMemoryHandleStore behaves like a map from key to handle")
class InMemoryHandleStoreStatefulTest {

    private static final List<String> PROJECTS = List.of("acme", "globex");
    private static final Instant BASE = Instant.parse("2026-03-02T09:00:00Z");
    private static final Comparator<Handle> CANONICAL = Comparator.comparing(Handle::handledAt)
            .thenComparing(Handle::client)
            .thenComparing(Handle::actor);

    private record Key(String project, String client, Instant handledAt, String actor) {
        static Key of(String project, Handle handle) {
            return new Key(project, handle.client(), handle.handledAt(), handle.actor());
        }
    }

    /** What the store should hold, and what the last operation should have answered. */
    private record Model(Map<Key, Handle> stored, String lastAnswer) {}

    /** The store under test, and what its last operation answered. */
    private static final class Subject {
        final InMemoryHandleStore store = new InMemoryHandleStore();
        String lastAnswer = "";
    }

    private record Save(String project, Handle handle) implements Command<Subject, Model> {
        @Override
        public void run(Subject subject) {
            try {
                subject.lastAnswer = subject.store.save(project, handle).name();
            } catch (HandleConflictException conflict) {
                subject.lastAnswer = "conflict with " + conflict.stored();
            }
        }

        @Override
        public Model nextState(Model model) {
            Key key = Key.of(project, handle);
            Handle stored = model.stored().get(key);
            if (stored == null) {
                Map<Key, Handle> next = new HashMap<>(model.stored());
                next.put(key, handle);
                return new Model(next, SaveOutcome.STORED.name());
            }
            return new Model(
                    model.stored(),
                    stored.equals(handle) ? SaveOutcome.ALREADY_STORED.name() : "conflict with " + stored);
        }
    }

    private record Listing(String project, Instant from, Instant until) implements Command<Subject, Model> {
        @Override
        public void run(Subject subject) {
            List<Handle> listed = subject.store.handles(project, from, until);
            boolean ordered = listed.stream()
                    .map(Handle::handledAt)
                    .sorted()
                    .toList()
                    .equals(listed.stream().map(Handle::handledAt).toList());
            subject.lastAnswer = describe(listed, ordered);
        }

        @Override
        public Model nextState(Model model) {
            List<Handle> expected = new ArrayList<>();
            model.stored().forEach((key, handle) -> {
                if (key.project().equals(project)
                        && !handle.handledAt().isBefore(from)
                        && !handle.handledAt().isAfter(until)) {
                    expected.add(handle);
                }
            });
            return new Model(model.stored(), describe(expected, true));
        }

        private static String describe(List<Handle> handles, boolean ordered) {
            List<Handle> sorted = new ArrayList<>(handles);
            sorted.sort(CANONICAL);
            return (ordered ? "ordered " : "NOT ORDERED ") + sorted;
        }
    }

    /** Few clients, instants, actors and values, so that keys and conflicts repeat. */
    private static Gen<Handle> handles() {
        Gen<Instant> instants = Generate.range(0, 4).map(minute -> BASE.plus(Duration.ofMinutes(minute)));
        Gen<Pair<HandleReason, String>> values = Generate.pick(List.of(
                Pair.of(HandleReason.SPAM, "-"),
                Pair.of(HandleReason.OTHER, "called from a mobile"),
                Pair.of(HandleReason.OTHER, "wrong department")));
        return Generate.pick(List.of("+380501110001", "+380671234567"))
                .zip(
                        instants,
                        Generate.range(0, 2),
                        values,
                        Generate.pick(List.of("anna", "bohdan")),
                        (client, at, back, value, actor) -> new Handle(
                                client,
                                at,
                                at.minus(Duration.ofMinutes(back)),
                                value._1,
                                value._1 == HandleReason.OTHER ? value._2 : null,
                                actor));
    }

    private static Gen<Command<Subject, Model>> commands() {
        Gen<Command<Subject, Model>> saves = Generate.pick(PROJECTS).zip(handles(), Save::new);
        Gen<Command<Subject, Model>> listings = Generate.pick(PROJECTS)
                .zip(
                        Generate.range(-1, 4),
                        Generate.range(0, 5),
                        (project, first, length) -> new Listing(
                                project,
                                BASE.plus(Duration.ofMinutes(first)),
                                BASE.plus(Duration.ofMinutes(first + length))));
        return Generate.frequency(List.of(Pair.of(3, saves), Pair.of(1, listings)));
    }

    private static Model observe(Subject subject) {
        Map<Key, Handle> stored = new HashMap<>();
        for (String project : PROJECTS) {
            for (Handle handle : subject.store.handles(project, Instant.MIN, Instant.MAX)) {
                stored.put(Key.of(project, handle), handle);
            }
        }
        return new Model(stored, subject.lastAnswer);
    }

    @Test
    @DisplayName("R11: after every save or listing the store holds and answers what the model does")
    void storeFollowsTheModel() {
        Generators.theory()
                .forAll(lists().of(commands()).ofSizeBetween(1, 40))
                .checkAssert(commands -> Sequential.modelCheck(
                        new Model(Map.of(), ""),
                        commands,
                        model -> new Subject(),
                        InMemoryHandleStoreStatefulTest::observe));
    }

    @Test
    @DisplayName("R11: the model keeps the first of two conflicting handles and answers with a conflict")
    void modelKeepsTheFirstOfTwoConflictingHandles() {
        Handle first = new Handle("+380501110001", BASE, BASE, HandleReason.SPAM, null, "anna");
        Handle second = new Handle("+380501110001", BASE, BASE, HandleReason.NOT_SALES, null, "anna");
        Model afterBoth =
                new Save("acme", second).nextState(new Save("acme", first).nextState(new Model(Map.of(), "")));

        assertThat(afterBoth.stored()).containsExactly(Map.entry(Key.of("acme", first), first));
        assertThat(afterBoth.lastAnswer()).isEqualTo("conflict with " + first);
    }
}
