package be.carenetwork.analyst;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes rows as they come, to CSV (RFC 4180) or to a GeoJSON FeatureCollection, so an export of any size never sits
 * in memory. Both take the plain values of {@link AnalystValues} and {@link PseudonymisedSnapshot}.
 */
abstract sealed class TableWriter implements AutoCloseable permits TableWriter.Csv, TableWriter.GeoJson {

    abstract void start(List<String> columns);

    abstract void row(List<@Nullable Object> values);

    @Override
    public abstract void close();

    static TableWriter csv(OutputStream out, ObjectMapper json) {
        return new Csv(out, json);
    }

    /**
     * @param geometryColumn the column holding each feature's geometry (a point, or GeoJSON text); when null, the first
     *                       point in the row, or no geometry
     */
    static TableWriter geoJson(OutputStream out, ObjectMapper json, @Nullable String geometryColumn) {
        return new GeoJson(out, json, geometryColumn);
    }

    /** CSV with a header line; points as WKT, lists and maps as JSON, text guarded against spreadsheet formulas. */
    static final class Csv extends TableWriter {
        private final Writer out;
        private final ObjectMapper json;

        Csv(OutputStream out, ObjectMapper json) {
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            this.json = json;
        }

        @Override
        void start(List<String> columns) {
            line(List.copyOf(columns));
        }

        @Override
        void row(List<@Nullable Object> values) {
            line(values);
        }

        private void line(List<? extends @Nullable Object> values) {
            try {
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(cell(values.get(i)));
                }
                out.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String cell(@Nullable Object value) {
            return switch (value) {
                case null -> "";
                case GeoJsonPoint p -> p.wkt();
                case Number n -> n.toString();
                case Boolean b -> b.toString();
                case TemporalAccessor t -> t.toString();
                case String s -> quoted(formulaSafe(s));
                case List<?> l -> quoted(json.writeValueAsString(l));
                case Map<?, ?> m -> quoted(json.writeValueAsString(m));
                default -> quoted(value.toString());
            };
        }

        /** Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP's CSV injection advice). */
        static String formulaSafe(String text) {
            return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        }

        private static String quoted(String text) {
            boolean plain = text.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
            return plain ? text : '"' + text.replace("\"", "\"\"") + '"';
        }

        @Override
        public void close() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A FeatureCollection, one Feature per row, the other columns as its properties. */
    static final class GeoJson extends TableWriter {
        private final JsonGenerator out;
        private final @Nullable String geometryColumn;
        private List<String> columns = List.of();
        private boolean started;

        GeoJson(OutputStream out, ObjectMapper json, @Nullable String geometryColumn) {
            this.out = json.createGenerator(out);
            this.geometryColumn = geometryColumn;
        }

        @Override
        void start(List<String> columns) {
            this.columns = List.copyOf(columns);
            started = true;
            out.writeStartObject();
            out.writeStringProperty("type", "FeatureCollection");
            out.writeName("features");
            out.writeStartArray();
        }

        @Override
        void row(List<@Nullable Object> values) {
            int geometry = geometryColumn == null ? firstPoint(values) : columns.indexOf(geometryColumn);
            out.writeStartObject();
            out.writeStringProperty("type", "Feature");
            out.writeName("geometry");
            Object shape = geometry < 0 ? null : values.get(geometry);
            switch (shape) {
                case GeoJsonPoint p -> out.writePOJO(p);
                case String text when text.strip().startsWith("{") -> out.writeRawValue(text);
                case null, default -> out.writeNull();
            }
            out.writeName("properties");
            out.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                if (i != geometry) {
                    out.writeName(columns.get(i));
                    Object value = values.get(i);
                    out.writePOJO(value instanceof TemporalAccessor t ? t.toString() : value);
                }
            }
            out.writeEndObject();
            out.writeEndObject();
        }

        private static int firstPoint(List<@Nullable Object> values) {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof GeoJsonPoint) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public void close() {
            if (started) {
                out.writeEndArray();
                out.writeEndObject();
            }
            out.close();
        }
    }
}
