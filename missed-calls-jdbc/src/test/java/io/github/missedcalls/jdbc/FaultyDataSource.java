package io.github.missedcalls.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A data source whose connections fail on purpose, the way a network or a server fails: a
 * result set that dies after some rows, an update that never reaches the server, or one that
 * ran but whose reply was lost. Everything else goes to the real connection.
 */
final class FaultyDataSource implements DataSource {

    /** SQLState class 08: the connection failed. */
    private static final String CONNECTION_FAILURE = "08006";

    private final DataSource real;
    private volatile int rowsBeforeFailure = -1;
    private volatile boolean failBeforeUpdate;
    private volatile boolean failAfterUpdate;
    private volatile boolean hideDriver;
    private final AtomicInteger injected = new AtomicInteger();

    FaultyDataSource(DataSource real) {
        this.real = real;
    }

    /** Every result set opened from now dies after this many rows. */
    FaultyDataSource resultSetsDieAfter(int rows) {
        this.rowsBeforeFailure = rows;
        return this;
    }

    /** Connections from now hide the driver behind them, as a proxy that does not unwrap would. */
    FaultyDataSource hidesDriver() {
        this.hideDriver = true;
        return this;
    }

    /** The next update fails before it reaches the server. */
    FaultyDataSource nextUpdateFailsBeforeRunning() {
        this.failBeforeUpdate = true;
        return this;
    }

    /** The next update runs, and its reply is lost. */
    FaultyDataSource nextUpdateLosesItsReply() {
        this.failAfterUpdate = true;
        return this;
    }

    /** How many failures were injected. */
    int injected() {
        return injected.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(Connection.class, real.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(Connection.class, real.getConnection(username, password));
    }

    private <T> T wrap(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> handle(type, target, method, args);
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
    }

    private @Nullable Object handle(Class<?> type, Object target, Method method, Object @Nullable [] args)
            throws Throwable {
        String name = method.getName();
        if (type == Connection.class && hideDriver && name.equals("isWrapperFor")) {
            return false;
        }
        if (type == Connection.class && hideDriver && name.equals("unwrap")) {
            throw new SQLException("this proxy does not unwrap");
        }
        if (type == PreparedStatement.class && name.equals("executeUpdate") && failBeforeUpdate) {
            failBeforeUpdate = false;
            throw injectedFailure("the update never reached the server");
        }
        Object result = invoke(target, method, args);
        if (type == PreparedStatement.class && name.equals("executeUpdate") && failAfterUpdate) {
            failAfterUpdate = false;
            throw injectedFailure("the update ran, but its reply was lost");
        }
        if (result instanceof PreparedStatement statement && type == Connection.class) {
            return wrap(PreparedStatement.class, statement);
        }
        if (result instanceof ResultSet resultSet && rowsBeforeFailure >= 0) {
            return dying(resultSet, rowsBeforeFailure);
        }
        return result;
    }

    private ResultSet dying(ResultSet resultSet, int rows) {
        AtomicInteger read = new AtomicInteger();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("next") && read.getAndIncrement() >= rows) {
                throw injectedFailure("the connection died while rows were read");
            }
            return invoke(resultSet, method, args);
        };
        return (ResultSet)
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ResultSet.class}, handler);
    }

    private SQLException injectedFailure(String what) {
        injected.incrementAndGet();
        return new SQLException("injected: " + what, CONNECTION_FAILURE);
    }

    private static @Nullable Object invoke(Object target, Method method, Object @Nullable [] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return real.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        real.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        real.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return real.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return real.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return real.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return real.isWrapperFor(iface);
    }
}
