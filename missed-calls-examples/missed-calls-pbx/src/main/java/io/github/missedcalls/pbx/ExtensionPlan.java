package io.github.missedcalls.pbx;

import io.github.missedcalls.Direction;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Tells the company's extensions from external numbers, which a PBX's files do not: both are
 * just the caller's and the dialled number. That decides a call's direction (R1) and which party
 * is the client.
 *
 * <ol>
 *   <li>A caller that is an extension, dialling an external number (after the outbound prefix,
 *       if the plan has one, is removed), makes an {@link Direction#OUT} call to that number.
 *   <li>A caller that is an extension dialling anything else (another extension, a feature code,
 *       a queue) makes an {@link Direction#INTERNAL} call.
 *   <li>Any other caller, withheld included, makes an {@link Direction#IN} call.
 * </ol>
 *
 * <p>An external number is 3 to 15 digits, optionally after a {@code +}, that is not an
 * extension. Immutable and thread-safe.
 */
public final class ExtensionPlan {

    // E.164 allows at most 15 digits; fewer than 3 is a feature code or an emergency short number.
    private static final Pattern EXTERNAL = Pattern.compile("\\+?[0-9]{3,15}");

    private final Pattern extension;
    private final String outboundPrefix;

    private ExtensionPlan(Pattern extension, String outboundPrefix) {
        this.extension = extension;
        this.outboundPrefix = outboundPrefix;
    }

    /**
     * Extensions are the numbers the whole of which matches {@code regex}, e.g. {@code 1[0-9]{2}}
     * for 100 to 199, or {@code (PJSIP|SIP)/.*|[0-9]{3}}.
     *
     * @throws IllegalArgumentException if the expression is not a valid regular expression
     */
    public static ExtensionPlan matching(String regex) {
        Objects.requireNonNull(regex, "regex");
        try {
            return new ExtensionPlan(Pattern.compile(regex), "");
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a regular expression: " + regex, e);
        }
    }

    /**
     * Extensions are the numbers of {@code minDigits} to {@code maxDigits} digits.
     *
     * @throws IllegalArgumentException if the bounds are not 1 &le; min &le; max &le; 15
     */
    public static ExtensionPlan ofLength(int minDigits, int maxDigits) {
        if (minDigits < 1 || maxDigits < minDigits || maxDigits > 15) {
            throw new IllegalArgumentException(
                    "extension lengths must satisfy 1 <= min <= max <= 15: " + minDigits + ", " + maxDigits);
        }
        return new ExtensionPlan(Pattern.compile("[0-9]{" + minDigits + "," + maxDigits + "}"), "");
    }

    /**
     * The same plan, where employees dial {@code prefix} before an external number (a {@code 9}
     * for an outside line, say): the prefix is removed before the number becomes the client's.
     *
     * @throws IllegalArgumentException if the prefix is not 1 to 4 digits
     */
    public ExtensionPlan withOutboundPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.matches("[0-9]{1,4}")) {
            throw new IllegalArgumentException("outbound prefix must be 1 to 4 digits: " + prefix);
        }
        return new ExtensionPlan(extension, prefix);
    }

    /** Whether a number is one of the company's extensions; blank and {@code null} are not. */
    public boolean isExtension(@Nullable String number) {
        if (number == null || number.isBlank()) {
            return false;
        }
        return extension.matcher(number.strip()).matches();
    }

    /**
     * The external number an employee dialled, without the outbound prefix; {@code null} when
     * {@code dialled} is no external number (an extension, a feature code, {@code s}).
     */
    public @Nullable String externalNumber(@Nullable String dialled) {
        if (dialled == null) {
            return null;
        }
        String number = dialled.strip();
        if (!outboundPrefix.isEmpty() && number.startsWith(outboundPrefix)) {
            String rest = number.substring(outboundPrefix.length());
            if (isExternal(rest)) {
                return rest;
            }
        }
        return isExternal(number) ? number : null;
    }

    /** Whether a number is external: 3 to 15 digits, optionally after {@code +}, and no extension. */
    public boolean isExternal(@Nullable String number) {
        return number != null && EXTERNAL.matcher(number.strip()).matches() && !isExtension(number);
    }

    /** The direction of a call from {@code caller} to {@code dialled}, by the rules above. */
    public Direction direction(@Nullable String caller, @Nullable String dialled) {
        if (!isExtension(caller)) {
            return Direction.IN;
        }
        return externalNumber(dialled) == null ? Direction.INTERNAL : Direction.OUT;
    }

    @Override
    public String toString() {
        return "ExtensionPlan[extensions " + extension.pattern()
                + (outboundPrefix.isEmpty() ? "" : ", outbound prefix " + outboundPrefix) + "]";
    }
}
