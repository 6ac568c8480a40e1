package org.vmsseaman.api.project;

/**
 * One thing wrong with a project file.
 *
 * @param file the file (path or {@code demo:...})
 * @param path JSON path of the offending element, e.g. {@code $.tags[12].normalRange.max}
 * @param line 1-based line in the file, 0 if unknown
 * @param column 1-based column, 0 if unknown
 * @param message what is wrong, e.g. "unknown system 'mee' (defined: me, dg1, ...)"
 */
public record ProjectProblem(String file, String path, int line, int column, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line + ":" + column : "") + ": " + path + ": " + message;
    }
}
