package org.rapport.engine.publish;

/** How a pack reaches its reader. */
public enum DeliveryChannel {
    EMAIL, FOLDER
}
