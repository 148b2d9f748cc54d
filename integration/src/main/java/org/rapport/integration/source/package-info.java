/**
 * Source definitions: one JSON file per source in a sources directory, loaded and checked by
 * {@link org.rapport.integration.source.SourceDefinitions#load(java.nio.file.Path)}. A definition
 * says what a source delivers and how to read it; adding a source needs no code.
 *
 * <pre>{@code
 * {
 *   // comments are allowed: say why a mapping is what it is
 *   "name": "pbx-cdr",                      // the source's name in the intake ledger
 *   "kind": "calls",                        // customers | purchases | service-cases | calls | survey-responses
 *   "format": "asterisk-cdr-csv",           // see FormatCatalog.standard() for the ids
 *   "transport": {"type": "sftp", "host": "pbx.example.org", "username": "rapport",
 *                 "credential": "pbx-sftp", "directory": "/var/log/asterisk/cdr-csv"},
 *   "schedule": "PT15M",                    // an ISO interval, or a Quartz cron expression
 *   "timeZone": "Europe/Moscow",            // local times of the source; epochs are turned into them
 *   "charset": "windows-1251",              // UTF-8 when left out
 *   "customerMatch": "caller-number",       // customer-id | account-number | caller-number
 *   "fields": {"customer_id": "accountcode"},           // canonical field -> column, [columns] or {"constant": …}
 *   "values": {"outcome": {"Served": "answered"}},      // canonical field -> source word -> canonical word
 *   "options": {"correlationMinutes": "60"}             // what the format reads, checked by the format
 * }
 * }</pre>
 *
 * Transports: {@code file} (directory, include), {@code sftp} (host, port, username, directory,
 * credential, include, knownHosts, hostKeyChecking strict|off, timeout), {@code http} (url,
 * authHeader, credential, paging cursor|page, pageParam, nextCursor, items, pageSize,
 * pageSizeParam, firstPage, timeout) and {@code jdbc} (dataSource, query with {@code :since},
 * updatedAtColumn, initialSince, timeout). Timeouts are ISO-8601 durations ({@code PT30S}).
 * Credentials are named, never written into a definition; {@code org.rapport.integration.transport}
 * fetches what the transports deliver into the source's intake folder. A format that joins a second file (the
 * IBM telco status table) takes a {@code companion}: file, match, directory, joinOn.
 *
 * <p>A definition reaches only as far as {@link org.rapport.integration.source.SourceBoundaries}
 * let it, checked while it is parsed: file sources and companions inside the configured roots (links
 * resolved), JDBC sources on declared source connections with one read-only SELECT
 * ({@link org.rapport.integration.source.ReadOnlyQuery}), HTTP and SFTP sources to allowed hosts with
 * credentials bound to them, host-key checking off only in development mode.
 */
package org.rapport.integration.source;
