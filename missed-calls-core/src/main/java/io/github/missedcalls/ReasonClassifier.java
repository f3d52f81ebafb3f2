package io.github.missedcalls;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Chooses why a call was missed (R9).
 *
 * <ol>
 *   <li>A reason stated by the source wins.
 *   <li>Otherwise the first rule in {@link ProjectSettings#reasonOrder()} that applies gives the
 *       reason; a rule left out of the order never applies.
 *   <li>A call that no rule fits is {@link MissedReason#UNKNOWN}, never an error.
 * </ol>
 *
 * <p>Immutable and thread-safe.
 */
public final class ReasonClassifier {

  private final ZoneId zone;
  private final BusinessHours hours;
  private final Duration shortAbandon;
  private final Duration minConversation;
  private final MissedReason[] order;

  /** The classifier a project's settings describe. */
  public ReasonClassifier(ProjectSettings settings) {
    this.zone = settings.zone();
    this.hours = settings.businessHours();
    this.shortAbandon = settings.shortAbandon();
    this.minConversation = settings.minConversation();
    this.order = settings.reasonOrder().toArray(MissedReason[]::new);
  }

  /**
   * Checks a rule order: no {@link MissedReason#UNKNOWN}, no reason twice.
   *
   * @throws IllegalArgumentException if the order breaks either
   */
  static List<MissedReason> checkOrder(List<MissedReason> order) {
    Set<MissedReason> seen = EnumSet.noneOf(MissedReason.class);
    for (MissedReason reason : order) {
      Objects.requireNonNull(reason, "reason");
      if (reason == MissedReason.UNKNOWN) {
        throw new IllegalArgumentException("UNKNOWN is what no rule gives; it cannot be a rule");
      }
      if (!seen.add(reason)) {
        throw new IllegalArgumentException("rule listed twice: " + reason);
      }
    }
    return List.copyOf(order);
  }

  /** The reason of a missed call; meaningful only for a client-initiated call that did not reach the client. */
  public MissedReason classify(CallRecord call) {
    MissedReason stated = call.statedReason();
    if (stated != null) {
      return stated;
    }
    for (MissedReason rule : order) {
      if (applies(rule, call)) {
        return rule;
      }
    }
    return MissedReason.UNKNOWN;
  }

  private boolean applies(MissedReason rule, CallRecord call) {
    Stage stage = call.stage();
    return switch (rule) {
      case SHORT_CONVERSATION -> call.isAnswered() && call.conversation().compareTo(minConversation) < 0;
      case OUTSIDE_BUSINESS_HOURS -> !hours.isAlwaysOpen()
          && !hours.isOpen(LocalDateTime.ofInstant(call.startedAt(), zone));
      case FORBIDDEN_DESTINATION -> stage == Stage.FORBIDDEN;
      case FORWARDING_NOT_CONFIGURED -> stage == Stage.NO_ROUTE;
      case ABANDONED_EARLY -> call.duration().compareTo(shortAbandon) < 0;
      case ABANDONED_DURING_GREETING -> stage == Stage.GREETING;
      case ABANDONED_IN_IVR -> stage == Stage.IVR;
      case ALL_MANAGERS_UNAVAILABLE -> stage == Stage.RINGING && call.managers() == Managers.UNAVAILABLE;
      case NOT_ANSWERED_BY_MANAGERS -> stage == Stage.RINGING && call.managers() != Managers.UNAVAILABLE;
      case UNKNOWN -> false;
    };
  }
}
