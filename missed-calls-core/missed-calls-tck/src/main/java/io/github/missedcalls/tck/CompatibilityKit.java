package io.github.missedcalls.tck;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What every kit shares: one instance per test class, so that what an extension opens in a field
 * initializer (a pool, tables, a directory) is opened once, and closed by the kit after the last
 * test when registered with {@link #closeAfterAll}. An extension then needs no set-up or
 * tear-down methods of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CompatibilityKit {

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    CompatibilityKit() {}

    /**
     * Registers a resource the kit closes after the class's last test, the last registered first.
     *
     * @return the resource, so that a field can be initialized with it
     */
    protected final <T extends AutoCloseable> T closeAfterAll(T resource) {
        toClose.push(resource);
        return resource;
    }

    @AfterAll
    final void closeRegistered() throws Exception {
        @Nullable Exception first = null;
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
