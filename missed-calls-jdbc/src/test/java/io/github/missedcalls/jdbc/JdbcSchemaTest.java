package io.github.missedcalls.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.missedcalls.jdbc.dialect.Dialect;
import io.github.missedcalls.jdbc.internal.SqlDialect;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The shipped DDL")
class JdbcSchemaTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    @DisplayName("exists for every dialect and creates both tables only where absent")
    void shippedForEveryDialect(Dialect dialect) {
        String ddl = JdbcSchema.ddl(dialect);

        assertThat(ddl)
                .contains("CREATE TABLE IF NOT EXISTS missed_calls_calls")
                .contains("CREATE TABLE IF NOT EXISTS missed_calls_handles")
                .contains("PRIMARY KEY (project, client, handled_at, actor)")
                .contains("PRIMARY KEY (project, id)")
                .doesNotContain("DROP");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    @DisplayName("with other table names, names every table, index and key after them, quoted")
    void renamedThroughout(Dialect dialect) {
        List<String> statements =
                JdbcSchema.statements(SqlDialect.withoutFolding(dialect), TableNames.withPrefix("crm.mc_"));
        String q = dialect == Dialect.MARIADB || dialect == Dialect.MYSQL ? "`" : "\"";

        assertThat(statements).noneMatch(sql -> sql.contains("missed_calls_"));
        assertThat(statements).noneMatch(sql -> sql.contains("--"));
        assertThat(String.join("\n", statements))
                .contains("CREATE TABLE IF NOT EXISTS " + q + "crm" + q + "." + q + "mc_calls" + q + " (")
                .contains("CREATE TABLE IF NOT EXISTS " + q + "crm" + q + "." + q + "mc_handles" + q + " (")
                .contains(q + "mc_calls_start" + q)
                .contains(q + "mc_handles_pk" + q);
    }
}
