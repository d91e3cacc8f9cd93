package be.carenetwork.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Where a mapping finds a value in a record: one field ({@code naam}), the first non-empty of several
 * ({@code [naam, name]}), or a template of fields ({@code "{straat} {nummer}, {postcode} {gemeente}"}), whose empty
 * parts are left out with their separators.
 */
record FieldRef(List<String> fields, @Nullable String template) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    static FieldRef field(String field) {
        if (field.contains("{")) {
            List<String> fields = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(field);
            while (m.find()) {
                fields.add(m.group(1));
            }
            return new FieldRef(List.copyOf(fields), field);
        }
        return new FieldRef(List.of(field), null);
    }

    static FieldRef firstOf(List<String> fields) {
        return new FieldRef(List.copyOf(fields), null);
    }

    @Nullable String value(SourceRecord record) {
        if (template == null) {
            for (String field : fields) {
                String value = record.get(field);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        boolean any = false;
        while (m.find()) {
            String value = record.get(m.group(1));
            any |= value != null;
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        if (!any) {
            return null;
        }
        String tidy = out.toString().replaceAll("\\s+", " ").replaceAll("\\s+([,;])", "$1")
                .replaceAll("([,;])(\\s*[,;])+", "$1").replaceAll("^[\\s,;-]+|[\\s,;-]+$", "");
        return tidy.isEmpty() ? null : tidy;
    }

    @Override
    public String toString() {
        return template != null ? template : fields.size() == 1 ? fields.getFirst() : fields.toString();
    }
}
