package io.github.missedcalls.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Managers;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Stage;
import io.github.missedcalls.spi.CallSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link CallSource} implementations (R1, R2): extend it in a test, say
 * how calls get into the storage the source reads and return the source, override a flag where
 * the source declares less, and the expectations the report puts on every source are checked.
 *
 * <pre>{@code
 * @DisplayName("MyCallSource passes the CallSource compatibility kit")
 * class MyCallSourceTest extends CallSourceContract {
 *   private final MyCallTable table = new MyCallTable(dataSource);
 *
 *   @Override
 *   protected void store(String project, List<CallRecord> calls) {
 *     table.insert(project, calls);
 *   }
 *
 *   @Override
 *   protected CallSource source() {
 *     return new MyCallSource(dataSource);
 *   }
 *
 *   @Override
 *   protected void assertResourcesReleased() {
 *     assertThat(pool.getActiveConnections()).isZero();
 *   }
 * }
 * }</pre>
 *
 * <p>Every test stores into projects of its own, with names no earlier run used, so a persistent
 * storage need not be emptied between tests.
 */
public abstract class CallSourceContract {

  private static final Instant BASE = Instant.parse("2026-03-02T08:00:00Z");
  // Wide enough for every test here, narrow enough for any SQL timestamp type worth using.
  private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  /**
   * Puts calls into the storage {@link #source()} reads, for a project. Called before the source
   * is read; may be called several times for one project. A storage that refuses a record whose
   * id the project already has may throw any {@link RuntimeException}.
   */
  protected abstract void store(String project, List<CallRecord> calls);

  /** The source under test; may be called several times per test. */
  protected abstract CallSource source();

  /**
   * The finest unit the source keeps instants in: an instant that is a whole number of this unit
   * must come back exactly as stored. Default microseconds, what most SQL timestamp types keep.
   */
  protected TemporalUnit instantPrecision() {
    return ChronoUnit.MICROS;
  }

  /**
   * Whether the source delivers only the calls that started in the range asked for. A source
   * may deliver more (a file delivers all its rows, R2); the report then ignores the rest.
   */
  protected boolean filtersByRange() {
    return true;
  }

  /**
   * Checks that nothing the source opened is still open (connections borrowed from a pool,
   * result sets, files). Called after streams were closed, some before they were read to the
   * end. The default checks nothing.
   */
  protected void assertResourcesReleased() {}

