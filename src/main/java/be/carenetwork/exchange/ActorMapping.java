package be.carenetwork.exchange;

import org.jspecify.annotations.Nullable;

/** From the fields of a source record to an actor: the built-in OpenStreetMap mapping or a user's mapping file. */
interface ActorMapping {

    /** The CRS the mapping says the positions are in, or null to use the file's or the default. */
    @Nullable Crs crs();

    /** The actor this record describes, or null after adding to {@code problems} why there is none. */
    @Nullable ActorDraft map(SourceRecord record, Problems problems);
}
