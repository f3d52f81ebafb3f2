package io.github.missedcalls.pbx;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.spi.CallSource;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** Test fixtures of the adapters: files next to the test class, and what a source delivers. */
public final class SourceFixtures {

    private SourceFixtures() {}

    /** A resource in the anchor's package, as a file. */
    public static Path resource(Class<?> anchor, String name) {
        URL url = Objects.requireNonNull(anchor.getResource(name), () -> "no test resource " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What one read of a source gave. */
    public record Delivered(List<CallRecord> calls, List<Rejection> rejections) {

        /** The calls by id, in delivery order. */
        public Map<String, CallRecord> byId() {
            Map<String, CallRecord> byId = new LinkedHashMap<>();
            calls.forEach(call -> byId.put(call.id(), call));
            return byId;
        }

        /** The call with this id; fails the test when there is none. */
        public CallRecord call(String id) {
            return Objects.requireNonNull(byId().get(id), () -> "no call " + id + " among " + byId().keySet());
        }
    }

    /** Reads every call of a project from a source. */
    public static Delivered read(CallSource source, String project) {
        List<Rejection> rejections = new ArrayList<>();
        try (Stream<CallRecord> calls =
                source.calls(project, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), rejections::add)) {
            List<CallRecord> list = calls.toList();
            return new Delivered(list, rejections);
        }
    }
}
