package org.rapport.engine.publish;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Port through which distribution drops a published pack somewhere other than a mailbox: a folder
 * ({@link FolderDrop}) or, provided by another module as a CDI bean, a folder on an SFTP server. The
 * engine knows no transport. Every configured target receives each pack once it rendered
 * completely, recorded as a {@link PackDelivery} of its {@link #channel()} and {@link #target()}
 * and retried with back-off like an e-mail. Implementations are thread-safe, and plain CDI beans
 * rather than EJBs: an EJB's runtime exception would roll back the distribution's transaction, and
 * with it the record of the e-mails already sent.
 */
public interface PackDropTarget {

    /** Whether the installation configured this target; one that is not receives nothing. */
    boolean configured();

    DeliveryChannel channel();

    /**
     * Where packs go, as a delivery record and a log line show it ({@code sftp://user@host:22/packs}):
     * never a secret. Stable while the configuration is, since a retry finds its target by it.
     */
    String target();

    /**
     * One attempt at dropping the pack; a failed one is tried again later.
     *
     * @param pdf the complete pack, named as its readers see it
     * @throws IOException when the pack did not arrive whole; the message names the target, never a secret
     */
    void drop(Path pdf) throws IOException;
}
