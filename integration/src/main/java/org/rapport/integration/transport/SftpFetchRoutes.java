package org.rapport.integration.transport;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

import org.apache.camel.Endpoint;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.rapport.integration.EndpointUri;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.Transport;

/**
 * Fetches a source's files from a folder on an SFTP server (Camel's sftp component): each new file
 * whose name matches the include glob is downloaded, streamed, into the landing folder under its
 * own name. A remote file is fetched once: its name, size and modification time are remembered in
 * {@code .state/sftp-fetched.txt}, so neither the next fetch nor a restart fetches it again, while a
 * file replaced with new content is fetched anew. Remote files are only read, never moved or deleted.
 */
final class SftpFetchRoutes extends FetchRoutes {

    private static final Logger LOG = Logger.getLogger(SftpFetchRoutes.class.getName());
    static final String FETCHED = "sftp-fetched.txt";
    /** Remembered in memory besides the file: more than any folder is expected to hold at once. */
    private static final int REMEMBERED_IN_MEMORY = 10_000;
    /** What identifies a version of a remote file. */
    private static final String FILE_VERSION = "${file:name}|${file:size}|${file:modified}";

    private final Transport.Sftp sftp;
    private final SftpLogin login;

    SftpFetchRoutes(SourceDefinition source, Path landingDir, FetchSettings settings, Clock clock, String secret) {
        super(source, landingDir, settings, clock);
        this.sftp = (Transport.Sftp) source.transport();
        this.login = new SftpLogin(secret, sftp.knownHosts(), sftp.hostKeyChecking(), sftp.timeout());
        if (sftp.hostKeyChecking() == Transport.HostKeyChecking.OFF) {
            LOG.warning(() -> "Source '" + source.name() + "' trusts any SFTP server at " + endpoint()
                    + " (hostKeyChecking off): use that with a test server only");
        }
    }

    @Override
    public String endpoint() {
        return SftpLogin.folderUri(sftp.username() + "@" + sftp.host(), sftp.port(), sftp.directory());
    }

    @Override
    void fetch(RouteDefinition route) {
        String repositoryName = "rapport-sftp-fetched-" + source().name();
        IdempotentRepository fetched = FileIdempotentRepository.fileIdempotentRepository(
                landing().stateDir().resolve(FETCHED).toFile(), REMEMBERED_IN_MEMORY);
        getContext().getRegistry().bind(repositoryName, fetched);

        Map<String, Object> options = new LinkedHashMap<>();
        options.put("username", sftp.username());
        options.put("noop", true);
        options.put("idempotent", true);
        // the repository's name also makes the endpoint this source's own
        options.put("idempotentRepository", "#" + repositoryName);
        options.put("autoCreate", false);
        options.put("maximumReconnectAttempts", 0);
        // host (allowed) and folder checked when the definition was loaded; every option encoded
        SftpEndpoint remote = getContext().getEndpoint(EndpointUri.of(
                SftpLogin.folderUri(sftp.host(), sftp.port(), sftp.directory()), options), SftpEndpoint.class);
        remote.setIdempotentKey(FILE_VERSION);
        remote.setFilter(new RemoteFileFilter<>(sftp.include(), settings().remoteFileMinAge(), clock()));
        login.applyTo(remote.getConfiguration());

        Endpoint landed = getContext().getEndpoint(EndpointUri.of(EndpointUri.folder(landing().dir()), Map.of(
                "tempPrefix", LandingFolder.UNFINISHED_PREFIX, "fileExist", "Override")));
        route.process(new RemoteFolderDrain(remote, landed));
    }
}
