package org.vmsseaman.driver.nmea2000.internal.binding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.driver.nmea2000.internal.pgn.Field;
import org.vmsseaman.driver.nmea2000.internal.pgn.PgnCatalog;
import org.vmsseaman.driver.nmea2000.internal.pgn.PgnLayout;

/**
 * Turns binding addresses into {@link FieldBinding}s. An address names {@code pgn} and {@code field}; {@code
 * source} (sender address) and any other field of the PGN (e.g. {@code instance}, {@code type}) filter the
 * messages; {@code unit} overrides the tag's unit as the unit to convert to. A binding that cannot be used is
 * reported for its tag with a message saying what is wrong; the other tags are compiled.
 */
public final class BindingCompiler {

    /** Address keys that are not field filters. */
    public static final String PGN = "pgn";

    public static final String FIELD = "field";
    public static final String SOURCE = "source";
    public static final String UNIT = "unit";
    private static final Set<String> KEYS = Set.of(PGN, FIELD, SOURCE, UNIT);

    private final PgnCatalog catalog;

    public BindingCompiler(PgnCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Compiles every tag's binding; {@code problems} receives (tag id, message) for each that cannot be used.
     */
    public List<FieldBinding> compile(List<BoundTag> tags, BiConsumer<String, String> problems) {
        List<FieldBinding> result = new ArrayList<>();
        for (BoundTag tag : tags) {
            try {
                result.add(compile(tag));
            } catch (IllegalArgumentException e) {
                problems.accept(tag.id(), e.getMessage());
            }
        }
        return result;
    }

    /** Compiles one binding; throws IllegalArgumentException with the reason if it cannot be used. */
    public FieldBinding compile(BoundTag tag) {
        Map<String, Object> a = tag.address();
        long pgn = integer(a, PGN, 0, 0x3FFFF);
        PgnLayout layout = catalog.layout((int) pgn);
        if (layout == null) {
            throw new IllegalArgumentException("PGN " + pgn + " is not decoded by this driver (see its README)");
        }
        Object fieldName = a.get(FIELD);
        if (!(fieldName instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException("address needs 'field', the name of a field of PGN " + pgn + " ("
                    + layout.name() + "): one of " + names(layout));
        }
        Field field = layout.field(name);
        boolean repeated = false;
        if (field == null) {
            field = layout.repeatedField(name);
            repeated = field != null;
        }
        if (field == null) {
            throw new IllegalArgumentException("PGN " + pgn + " (" + layout.name() + ") has no field '" + name
                    + "'; its fields are " + names(layout));
        }
        int source = a.containsKey(SOURCE) ? (int) integer(a, SOURCE, 0, 253) : -1;
        List<Field> filterFields = new ArrayList<>();
        List<Long> filterValues = new ArrayList<>();
        for (Map.Entry<String, Object> e : a.entrySet()) {
            if (KEYS.contains(e.getKey())) {
                continue;
            }
            Field filter = layout.field(e.getKey());
            if (filter == null && repeated) {
                filter = layout.repeatedField(e.getKey());
            }
            if (filter == null && layout.repeatedField(e.getKey()) != null) {
                throw new IllegalArgumentException("'" + e.getKey() + "' selects one of the repeated sets of PGN " + pgn
                        + ", but field '" + name + "' is not in them");
            }
            if (filter == null) {
                throw new IllegalArgumentException("unknown address key '" + e.getKey() + "': expected pgn, field,"
                        + " source, unit or a field of PGN " + pgn + " to filter on (" + names(layout) + ")");
            }
            filterFields.add(filter);
            filterValues.add(filterValue(filter, e.getValue()));
        }
        String unit = a.containsKey(UNIT)
                ? String.valueOf(a.get(UNIT))
                : tag.definition().unit();
        Units.Conversion conversion;
        try {
            conversion = Units.conversion(field.unit(), unit);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + name + "' of PGN " + pgn + ": " + e.getMessage()
                    + " (set the tag's unit, or 'unit' in the address, to one that converts)");
        }
        return new FieldBinding(
                tag.id(),
                layout,
                field,
                source,
                filterFields.toArray(Field[]::new),
                filterValues.stream().mapToLong(Long::longValue).toArray(),
                repeated,
                conversion,
                tag.definition().dataType());
    }

    private static long filterValue(Field filter, Object value) {
        if (value instanceof String s && filter.isLookup()) {
            long v = filter.lookup().valueOf(s);
            if (v >= 0) {
                return v;
            }
            throw new IllegalArgumentException("filter '" + filter.name() + "': '" + s + "' is not one of "
                    + filter.lookup().labels().values().stream().sorted().toList() + " (or give the number)");
        }
        long max = filter.bitLength() >= 63 ? Long.MAX_VALUE : (1L << filter.bitLength()) - 1;
        return integer(Map.of(filter.name(), value), filter.name(), 0, max);
    }

    private static long integer(Map<String, Object> a, String key, long min, long max) {
        Object v = a.get(key);
        if (v == null) {
            throw new IllegalArgumentException("address needs '" + key + "'");
        }
        Long n = Scalars.integer(v);
        if (n == null || n < min || n > max) {
            throw new IllegalArgumentException(
                    "address key '" + key + "' must be an integer " + min + ".." + max + ", was '" + v + "'");
        }
        return n;
    }

    private static List<String> names(PgnLayout layout) {
        return layout.allFields().stream().map(Field::name).toList();
    }
}
