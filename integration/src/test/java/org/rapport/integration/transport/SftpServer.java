package org.rapport.integration.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA SSHD) on a port of 127.0.0.1, ephemeral unless given, serving a
 * temporary folder as its root, with one user who logs in by password or by key. It counts what
 * clients did: logins tried, files opened for reading and written.
 */
public final class SftpServer implements AutoCloseable {

    public static final String USER = "rapport";
    public static final String PASSWORD = "correct-horse-battery-staple";

    private final SshServer server;
    private final Path root;
    private final PublicKey hostKey;
    private final AtomicInteger passwordsTried = new AtomicInteger();
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> writes = new ConcurrentHashMap<>();
    private volatile PublicKey clientKey;

    private SftpServer(Path root, Path stateDir, int port) throws IOException {
        this.root = root;
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(stateDir.resolve("host-key.ser"));
        server.setKeyPairProvider(hostKeys);
        server.setPasswordAuthenticator((user, password, session) -> {
            passwordsTried.incrementAndGet();
            return USER.equals(user) && PASSWORD.equals(password);
        });
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user) && clientKey != null
                && KeyUtils.compareKeys(clientKey, key));
        server.setKeyboardInteractiveAuthenticator(null);
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
        sftp.addSftpEventListener(new Counter());
        server.setSubsystemFactories(List.of(sftp));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
        hostKey = hostKeys.loadKeys(null).iterator().next().getPublic();
    }

    /** Starts a server whose root is {@code root}; its host key is kept in {@code stateDir}. */
    public static SftpServer start(Path root, Path stateDir) throws IOException {
        return new SftpServer(root, stateDir, 0);
    }

    /**
     * Starts a server on {@code port}, e.g. the one an earlier server had: with the same {@code stateDir}
     * it is that server come back, with the same host key.
     */
    public static SftpServer start(Path root, Path stateDir, int port) throws IOException {
        return new SftpServer(root, stateDir, port);
    }

    public int port() {
        return server.getPort();
    }

    /** A known_hosts file naming this server and its key, as ssh-keyscan would write it. */
    public Path knownHosts(Path file) throws IOException {
        return Files.writeString(file, "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey) + "\n");
    }

    /** A known_hosts file naming this server with some other key: an impostor, as far as it says. */
    Path knownHostsWithAnotherKey(Path file, KeyPair other) throws IOException {
        return Files.writeString(file, "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(other.getPublic()) + "\n");
    }

    /** Lets the user log in with the private key of {@code key}. */
    void acceptKey(PublicKey key) {
        clientKey = key;
    }

    /** Writes a remote file that was last modified {@code age} ago. */
    Path put(String path, String content, Duration age) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    public Path root() {
        return root;
    }

    public int passwordsTried() {
        return passwordsTried.get();
    }

    /** How many times a remote file was opened for reading, by its name. */
    int reads(String name) {
        return reads.getOrDefault(name, new AtomicInteger()).get();
    }

    /** How many times a remote file was opened for writing, by its name. */
    public int writes(String name) {
        return writes.getOrDefault(name, new AtomicInteger()).get();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** Counts each file handle a client opens, as reading or writing. */
    private final class Counter implements SftpEventListener {
        @Override
        public void open(ServerSession session, String remoteHandle, Handle localHandle) {
            if (localHandle instanceof FileHandle file) {
                String name = file.getFile().getFileName().toString();
                boolean writing = file.getOpenOptions().contains(java.nio.file.StandardOpenOption.WRITE);
                (writing ? writes : reads).computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
            }
        }
    }
}
