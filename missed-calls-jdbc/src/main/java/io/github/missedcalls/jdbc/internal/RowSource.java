package io.github.missedcalls.jdbc.internal;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** What a read yields, one item at a time: a call, or a rejection of a row that is not one. */
public interface RowSource extends AutoCloseable {

    /** The next item; {@code null} at the end. */
    @Nullable
    Object next() throws SQLException;

    /** Releases what the read holds; safe to call more than once, and after a failure. */
    @Override
    void close();
}
