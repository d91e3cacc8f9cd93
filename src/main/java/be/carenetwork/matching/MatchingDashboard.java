package be.carenetwork.matching;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.system.BadInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard of one neighbourhood over a period: people matched, help provided, after care, open needs and their
 * age, the gaps (needs nobody answered), capacities never used, matches by kind of helper. Counts only: erased
 * residents' matches stay in them, anonymous.
 */
@Service
class MatchingDashboard {

    static final int MAX_DAYS = 3 * 366;

    /**
     * @param peopleMatched distinct people with a match validated in the period
     * @param afterCareDue closed matches whose follow-up is pending and not yet late (any period)
     * @param afterCareOverdue closed matches whose follow-up is pending and past its due date
     * @param afterCareDone follow-ups recorded in the period
     * @param openNeeds the neighbourhood's open needs now, by category and age
     * @param unmatchedNeeds needs created in the period still open with no validated match (the gaps), by category
     * @param capacitiesNeverUsed capacities of the neighbourhood's actors and residents never validated in a match
     */
    record Dashboard(String neighbourhood, LocalDate from, LocalDate to, LocalDate today, long peopleMatched,
                     long matchesValidated, long helpEvents, double helpHours, long afterCareDue, long afterCareOverdue,
                     long afterCareDone, Map<String, Long> matchesByKind, Map<String, Long> matchesByStatus,
                     List<OpenNeeds> openNeeds, List<CategoryCount> unmatchedNeeds, long capacities,
                     long capacitiesNeverUsed, List<CategoryCount> unusedCapacities, List<Month> months) {
    }

    record OpenNeeds(String category, long total, long upTo7Days, long upTo30Days, long older, long oldestDays) {
    }

    record CategoryCount(String category, long count) {
    }

    record Month(String month, long validated, double helpHours) {
    }

    private static final String MATCHES = """
            OPTIONAL MATCH (m:Match {neighbourhood: $neighbourhood})
            WITH m, m.validatedAt >= $start AND m.validatedAt < $end AS validatedInPeriod
            WITH count(DISTINCT CASE WHEN validatedInPeriod THEN m.personKey END) AS people,
                 count(CASE WHEN validatedInPeriod THEN 1 END) AS validated,
                 count(CASE WHEN m.status = 'CLOSED' AND m.outcome IS NULL AND m.dueDate >= $today THEN 1 END) AS due,
                 count(CASE WHEN m.status = 'CLOSED' AND m.outcome IS NULL AND m.dueDate < $today THEN 1 END) AS overdue,
                 count(CASE WHEN m.afterCareDoneAt >= $start AND m.afterCareDoneAt < $end THEN 1 END) AS done
            RETURN people, validated, due, overdue, done,
                   COLLECT { MATCH (k:Match {neighbourhood: $neighbourhood})
                             WHERE k.validatedAt >= $start AND k.validatedAt < $end
                             WITH k.helperKind AS kind, count(*) AS n RETURN [kind, n] } AS byKind,
                   COLLECT { MATCH (k:Match {neighbourhood: $neighbourhood})
                             WHERE k.proposedAt >= $start AND k.proposedAt < $end
                             WITH k.status AS status, count(*) AS n RETURN [status, n] } AS byStatus,
                   COLLECT { MATCH (k:Match {neighbourhood: $neighbourhood})
                             WHERE k.validatedAt >= $start AND k.validatedAt < $end
                             WITH substring(toString(date(k.validatedAt)), 0, 7) AS month, count(*) AS n
                             RETURN [month, n] } AS validatedByMonth""";

    private static final String HELP = """
            MATCH (m:Match {neighbourhood: $neighbourhood})-[:LOGGED]->(h:HelpEvent)
            WHERE h.date >= $from AND h.date <= $to
            WITH substring(toString(h.date), 0, 7) AS month, count(h) AS events, sum(h.minutes) AS minutes
            RETURN month, events, minutes ORDER BY month""";

