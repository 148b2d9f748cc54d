package org.rapport.integration.source;

import java.net.URI;
import java.nio.file.Path;

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
     * @param credential the name of the secret holding the password or private key, never the secret itself
     */
    record Sftp(String host, int port, String username, String directory, String credential, String include)
            implements Transport {
        @Override
        public String type() {
            return "sftp";
        }
    }

    /**
     * Paged JSON pulled over HTTP.
     *
     * @param authHeader the header carrying the credential, e.g. {@code Authorization}; null for none
     * @param credential the name of the secret that is the header's value
     * @param paging     {@code cursor} or {@code page}
     * @param pageParam  the query parameter carrying the cursor or page number
     * @param nextCursor JSON pointer to the next cursor in a response (cursor paging)
     * @param items      JSON pointer to the array of records in a response
     */
    record Http(URI url, String authHeader, String credential, String paging, String pageParam, String nextCursor,
            String items) implements Transport {
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
     * @param updatedAtColumn the column whose largest value read becomes the next {@code :since}
     */
    record Jdbc(String dataSource, String query, String updatedAtColumn) implements Transport {
        @Override
        public String type() {
            return "jdbc";
        }
    }
}
