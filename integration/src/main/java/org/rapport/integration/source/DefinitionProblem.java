package org.rapport.integration.source;

/**
 * Why a source definition file was not taken, in the words of the person who edits it:
 * {@code sources/ivr.json: field 'charset': 'UTF-9' is not a known character set}.
 *
 * @param file    the definition file, shown as its folder and name
 * @param field   the field's path in the definition, or null when the file as a whole is at fault
 * @param message what is wrong
 */
public record DefinitionProblem(String file, String field, String message) {

    @Override
    public String toString() {
        return file + ": " + (field == null ? "" : "field '" + field + "': ") + message;
    }
}
