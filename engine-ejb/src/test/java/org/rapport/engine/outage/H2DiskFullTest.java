package org.rapport.engine.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 (the embedded default) on a disk that fills up: a real file system of 2 MB (tmpfs) holds the database, and the
 * database fills it. The failure H2 reports is told apart as the infrastructure's (so intake keeps its file and
 * waits, and a run step waits, rather than blaming the data), its reason says the disk, and once space is freed the
 * database takes writes again. Mounting needs root with CAP_SYS_ADMIN: where the test cannot mount, it is skipped
 * and says so.
 */
class H2DiskFullTest {

    private static final String PAYLOAD = "x".repeat(2_000);

    @TempDir
    Path root;

    private Path disk;
    private boolean mounted;

    @BeforeEach
    void smallDisk() throws Exception {
        disk = Files.createDirectories(root.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        boolean done = mount.waitFor(30, TimeUnit.SECONDS);
        mounted = done && mount.exitValue() == 0;
        Assumptions.assumeTrue(mounted, () -> "cannot mount a small file system here (needs root with CAP_SYS_ADMIN): "
                + output(mount));
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFullDiskIsTheInfrastructureWithTheFixAndTheDatabaseWritesAgainOnceSpaceIsBack() throws Exception {
        // room kept back, freed later as an operator frees space
        Path ballast = disk.resolve("ballast");
        Files.write(ballast, new byte[512 * 1024]);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:" + disk.resolve("db/rapport") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        h2.setUser("sa");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table call_note (id int primary key, payload varchar(4000))");
        }

        SQLException full = fillUntilRefused(h2);

        Optional<InfrastructureFault> fault = InfrastructureFault.of(full);
        assertThat(fault).as("H2's error %s (code %d): %s", full.getClass().getName(), full.getErrorCode(),
                full.getMessage()).isPresent();
        assertThat(fault.get().reason()).containsAnyOf("disk is full", "could not write its files");
        assertThat(fault.get().operatorFix()).contains("free disk space");

        Files.delete(ballast);
        int before = rows(h2);
        try (Connection connection = h2.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into call_note values (?, ?)")) {
            insert.setInt(1, -1);
            insert.setString(2, "after");
            insert.executeUpdate();
        }
        assertThat(rows(h2)).as("the database writes again once space is back").isEqualTo(before + 1);
    }

    /** Inserts and commits rows until the database refuses; that refusal. */
    private static SQLException fillUntilRefused(JdbcDataSource h2) throws SQLException {
        Connection connection = h2.getConnection();
        try (PreparedStatement insert = connection.prepareStatement("insert into call_note values (?, ?)")) {
            // 2 MB cannot hold 5,000 rows of 2 KB: the loop ends with the refusal well before its bound
            for (int row = 0; row < 5_000; row++) {
                insert.setInt(1, row);
                insert.setString(2, PAYLOAD + row);
                insert.executeUpdate();
            }
        } catch (SQLException refused) {
            return refused;
        } finally {
            try {
                connection.close();
            } catch (SQLException alsoRefused) {
                // closing writes too, and the disk is still full
            }
        }
        throw new AssertionError("5,000 rows of 2 KB fitted on a 2 MB disk");
    }

    private static int rows(JdbcDataSource h2) throws SQLException {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from call_note")) {
            count.next();
            return count.getInt(1);
        }
    }

    private static String output(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes()).trim();
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
