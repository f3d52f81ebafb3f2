package io.github.missedcalls.jdbc.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks table and column names that come from configuration. Only plain names pass, so a
 * configured name can never carry SQL; they are quoted as well when SQL is built.
 */
public final class Identifiers {

    /** Leaves room under PostgreSQL's 63-character limit for the suffixes of index names. */
    public static final int MAX_LENGTH = 50;

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Identifiers() {}

    /**
     * Checks a column name (or any unqualified name).
     *
     * @param what what the name is for, as the error message says it ("the id column")
     * @return the name
     * @throws IllegalArgumentException if the name is not plain
     */
    public static String checkPlain(String what, String name) {
        Objects.requireNonNull(name, what);
        if (name.length() > MAX_LENGTH || !PLAIN.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be a plain name (a letter or _, then letters, digits"
                    + " or _, at most " + MAX_LENGTH + " characters), not " + shown(name));
        }
        return name;
    }

    /**
     * Checks a table name, optionally qualified by its schema ({@code crm.calls}).
     *
     * @throws IllegalArgumentException if either part is not plain
     */
    public static String checkQualified(String what, String name) {
        Objects.requireNonNull(name, what);
        int dot = name.indexOf('.');
        if (dot < 0) {
            return checkPlain(what, name);
        }
        try {
            checkPlain(what, name.substring(0, dot));
            checkPlain(what, name.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    what + " must be a plain name or schema.name, each part a letter or _,"
                            + " then letters, digits or _, at most " + MAX_LENGTH + " characters; not " + shown(name),
                    e);
        }
        return name;
    }

    /** The part of a possibly qualified name after its schema. */
    public static String unqualified(String name) {
        return name.substring(name.indexOf('.') + 1);
    }

    /** Quotes a hostile name for an error message without letting it break the message's line. */
    private static String shown(String name) {
        StringBuilder shown = new StringBuilder("'");
        for (int i = 0; i < name.length() && i < 80; i++) {
            char c = name.charAt(i);
            shown.append(Character.isISOControl(c) ? '?' : c);
        }
        return shown.append(name.length() > 80 ? "...'" : "'").toString();
    }
}
