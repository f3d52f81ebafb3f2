/**
 * missed-calls over JDBC: reads a project's calls from the user's table or the library's own,
 * writes the library's calls table, and keeps manual handles, on PostgreSQL, MariaDB/MySQL
 * and H2.
 */
module io.github.missedcalls.jdbc {
    requires transitive io.github.missedcalls.core;
    requires transitive java.sql;
    requires static org.jspecify;
    requires org.slf4j;
    requires static org.postgresql.jdbc;

    exports io.github.missedcalls.jdbc;
    exports io.github.missedcalls.jdbc.dialect;
}
