/**
 * missed-calls over JDBC.
 *
 * <ol>
 *   <li>{@link io.github.missedcalls.jdbc.JdbcSchema#create} creates the library's tables
 *       (the DDL ships per database under {@code io/github/missedcalls/jdbc/schema/});
 *   <li>{@link io.github.missedcalls.jdbc.JdbcCallSource} reads a project's calls, from the
 *       library's table or from the user's own through a
 *       {@link io.github.missedcalls.jdbc.CallTableMapping};
 *   <li>{@link io.github.missedcalls.jdbc.JdbcHandleStore} keeps manual handles;
 *   <li>{@link io.github.missedcalls.jdbc.JdbcCallWriter} fills the library's calls table.
 * </ol>
 *
 * <p>Every class takes a {@link javax.sql.DataSource}, borrows a connection per operation and
 * gives it back. A connection handed out with auto-commit off belongs to a transaction the
 * caller manages: it is never committed or rolled back here.
 */
@NullMarked
package io.github.missedcalls.jdbc;

import org.jspecify.annotations.NullMarked;
