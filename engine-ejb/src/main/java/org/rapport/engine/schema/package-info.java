/**
 * The database schema's versioned migrations (Flyway): the scripts under {@code db/migration}, run before
 * Hibernate validates the mapping against them, in the server and from the command line.
 */
package org.rapport.engine.schema;
