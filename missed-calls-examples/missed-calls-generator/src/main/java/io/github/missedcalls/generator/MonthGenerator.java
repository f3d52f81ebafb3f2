package io.github.missedcalls.generator;

import io.github.missedcalls.BusinessHours;
import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Handle;
import io.github.missedcalls.HandleReason;
import io.github.missedcalls.Managers;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.Stage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates a month (or any number of days) of one project's calls with the shape a sales line
 * has: business hours with a morning and an afternoon peak, quiet weekends, a few calls at night,
 * repeat callers, callbacks at realistic delays (some reached, some not, some never made),
 * clients who call again, withheld numbers, cold calls and internal calls, manual handles, and
 * every reason of R9.
 *
 * <p>The same seed and settings give the same calls. Calls are produced in start order and
 * pushed to a {@link Sink} a day at a time, so ten million calls need no more memory than a
 * day of them.
 */
public final class MonthGenerator {

    /** Receives what the generator makes: calls in start order, handles as they are decided. */
    public interface Sink {
        void call(CallRecord call);

        default void handle(Handle handle) {}

        /** A sink of two method references, such as a writer's. */
        static Sink of(Consumer<CallRecord> calls, Consumer<Handle> handles) {
            Objects.requireNonNull(calls, "calls");
            Objects.requireNonNull(handles, "handles");
            return new Sink() {
                @Override
                public void call(CallRecord call) {
                    calls.accept(call);
                }

                @Override
                public void handle(Handle handle) {
                    handles.accept(handle);
                }
            };
        }
    }

    /** Monday to Friday 09:00 to 18:00, Saturday 10:00 to 14:00: a typical sales line. */
    public static final String DEFAULT_HOURS = "Mon-Fri 09:00-18:00; Sat 10:00-14:00";

    private static final Comparator<CallRecord> START_ORDER =
            Comparator.comparing(CallRecord::startedAt).thenComparing(CallRecord::id);
    private static final String[] MANAGERS = {"anna", "boris", "chen", "dana", "emil", "farida", "gleb", "hana"};
    private static final String[] LINES = {"+380441230000", "+380441230001", "+380800500500"};

    private final long seed;
    private final ZoneId zone;
    private final LocalDate firstDay;
    private final int days;
    private final int inboundPerWorkday;
    private final int clients;
    private final BusinessHours hours;
    private final Instant until;

    private MonthGenerator(Builder builder) {
        this.seed = builder.seed;
        this.zone = builder.zone;
        this.firstDay = builder.firstDay;
        this.days = builder.days;
        this.inboundPerWorkday = builder.inboundPerWorkday;
        this.clients = builder.clients;
        this.hours = BusinessHours.parse(DEFAULT_HOURS);
        this.until = builder.until;
    }

    /** Starts a configuration: 30 days in Europe/Kyiv up to today, about 60 thousand calls. */
    public static Builder builder() {
        return new Builder();
    }

    /** The business hours the generated calls follow: {@link #DEFAULT_HOURS}. */
    public BusinessHours businessHours() {
        return hours;
    }

    /** The project's zone. */
    public ZoneId zone() {
        return zone;
    }

    /** The country calling code of the generated numbers. */
    public String countryCode() {
        return "380";
    }

    /** Generates everything, pushing calls in start order. */
    public void generate(Sink sink) {
        Objects.requireNonNull(sink, "sink");
        new Run(sink).generate();
    }

    /** Generates everything into memory; for small months. */
    public List<CallRecord> calls() {
        List<CallRecord> calls = new ArrayList<>();
        generate(calls::add);
        return calls;
    }

    /** Generates everything and keeps the handles; for small months. */
    public List<Handle> handles() {
        List<Handle> handles = new ArrayList<>();
        generate(new Sink() {
            @Override
            public void call(CallRecord call) {}

            @Override
            public void handle(Handle handle) {
                handles.add(handle);
            }
        });
        return handles;
    }

    /** One generation: its random stream, pending calls and counters. */
    private final class Run {
        private final Sink sink;
        private final SplittableRandom random = new SplittableRandom(seed);
        private final PriorityQueue<CallRecord> pending = new PriorityQueue<>(START_ORDER);
        private long nextId = 1;

