// The README's examples on the module path, as a modular CRM application would take them.
module com.example.crm {
    requires io.github.missedcalls.jdbc;
    requires com.h2database;
    // H2 is an automatic module, which declares nothing it needs: its JdbcDataSource is a
    // javax.naming.Referenceable, so the application reads java.naming for it.
    requires java.naming;
}
