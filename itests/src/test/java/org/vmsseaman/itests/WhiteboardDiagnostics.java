package org.vmsseaman.itests;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * What the HTTP whiteboard made of the registered servlets, for failure messages: the contexts with their
 * servlets, and the servlets and contexts it refused with the failure reason. Read reflectively from the
 * {@code org.osgi.service.servlet.runtime.HttpServiceRuntime} service, so the test does not depend on
 * which bundle exports the whiteboard API.
 */
final class WhiteboardDiagnostics {
    private static final String RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";

    private WhiteboardDiagnostics() {}

    /** The runtime DTO, or why it could not be read. */
    static String runtime(BundleContext context) {
        ServiceReference<?> ref = context.getServiceReference(RUNTIME);
        if (ref == null) {
            return "no " + RUNTIME + " service";
        }
        Object runtime = context.getService(ref);
        try {
            Object dto = runtime.getClass().getMethod("getRuntimeDTO").invoke(runtime);
            StringBuilder out = new StringBuilder();
            dump(dto, out);
            return out.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "runtime DTO not readable: " + e;
        } finally {
            context.ungetService(ref);
        }
    }

    private static void dump(Object value, StringBuilder out) throws IllegalAccessException {
        if (value == null) {
            out.append("null");
        } else if (value.getClass().isArray()) {
            out.append('[');
            for (int i = 0; i < Array.getLength(value); i++) {
                out.append(i == 0 ? "" : ", ");
                dump(Array.get(value, i), out);
            }
            out.append(']');
        } else if (value.getClass().getName().endsWith("DTO")) {
            out.append(value.getClass().getSimpleName()).append('{');
            boolean first = true;
            for (Field f : value.getClass().getFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                Object v = f.get(value);
                if (v == null
                        || Boolean.FALSE.equals(v)
                        || (v instanceof Integer i && i == 0)
                        || (v instanceof Long l && l == 0)
                        || (v instanceof java.util.Map<?, ?> m && m.isEmpty())
                        || (v.getClass().isArray() && Array.getLength(v) == 0)) {
                    continue; // unset, default and empty fields only make the message longer
                }
                out.append(first ? "" : ", ").append(f.getName()).append('=');
                first = false;
                dump(v, out);
            }
            out.append('}');
        } else {
            out.append(value);
        }
    }
}
