package org.rapport.web.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks an endpoint that takes an uploaded file: its request body is held to {@link UploadLimitFilter#MOST_BYTES},
 * refused before it is read when it says it is larger, and cut off when it turns out to be.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface UploadLimit {
}
