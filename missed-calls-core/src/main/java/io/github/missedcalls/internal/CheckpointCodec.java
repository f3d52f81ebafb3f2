package io.github.missedcalls.internal;

import io.github.missedcalls.CallbackAttempt;
import io.github.missedcalls.HandleReason;
import io.github.missedcalls.MissedCall;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.ReportCheckpoint;
import io.github.missedcalls.Resolution;
import io.github.missedcalls.ResolutionKind;
import io.github.missedcalls.UnprocessedRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ReportCheckpoint} as bytes, for a {@link io.github.missedcalls.spi.CheckpointStore}: a
 * versioned binary form of every value but the settings, which cannot be written in general (a
 * normalizer is code). In their place goes a fingerprint of the settings' description; a
 * checkpoint read back with settings of another fingerprint is not used, and the refresh reads
 * the whole window. Settings whose normalizer does not describe itself (the default
 * {@code Object.toString}) get no fingerprint that could match: a checkpoint of theirs is never
 * read back.
 */
public final class CheckpointCodec {

    private static final int MAGIC = 0x4D43434B;
    private static final int VERSION = 1;
    private static final Pattern IDENTITY_TO_STRING = Pattern.compile(".*@[0-9a-f]+$");

    private CheckpointCodec() {}

    public static byte[] encode(ReportCheckpoint checkpoint) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            string(out, fingerprint(checkpoint.settings()));
            string(out, checkpoint.project());
            instant(out, checkpoint.from());
            out.writeBoolean(checkpoint.strict());
            instant(out, checkpoint.watermark());
            out.writeInt(checkpoint.open().size());
            for (UnprocessedRow row : checkpoint.open()) {
                string(out, row.client());
                calls(out, row.calls());
                attempts(out, row.callbackAttempts());
                out.writeLong(row.waiting().getSeconds());
                out.writeInt(row.waiting().getNano());
                nullableInstant(out, row.due());
                nullable(out, row.owner());
            }
            out.writeInt(checkpoint.processed().size());
            for (ProcessedRow row : checkpoint.processed()) {
                string(out, row.client());
                calls(out, row.calls());
                attempts(out, row.callbackAttempts());
                Resolution resolution = row.resolution();
                string(out, resolution.kind().name());
                instant(out, resolution.resolvedAt());
                nullable(out, resolution.resolvedBy());
                HandleReason reason = resolution.handleReason();
                nullable(out, reason == null ? null : reason.name());
                nullable(out, resolution.note());
                nullable(out, resolution.callId());
                nullableInstant(out, row.due());
                nullable(out, row.owner());
            }
            out.writeInt(checkpoint.rejections().size());
            for (Rejection rejection : checkpoint.rejections()) {
                string(out, rejection.kind().name());
                nullable(out, rejection.id());
                Long line = rejection.line();
                out.writeBoolean(line != null);
                out.writeLong(line == null ? 0 : line);
                string(out, rejection.reason());
            }
            out.writeLong(checkpoint.anonymousMissed());
            out.writeLong(checkpoint.callsInWindow());
            nullableInstant(out, checkpoint.latestCallBeforeWindow());
            out.writeLong(checkpoint.sourceRows());
            out.writeLong(checkpoint.storedHandles());
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail to be written", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The checkpoint the bytes hold, with {@code settings}; empty when they were made with other
     * settings (by fingerprint) or by another version of this form.
     *
     * @throws IllegalArgumentException if the bytes are not a checkpoint (truncated, corrupt)
     */
    public static Optional<ReportCheckpoint> decode(byte[] bytes, ProjectSettings settings) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a missed-calls checkpoint");
            }
            if (in.readInt() != VERSION) {
                return Optional.empty();
            }
            String fingerprint = string(in);
            String expected = fingerprint(settings);
            if (expected.isEmpty() || !fingerprint.equals(expected)) {
                return Optional.empty();
            }
            String project = string(in);
            Instant from = instant(in);
            boolean strict = in.readBoolean();
            Instant watermark = instant(in);
            int openCount = in.readInt();
            List<UnprocessedRow> open = new ArrayList<>(openCount);
            for (int i = 0; i < openCount; i++) {
                String client = string(in);
                List<MissedCall> calls = calls(in);
                List<CallbackAttempt> attempts = attempts(in);
                Duration waiting = Duration.ofSeconds(in.readLong(), in.readInt());
                open.add(new UnprocessedRow(client, calls, attempts, waiting, nullableInstant(in), nullable(in)));
            }
            int processedCount = in.readInt();
            List<ProcessedRow> processed = new ArrayList<>(processedCount);
            for (int i = 0; i < processedCount; i++) {
                String client = string(in);
                List<MissedCall> calls = calls(in);
                List<CallbackAttempt> attempts = attempts(in);
                ResolutionKind kind = ResolutionKind.valueOf(string(in));
                Instant resolvedAt = instant(in);
                String resolvedBy = nullable(in);
                String reason = nullable(in);
                String note = nullable(in);
                String callId = nullable(in);
                Resolution resolution = new Resolution(
                        kind,
                        resolvedAt,
                        resolvedBy,
                        reason == null ? null : HandleReason.valueOf(reason),
                        note,
                        callId);
                processed.add(new ProcessedRow(client, calls, attempts, resolution, nullableInstant(in), nullable(in)));
            }
            int rejectionCount = in.readInt();
            List<Rejection> rejections = new ArrayList<>(rejectionCount);
            for (int i = 0; i < rejectionCount; i++) {
                Rejection.Kind kind = Rejection.Kind.valueOf(string(in));
                String id = nullable(in);
                boolean hasLine = in.readBoolean();
                long line = in.readLong();
                rejections.add(new Rejection(kind, id, hasLine ? line : null, string(in)));
            }
            long anonymousMissed = in.readLong();
            long callsInWindow = in.readLong();
            Instant latest = nullableInstant(in);
            long sourceRows = in.readLong();
            long storedHandles = in.readLong();
            if (in.read() != -1) {
                throw new IllegalArgumentException("a checkpoint with bytes after its end");
            }
            return Optional.of(new ReportCheckpoint(
                    project,
                    settings,
                    from,
                    strict,
                    watermark,
                    open,
                    processed,
                    rejections,
                    anonymousMissed,
                    callsInWindow,
                    latest,
                    sourceRows,
                    storedHandles));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable missed-calls checkpoint: " + e.getMessage(), e);
        }
    }

    /**
     * SHA-256 of the settings' description (records describe every component), or empty when a
     * normalizer does not describe itself.
     */
    static String fingerprint(ProjectSettings settings) {
        if (IDENTITY_TO_STRING.matcher(settings.normalizer().toString()).matches()) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((settings.normalizer().getClass().getName() + "|" + settings)
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void calls(DataOutputStream out, List<MissedCall> calls) throws IOException {
        out.writeInt(calls.size());
        for (MissedCall call : calls) {
            string(out, call.id());
            instant(out, call.startedAt());
            string(out, call.reason().name());
            nullable(out, call.line());
            nullable(out, call.employee());
        }
    }

    private static List<MissedCall> calls(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<MissedCall> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            calls.add(new MissedCall(
                    string(in), instant(in), MissedReason.valueOf(string(in)), nullable(in), nullable(in)));
        }
        return calls;
    }

    private static void attempts(DataOutputStream out, List<CallbackAttempt> attempts) throws IOException {
        out.writeInt(attempts.size());
        for (CallbackAttempt attempt : attempts) {
            string(out, attempt.id());
            instant(out, attempt.startedAt());
            nullable(out, attempt.employee());
            out.writeBoolean(attempt.reached());
        }
    }

    private static List<CallbackAttempt> attempts(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<CallbackAttempt> attempts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            attempts.add(new CallbackAttempt(string(in), instant(in), nullable(in), in.readBoolean()));
        }
        return attempts;
    }

    private static void instant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void nullableInstant(DataOutputStream out, @Nullable Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            instant(out, instant);
        }
    }

    private static @Nullable Instant nullableInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? instant(in) : null;
    }

    /** Length and UTF-8 bytes: {@code writeUTF} stops at 64 KB, and a note may be longer. */
    private static void string(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a string of " + length + " bytes where " + in.available() + " are left");
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void nullable(DataOutputStream out, @Nullable String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            string(out, text);
        }
    }

    private static @Nullable String nullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? string(in) : null;
    }
}
