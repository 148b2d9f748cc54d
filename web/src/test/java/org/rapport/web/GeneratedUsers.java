package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the first passwords a Rapport given no users wrote on its first start, as an operator would. */
final class GeneratedUsers {

    private GeneratedUsers() {
    }

    /**
     * The users and passwords in {@code <data>/security/initial-passwords.txt}, after checking that only
     * its owner may read it and that the users file beside it holds hashes, not those passwords.
     */
    static Map<String, String> firstPasswords(Path dataDir) throws Exception {
        Path file = dataDir.resolve("security/initial-passwords.txt");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] userAndPassword = line.trim().split(" ", 2);
                passwords.put(userAndPassword[0], userAndPassword[1]);
            }
        }
        String users = Files.readString(dataDir.resolve("security/users.properties"));
        assertThat(users).contains("PBKDF2WithHmacSHA256");
        passwords.values().forEach(password -> assertThat(users).doesNotContain(password));
        return passwords;
    }
}
