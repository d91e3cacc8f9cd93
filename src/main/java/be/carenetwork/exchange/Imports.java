package be.carenetwork.exchange;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one way data comes in, used by the REST API and the command line alike. Each file is checked whole before
 * anything is written, and written in one transaction: a refused file ({@link ImportRejectedException}) leaves the
 * graph exactly as it was.
 */
@Service
public class Imports {

    private static final Logger log = LoggerFactory.getLogger(Imports.class);

    private final BoundaryImport boundaries;
    private final ActorImport actors;
    private final HsdsImport hsds;
    private final ExchangeProperties properties;

    Imports(BoundaryImport boundaries, ActorImport actors, HsdsImport hsds, ExchangeProperties properties) {
        this.boundaries = boundaries;
        this.actors = actors;
        this.hsds = hsds;
        this.properties = properties;
    }

    /** Neighbourhood polygons; linked to the municipalities already in the graph that they overlap by 1% or more. */
    public ImportSummary neighbourhoods(SourceFile file, BoundaryOptions options, ImportProgress progress) {
        return logged(boundaries.neighbourhoods(file, options, progress));
    }

    /** Municipality polygons; the neighbourhoods already in the graph are linked to them again. */
    public ImportSummary municipalities(SourceFile file, BoundaryOptions options, ImportProgress progress) {
        return logged(boundaries.municipalities(file, options, progress));
    }

    /** Actors from CSV or GeoJSON, through the built-in OpenStreetMap mapping or a mapping file. */
    public ImportSummary actors(SourceFile file, ActorOptions options, ImportProgress progress) {
        return logged(actors.actors(file, options, progress));
    }

    /**
     * An Open Referral HSDS 3.0 dataset: each service at a located place becomes an actor. Of the options, the
     * source (id prefix, {@code hsds} by default), the attribution and skipInvalid apply.
     */
    public ImportSummary hsds(SourceFile file, ActorOptions options, ImportProgress progress) {
        return logged(hsds.hsds(file, options, progress));
    }

    public long maxFileSize() {
        return properties.maxFileSize().toBytes();
    }

    private static ImportSummary logged(ImportSummary summary) {
        log.info("Imported {} from {}: {} read, {} created, {} updated, {} rejected, in {} ms", summary.kind(),
                summary.file(), summary.read(), summary.created(), summary.updated(), summary.rejected(), summary.millis());
        return summary;
    }
}
