package io.github.missedcalls;

import io.github.missedcalls.internal.ReasonClassifier;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a project decides about its report: its zone, business hours (R10), how client numbers
 * are normalized (R3) and the classifier's order and thresholds (R9).
 *
 * @param zone where business hours are read, dates of a window start, and times are shown
 * @param businessHours when the project answers calls
 * @param normalizer how client numbers are normalized
 * @param shortAbandon a call shorter than this is {@link MissedReason#ABANDONED_EARLY}
 * @param minConversation an answered call with a shorter conversation does not reach the client
 * @param reasonOrder the classifier's rules, first match wins
 * @param workflow deadlines, owners and lines (R14 to R17); {@link WorkflowSettings#none()} changes nothing
 */
public record ProjectSettings(
        ZoneId zone,
        BusinessHours businessHours,
        NumberNormalizer normalizer,
        Duration shortAbandon,
        Duration minConversation,
        List<MissedReason> reasonOrder,
        WorkflowSettings workflow) {

    /** Calls shorter than this were abandoned before anyone could answer (R9). */
    public static final Duration DEFAULT_SHORT_ABANDON = Duration.ofSeconds(10);
    /** Any answered call reaches the client unless a project says otherwise. */
    public static final Duration DEFAULT_MIN_CONVERSATION = Duration.ZERO;
    /** R9's order; every reason but {@link MissedReason#UNKNOWN}. */
    public static final List<MissedReason> DEFAULT_REASON_ORDER = List.of(
            MissedReason.SHORT_CONVERSATION,
            MissedReason.OUTSIDE_BUSINESS_HOURS,
            MissedReason.FORBIDDEN_DESTINATION,
            MissedReason.FORWARDING_NOT_CONFIGURED,
            MissedReason.ABANDONED_EARLY,
            MissedReason.ABANDONED_DURING_GREETING,
            MissedReason.ABANDONED_IN_IVR,
            MissedReason.ALL_MANAGERS_UNAVAILABLE,
            MissedReason.NOT_ANSWERED_BY_MANAGERS);

    /**
     * @throws NullPointerException if a value is {@code null}
     * @throws IllegalArgumentException if a threshold is negative or the order lists
     *     {@link MissedReason#UNKNOWN} or a reason twice
     */
    public ProjectSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(businessHours, "businessHours");
        Objects.requireNonNull(normalizer, "normalizer");
        Objects.requireNonNull(shortAbandon, "shortAbandon");
        Objects.requireNonNull(minConversation, "minConversation");
        if (shortAbandon.isNegative()) {
            throw new IllegalArgumentException("shortAbandon must not be negative: " + shortAbandon);
        }
        if (minConversation.isNegative()) {
            throw new IllegalArgumentException("minConversation must not be negative: " + minConversation);
        }
        reasonOrder = ReasonClassifier.checkOrder(reasonOrder);
        Objects.requireNonNull(workflow, "workflow");
    }

    /** Settings without a workflow ({@link WorkflowSettings#none()}), as before R14 to R17. */
    public ProjectSettings(
            ZoneId zone,
            BusinessHours businessHours,
            NumberNormalizer normalizer,
            Duration shortAbandon,
            Duration minConversation,
            List<MissedReason> reasonOrder) {
        this(zone, businessHours, normalizer, shortAbandon, minConversation, reasonOrder, WorkflowSettings.none());
    }

    /** UTC, always open, no country code, the default thresholds and order. */
    public static ProjectSettings defaults() {
        return builder().build();
    }

    /** Starts from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects a project's settings; every value has a default. */
    public static final class Builder {
        private ZoneId zone = ZoneOffset.UTC;
        private BusinessHours businessHours = BusinessHours.alwaysOpen();
        private @Nullable NumberNormalizer normalizer;
        private @Nullable String countryCode;
        private String trunkPrefix = DefaultNumberNormalizer.DEFAULT_TRUNK_PREFIX;
        private @Nullable String areaCode;
        private Duration shortAbandon = DEFAULT_SHORT_ABANDON;
        private Duration minConversation = DEFAULT_MIN_CONVERSATION;
        private List<MissedReason> reasonOrder = DEFAULT_REASON_ORDER;
        private WorkflowSettings workflow = WorkflowSettings.none();

        private Builder() {}

        /** The project's zone; default UTC. */
        public Builder zone(ZoneId value) {
            this.zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        /** Default: always open. */
        public Builder businessHours(BusinessHours value) {
            this.businessHours = Objects.requireNonNull(value, "businessHours");
            return this;
        }

        /** The country calling code for {@link DefaultNumberNormalizer}; ignored when {@link #normalizer} is set. */
        public Builder countryCode(@Nullable String value) {
            this.countryCode = value;
            return this;
        }

        /** The trunk prefix for {@link DefaultNumberNormalizer}; default {@code 0}. */
        public Builder trunkPrefix(String value) {
            this.trunkPrefix = Objects.requireNonNull(value, "trunkPrefix");
            return this;
        }

        /**
         * The area code for {@link DefaultNumberNormalizer#withAreaCode}: local numbers of 5 to 8
         * digits become numbers of that area; needs {@link #countryCode}; default none.
         */
        public Builder areaCode(@Nullable String value) {
            this.areaCode = value;
            return this;
        }

        /** A normalizer of your own, instead of {@link DefaultNumberNormalizer}. */
        public Builder normalizer(NumberNormalizer value) {
            this.normalizer = Objects.requireNonNull(value, "normalizer");
            return this;
        }

        /** Default {@link #DEFAULT_SHORT_ABANDON}. */
        public Builder shortAbandon(Duration value) {
            this.shortAbandon = Objects.requireNonNull(value, "shortAbandon");
            return this;
        }

        /** Default {@link #DEFAULT_MIN_CONVERSATION}. */
        public Builder minConversation(Duration value) {
            this.minConversation = Objects.requireNonNull(value, "minConversation");
            return this;
        }

        /** Default {@link #DEFAULT_REASON_ORDER}; a reason left out never applies. */
        public Builder reasonOrder(List<MissedReason> value) {
            this.reasonOrder = List.copyOf(value);
            return this;
        }

        /** Deadlines, owners and lines (R14 to R17); default {@link WorkflowSettings#none()}. */
        public Builder workflow(WorkflowSettings value) {
            this.workflow = Objects.requireNonNull(value, "workflow");
            return this;
        }

        /**
         * @throws IllegalArgumentException if a threshold is negative, the reason order lists
         *     {@link MissedReason#UNKNOWN} or a reason twice, the country code, trunk prefix or area
         *     code is not digits, or an area code is given without a country code
         */
        public ProjectSettings build() {
            NumberNormalizer chosen = normalizer;
            if (chosen == null) {
                if (countryCode == null) {
                    if (areaCode != null) {
                        throw new IllegalArgumentException("an area code needs a country code");
                    }
                    chosen = DefaultNumberNormalizer.withoutCountryCode();
                } else {
                    DefaultNumberNormalizer national = DefaultNumberNormalizer.forCountry(countryCode, trunkPrefix);
                    chosen = areaCode == null ? national : national.withAreaCode(areaCode);
                }
            }
            return new ProjectSettings(
                    zone, businessHours, chosen, shortAbandon, minConversation, reasonOrder, workflow);
        }
    }
}
