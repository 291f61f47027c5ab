package dev.replicasmcp.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A current database opens without Flyway; any other is migrated. */
class SchemaVersionTest {

    @TempDir
    Path dir;

    @Test
    void theSchemaVersionIsTheNewestMigration() throws IOException {
        Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
        int newest;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            newest = files.map(file -> name.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(matcher -> Integer.parseInt(matcher.group(1)))
                    .max()
                    .orElseThrow();
        }
        assertThat(Database.SCHEMA_VERSION).isEqualTo(String.valueOf(newest));
    }

    @Test
    void aNewDatabaseIsMigratedAndThenCurrent() throws SQLException {
        Path file = dir.resolve("new.db");
        try (Connection empty = connect(file)) {
            assertThat(Database.isCurrent(empty)).isFalse();
        }
        Database.open(file).close();
        try (Connection migrated = connect(file)) {
            assertThat(Database.isCurrent(migrated)).isTrue();
        }
    }

    @Test
    void aDatabaseOfAnOlderVersionIsBroughtUpToDate() throws SQLException {
        Path file = dir.resolve("old.db");
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + file, null, null)
                .locations("classpath:db/migration")
                .target("5")
                .load()
                .migrate();
        try (Connection old = connect(file)) {
            assertThat(Database.isCurrent(old)).isFalse();
            assertThat(tableExists(old, "integrations")).isFalse();
        }
        Database.open(file).close();
        try (Connection current = connect(file)) {
            assertThat(Database.isCurrent(current)).isTrue();
            assertThat(tableExists(current, "integrations")).isTrue();
        }
    }

    @Test
    void aFailedMigrationOnRecordIsNotCurrent() throws SQLException {
        Path file = dir.resolve("failed.db");
        Database.open(file).close();
        try (Connection connection = connect(file)) {
            connection
                    .createStatement()
                    .executeUpdate("UPDATE flyway_schema_history SET success = 0 WHERE version = '3'");
            assertThat(Database.isCurrent(connection)).isFalse();
        }
    }

    private static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (var rows = connection
                .createStatement()
                .executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
            return rows.next() && rows.getInt(1) == 1;
        }
    }
}