  /** A project name no other test (and no earlier run) has used. */
  protected String newProject() {
    return "kit-" + Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);
  }

  private static CallRecord missed(String id, Duration at) {
    Instant start = BASE.plus(at);
    return CallRecord.builder(id, Direction.IN, start, start.plusSeconds(25))
        .client("+380501110001").stage(Stage.RINGING).build();
  }

  /** Reads the calls of a range to the end, failing on any rejection: valid calls are never rejected. */
  private List<CallRecord> read(String project, Instant from, Instant until) {
    List<Rejection> rejections = new ArrayList<>();
    List<CallRecord> calls;
    try (Stream<CallRecord> stream = source().calls(project, from, until, rejections::add)) {
      calls = stream.toList();
    }
    assertThat(rejections).as("rejections of valid calls").isEmpty();
    return calls;
  }

  private List<CallRecord> readAll(String project) {
    return read(project, EARLIEST, LATEST);
  }

  @Nested
  @DisplayName("the range asked for")
  class Range {

    @Test
    @DisplayName("calls that started at either end of the range are delivered")
    void bothEndsIncluded() {
      String project = newProject();
      CallRecord atStart = missed("start", Duration.ZERO);
      CallRecord inside = missed("inside", Duration.ofMinutes(30));
      CallRecord atEnd = missed("end", Duration.ofHours(1));
      store(project, List.of(missed("before", Duration.ofSeconds(-1)), atStart, inside, atEnd,
          missed("after", Duration.ofHours(1).plusSeconds(1))));

      List<CallRecord> delivered = read(project, BASE, BASE.plus(Duration.ofHours(1)));

      assertThat(delivered).contains(atStart, inside, atEnd);
    }

    @Test
    @DisplayName("calls that started outside the range are not delivered, when the source filters")
    void outsideExcluded() {
      assumeTrue(filtersByRange(), "the source declares it delivers calls outside the range");
      String project = newProject();
      CallRecord atStart = missed("start", Duration.ZERO);
      CallRecord atEnd = missed("end", Duration.ofHours(1));
      // A call that started before the range but ended inside it is still outside: the range is about starts.
      CallRecord longBefore = CallRecord.builder("long-before", Direction.IN, BASE.minusSeconds(60), BASE.plusSeconds(60))
          .client("+380501110001").build();
      store(project, List.of(missed("before", Duration.ofSeconds(-1)), atStart, longBefore, atEnd,
          missed("after", Duration.ofHours(1).plusSeconds(1))));

      List<CallRecord> delivered = read(project, BASE, BASE.plus(Duration.ofHours(1)));

      assertThat(delivered).containsExactlyInAnyOrder(atStart, atEnd);
    }

    @Test
    @DisplayName("a range of one instant delivers the calls that started at that instant")
    void singleInstantRange() {
      String project = newProject();
      CallRecord first = missed("a", Duration.ofMinutes(5));
      CallRecord tie = missed("b", Duration.ofMinutes(5));
      store(project, List.of(missed("c", Duration.ofMinutes(4)), first, tie, missed("d", Duration.ofMinutes(6))));

      List<CallRecord> delivered = read(project, BASE.plus(Duration.ofMinutes(5)), BASE.plus(Duration.ofMinutes(5)));

      if (filtersByRange()) {
        assertThat(delivered).containsExactlyInAnyOrder(first, tie);
      } else {
        assertThat(delivered).contains(first, tie);
      }
    }
  }

  @Nested
  @DisplayName("projects")
  class Projects {

    @Test
    @DisplayName("calls of one project are never delivered for another")
    void projectsAreIsolated() {
      String acme = newProject();
      String globex = newProject();
      CallRecord ofAcme = missed("acme-1", Duration.ZERO);
      CallRecord ofGlobex = missed("globex-1", Duration.ZERO);
      store(acme, List.of(ofAcme));
      store(globex, List.of(ofGlobex));

      assertThat(readAll(acme)).containsExactly(ofAcme);
      assertThat(readAll(globex)).containsExactly(ofGlobex);
      assertThat(readAll(newProject())).isEmpty();
    }

    @Test
    @DisplayName("R1: ids are unique within a project, so two projects may use the same id")
    void sameIdInTwoProjects() {
      String acme = newProject();
      String globex = newProject();
      CallRecord ofAcme = missed("42", Duration.ZERO);
      CallRecord ofGlobex = missed("42", Duration.ofMinutes(1));
      store(acme, List.of(ofAcme));
      store(globex, List.of(ofGlobex));

      assertThat(readAll(acme)).containsExactly(ofAcme);
      assertThat(readAll(globex)).containsExactly(ofGlobex);
    }
  }

  @Nested
  @DisplayName("values round-trip")
  class RoundTrip {

    @Test
    @DisplayName("R1: every field of a call comes back as stored, in every direction, stage and managers value")
    void everyFieldRoundTrips() {
      String project = newProject();
      List<CallRecord> calls = new ArrayList<>();
      List<MissedReason> reasons = List.of(MissedReason.values());
      int n = 0;
      for (Direction direction : Direction.values()) {
        for (Stage stage : Stage.values()) {
          for (Managers managers : Managers.values()) {
            Instant start = BASE.plus(Duration.ofMinutes(n));
            calls.add(CallRecord.builder("full-" + n, direction, start, start.plusSeconds(95))
                .client("+380 (50) 111-00-0" + n % 10).line("+380441234567").employee("Олена " + n)
                .answeredAt(n % 2 == 0 ? start.plusSeconds(20) : null)
                .stage(stage).managers(managers)
                .statedReason(reasons.get(n % reasons.size()))
                .build());
            n++;
          }
        }
      }
      store(project, calls);

      assertThat(readAll(project)).containsExactlyInAnyOrderElementsOf(calls);
    }

    @Test
    @DisplayName("R1: a call without any optional value comes back without them")
    void absentOptionalValuesRoundTrip() {
      String project = newProject();
      CallRecord bare = CallRecord.builder("bare", Direction.IN, BASE, BASE.plusSeconds(3)).build();
      CallRecord zeroLength = CallRecord.builder("zero", Direction.OUT, BASE, BASE).client("101").build();
      store(project, List.of(bare, zeroLength));

      assertThat(readAll(project)).containsExactlyInAnyOrder(bare, zeroLength);
    }

    @Test
    @DisplayName("R3: a client number comes back as the source wrote it, withheld words and separators included")
    void rawClientNumberRoundTrips() {
      String project = newProject();
      List<CallRecord> calls = new ArrayList<>();
      List<String> spellings = List.of("+380 (0)44 123-45-67", "00380501110001", "Anonymous", "", "8 (912) 345-67-89");
      for (int i = 0; i < spellings.size(); i++) {
        Instant start = BASE.plusSeconds(i);
        calls.add(CallRecord.builder("raw-" + i, Direction.IN, start, start.plusSeconds(30))
            .client(spellings.get(i)).build());
      }
      store(project, calls);

      assertThat(readAll(project)).containsExactlyInAnyOrderElementsOf(calls);
    }

    @Test
    @DisplayName("R1: instants come back exactly, to the precision the source declares")
    void instantsRoundTripToDeclaredPrecision() {
      String project = newProject();
      Instant start = Instant.parse("2026-03-02T08:00:00.123456789Z").truncatedTo(instantPrecision());
      Instant answer = Instant.parse("2026-03-02T08:00:07.000000001Z").truncatedTo(instantPrecision());
      Instant end = Instant.parse("2026-03-02T08:01:39.999999999Z").truncatedTo(instantPrecision());
      CallRecord call = CallRecord.builder("precise", Direction.CALLBACK, start, end)
          .client("+15550100").answeredAt(answer).build();
      store(project, List.of(call));

      assertThat(readAll(project)).singleElement().satisfies(read -> {
        assertThat(read.startedAt()).isEqualTo(start);
        assertThat(read.answeredAt()).isEqualTo(answer);
        assertThat(read.endedAt()).isEqualTo(end);
      });
      assertThat(read(project, start, start)).containsExactly(call);
    }
  }

  @Nested
  @DisplayName("resources")
  class Resources {

    @Test
    @DisplayName("a stream closed after a few calls releases what it opened, and the source still works")
    void closedEarlyReleasesResources() {
      String project = newProject();
      List<CallRecord> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        calls.add(missed("c" + i, Duration.ofSeconds(i)));
      }
      store(project, calls);

      for (int round = 0; round < 3; round++) {
        try (Stream<CallRecord> stream = source().calls(project, BASE, BASE.plus(Duration.ofDays(1)), r -> { })) {
          Iterator<CallRecord> it = stream.iterator();
          assertThat(calls).contains(it.next(), it.next());
        }
        assertResourcesReleased();
      }
      assertThat(readAll(project)).hasSameSizeAs(calls);
      assertResourcesReleased();
    }

    @Test
    @DisplayName("a stream closed before it is read releases what it opened")
    void closedUnreadReleasesResources() {
      String project = newProject();
      store(project, List.of(missed("only", Duration.ZERO)));

      for (int round = 0; round < 3; round++) {
        source().calls(project, BASE, BASE.plus(Duration.ofDays(1)), r -> { }).close();
        assertResourcesReleased();
      }
    }

    @Test
    @DisplayName("a stream read to the end and closed releases what it opened")
    void readToEndReleasesResources() {
      String project = newProject();
      store(project, List.of(missed("one", Duration.ZERO), missed("two", Duration.ofSeconds(1))));

      assertThat(readAll(project)).hasSize(2);
      assertResourcesReleased();
    }
  }

  @Nested
  @DisplayName("capability claims")
  class Claims {

    @Test
    @DisplayName("a source that claims start order delivers calls ordered by start, ties included")
    void startOrderClaimIsHonest() {
      assumeTrue(source().deliversInStartOrder(), "the source does not claim start order");
      String project = newProject();
      List<CallRecord> calls = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        // Every third start repeats the one before, so that ties are delivered too.
        calls.add(missed("o" + i, Duration.ofSeconds(i - i / 3)));
      }
      List<CallRecord> shuffled = new ArrayList<>(calls);
      Collections.shuffle(shuffled, new Random(7));
      store(project, shuffled.subList(0, 30));
      store(project, shuffled.subList(30, 60));

      List<CallRecord> delivered = readAll(project);

      assertThat(delivered).containsExactlyInAnyOrderElementsOf(calls);
      assertThat(delivered).extracting(CallRecord::startedAt).isSorted();
      assertThat(read(project, BASE.plusSeconds(10), BASE.plusSeconds(30)))
          .extracting(CallRecord::startedAt).isSorted();
    }

    @Test
    @DisplayName("R1, R2: a source that claims unique ids never delivers two calls with one id")
    void uniqueIdClaimIsHonest() {
      assumeTrue(source().idsAreUnique(), "the source does not claim unique ids");
      String project = newProject();
      store(project, List.of(missed("dup", Duration.ZERO), missed("other", Duration.ofSeconds(1))));
      try {
        store(project, List.of(missed("dup", Duration.ofSeconds(5))));
      } catch (RuntimeException refused) {
        // Refusing the second record is one honest way to keep ids unique.
      }

      List<CallRecord> delivered = readAll(project);

      assertThat(delivered).extracting(CallRecord::id).doesNotHaveDuplicates().contains("dup", "other");
    }
  }
}
