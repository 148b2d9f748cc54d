package org.rapport.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.eclipse.microprofile.config.Config;
import org.rapport.engine.config.RapportSettings;

/**
 * Rapport's own users, for an installation without an OpenID Connect provider (the embedded default)
 * and for users an automated deployment presets ({@link PresetUsers}).
 * <p>
 * On the first start with neither a provider nor presets, one user per role is created
 * ({@code board}, {@code strategy}, {@code integration}, {@code admin}) with a generated password.
 * Only PBKDF2 hashes are kept ({@code <data>/security/users.properties}); the passwords are written
 * once to {@code <data>/security/initial-passwords.txt}, readable by its owner only, and the log says
 * where, never what. Checking a PBKDF2 hash is slow by design, so a password just verified is
 * remembered for a few minutes as an HMAC under a key that lives only in this process, and API calls
 * with HTTP Basic do not pay for the hash each time.
 */
@ApplicationScoped
public class BuiltInUsers {

    private static final Logger LOG = Logger.getLogger(BuiltInUsers.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int PASSWORD_LENGTH = 24;
    private static final Duration REMEMBERED = Duration.ofMinutes(5);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /** A user as stored: never a password, only its hash. */
    public record Account(String name, Set<String> roles, boolean preset) {
    }

    private record Stored(Account account, String hash) {
    }

    private record Remembered(byte[] mac, Instant until) {
    }

    @Inject
    Pbkdf2PasswordHash hasher;

    @Inject
    RapportSettings settings;

    @Inject
    Config config;

    @Inject
    OidcSettings oidc;

    private final SecureRandom random = new SecureRandom();
    private final byte[] rememberKey = new byte[32];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private volatile Map<String, Stored> accounts = Map.of();
    private volatile String decoyHash;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        load();
    }