    private static final String NEEDS = """
            MATCH (:Neighbourhood {code: $neighbourhood})<-[:LOCATED_IN]-(n:Need)-[:FOR]->(c)
            WHERE n.status = 'OPEN'
            WITH c, n, duration.inDays(date(n.createdAt), $today).days AS age,
                 n.createdAt >= $start AND n.createdAt < $end
                   AND NOT EXISTS { MATCH (n)<-[:FOR_NEED]-(x:Match) WHERE x.status IN $booked } AS gap
            WITH c, count(n) AS total, count(CASE WHEN age <= 7 THEN 1 END) AS week,
                 count(CASE WHEN age > 7 AND age <= 30 THEN 1 END) AS month, count(CASE WHEN age > 30 THEN 1 END) AS older,
                 max(age) AS oldest, count(CASE WHEN gap THEN 1 END) AS gaps
            RETURN c.code AS category, total, week, month, older, oldest, gaps
            ORDER BY total DESC, category""";

    /** Grouped by category node, so each capacity costs its index seek and nothing more. */
    private static final String CAPACITIES = """
            MATCH (:Neighbourhood {code: $neighbourhood})<-[:LOCATED_IN|LIVES_IN]-(o)-[cap:OFFERS]->(c)
            WITH c, EXISTS { MATCH (x:Match {capacityId: cap.id}) WHERE x.validatedAt IS NOT NULL } AS used
            WITH c, count(*) AS total, count(CASE WHEN NOT used THEN 1 END) AS unused
            RETURN c.code AS category, total, unused
            ORDER BY unused DESC, category""";

    private final Neo4jClient neo4j;
    private final Neighbourhoods neighbourhoods;

    MatchingDashboard(Neo4jClient neo4j, Neighbourhoods neighbourhoods) {
        this.neo4j = neo4j;
        this.neighbourhoods = neighbourhoods;
    }

