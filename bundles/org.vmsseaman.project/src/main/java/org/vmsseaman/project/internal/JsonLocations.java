package org.vmsseaman.project.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The line and column of every value of a JSON document, by JSON path ({@code $.tags[3].id}).
 *
 * <p>Object members are located at their key, array elements at their first character. Built by
 * one streaming pass, which also finds syntax errors and duplicate keys with their location.
 */
final class JsonLocations {

    /** A 1-based position in the text. */
    record Position(int line, int column) {
        static final Position UNKNOWN = new Position(0, 0);
    }

    /** The document is not well-formed JSON (or breaks a parser constraint). */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final String path;
        private final Position position;

        SyntaxError(String path, Position position, String message) {
            super(message);
            this.path = path;
            this.position = position;
        }

        String path() {
            return path;
        }

        Position position() {
            return position;
        }
    }

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private final Map<String, Position> positions;

    private JsonLocations(Map<String, Position> positions) {
        this.positions = positions;
    }

    /** Scans {@code content} with a parser of {@code factory} (which should detect duplicate keys). */
    static JsonLocations scan(JsonFactory factory, byte[] content) throws SyntaxError {
        Map<String, Position> positions = new HashMap<>();
        Deque<Frame> stack = new ArrayDeque<>();
        try (JsonParser parser = factory.createParser(content)) {
            try {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    Frame top = stack.peek();
                    if (token == JsonToken.FIELD_NAME) {
                        top.name = parser.currentName();
                        positions.put(path(stack), position(parser.currentTokenLocation()));
                        continue;
                    }
                    if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                        stack.pop();
                        continue;
                    }
                    if (top == null) {
                        positions.put("$", position(parser.currentTokenLocation()));
                    } else if (top.array) {
                        top.index++;
                        positions.put(path(stack), position(parser.currentTokenLocation()));
                    }
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        stack.push(new Frame(token == JsonToken.START_ARRAY));
                    }
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                throw new SyntaxError(
                        path(stack), at == null ? Position.UNKNOWN : position(at), e.getOriginalMessage());
            }
        } catch (IOException e) {
            throw new SyntaxError("$", Position.UNKNOWN, "cannot read JSON: " + e.getMessage());
        }
        return new JsonLocations(positions);
    }

    /** The position of {@code path}, else of its nearest located ancestor, else {@link Position#UNKNOWN}. */
    Position find(String path) {
        String p = path;
        while (p != null) {
            Position pos = positions.get(p);
            if (pos != null) {
                return pos;
            }
            p = parent(p);
        }
        return Position.UNKNOWN;
    }

    /** The JSON path of member {@code name} of the object at {@code parent}. */
    static String member(String parent, String name) {
        return PLAIN_NAME.matcher(name).matches()
                ? parent + "." + name
                : parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** The JSON path of element {@code index} of the array at {@code parent}. */
    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    private static String parent(String path) {
        if (path.equals("$")) {
            return null;
        }
        if (path.endsWith("]")) {
            int open = path.endsWith("']") ? path.lastIndexOf("['") : path.lastIndexOf('[');
            return path.substring(0, open);
        }
        return path.substring(0, path.lastIndexOf('.'));
    }

    private static Position position(JsonLocation location) {
        return new Position(Math.max(location.getLineNr(), 0), Math.max(location.getColumnNr(), 0));
    }

    private static String path(Deque<Frame> stack) {
        String path = "$";
        for (Iterator<Frame> it = stack.descendingIterator(); it.hasNext(); ) {
            Frame f = it.next();
            if (f.array) {
                path = f.index < 0 ? path : element(path, f.index);
            } else if (f.name != null) {
                path = member(path, f.name);
            }
        }
        return path;
    }

    private static final class Frame {
        final boolean array;
        int index = -1;
        String name;

        Frame(boolean array) {
            this.array = array;
        }
    }
}
