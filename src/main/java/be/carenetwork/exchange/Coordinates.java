package be.carenetwork.exchange;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Where a record's position comes from: its GeoJSON geometry, else a pair of columns. */
final class Coordinates {

    private Coordinates() {
    }

    /** {x, y} in the file's CRS, or null after adding the problem. */
    static Double @Nullable [] of(SourceRecord record, List<String> xColumns, List<String> yColumns, Problems problems) {
        if (record.x() != null && record.y() != null) {
            return new Double[] {record.x(), record.y()};
        }
        if (record.geometryProblem() != null) {
            problems.add(record.where(), record.geometryProblem());
            return null;
        }
        String xColumn = xColumns.stream().filter(c -> record.get(c) != null).findFirst().orElse(null);
        String yColumn = yColumns.stream().filter(c -> record.get(c) != null).findFirst().orElse(null);
        if (xColumn == null || yColumn == null) {
            problems.add(record.where(), "has no position: " + (xColumn == null ? "no " + String.join(" or ", xColumns) : "")
                    + (xColumn == null && yColumn == null ? ", " : "") + (yColumn == null ? "no " + String.join(" or ", yColumns) : ""));
            return null;
        }
        Double x = number(record, xColumn, problems);
        Double y = number(record, yColumn, problems);
        return x == null || y == null ? null : new Double[] {x, y};
    }

    private static @Nullable Double number(SourceRecord record, String column, Problems problems) {
        String text = record.get(column);
        try {
            // A decimal comma, as Belgian spreadsheets write it, in a semicolon-separated file.
            return Double.parseDouble(text.replace(',', '.'));
        } catch (NumberFormatException | NullPointerException e) {
            problems.add(record.where(), column + " '" + text + "' is not a number");
            return null;
        }
    }
}
