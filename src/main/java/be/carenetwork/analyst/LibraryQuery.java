package be.carenetwork.analyst;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One query of the analyst library ({@code cypher/analyst/<name>.cypher}), with what its header says.
 *
 * @param name the file name without {@code .cypher}: how the API and the page call it
 * @param title the first line of the header
 * @param question the question it answers
 * @param parameters what it takes, in the order of the header
 * @param chart how the page draws it, when it says
 * @param example an example of its result, as text
 * @param cypher the whole file, header included (Neo4j ignores the comments)
 */
record LibraryQuery(String name, String title, String question, List<Parameter> parameters, @Nullable Chart chart,
                    String example, String cypher) {

    /**
     * @param type string, integer, float, boolean, date or strings (a list of text)
     * @param defaultValue the header's default, already of the type; null when the parameter is optional and absent
     */
    record Parameter(String name, String type, boolean required, @Nullable Object defaultValue, String defaultText,
                     String description) {
    }

    /**
     * @param type bar or line
     * @param x the column along the horizontal axis
     * @param y the columns drawn
     */
    record Chart(String type, String x, List<String> y) {
    }
}
