package org.rapport.engine.run;

/** The pack could not be rendered; the run must not publish. */
public class PackRenderingException extends RuntimeException {

    public PackRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
