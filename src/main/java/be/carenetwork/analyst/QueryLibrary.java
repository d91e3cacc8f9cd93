package be.carenetwork.analyst;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.carenetwork.system.BadInputException;
import be.carenetwork.system.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The analyst query library: every {@code cypher/analyst/*.cypher} file on the class path, read once at start.
 * <p>
 * The header of each file is a block of {@code //} comments before the first line of Cypher:
 * <pre>
 * // Title on the first line
 * // Question: what it answers (may continue on the next lines)
 * // Parameters:
 * //   $name type [= default] description      (type: string, integer, float, boolean, date, strings)
 * // Chart: bar|line xColumn yColumn[,yColumn...]
 * // Example result:
 * //   a table, as text
 * </pre>
 * A parameter without {@code = default} is required; {@code = null} makes it optional.
 */
@Component
class QueryLibrary {

    static final List<String> TYPES = List.of("string", "integer", "float", "boolean", "date", "strings");
    private static final Pattern PARAMETER = Pattern.compile(
            "\\$(\\w+)\\s+(" + String.join("|", TYPES) + ")\\b(?:\\s*=\\s*(\\S+))?\\s*(.*)");
    private static final Pattern CHART = Pattern.compile("(bar|line)\\s+(\\w+)\\s+([\\w,]+)");

    private final Map<String, LibraryQuery> queries;

    QueryLibrary() {
        this(load("classpath*:cypher/analyst/*.cypher"));
    }

    QueryLibrary(List<LibraryQuery> queries) {
        Map<String, LibraryQuery> byName = new LinkedHashMap<>();
        queries.stream().sorted(Comparator.comparing(LibraryQuery::name)).forEach(q -> byName.put(q.name(), q));
        this.queries = byName;
    }

    Collection<LibraryQuery> all() {
        return queries.values();
    }

    LibraryQuery get(String name) {
        return Optional.ofNullable(queries.get(name)).orElseThrow(() -> new NotFoundException("analyst query", name));
    }

    /** The parameters to run it with: the given ones converted to their declared types, the defaults for the rest. */
    static Map<String, @Nullable Object> parameters(LibraryQuery query, Map<String, ?> given) {
        for (String name : given.keySet()) {
            if (query.parameters().stream().noneMatch(p -> p.name().equals(name))) {
                throw new BadInputException("parameters." + name, "is not a parameter of " + query.name() + "; it takes "
                        + query.parameters().stream().map(LibraryQuery.Parameter::name).toList());
            }
        }
        Map<String, @Nullable Object> values = new HashMap<>();
        for (LibraryQuery.Parameter parameter : query.parameters()) {
            Object value = given.get(parameter.name());
            if (value == null) {
                if (parameter.required()) {
                    throw new BadInputException("parameters." + parameter.name(), "is required (" + parameter.type()
                            + "): " + parameter.description());
                }
                values.put(parameter.name(), parameter.defaultValue());
            } else {
                values.put(parameter.name(), convert("parameters." + parameter.name(), parameter.type(), value));
            }
        }
        return values;
    }

    static @Nullable Object convert(String field, String type, Object value) {
        try {
            return switch (type) {
                case "string" -> value instanceof String s ? s : fail(field, type, value);
                case "integer" -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? n.longValue()
                        : value instanceof String s ? Long.parseLong(s.trim()) : fail(field, type, value);
                case "float" -> value instanceof Number n ? n.doubleValue()
                        : value instanceof String s ? Double.parseDouble(s.trim()) : fail(field, type, value);
                case "boolean" -> value instanceof Boolean b ? b
                        : "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : fail(field, type, value);
                case "date" -> value instanceof String s ? LocalDate.parse(s.trim()) : fail(field, type, value);
                case "strings" -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)
                        ? List.copyOf(list)
                        : value instanceof String s ? Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList()
                        : fail(field, type, value);
                default -> fail(field, type, value);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return fail(field, type, value);
        }
    }

    private static Object fail(String field, String type, Object value) {
        String expected = switch (type) {
            case "date" -> "a date such as 2026-03-31";
            case "strings" -> "a list of text, such as [\"fr\", \"nl\"]";
            default -> "a value of type " + type;
        };
        throw new BadInputException(field, "must be " + expected + ", was " + value);
    }

    // ---------------------------------------------------------------------------------------------- parsing

    static List<LibraryQuery> load(String pattern) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(pattern);
            List<LibraryQuery> queries = new ArrayList<>();
            for (Resource file : files) {
                String name = String.valueOf(file.getFilename()).replaceFirst("\\.cypher$", "");
                queries.add(parse(name, file.getContentAsString(StandardCharsets.UTF_8)));
            }
            return queries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LibraryQuery parse(String name, String text) {
        List<String> header = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (!line.startsWith("//")) {
                break;
            }
            header.add(line.substring(2).strip());
        }
        if (header.isEmpty() || header.getFirst().isBlank()) {
            throw new IllegalStateException("cypher/analyst/" + name + ".cypher: the header must start with a title line");
        }
        String title = header.getFirst();
        StringBuilder question = new StringBuilder();
        StringBuilder example = new StringBuilder();
        List<LibraryQuery.Parameter> parameters = new ArrayList<>();
        LibraryQuery.Chart chart = null;
        String section = "";
        for (String line : header.subList(1, header.size())) {
            if (line.startsWith("Question:")) {
                section = "question";
                question.append(line.substring("Question:".length()).strip());
            } else if (line.startsWith("Parameters:")) {
                section = "parameters";
            } else if (line.startsWith("Chart:")) {
                section = "";
                Matcher m = CHART.matcher(line.substring("Chart:".length()).strip());
                if (!m.matches()) {
                    throw new IllegalStateException("cypher/analyst/" + name + ".cypher: Chart: must be 'bar|line x y1,y2'");
                }
                chart = new LibraryQuery.Chart(m.group(1), m.group(2), List.of(m.group(3).split(",")));
            } else if (line.startsWith("Example result:")) {
                section = "example";
            } else if (section.equals("question") && !line.isBlank()) {
                question.append(' ').append(line);
            } else if (section.equals("parameters") && line.startsWith("$")) {
                parameters.add(parameter(name, line));
            } else if (section.equals("parameters") && !line.isBlank() && !parameters.isEmpty()) {
                LibraryQuery.Parameter last = parameters.removeLast();
                parameters.add(new LibraryQuery.Parameter(last.name(), last.type(), last.required(), last.defaultValue(),
                        last.defaultText(), last.description() + " " + line));
            } else if (section.equals("example")) {
                example.append(line).append('\n');
            } else if (!line.isBlank()) {
                section = "";
            }
        }
        if (question.isEmpty() || example.isEmpty()) {
            throw new IllegalStateException("cypher/analyst/" + name + ".cypher: the header needs a Question: and an Example result:");
        }
        return new LibraryQuery(name, title, question.toString(), List.copyOf(parameters), chart, example.toString().stripTrailing(), text);
    }

    private static LibraryQuery.Parameter parameter(String query, String line) {
        Matcher m = PARAMETER.matcher(line);
        if (!m.matches()) {
            throw new IllegalStateException("cypher/analyst/" + query + ".cypher: a parameter line must be "
                    + "'$name type [= default] description', with type one of " + TYPES + ": " + line);
        }
        String type = m.group(2);
        String defaultText = m.group(3);
        boolean required = defaultText == null;
        Object defaultValue = required || defaultText.equals("null") ? null
                : convert("$" + m.group(1), type, defaultText.replaceAll("^'(.*)'$", "$1"));
        return new LibraryQuery.Parameter(m.group(1), type, required, defaultValue,
                defaultText == null ? "" : defaultText, m.group(4).strip());
    }
}
