package io.github.missedcalls.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.missedcalls.jdbc.dialect.Dialect;
import io.github.missedcalls.jdbc.internal.SqlDialect;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Configured table and column names")
class IdentifierTest {

    private static final List<BiConsumer<CallTableMapping.Builder, String>> COLUMN_SETTERS = List.of(
            CallTableMapping.Builder::projectColumn, CallTableMapping.Builder::idColumn,
            CallTableMapping.Builder::directionColumn, CallTableMapping.Builder::clientColumn,
            CallTableMapping.Builder::lineColumn, CallTableMapping.Builder::employeeColumn,
            CallTableMapping.Builder::startedAtColumn, CallTableMapping.Builder::answeredAtColumn,
            CallTableMapping.Builder::endedAtColumn, CallTableMapping.Builder::stageColumn,
            CallTableMapping.Builder::managersColumn, CallTableMapping.Builder::reasonColumn);

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "calls; DROP TABLE handles",
                "calls--",
                "calls/*x*/",
                "\"calls\"",
                "`calls`",
                "[calls]",
                "calls'",
                "ca lls",
                "",
                " ",
                "1calls",
                "calls\n",
                "calls\u0000",
                "таблиця",
                "calls.",
                ".calls",
                "a.b.c",
                "s.\"t\"",
                "calls)",
                "x OR 1=1",
                "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
            })
    @DisplayName("a table name that is not plain is refused with a message that says what a name may be")
    void hostileTableRefused(String name) {
        assertThatThrownBy(() -> CallTableMapping.builder(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the table's name must be a plain name")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> new TableNames(name, "handles"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the calls table's name");
        assertThatThrownBy(() -> new TableNames("calls", name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the handles table's name");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "id; DELETE FROM calls",
                "id--",
                "\"id\"",
                "`id`",
                "i d",
                "",
                "9id",
                "s.id",
                "id,project",
                "ідентифікатор",
                "id)"
            })
    @DisplayName("a column name that is not plain is refused, whichever column it names")
    void hostileColumnRefused(String name) {
        for (BiConsumer<CallTableMapping.Builder, String> setter : COLUMN_SETTERS) {
            CallTableMapping.Builder builder = CallTableMapping.builder("calls");
            assertThatThrownBy(() -> setter.accept(builder, name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("column must be a plain name");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"mc_; DROP TABLE x; --", "mc\"_", "mc`_", "a.b.mc_", "мс_"})
    @DisplayName("a table prefix that makes names that are not plain is refused")
    void hostilePrefixRefused(String prefix) {
        assertThatThrownBy(() -> TableNames.withPrefix(prefix))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a plain name");
    }

    @Test
    @DisplayName("plain names, qualified by a schema or not, in any letter case, are accepted")
    void plainNamesAccepted() {
        CallTableMapping mapping = CallTableMapping.builder("crm.Phone_Calls")
                .projectColumn("_tenant2")
                .idColumn("CallID")
                .build();

        assertThat(mapping.table()).isEqualTo("crm.Phone_Calls");
        assertThat(mapping.projectColumn()).contains("_tenant2");
        assertThat(TableNames.withPrefix("crm.mc_")).isEqualTo(new TableNames("crm.mc_calls", "crm.mc_handles"));
    }

    @Test
    @DisplayName("a mapping that says nothing of projects is refused: a table is never read across tenants by default")
    void projectMustBeSaid() {
        assertThatThrownBy(() -> CallTableMapping.builder("calls").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("projectColumn")
                .hasMessageContaining("singleProject");
    }

    @Test
    @DisplayName("names are quoted in SQL, and a quote inside a name is refused even past the checks")
    void namesAreQuoted() {
        assertThat(SqlDialect.withoutFolding(Dialect.POSTGRESQL).name("crm.Calls"))
                .isEqualTo("\"crm\".\"Calls\"");
        assertThat(SqlDialect.withoutFolding(Dialect.MARIADB).name("crm.Calls")).isEqualTo("`crm`.`Calls`");
        assertThatThrownBy(() -> Dialect.H2.quote("a\"b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dialect.MYSQL.quote("a`b")).isInstanceOf(IllegalArgumentException.class);
    }
}
