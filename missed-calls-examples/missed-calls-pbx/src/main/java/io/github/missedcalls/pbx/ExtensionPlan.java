package io.github.missedcalls.pbx;

import io.github.missedcalls.Direction;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Tells the company's extensions from external numbers, which a PBX's files do not: both are
 * just the caller's and the dialled number. That decides a call's direction (R1) and which party
 * is the client.
 *
 * <ol>
 *   <li>A caller that is the company's (an extension, or one of its own numbers: a DID, the main
 *       number that click-to-call shows), dialling a client's number (an external number, after
 *       the outbound prefix, if the plan has one, is removed, that is no company number), makes
 *       an {@link Direction#OUT} call to that number.
 *   <li>A caller that is the company's dialling anything else (an extension, another company
 *       number, a feature code, a queue) makes an {@link Direction#INTERNAL} call.
 *   <li>Any other caller, withheld included, makes an {@link Direction#IN} call.
 * </ol>
 *
 * <p>An external number is 3 to 15 digits, optionally after a {@code +}, that is not an
 * extension. A company number matches a number with the same digits, leading {@code +} and
 * zeros aside, or one that ends with them when the shorter has at least 7 digits: so
 * {@code 380441234567}, {@code +380441234567} and {@code 0441234567} are one number. Immutable
 * and thread-safe.
 */
public final class ExtensionPlan {

    // E.164 allows at most 15 digits; fewer than 3 is a feature code or an emergency short number.
    private static final Pattern EXTERNAL = Pattern.compile("\\+?[0-9]{3,15}");

    // Fewer digits than this could be another country's or area's number ending the same way.
    private static final int MIN_SUFFIX_DIGITS = 7;

    private final Pattern extension;
    private final String outboundPrefix;
    private final Set<String> companyNumbers;

    private ExtensionPlan(Pattern extension, String outboundPrefix, Set<String> companyNumbers) {
        this.extension = extension;
        this.outboundPrefix = outboundPrefix;
        this.companyNumbers = companyNumbers;
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
            return new ExtensionPlan(Pattern.compile(regex), "", Set.of());
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
        return new ExtensionPlan(Pattern.compile("[0-9]{" + minDigits + "," + maxDigits + "}"), "", Set.of());
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
        return new ExtensionPlan(extension, prefix, companyNumbers);
    }

    /**
     * The same plan, with the company's own numbers beside its extensions: DIDs, the main number,
     * the numbers click-to-call and call-through show as caller ID. A call from one of them is
     * never a client's call. Added to any given before.
     *
     * @throws IllegalArgumentException if a number has fewer than 3 or more than 15 digits
     */
    public ExtensionPlan withCompanyNumbers(Collection<String> numbers) {
        Set<String> all = new TreeSet<>(companyNumbers);
        for (String number : numbers) {
            String digits = significantDigits(Objects.requireNonNull(number, "number"));
            if (!number.strip().matches("\\+?[0-9 ()./-]+") || digits.length() < 3 || digits.length() > 15) {
                throw new IllegalArgumentException("a company number is 3 to 15 digits: '" + number + "'");
            }
            all.add(digits);
        }
        return new ExtensionPlan(extension, outboundPrefix, Set.copyOf(all));
    }

    /** As {@link #withCompanyNumbers(Collection)}. */
    public ExtensionPlan withCompanyNumbers(String... numbers) {
        return withCompanyNumbers(Arrays.asList(numbers));
    }

    /** The company numbers given, as their digits without leading {@code +} and zeros, sorted. */
    public List<String> companyNumbers() {
        return List.copyOf(new TreeSet<>(companyNumbers));
    }

    /** Whether a number is one of the company's own numbers (see the class comment for how they match). */
    public boolean isCompanyNumber(@Nullable String number) {
        if (number == null || companyNumbers.isEmpty()) {
            return false;
        }
        String digits = significantDigits(number);
        if (digits.isEmpty()) {
            return false;
        }
        if (companyNumbers.contains(digits)) {
            return true;
        }
        for (String company : companyNumbers) {
            boolean companyIsShorter = company.length() < digits.length();
            String shorter = companyIsShorter ? company : digits;
            String longer = companyIsShorter ? digits : company;
            if (shorter.length() >= MIN_SUFFIX_DIGITS && longer.endsWith(shorter)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a caller is the company: one of its extensions or its own numbers. */
    public boolean isCompany(@Nullable String number) {
        return isExtension(number) || isCompanyNumber(number);
    }

    private static String significantDigits(String number) {
        StringBuilder digits = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9' && (c != '0' || digits.length() > 0)) {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** Whether a number is one of the company's extensions; blank and {@code null} are not. */
    public boolean isExtension(@Nullable String number) {
        if (number == null || number.isBlank()) {
            return false;
        }
        return extension.matcher(number.strip()).matches();
    }

    /**
     * The client's number an employee dialled, without the outbound prefix; {@code null} when
     * {@code dialled} is no external number (an extension, a feature code, {@code s}) or is one
     * of the company's numbers.
     */
    public @Nullable String externalNumber(@Nullable String dialled) {
        if (dialled == null) {
            return null;
        }
        String number = dialled.strip();
        if (!outboundPrefix.isEmpty() && number.startsWith(outboundPrefix)) {
            String rest = number.substring(outboundPrefix.length());
            if (isCompanyNumber(rest)) {
                return null;
            }
            if (isExternal(rest)) {
                return rest;
            }
        }
        return isExternal(number) && !isCompanyNumber(number) ? number : null;
    }

    /** Whether a number is external: 3 to 15 digits, optionally after {@code +}, and no extension. */
    public boolean isExternal(@Nullable String number) {
        return number != null && EXTERNAL.matcher(number.strip()).matches() && !isExtension(number);
    }

    /** The direction of a call from {@code caller} to {@code dialled}, by the rules above. */
    public Direction direction(@Nullable String caller, @Nullable String dialled) {
        if (!isCompany(caller)) {
            return Direction.IN;
        }
        return externalNumber(dialled) == null ? Direction.INTERNAL : Direction.OUT;
    }

    @Override
    public String toString() {
        return "ExtensionPlan[extensions " + extension.pattern()
                + (outboundPrefix.isEmpty() ? "" : ", outbound prefix " + outboundPrefix)
                + (companyNumbers.isEmpty() ? "" : ", company numbers " + companyNumbers()) + "]";
    }
}
