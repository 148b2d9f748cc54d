package org.rapport.integration.packdrop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.microprofile.config.Config;
import org.rapport.engine.publish.DeliveryChannel;
import org.rapport.engine.publish.PackDropTarget;
import org.rapport.integration.transport.CredentialResolver;
import org.rapport.integration.transport.MicroProfileCredentials;
import org.rapport.integration.transport.SftpDropTarget;
import org.rapport.integration.transport.SftpUpload;

/**
 * The SFTP folder of {@link SftpPackDropSettings} as a drop target of the pack distribution: the
 * engine finds this bean through its {@link PackDropTarget} port and drops each published pack here,
 * recorded and retried like an e-mail. Each drop is one {@link SftpUpload} (the pack, then its
 * {@code .sha256}) through a Camel context of its own, started with the first drop. Settings that are
 * not valid do not stop the other deliveries: every drop then fails, saying why. Thread-safe.
 */
@ApplicationScoped
public class SftpPackDrop implements PackDropTarget, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SftpPackDrop.class.getName());

    private Optional<SftpDropTarget> target;
    /** Why the settings are not valid, or null when they are. */
    private String problem;
    private String host;
    private CredentialResolver credentials;
    private CamelContext camel;

    /** For the CDI container's proxy. */
    protected SftpPackDrop() {
    }

    @Inject
    public SftpPackDrop(Config config) {
        this(name -> config.getOptionalValue(name, String.class), new MicroProfileCredentials(config));
    }

    /** @param property a configuration lookup, as {@link SftpPackDropSettings#fromConfig} reads it */
    public SftpPackDrop(Function<String, Optional<String>> property, CredentialResolver credentials) {
        this.credentials = credentials;
        this.host = property.apply(SftpPackDropSettings.PREFIX + "host").map(String::strip).orElse("");
        try {
            target = SftpPackDropSettings.fromConfig(property);
        } catch (IllegalArgumentException e) {
            target = Optional.empty();
            problem = e.getMessage();
            LOG.warning(() -> "Board packs cannot be dropped on sftp://" + host + ": " + problem);
        }
        target.ifPresent(drop -> LOG.info(() -> "Board packs are dropped on " + drop.describe()));
    }

    @Override
    public boolean configured() {
        return target.isPresent() || problem != null;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.SFTP;
    }

    @Override
    public String target() {
        return target.map(SftpDropTarget::describe).orElse("sftp://" + host);
    }

    @Override
    public void drop(Path pdf) throws IOException {
        if (target.isEmpty()) {
            throw new IOException(problem == null ? "No SFTP drop is configured" : "Cannot drop packs on "
                    + target() + ": " + problem);
        }
        try {
            new SftpUpload(camel(), credentials).upload(target.get(), pdf);
        } catch (IllegalStateException e) {
            // the credential is not configured: it may be before the next attempt
            throw new IOException(e.getMessage(), e);
        }
    }

    private synchronized CamelContext camel() {
        if (camel == null) {
            CamelContext context = new DefaultCamelContext();
            context.getCamelContextExtension().setName("rapport-pack-drop");
            context.start();
            camel = context;
        }
        return camel;
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (camel != null) {
            camel.stop();
            camel = null;
        }
    }
}
