package org.rapport.engine.publish;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How packs are distributed.
 *
 * @param attach         attach the PDF (true) or send a link to it (false)
 * @param publicUrl      the application's address as readers reach it, for links
 * @param from           the sender address
 * @param folder         a folder that receives a copy of every pack (a share, an SFTP-synced folder), if any
 * @param maximumAttempts how often a delivery is tried before it is reported failed
 */
public record DistributionSettings(boolean attach, String publicUrl, String from, Optional<Path> folder,
        int maximumAttempts) {
}
