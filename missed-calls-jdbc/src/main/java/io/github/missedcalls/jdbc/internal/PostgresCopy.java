package io.github.missedcalls.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The rows of one {@code COPY (SELECT ...) TO STDOUT (FORMAT binary)}, read with PostgreSQL's
 * driver and decoded in place: a field is read from the driver's message without a copy, and
 * a text column whose values repeat (a direction, a line) gives the same {@link String} for
 * the same bytes instead of a new one per row.
 *
 * <p>COPY is the server's bulk path: no cursor, no round trip per fetch, rows sent as fast as
 * the socket takes them. The select's columns must be {@code text}, {@code timestamptz} or
 * {@code timestamp}; the caller casts. Used by one thread at a time.
 */
public final class PostgresCopy implements AutoCloseable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final byte[] NO_BYTES = {};
    // 2000-01-01T00:00:00Z, the origin of PostgreSQL's binary timestamps, in Unix seconds.
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    // Rows (one message each) read and dropped when a COPY is closed early, before it is cancelled instead.
    private static final int DRAINED_MESSAGES = 10_000;
    private static final String QUERY_CANCELED = "57014";

    private final PGConnection server;
    private final CopyOut copy;
    private final int columns;
    private final byte[][] arrays;
    private final int[] offsets;
    private final int[] lengths;
    private final @Nullable Words[] words;
    private byte[] message = NO_BYTES;
    private int position;
    private boolean finished;
    private boolean closed;

    private PostgresCopy(PGConnection server, CopyOut copy, boolean[] repeating) {
        this.server = server;
        this.copy = copy;
        this.columns = repeating.length;
        this.arrays = new byte[columns][];
        this.offsets = new int[columns];
        this.lengths = new int[columns];
        this.words = new Words[columns];
        for (int i = 0; i < columns; i++) {
            words[i] = repeating[i] ? new Words() : null;
        }
    }

    /** Whether the connection is PostgreSQL's driver's, behind whatever pool wraps it. */
    public static boolean isAvailable(Connection connection) {
        try {
            return connection.isWrapperFor(PGConnection.class);
        } catch (SQLException | LinkageError e) {
            return false;
        }
    }

    /**
     * Starts a COPY and reads its header.
     *
     * @param sql {@code COPY (...) TO STDOUT (FORMAT binary)}
     * @param repeating per column (1-based columns at index - 1): whether its values repeat
     * @throws SQLException if the server refuses the statement
     */
    public static PostgresCopy start(Connection connection, String sql, boolean[] repeating) throws SQLException {
        PGConnection server = connection.unwrap(PGConnection.class);
        CopyOut copy = server.getCopyAPI().copyOut(sql);
        PostgresCopy rows = new PostgresCopy(server, copy, repeating);
        try {
            rows.readHeader();
        } catch (SQLException | RuntimeException e) {
            rows.close();
            throw e;
        }
        return rows;
    }

    private void readHeader() throws SQLException {
        for (byte expected : SIGNATURE) {
            if (readByte() != expected) {
                throw malformed("not a binary COPY header");
            }
        }
        readInt(); // flags: bit 16 (OIDs) is never set for a query
        int extension = readInt();
        for (int i = 0; i < extension; i++) {
            readByte();
        }
    }

    /** Moves to the next row; false at the end of the data. */
    public boolean next() throws SQLException {
        if (finished) {
            return false;
        }
        int count = readShort();
        if (count == -1) {
            finished = true;
            // The driver ends the COPY when it reads the server's CopyDone; nothing follows the trailer.
            while (copy.readFromCopy() != null) {
                // drains
            }
            return false;
        }
        if (count != columns) {
            throw malformed("a row of " + count + " fields where " + columns + " were selected");
        }
        for (int i = 0; i < columns; i++) {
            int length = readInt();
            lengths[i] = length;
            if (length < 0) {
                continue;
            }
            if (message.length - position >= length) {
                arrays[i] = message;
                offsets[i] = position;
                position += length;
            } else {
                // A field across two messages: the server sends one message a row, so this is rare.
                byte[] field = new byte[length];
                for (int j = 0; j < length; j++) {
                    field[j] = readByte();
                }
                arrays[i] = field;
                offsets[i] = 0;
            }
        }
        return true;
    }

    /** A text column of the current row (1-based); {@code null} for SQL NULL. */
    public @Nullable String text(int column) {
        int i = column - 1;
        int length = lengths[i];
        if (length < 0) {
            return null;
        }
        Words known = words[i];
        return known != null
                ? known.of(arrays[i], offsets[i], length)
                : new String(arrays[i], offsets[i], length, StandardCharsets.UTF_8);
    }

    /**
     * A {@code timestamptz} column of the current row (1-based); {@code null} for SQL NULL.
     * PostgreSQL's {@code infinity} and {@code -infinity} are {@link Instant#MAX} and {@link Instant#MIN}.
     */
    public @Nullable Instant instant(int column) throws SQLException {
        int i = column - 1;
        if (lengths[i] < 0) {
            return null;
        }
        long micros = timestampMicros(i);
        if (micros == Long.MAX_VALUE) {
            return Instant.MAX;
        }
        if (micros == Long.MIN_VALUE) {
            return Instant.MIN;
        }
        return Instant.ofEpochSecond(
                POSTGRES_EPOCH_SECONDS + Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1_000L);
    }

    /** A {@code timestamp} column (no zone) of the current row (1-based); {@code null} for SQL NULL or infinity. */
    public @Nullable LocalDateTime localDateTime(int column) throws SQLException {
        int i = column - 1;
        if (lengths[i] < 0) {
            return null;
        }
        long micros = timestampMicros(i);
        if (micros == Long.MAX_VALUE) {
            return LocalDateTime.MAX;
        }
        if (micros == Long.MIN_VALUE) {
            return LocalDateTime.MIN;
        }
        return LocalDateTime.ofEpochSecond(
                POSTGRES_EPOCH_SECONDS + Math.floorDiv(micros, MICROS_PER_SECOND),
                (int) (Math.floorMod(micros, MICROS_PER_SECOND) * 1_000L),
                ZoneOffset.UTC);
    }

    private long timestampMicros(int i) throws SQLException {
        if (lengths[i] != Long.BYTES) {
            throw malformed("a timestamp of " + lengths[i] + " bytes");
        }
        byte[] a = arrays[i];
        int p = offsets[i];
        long value = 0;
        for (int k = 0; k < Long.BYTES; k++) {
            value = (value << 8) | (a[p + k] & 0xFF);
        }
        return value;
    }

    private byte readByte() throws SQLException {
        if (position == message.length) {
            byte[] more = copy.readFromCopy();
            if (more == null) {
                throw malformed("the data ended inside a row");
            }
            message = more;
            position = 0;
            if (more.length == 0) {
                return readByte();
            }
        }
        return message[position++];
    }

    private int readShort() throws SQLException {
        if (message.length - position >= 2) {
            int value = (short) (((message[position] & 0xFF) << 8) | (message[position + 1] & 0xFF));
            position += 2;
            return value;
        }
        return (short) (((readByte() & 0xFF) << 8) | (readByte() & 0xFF));
    }

    private int readInt() throws SQLException {
        if (message.length - position >= 4) {
            byte[] m = message;
            int p = position;
            position += 4;
            return ((m[p] & 0xFF) << 24) | ((m[p + 1] & 0xFF) << 16) | ((m[p + 2] & 0xFF) << 8) | (m[p + 3] & 0xFF);
        }
        int value = 0;
        for (int k = 0; k < 4; k++) {
            value = (value << 8) | (readByte() & 0xFF);
        }
        return value;
    }

    private static SQLException malformed(String what) {
        return new SQLException("unexpected data from PostgreSQL's binary COPY: " + what);
    }

    /**
     * Ends the COPY, so that the connection can be used again. The rest of a COPY not read to
     * its end is read and dropped when it is short; a long one is cancelled on the server, and
     * what was already sent is read until the server says it stopped. (The driver's own
     * {@code cancelCopy} leaves that in the socket, where the next statement would read it.)
     */
    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < DRAINED_MESSAGES; i++) {
            if (!copy.isActive() || copy.readFromCopy() == null) {
                return;
            }
        }
        server.cancelQuery();
        try {
            while (copy.isActive() && copy.readFromCopy() != null) {
                // drops what the server sent before it stopped
            }
        } catch (SQLException e) {
            if (!QUERY_CANCELED.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /**
     * The strings of one column by their bytes, so that a value seen before costs a hash and a
     * comparison instead of a decoded string. Bounded: a column of unique values stops filling it.
     */
    private static final class Words {
        private static final int LIMIT = 1_024;
        private byte[][] keys = new byte[64][];
        private String[] values = new String[64];
        private int size;

        String of(byte[] array, int offset, int length) {
            int hash = 1;
            for (int k = offset; k < offset + length; k++) {
                hash = 31 * hash + array[k];
            }
            int mask = keys.length - 1;
            int slot = (hash ^ (hash >>> 16)) & mask;
            for (byte[] key = keys[slot]; key != null; key = keys[slot]) {
                if (Arrays.equals(key, 0, key.length, array, offset, offset + length)) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
            String value = new String(array, offset, length, StandardCharsets.UTF_8);
            if (size < LIMIT) {
                keys[slot] = Arrays.copyOfRange(array, offset, offset + length);
                values[slot] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
            }
            return value;
        }

        private void grow() {
            byte[][] oldKeys = keys;
            String[] oldValues = values;
            keys = new byte[oldKeys.length * 2][];
            values = new String[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                byte[] key = oldKeys[i];
                if (key == null) {
                    continue;
                }
                int hash = 1;
                for (byte b : key) {
                    hash = 31 * hash + b;
                }
                int slot = (hash ^ (hash >>> 16)) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                values[slot] = oldValues[i];
            }
        }
    }
}
