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

    /** One record the mapping made something of, or null when it could not, with where it came from. */
    record Drafted(String where, @Nullable ActorDraft draft) {
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
        List<Drafted> drafted = new ArrayList<>(read.records().size());
        for (SourceRecord record : read.records()) {
            ActorDraft draft = mapping.map(record, problems);
            if (draft != null && options.attribution() != null && draft.attribution() == null) {
                draft = withAttribution(draft, options.attribution());
            }
            drafted.add(new Drafted(record.where(), draft));
        }
        return write(file, "actors", drafted, crs, known, problems, options.skipInvalid(), progress, started);
    }

    /** Checks and writes drafts made elsewhere (the HSDS import), with the same rules. */
    ImportSummary write(SourceFile file, String kind, List<Drafted> drafted, Crs crs, Set<String> known,
                        Problems problems, boolean skipInvalid, ImportProgress progress, long started) {
        ActorChecks.Session session = checks.session(crs, known);
        List<ImportedActor> actors = new ArrayList<>(drafted.size());
        Set<String> refused = new HashSet<>();
        int done = 0;
        for (Drafted d : drafted) {
            int before = problems.count();
            ImportedActor actor = d.draft() == null ? null : session.check(d.where(), d.draft(), problems);
            if (actor != null) {
                actors.add(actor);
            } else if (problems.count() > before || d.draft() == null) {
                refused.add(d.where());
            }
            if (++done % 1000 == 0) {
                progress.report("checking", done, drafted.size());
            }
        }
        if (drafted.isEmpty()) {
            problems.add("file", "has no records");
        }
        if (!skipInvalid || actors.isEmpty()) {
            problems.refuseIfAny();
        }
        progress.report("writing", 0, actors.size());
        int created = Objects.requireNonNull(transaction.execute(status -> writer.write(actors, false, progress)));
        Map<String, Integer> notes = new LinkedHashMap<>(problems.notes());
        return new ImportSummary(kind, file.name(), drafted.size(), created, actors.size() - created, refused.size(),
                problems.listed(), notes, BoundaryImport.millisSince(started));
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
