package org.rapport.integration.source;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** How a source's data reaches Rapport; each kind carries the settings its Camel endpoint needs. */
public sealed interface Transport {

    /** The transport's name as written in a definition: {@code file}, {@code sftp}, {@code http}, {@code jdbc}. */
    String type();

    /**
     * Files dropped into a local folder.
     *
     * @param directory where the files arrive; must exist
     * @param include   a glob the file names must match, or null for every file
     */
    record File(Path directory, String include) implements Transport {
        @Override
        public String type() {
            return "file";
        }
    }

    /**
     * Files fetched from an SFTP server.
     *
     * @param credential      the name of the secret holding the password or private key, never the secret itself
     * @param knownHosts      the known_hosts file holding the server's key, or null for the user's
     *                        {@code ~/.ssh/known_hosts}
     * @param hostKeyChecking whether the server must prove it is the one in known_hosts
     * @param timeout         how long connecting, and each read, may take
     */
    record Sftp(String host, int port, String username, String directory, String credential, String include,
            Path knownHosts, HostKeyChecking hostKeyChecking, Duration timeout) implements Transport {
        @Override
        public String type() {
            return "sftp";
        }
    }

    /** Whether an SFTP server's host key is checked against known_hosts. */
    enum HostKeyChecking {
        /** The key must be in known_hosts: a server that cannot prove who it is gets no password. */
        STRICT,
        /** Any key is accepted: for a test server only, never for production. */
        OFF
    }

    /**
     * Paged JSON pulled over HTTP.
     *
     * @param authHeader the header carrying the credential, e.g. {@code Authorization}; null for none
     * @param credential the name of the secret that is the header's value
     * @param paging     {@code cursor} or {@code page}
     * @param pageParam  the query parameter carrying the cursor or page number
     * @param nextCursor JSON pointer to the next cursor in a response (cursor paging)
     * @param items      JSON pointer to the array of records in a response, or null when a response is the array
     * @param pageSize   page paging: the number of records in a full page, so a shorter page is the last;
     *                   null when the API does not say (then only an empty page ends a fetch)
     * @param pageSizeParam page paging: the query parameter asking for {@code pageSize} records, or null
     * @param firstPage  page paging: the number of the first page, 1 or 0
     * @param timeout    how long connecting, and waiting for each response, may take
     */
    record Http(URI url, String authHeader, String credential, String paging, String pageParam, String nextCursor,
            String items, Integer pageSize, String pageSizeParam, int firstPage, Duration timeout)
            implements Transport {
        @Override
        public String type() {
            return "http";
        }
    }

    /**
     * Rows queried from a CRM database, incrementally.
     *
     * @param dataSource      JNDI name of the data source
     * @param query           the SELECT, with a named parameter {@code :since} for the incremental bound
     * @param updatedAtColumn the column whose largest value read becomes the next {@code :since}, or null
     *                        when every fetch reads everything
     * @param initialSince    what {@code :since} is on the very first fetch: a number, an ISO date or an ISO
     *                        date-time, matching the column's type
     * @param timeout         how long the query may run
     */
    record Jdbc(String dataSource, String query, String updatedAtColumn, String initialSince, Duration timeout)
            implements Transport {
        @Override
        public String type() {
            return "jdbc";
        }
    }
}
