package org.rapport.engine.publish;

/** How a pack reaches its reader. */
public enum DeliveryChannel {
    EMAIL,
    /** A copy in a folder of the server's file system or a share mounted there. */
    FOLDER,
    /** A copy and its {@code .sha256} in a folder of an SFTP server. */
    SFTP
}