    @Transactional(readOnly = true)
    Dashboard of(String neighbourhood, @Nullable LocalDate from, @Nullable LocalDate to, Caller caller, LocalDate today) {
        caller.requireCoordinatorOf(neighbourhood);
        neighbourhoods.get(neighbourhood);
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
        if (start.isAfter(end)) {
            throw new BadInputException("from", "must be on or before 'to'");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw new BadInputException("from", "the period may be at most " + MAX_DAYS + " days");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("neighbourhood", neighbourhood);
        params.put("from", start);
        params.put("to", end);
        params.put("start", start.atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime());
        params.put("end", end.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime());
        params.put("today", today);
        params.put("booked", MatchStatus.BOOKED);

        Map<String, Object> m = neo4j.query(MATCHES).bindAll(params).fetch().one().orElseThrow();
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (HelperKind kind : HelperKind.values()) {
            byKind.put(kind.name(), 0L);
        }
        byKind.putAll(pairs(m.get("byKind")));
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (MatchStatus status : MatchStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        byStatus.putAll(pairs(m.get("byStatus")));
        Map<String, Long> validatedByMonth = pairs(m.get("validatedByMonth"));

        long events = 0;
        long minutes = 0;
        Map<String, Double> hoursByMonth = new HashMap<>();
        for (Map<String, Object> row : neo4j.query(HELP).bindAll(params).fetch().all()) {
            events += number(row.get("events"));
            long monthMinutes = number(row.get("minutes"));
            minutes += monthMinutes;
            hoursByMonth.put((String) row.get("month"), hours(monthMinutes));
        }

        List<OpenNeeds> open = new ArrayList<>();
        List<CategoryCount> gaps = new ArrayList<>();
        for (Map<String, Object> row : neo4j.query(NEEDS).bindAll(params).fetch().all()) {
            String category = (String) row.get("category");
            open.add(new OpenNeeds(category, number(row.get("total")), number(row.get("week")), number(row.get("month")),
                    number(row.get("older")), number(row.get("oldest"))));
            if (number(row.get("gaps")) > 0) {
                gaps.add(new CategoryCount(category, number(row.get("gaps"))));
            }
        }
        gaps.sort((a, b) -> Long.compare(b.count(), a.count()));

        long capacities = 0;
        long unused = 0;
        List<CategoryCount> unusedByCategory = new ArrayList<>();
        for (Map<String, Object> row : neo4j.query(CAPACITIES).bindAll(params).fetch().all()) {
            capacities += number(row.get("total"));
            long n = number(row.get("unused"));
            unused += n;
            if (n > 0) {
                unusedByCategory.add(new CategoryCount((String) row.get("category"), n));
            }
        }

        List<Month> months = new ArrayList<>();
        for (LocalDate month = start.withDayOfMonth(1); !month.isAfter(end); month = month.plusMonths(1)) {
            String key = month.toString().substring(0, 7);
            months.add(new Month(key, validatedByMonth.getOrDefault(key, 0L), hoursByMonth.getOrDefault(key, 0.0)));
        }

        return new Dashboard(neighbourhood, start, end, today, number(m.get("people")), number(m.get("validated")),
                events, hours(minutes), number(m.get("due")), number(m.get("overdue")), number(m.get("done")),
                byKind, byStatus, open, gaps, capacities, unused, unusedByCategory, months);
    }

    /** The dashboard as CSV rows: section, key, value. */
    static String csv(Dashboard d) {
        StringBuilder csv = new StringBuilder("section,key,value\n");
        row(csv, "period", "neighbourhood", d.neighbourhood());
        row(csv, "period", "from", d.from());
        row(csv, "period", "to", d.to());
        row(csv, "totals", "people_matched", d.peopleMatched());
        row(csv, "totals", "matches_validated", d.matchesValidated());
        row(csv, "totals", "help_events", d.helpEvents());
        row(csv, "totals", "help_hours", d.helpHours());
        row(csv, "totals", "after_care_due", d.afterCareDue());
        row(csv, "totals", "after_care_overdue", d.afterCareOverdue());
        row(csv, "totals", "after_care_done", d.afterCareDone());
        row(csv, "totals", "capacities", d.capacities());
        row(csv, "totals", "capacities_never_used", d.capacitiesNeverUsed());
        d.matchesByKind().forEach((k, v) -> row(csv, "matches_by_kind", k, v));
        d.matchesByStatus().forEach((k, v) -> row(csv, "matches_by_status", k, v));
        for (OpenNeeds o : d.openNeeds()) {
            row(csv, "open_needs", o.category(), o.total());
            row(csv, "open_needs_up_to_7_days", o.category(), o.upTo7Days());
            row(csv, "open_needs_8_to_30_days", o.category(), o.upTo30Days());
            row(csv, "open_needs_older", o.category(), o.older());
            row(csv, "open_needs_oldest_days", o.category(), o.oldestDays());
        }
        d.unmatchedNeeds().forEach(g -> row(csv, "unmatched_needs", g.category(), g.count()));
        d.unusedCapacities().forEach(g -> row(csv, "capacities_never_used", g.category(), g.count()));
        for (Month month : d.months()) {
            row(csv, "validated_by_month", month.month(), month.validated());
            row(csv, "help_hours_by_month", month.month(), month.helpHours());
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String section, String key, Object value) {
        csv.append(section).append(',').append(cell(key)).append(',').append(cell(String.valueOf(value))).append('\n');
    }

    /** Quotes a cell when needed, and defuses spreadsheet formulas. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+") ? "'" + value : value;
        return safe.matches("[A-Za-z0-9_.:' -]*") ? safe : '"' + safe.replace("\"", "\"\"") + '"';
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> pairs(@Nullable Object rows) {
        Map<String, Long> map = new LinkedHashMap<>();
        if (rows instanceof List<?> list) {
            for (Object row : list) {
                List<Object> pair = (List<Object>) row;
                if (pair.get(0) != null) {
                    map.put(String.valueOf(pair.get(0)), number(pair.get(1)));
                }
            }
        }
        return map;
    }

    private static long number(@Nullable Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static double hours(long minutes) {
        return Math.round(minutes / 6.0) / 10.0;
    }
}