        Run(Sink sink) {
            this.sink = sink;
        }

        void generate() {
            for (int d = 0; d < days; d++) {
                LocalDate day = firstDay.plusDays(d);
                int inbound = (int) Math.round(inboundPerWorkday * dayFactor(day) * (0.85 + 0.3 * random.nextDouble()));
                for (int i = 0; i < inbound; i++) {
                    inboundCall(day);
                }
                int cold = inbound / 6;
                for (int i = 0; i < cold; i++) {
                    coldCall(day);
                }
                int internal = inbound / 25;
                for (int i = 0; i < internal; i++) {
                    internalCall(day);
                }
                emitBefore(day.plusDays(1).atStartOfDay(zone).toInstant());
            }
            // Follow-ups of the last day: add() already left out whatever starts after `until`.
            while (!pending.isEmpty()) {
                sink.call(pending.poll());
            }
        }

        private void emitBefore(Instant limit) {
            while (!pending.isEmpty() && pending.peek().startedAt().isBefore(limit)) {
                sink.call(pending.poll());
            }
        }

        private double dayFactor(LocalDate day) {
            return switch (day.getDayOfWeek()) {
                case SATURDAY -> 0.35;
                case SUNDAY -> 0.12;
                case MONDAY -> 1.15;
                default -> 1.0;
            };
        }

        /** A time of day: a morning peak, an afternoon peak, and a tenth spread over the whole day. */
        private Instant timeOn(LocalDate day) {
            double shape = random.nextDouble();
            double hour;
            if (shape < 0.45) {
                hour = 10.5 + random.nextGaussian() * 1.0;
            } else if (shape < 0.9) {
                hour = 15.0 + random.nextGaussian() * 1.2;
            } else {
                hour = random.nextDouble() * 24;
            }
            hour = Math.max(0, Math.min(hour, 23.999));
            long second = (long) (hour * 3600);
            return LocalDateTime.of(day, LocalTime.ofSecondOfDay(second))
                    .atZone(zone)
                    .toInstant();
        }

        /** Repeat callers: low indices are drawn far more often than high ones. */
        private int client() {
            double u = random.nextDouble();
            return (int) (clients * u * u * u);
        }

        /** The same client written the ways PBXs write it, so normalization (R3) is exercised. */
        private String spelling(int client) {
            String national = String.format(Locale.ROOT, "50%07d", client);
            return switch (random.nextInt(10)) {
                case 0 -> "0" + national;
                case 1 -> "380" + national;
                case 2 ->
                    "+380 " + national.substring(0, 2) + " " + national.substring(2, 5) + "-" + national.substring(5, 7)
                            + "-" + national.substring(7);
                default -> "+380" + national;
            };
        }

        private String id() {
            return String.format(Locale.ROOT, "c%09d", nextId++);
        }

        private String manager() {
            return MANAGERS[random.nextInt(MANAGERS.length)];
        }

        private String line() {
            return LINES[random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(LINES.length - 1)];
        }

        private boolean open(Instant instant) {
            return hours.isOpen(LocalDateTime.ofInstant(instant, zone));
        }

        private void inboundCall(LocalDate day) {
            Instant start = timeOn(day);
            boolean withheld = random.nextInt(50) == 0;
            int client = client();
            Direction direction = random.nextInt(12) == 0 ? Direction.CALLBACK : Direction.IN;
            if (open(start) && random.nextDouble() < 0.72) {
                answered(direction, withheld ? "anonymous" : spelling(client), start);
                return;
            }
            CallRecord missed = missed(direction, withheld ? "anonymous" : spelling(client), start);
            add(missed);
            if (!withheld) {
                followUp(client, missed);
            }
        }

        private void answered(Direction direction, String number, Instant start) {
            Instant answer = start.plusSeconds(5 + random.nextInt(20));
            Instant end = answer.plusSeconds(Math.max(15, (long) Math.exp(5.2 + random.nextGaussian() * 0.8)));
            add(CallRecord.builder(id(), direction, start, end)
                    .client(number)
                    .line(line())
                    .employee(manager())
                    .answeredAt(answer)
                    .build());
        }

