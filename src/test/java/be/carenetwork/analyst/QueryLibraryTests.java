package be.carenetwork.analyst;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.carenetwork.system.BadInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryLibraryTests {

    static final String FILE = """
            // Needs per category
            //
            // Question: How many needs are there per category,
            //   and since when?
            // Parameters:
            //   $since date = null  only needs from this day
            //   $limit integer = 10  how many rows
            //     at most
            //   $category string  the category (required)
            //   $languages strings = fr,nl  languages
            // Chart: bar category needs,open
            // Example result:
            //   category | needs | open
            //   shopping | 12    | 5
            MATCH (n:Need)-[:FOR]->(c:HelpCategory {code: $category})
            RETURN c.code AS category, count(n) AS needs, 0 AS open LIMIT $limit
            """;

    @Test
    void shouldReadTheHeader() {
        LibraryQuery query = QueryLibrary.parse("needs_per_category", FILE);

        assertThat(query.title()).isEqualTo("Needs per category");
        assertThat(query.question()).isEqualTo("How many needs are there per category, and since when?");
        assertThat(query.parameters()).extracting(LibraryQuery.Parameter::name)
                .containsExactly("since", "limit", "category", "languages");
        assertThat(query.parameters().get(1).defaultValue()).isEqualTo(10L);
        assertThat(query.parameters().get(1).description()).isEqualTo("how many rows at most");
        assertThat(query.parameters().get(2).required()).isTrue();
        assertThat(query.parameters().get(3).defaultValue()).isEqualTo(List.of("fr", "nl"));
        assertThat(query.chart()).isEqualTo(new LibraryQuery.Chart("bar", "category", List.of("needs", "open")));
        assertThat(query.example()).startsWith("category | needs | open\nshopping");
        assertThat(query.cypher()).isEqualTo(FILE);
    }

    @Test
    void shouldConvertParametersToTheirDeclaredTypes() {
        LibraryQuery query = QueryLibrary.parse("needs_per_category", FILE);

        Map<String, Object> values = QueryLibrary.parameters(query, Map.of("category", "shopping", "since", "2026-01-01",
                "limit", 5, "languages", List.of("ar")));

        assertThat(values).containsEntry("category", "shopping").containsEntry("since", LocalDate.of(2026, 1, 1))
                .containsEntry("limit", 5L).containsEntry("languages", List.of("ar"));
        assertThat(QueryLibrary.parameters(query, Map.of("category", "meals"))).containsEntry("since", null)
                .containsEntry("limit", 10L);
    }

    @Test
    void shouldNameTheParameterThatIsMissingUnknownOrOfTheWrongType() {
        LibraryQuery query = QueryLibrary.parse("needs_per_category", FILE);

        assertThatThrownBy(() -> QueryLibrary.parameters(query, Map.of()))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.field()).isEqualTo("parameters.category"));
        assertThatThrownBy(() -> QueryLibrary.parameters(query, Map.of("category", "x", "limit", 2.5)))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.field()).isEqualTo("parameters.limit"));
        assertThatThrownBy(() -> QueryLibrary.parameters(query, Map.of("category", "x", "since", "yesterday")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.field()).isEqualTo("parameters.since"));
        assertThatThrownBy(() -> QueryLibrary.parameters(query, Map.of("category", "x", "colour", "red")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.field()).isEqualTo("parameters.colour"));
    }

    @Test
    void shouldRefuseAFileWithoutQuestionOrExample() {
        assertThatThrownBy(() -> QueryLibrary.parse("bare", "// Title\nMATCH (n) RETURN n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Question:");
    }
}
