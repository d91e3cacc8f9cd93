package be.carenetwork.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) with a header row. The separator is
 * a comma or, as spreadsheets in Belgium write it, a semicolon: whichever the header uses. Every row knows the line it
 * starts on, so problems can say where they are.
 */
record CsvFile(List<String> header, List<Row> rows) {

    /** @param line the line the row starts on (the header is line 1) */
    record Row(int line, Map<String, String> values) {

        String where() {
            return "line " + line;
        }
    }

    static CsvFile read(SourceFile file) {
        String text = file.text();
        char separator = separator(text);
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                    quoteLine = line;
                } else {
                    throw refused(file, "line " + line, "has a quote inside a field that does not start with one; "
                            + "quote the whole field and double the quotes inside it");
                }
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                if (!(fields.size() == 1 && fields.getFirst().isEmpty())) {
                    records.add(fields);
                    lines.add(recordLine);
                }
                fields = new ArrayList<>();
                line++;
                recordLine = line;
            } else if (wasQuoted) {
                throw refused(file, "line " + line, "has text after the closing quote of a field");
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw refused(file, "line " + quoteLine, "has a quoted field that is never closed");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
            lines.add(recordLine);
        }
        if (records.isEmpty()) {
            throw refused(file, "file", "is empty: a CSV file needs a header row");
        }
        List<String> header = records.getFirst().stream().map(String::strip).toList();
        for (int h = 0; h < header.size(); h++) {
            if (header.get(h).isEmpty()) {
                throw refused(file, "line " + lines.getFirst(), "column " + (h + 1) + " of the header has no name");
            }
            if (header.indexOf(header.get(h)) != h) {
                throw refused(file, "line " + lines.getFirst(), "the header names the column '" + header.get(h) + "' twice");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> values = records.get(r);
            if (values.size() != header.size()) {
                throw refused(file, "line " + lines.get(r), "has " + values.size() + " fields where the header has "
                        + header.size() + " (separator '" + separator + "')");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int h = 0; h < header.size(); h++) {
                String value = values.get(h).strip();
                if (!value.isEmpty()) {
                    row.put(header.get(h), value);
                }
            }
            rows.add(new Row(lines.get(r), row));
        }
        return new CsvFile(header, rows);
    }

    /** The separator the header row uses most: a comma or a semicolon. */
    private static char separator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long commas = first.chars().filter(c -> c == ',').count();
        long semicolons = first.chars().filter(c -> c == ';').count();
        return semicolons > commas ? ';' : ',';
    }

    private static ImportRejectedException refused(SourceFile file, String where, String reason) {
        return new ImportRejectedException(file.name(), new ImportProblem(where, reason));
    }
}
