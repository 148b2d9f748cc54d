package org.rapport.integration.filedrop;

import java.io.File;
import java.nio.file.Files;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * The files an intake folder takes: everything but links. Whoever may drop a file into a folder may
 * also drop a link to a file only Rapport can read; a link is left where it is, so nothing outside
 * the folder is read through one. Stateless, thread-safe.
 */
public final class PlainFiles implements GenericFileFilter<File> {

    /** The name the filter is bound under in a Camel registry. */
    public static final String BEAN = "rapport-plain-files";

    @Override
    public boolean accept(GenericFile<File> file) {
        return !Files.isSymbolicLink(file.getFile().toPath());
    }
}
