package org.rapport.web;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The real deployable for Arquillian: the war this module has just packaged (failsafe runs after "package"),
 * deployed as {@code rapport.war} so that its context root is {@code /rapport}, as in production.
 */
public final class RapportWar {

    private RapportWar() {
    }

    public static WebArchive importBuilt() {
        String path = System.getProperty("rapport.war");
        if (path == null) {
            throw new IllegalStateException("System property rapport.war is not set; run the tests with Maven (failsafe)");
        }
        File war = new File(path);
        if (!war.isFile()) {
            throw new IllegalStateException(war + " does not exist; run 'package' first");
        }
        return ShrinkWrap.create(ZipImporter.class, "rapport.war").importFrom(war).as(WebArchive.class);
    }
}
