package org.vmsseaman.driver.simulator.internal.fault;

import java.util.regex.Pattern;

/** A tag-id glob: {@code *} matches any characters (dots included), {@code ?} one; empty matches all. */
final class TagGlob {

    private final Pattern pattern;

    TagGlob(String glob) {
        if (glob == null || glob.isBlank()) {
            pattern = null;
            return;
        }
        StringBuilder regex = new StringBuilder();
        for (String literal : glob.trim().split("(?=[*?])|(?<=[*?])")) {
            switch (literal) {
                case "*" -> regex.append(".*");
                case "?" -> regex.append('.');
                default -> regex.append(Pattern.quote(literal));
            }
        }
        pattern = Pattern.compile(regex.toString());
    }

    boolean matches(String tagId) {
        return pattern == null || pattern.matcher(tagId).matches();
    }
}