    synchronized void load() {
        random.nextBytes(rememberKey);
        hasher.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", config.getOptionalValue("rapport.users.hash-iterations", String.class).orElse("210000"),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoyHash = hasher.generate(generatedPassword());

        PresetUsers presets = PresetUsers.read(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class));
        presets.problems().forEach(problem -> LOG.warning("Preset user refused: " + problem));
        Map<String, Stored> all = new TreeMap<>();
        for (PresetUsers.Preset preset : presets.users()) {
            all.put(preset.name(), new Stored(new Account(preset.name(), preset.roles(), true), hasher.generate(preset.password())));
            Arrays.fill(preset.password(), '\0');
        }
        if (builtInEnabled(presets)) {
            storedUsers().forEach(all::putIfAbsent);
        }
        accounts = Map.copyOf(all);
        remembered.clear();
        if (all.isEmpty()) {
            LOG.info("No built-in users: sign-in is by the OpenID Connect provider " + oidc.issuer().orElse("(none configured)"));
        } else {
            LOG.info("Users who can sign in with a password: " + String.join(", ", all.keySet()));
        }
    }

    /**
     * The generated users are there unless the installation signs in elsewhere: an OpenID Connect
     * provider or preset users; {@code rapport.users.built-in} decides when set.
     */
    private boolean builtInEnabled(PresetUsers presets) {
        return config.getOptionalValue("rapport.users.built-in", Boolean.class)
                .orElse(oidc.issuer().isEmpty() && presets.isEmpty());
    }

    /** The account behind a name and password, or empty; as slow for an unknown name as for a wrong password. */
    public Optional<Account> verify(String name, char[] password) {
        Stored stored = name == null ? null : accounts.get(name);
        if (stored == null) {
            hasher.verify(password, decoyHash);
            return Optional.empty();
        }
        byte[] mac = mac(name, password);
        Remembered earlier = remembered.get(name);
        if (earlier != null && earlier.until().isAfter(Instant.now()) && MessageDigest.isEqual(earlier.mac(), mac)) {
            return Optional.of(stored.account());
        }
        if (!hasher.verify(password, stored.hash())) {
            return Optional.empty();
        }
        remembered.put(name, new Remembered(mac, Instant.now().plus(REMEMBERED)));
        return Optional.of(stored.account());
    }

    public List<Account> accounts() {
        return accounts.values().stream().map(Stored::account).toList();
    }

    /**
     * Gives a generated user new roles, kept in the users file. Preset users keep the roles their
     * configuration gives them.
     *
     * @throws IllegalArgumentException for an unknown user or role
     * @throws IllegalStateException    for a preset user
     */
    public synchronized Account changeRoles(String name, Set<String> roles) {
        Stored stored = accounts.get(name);
        if (stored == null) {
            throw new IllegalArgumentException("No user " + name);
        }
        if (stored.account().preset()) {
            throw new IllegalStateException("User " + name + " is preset by configuration (rapport.users." + name
                    + ".roles); change the roles there");
        }
        for (String role : roles) {
            if (!Roles.isRole(role)) {
                throw new IllegalArgumentException("\"" + role + "\" is not a role (" + String.join(", ", Roles.ALL) + ")");
            }
        }
        Account changed = new Account(name, Set.copyOf(roles), false);
        Map<String, Stored> all = new TreeMap<>(accounts);
        all.put(name, new Stored(changed, stored.hash()));
        writeUsersFile(all);
        accounts = Map.copyOf(all);
        remembered.remove(name);
        return changed;
    }

    private Map<String, Stored> storedUsers() {
        Path file = usersFile();
        try {
            if (!Files.exists(file)) {
                return createUsers();
            }
            Properties properties = new Properties();
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, Stored> users = new TreeMap<>();
            for (String key : properties.stringPropertyNames()) {
                if (key.endsWith(".password-hash")) {
                    String name = key.substring(0, key.length() - ".password-hash".length());
                    Set<String> roles = new LinkedHashSet<>();
                    for (String role : properties.getProperty(name + ".roles", "").split(",")) {
                        if (Roles.isRole(role.trim())) {
                            roles.add(role.trim());
                        }
                    }
                    users.put(name, new Stored(new Account(name, Set.copyOf(roles), false), properties.getProperty(key)));
                }
            }
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in users from " + file, e);
        }
    }

    private Map<String, Stored> createUsers() throws IOException {
        Map<String, Stored> users = new TreeMap<>();
        StringBuilder passwords = new StringBuilder()
                .append("# Rapport's built-in users and their first passwords, written once when they were created.\n")
                .append("# Only hashes are kept elsewhere: store these in a password manager, then delete this file.\n");
        for (String role : Roles.ALL) {
            char[] password = generatedPassword();
            users.put(role, new Stored(new Account(role, Set.of(role), false), hasher.generate(password)));
            passwords.append(role).append(' ').append(password).append('\n');
            Arrays.fill(password, '\0');
        }
        Path passwordsFile = securityDir().resolve("initial-passwords.txt");
        writeOwnerOnly(passwordsFile, passwords.toString(), false);
        writeUsersFile(users);
        LOG.info("Built-in users " + String.join(", ", users.keySet()) + " created; their passwords are in "
                + passwordsFile + " (readable by its owner only)");
        return users;
    }

    private void writeUsersFile(Map<String, Stored> users) {
        StringBuilder text = new StringBuilder("# Rapport's built-in users: PBKDF2 hashes and roles. No password is kept here.\n");
        users.values().stream().filter(stored -> !stored.account().preset()).forEach(stored -> text
                .append(stored.account().name()).append(".password-hash=").append(stored.hash()).append('\n')
                .append(stored.account().name()).append(".roles=")
                .append(String.join(",", Roles.ALL.stream().filter(stored.account().roles()::contains).toList())).append('\n'));
        try {
            writeOwnerOnly(usersFile(), text.toString(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the built-in users to " + usersFile(), e);
        }
    }

    /** Written under a temporary name and moved into place, so a crash never leaves half a file. */
    private void writeOwnerOnly(Path file, String text, boolean replace) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, ownerOnly(OWNER_ONLY));
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
            writer.write(text);
        }
        if (!replace && Files.exists(file)) {
            Files.delete(temporary);
            throw new FileAlreadyExistsException(file.toString());
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path securityDir() throws IOException {
        Path dir = settings.dataDir().resolve("security");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, ownerOnly(OWNER_ONLY_DIRECTORY));
        }
        return dir;
    }

    private Path usersFile() {
        try {
            return securityDir().resolve("users.properties");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the security folder under " + settings.dataDir(), e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private char[] generatedPassword() {
        char[] password = new char[PASSWORD_LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return password;
    }

    private byte[] mac(String name, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(rememberKey, "HmacSHA256"));
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password)));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