        private CallRecord missed(Direction direction, String number, Instant start) {
            CallRecord.Builder call;
            int kind = random.nextInt(100);
            if (!open(start)) {
                call = CallRecord.builder(id(), direction, start, start.plusSeconds(12 + random.nextInt(20)))
                        .stage(Stage.GREETING);
            } else if (kind < 10) {
                call = CallRecord.builder(id(), direction, start, start.plusSeconds(2 + random.nextInt(7)))
                        .stage(Stage.GREETING);
            } else if (kind < 20) {
                call = CallRecord.builder(id(), direction, start, start.plusSeconds(10 + random.nextInt(12)))
                        .stage(Stage.GREETING);
            } else if (kind < 35) {
                call = CallRecord.builder(id(), direction, start, start.plusSeconds(20 + random.nextInt(45)))
                        .stage(Stage.IVR);
            } else if (kind < 50) {
                call = CallRecord.builder(id(), direction, start, start.plusSeconds(15 + random.nextInt(30)))
                        .stage(Stage.RINGING)
                        .managers(Managers.UNAVAILABLE);
            } else if (kind < 93) {
                call = CallRecord.builder(id(), direction, start, start.plusSeconds(25 + random.nextInt(70)))
                        .stage(Stage.RINGING)
                        .managers(random.nextBoolean() ? Managers.RANG : null);
            } else if (kind < 96) {
                call = CallRecord.builder(id(), direction, start, start.plusSeconds(11 + random.nextInt(10)))
                        .stage(Stage.NO_ROUTE);
            } else if (kind < 98 && direction == Direction.CALLBACK) {
                call = CallRecord.builder(id(), direction, start, start.plusSeconds(11 + random.nextInt(5)))
                        .stage(Stage.FORBIDDEN);
            } else if (kind < 99) {
                call = CallRecord.builder(id(), direction, start, start.plusSeconds(40 + random.nextInt(40)))
                        .statedReason(MissedReason.NOT_ANSWERED_BY_MANAGERS);
            } else {
                call = CallRecord.builder(id(), direction, start, start.plusSeconds(30 + random.nextInt(60)));
            }
            return call.client(number).line(line()).build();
        }

        /**
         * What happens after a missed call: most are called back, some after several tries; some
         * clients call again themselves; some are handled by hand; a few are forgotten.
         */
        private void followUp(int client, CallRecord missed) {
            double fate = random.nextDouble();
            if (fate < 0.70) {
                Instant attempt = nextOpening(missed.startedAt().plusSeconds(delaySeconds()));
                for (int tries = 0; tries < 3; tries++) {
                    boolean reached = random.nextDouble() < 0.7;
                    callBack(client, attempt, reached);
                    if (reached) {
                        break;
                    }
                    attempt = nextOpening(attempt.plusSeconds(3600 + random.nextInt(2 * 3600)));
                }
            } else if (fate < 0.82) {
                Instant again = missed.startedAt().plusSeconds(3600 + random.nextInt(3 * 3600));
                if (random.nextDouble() < 0.6) {
                    answered(Direction.IN, spelling(client), again);
                } else {
                    add(missed(Direction.IN, spelling(client), again));
                }
            } else if (fate < 0.92) {
                Instant at = missed.startedAt().plusSeconds(2 * 3600 + random.nextInt(24 * 3600));
                HandleReason reason = HandleReason.values()[random.nextInt(HandleReason.values().length)];
                String note = reason == HandleReason.OTHER ? "Asked to be written to by e-mail" : null;
                if (!at.isAfter(until)) {
                    sink.handle(new Handle(
                            "+380" + String.format(Locale.ROOT, "50%07d", client),
                            at,
                            missed.startedAt(),
                            reason,
                            note,
                            manager()));
                }
            }
        }

        /** Minutes for most callbacks, hours for some: a log-normal delay with a median of 25 minutes. */
        private long delaySeconds() {
            return Math.max(60, (long) (Math.exp(Math.log(1500) + random.nextGaussian() * 1.1)));
        }

