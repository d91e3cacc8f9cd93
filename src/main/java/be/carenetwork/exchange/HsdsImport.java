package be.carenetwork.exchange;

import java.util.Set;

import be.carenetwork.exchange.hsds.HsdsDataset;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Imports an Open Referral HSDS 3.0 dataset through the same checks and writer as the other actor imports. */
@Component
class HsdsImport {

    private final ActorImport actors;
    private final ObjectMapper json;
    private final ExchangeProperties properties;

    HsdsImport(ActorImport actors, ObjectMapper json, ExchangeProperties properties) {
        this.actors = actors;
        this.json = json;
        this.properties = properties;
    }

    ImportSummary hsds(SourceFile file, ActorOptions options, ImportProgress progress) {
        long started = System.nanoTime();
        Set<String> known = actors.knownCategories();
        HsdsDataset.Read read;
        try {
            read = HsdsDataset.read(file.text(), json, known, options.source(), options.attribution());
        } catch (HsdsDataset.NotJson e) {
            throw new ImportRejectedException(file.name(), new ImportProblem(e.where(), e.getMessage()));
        }
        progress.report("reading", read.items().size(), read.items().size());
        Problems problems = new Problems(file.name(), properties.maxProblems());
        read.notes().forEach(problems::note);
        ActorImport.Checked checked = actors.checked(Crs.WGS84, known, problems, read.items().size(), progress);
        for (HsdsDataset.Item item : read.items()) {
            if (item.problem() != null) {
                problems.add(item.where(), item.problem());
            }
            checked.add(item.where(), item.draft());
        }
        return checked.write(file, "hsds", options.skipInvalid(), started);
    }
}
