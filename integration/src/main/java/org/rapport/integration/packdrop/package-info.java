/**
 * Board packs dropped into a folder of an SFTP server as part of the pack distribution
 * ({@code rapport.distribution.sftp.*}, see {@link org.rapport.integration.packdrop.SftpPackDropSettings}).
 * {@link org.rapport.integration.packdrop.SftpPackDrop} is a CDI bean implementing the engine's
 * {@link org.rapport.engine.publish.PackDropTarget} port, so the engine's distribution finds it in the
 * application without depending on this module: each pack is recorded as an SFTP delivery, retried
 * with back-off while the server is down and reported failed after the last attempt. Records and log
 * lines show the target as {@code sftp://user@host:port/folder}, never the secret.
 */
package org.rapport.integration.packdrop;
