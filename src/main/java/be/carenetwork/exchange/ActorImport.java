package be.carenetwork.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import be.carenetwork.taxonomy.HelpCategories;
import be.carenetwork.taxonomy.HelpCategory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Imports actors from a CSV or GeoJSON file through a mapping: every record is read and checked first, then all are
 * written in one transaction. Any problem refuses the whole file, unless {@code skipInvalid} says to write the rest.
 */
@Component
class ActorImport {

    static final String UNCHANGED = "unchanged since the last import (left as they are)";

    private final ActorChecks checks;
    private final ImportedActors writer;
    private final HelpCategories categories;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final ExchangeProperties properties;

    ActorImport(ActorChecks checks, ImportedActors writer, HelpCategories categories, TransactionTemplate transaction,
                ObjectMapper json, ExchangeProperties properties) {
        this.checks = checks;
        this.writer = writer;
        this.categories = categories;
        this.transaction = transaction;
        this.json = json;
        this.properties = properties;
    }

    ImportSummary actors(SourceFile file, ActorOptions options, ImportProgress progress) {
        long started = System.nanoTime();
        Set<String> known = knownCategories();
        ActorMapping mapping = options.mapping() == null
                ? new OsmMapping(options.source(), options.attribution(), null)
                : FileMapping.read(options.mapping(), json, known, properties.maxProblems());
        ActorRecords.Read read = ActorRecords.read(file, json);
        progress.report("reading", read.records().size(), read.records().size());
        Problems problems = new Problems(file.name(), properties.maxProblems());
        Crs crs = BoundaryImport.crs(read.crs(), mapping.crs() != null ? mapping.crs() : options.crs(), problems);
        problems.refuseIfAny();
        Checked checked = new Checked(checks.session(crs, known), problems, read.records().size(), progress);
        for (SourceRecord record : read.records()) {
            ActorDraft draft = mapping.map(record, problems);
            if (draft != null && options.attribution() != null && draft.attribution() == null) {
                draft = withAttribution(draft, options.attribution());
            }
            checked.add(record.where(), draft);
        }
        return checked.write(file, "actors", options.skipInvalid(), started);
    }

    /** Checks records one by one, in file order, so that problems are listed in that order too. */
    final class Checked {

        private final ActorChecks.Session session;
        private final Problems problems;
        private final int total;
        private final ImportProgress progress;
        private final List<ImportedActor> actors = new ArrayList<>();
        private int read;
        private int refused;

        Checked(ActorChecks.Session session, Problems problems, int total, ImportProgress progress) {
            this.session = session;
            this.problems = problems;
            this.total = total;
            this.progress = progress;
        }

        /** A draft, or null when the mapping refused the record (its problems already added). */
        void add(String where, @Nullable ActorDraft draft) {
            ImportedActor actor = draft == null ? null : session.check(where, draft, problems);
            if (actor != null) {
                actors.add(actor);
            } else {
                refused++;
            }
            if (++read % 1000 == 0) {
                progress.report("checking", read, total);
            }
        }

        /** Refuses the file when anything was wrong (unless skipping invalid records), else writes it in one transaction. */
        ImportSummary write(SourceFile file, String kind, boolean skipInvalid, long started) {
            if (read == 0) {
                problems.add("file", "has no records");
            }
            if (!skipInvalid || actors.isEmpty()) {
                problems.refuseIfAny();
            }
            progress.report("writing", 0, actors.size());
            ImportedActors.Written written = Objects.requireNonNull(transaction.execute(status -> writer.write(actors, false, progress)));
            Map<String, Integer> notes = new LinkedHashMap<>(problems.notes());
            if (written.unchanged() > 0) {
                notes.put(UNCHANGED, written.unchanged());
            }
            return new ImportSummary(kind, file.name(), read, written.created(), written.updated() + written.unchanged(), refused,
                    problems.listed(), notes, BoundaryImport.millisSince(started));
        }
    }

    Checked checked(Crs crs, Set<String> known, Problems problems, int total, ImportProgress progress) {
        return new Checked(checks.session(crs, known), problems, total, progress);
    }

    Set<String> knownCategories() {
        Set<String> known = new HashSet<>();
        categories.all().stream().map(HelpCategory::code).forEach(known::add);
        return known;
    }

    private static ActorDraft withAttribution(ActorDraft d, String attribution) {
        return new ActorDraft(d.source(), d.sourceId(), d.x(), d.y(), d.name(), d.nameFr(), d.nameNl(), d.description(),
                d.kind(), d.address(), d.languages(), d.openingHours(), d.targetGroups(), d.wheelchair(), d.visibility(),
                d.phone(), d.email(), d.website(), d.contactPublic(), d.categories(), d.radiusMetres(), d.maxActive(),
                attribution);
    }
}