        /** Managers call back during business hours: a time outside them moves to the next opening. */
        private Instant nextOpening(Instant instant) {
            Instant candidate = instant;
            for (int i = 0; i < 4 * 24 && !open(candidate); i++) {
                candidate = candidate.plus(Duration.ofMinutes(15 + random.nextInt(15)));
            }
            return candidate;
        }

        private void callBack(int client, Instant start, boolean reached) {
            String number = spelling(client);
            CallRecord.Builder call;
            if (reached) {
                Instant answer = start.plusSeconds(8 + random.nextInt(20));
                call = CallRecord.builder(
                                id(),
                                Direction.OUT,
                                start,
                                answer.plusSeconds(30 + (long) Math.exp(4.8 + random.nextGaussian() * 0.7)))
                        .answeredAt(answer);
            } else {
                call = CallRecord.builder(id(), Direction.OUT, start, start.plusSeconds(20 + random.nextInt(30)));
            }
            add(call.client(number).line(LINES[0]).employee(manager()).build());
        }

        private void coldCall(LocalDate day) {
            Instant start = nextOpening(timeOn(day));
            callBack(client(), start, random.nextBoolean());
        }

        private void internalCall(LocalDate day) {
            Instant start = timeOn(day);
            add(CallRecord.builder(id(), Direction.INTERNAL, start, start.plusSeconds(30 + random.nextInt(200)))
                    .client(String.valueOf(100 + random.nextInt(40)))
                    .employee(manager())
                    .answeredAt(start.plusSeconds(3))
                    .build());
        }

        private void add(CallRecord call) {
            if (!call.startedAt().isAfter(until)) {
                pending.add(call);
            }
        }
    }

    /** Collects a generator's settings; all have defaults. */
    public static final class Builder {
        private long seed = 20261127L;
        private ZoneId zone = ZoneId.of("Europe/Kyiv");
        private LocalDate firstDay = LocalDate.now(zone).minusDays(30);
        private int days = 31;
        private int inboundPerWorkday = 1500;
        private int clients = 20_000;
        private Instant until = Instant.MAX;

        private Builder() {}

        /** The same seed gives the same month. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** The project's zone; default Europe/Kyiv. */
        public Builder zone(ZoneId value) {
            this.zone = Objects.requireNonNull(value, "zone");
            this.firstDay = LocalDate.now(value).minusDays(30);
            return this;
        }

        /** The first day generated; default 30 days ago. */
        public Builder firstDay(LocalDate value) {
            this.firstDay = Objects.requireNonNull(value, "firstDay");
            return this;
        }

        /** How many days; default 31 (up to today). */
        public Builder days(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("days must be at least 1: " + value);
            }
            this.days = value;
            return this;
        }

        /** Nothing that starts after this instant is generated (a demo stops at "now"). */
        public Builder until(Instant value) {
            this.until = Objects.requireNonNull(value, "until");
            return this;
        }

        /** Inbound calls on an ordinary weekday; the default 1,500 gives about 60 thousand calls a month. */
        public Builder inboundPerWorkday(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("inboundPerWorkday must be at least 1: " + value);
            }
            this.inboundPerWorkday = value;
            return this;
        }

        /**
         * Sizes the month to about {@code total} calls of every direction over the configured days.
         * Set the days first.
         */
        public Builder approximateCalls(long total) {
            // Measured: a weekday with N inbound calls yields about 1.62 N calls of every kind,
            // and a week has about 5.6 weekday-equivalents.
            double perWorkday = total / (1.62 * days * 5.6 / 7);
            return inboundPerWorkday((int) Math.max(1, Math.round(perWorkday)));
        }

        /** How many different clients call; repeat callers come from the low end. Default 20,000. */
        public Builder clients(int value) {
            if (value < 1 || value > 9_999_999) {
                throw new IllegalArgumentException("clients must be 1 to 9,999,999: " + value);
            }
            this.clients = value;
            return this;
        }

        public MonthGenerator build() {
            return new MonthGenerator(this);
        }
    }
}
