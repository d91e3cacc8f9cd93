package be.carenetwork.directory;

/** A proximity search result: the actor and how far it is, in metres, from the searched point. */
public record NearbyActor(Actor actor, long distanceMetres) {
}
