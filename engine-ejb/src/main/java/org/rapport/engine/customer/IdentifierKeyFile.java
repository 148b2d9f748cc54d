package org.rapport.engine.customer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the installation's {@link IdentifierKey} comes from: the setting {@code rapport.identifier.key}
 * (Base64, at least 32 bytes) when operations keep it in a secret store, else a key file under the data
 * folder, made on first use with random bytes and readable by its owner only. Losing the key makes
 * the stored hashes useless (the CRM's next delivery stores them again), never readable.
 */
public final class IdentifierKeyFile {

    static final String FILE = "keys/customer-identifiers.key";

    private IdentifierKeyFile() {
    }

    public static IdentifierKey load(Optional<String> configured, Path dataDir) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return new IdentifierKey(Base64.getDecoder().decode(configured.get().strip()));
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return new IdentifierKey(Base64.getDecoder().decode(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("The customer identifier key " + file + " cannot be read or made", e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] secret = new byte[IdentifierKey.MINIMUM_BYTES];
        new SecureRandom().nextBytes(secret);
        Files.createDirectories(file.getParent());
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(secret));
        } catch (FileAlreadyExistsException e) {
            // another node or thread made it first: theirs is the key
        }
    }
}
