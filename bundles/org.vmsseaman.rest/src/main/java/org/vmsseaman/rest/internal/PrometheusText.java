package org.vmsseaman.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a Prometheus text exposition (format 0.0.4): one {@code # HELP} and {@code # TYPE} line per metric
 * family, then its samples, label values escaped. Written here because the Prometheus client's text-format
 * bundle cannot resolve in OSGi (it imports an internal package that only its protobuf bundle carries); the
 * format itself is a few lines.
 */
final class PrometheusText {

    /** The Content-Type of this format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(8192);
    private final Map<String, String> declared = new LinkedHashMap<>();

    /** Declares a family; repeated declarations of the same name are written once. */
    PrometheusText family(String name, String type, String help) {
        if (declared.putIfAbsent(name, type) == null) {
            out.append("# HELP ")
                    .append(name)
                    .append(' ')
                    .append(escapeHelp(help))
                    .append('\n');
            out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        }
        return this;
    }

    /** A sample without labels. */
    PrometheusText sample(String name, double value) {
        return sample(name, value, new String[0]);
    }

    /** A sample with labels given as name, value, name, value... */
    PrometheusText sample(String name, double value, String... labels) {
        if (!declared.containsKey(name)) {
            throw new IllegalStateException("metric " + name + " sampled before its family was declared");
        }
        out.append(name);
        if (labels.length > 0) {
            out.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(labels[i])
                        .append("=\"")
                        .append(escapeLabel(labels[i + 1]))
                        .append('"');
            }
            out.append('}');
        }
        out.append(' ').append(format(value)).append('\n');
        return this;
    }

    /** Declares a single-sample family and writes its sample. */
    PrometheusText gauge(String name, String help, double value) {
        return family(name, "gauge", help).sample(name, value);
    }

    /** Declares a single-sample counter family and writes its sample. */
    PrometheusText counter(String name, String help, double value) {
        return family(name, "counter", help).sample(name, value);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String escapeHelp(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String escapeLabel(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
