package org.rapport.engine.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the identifier key comes from, and that it stays the same from one start to the next. */
class IdentifierKeyFileTest {

    @TempDir
    Path dataDir;

    @Test
    void aKeyIsMadeOnFirstUseReadableByItsOwnerOnlyAndTheSameOnTheNextStart() throws IOException {
        IdentifierKey first = IdentifierKeyFile.load(Optional.empty(), dataDir);
        IdentifierKey again = IdentifierKeyFile.load(Optional.empty(), dataDir);

        assertThat(again.hash(IdentifierKind.PHONE_NUMBER, "442079460001"))
                .isEqualTo(first.hash(IdentifierKind.PHONE_NUMBER, "442079460001"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dataDir.resolve(IdentifierKeyFile.FILE)))).isEqualTo("rw-------");
    }

    @Test
    void aConfiguredKeyIsUsedAndNoFileIsMade() {
        byte[] secret = "a configured key of 32 bytes....".getBytes(StandardCharsets.US_ASCII);

        IdentifierKey configured = IdentifierKeyFile.load(Optional.of(Base64.getEncoder().encodeToString(secret)),
                dataDir);

        assertThat(configured.hash(IdentifierKind.ACCOUNT_NUMBER, "AC1"))
                .isEqualTo(new IdentifierKey(secret).hash(IdentifierKind.ACCOUNT_NUMBER, "ac 1"));
        assertThat(dataDir.resolve(IdentifierKeyFile.FILE)).doesNotExist();
    }

    @Test
    void twoInstallationsHashTheSameNumberDifferently() {
        IdentifierKey one = IdentifierKeyFile.load(Optional.empty(), dataDir.resolve("one"));
        IdentifierKey other = IdentifierKeyFile.load(Optional.empty(), dataDir.resolve("other"));

        assertThat(one.hash(IdentifierKind.PHONE_NUMBER, "442079460001"))
                .isNotEqualTo(other.hash(IdentifierKind.PHONE_NUMBER, "442079460001"));
    }
}
