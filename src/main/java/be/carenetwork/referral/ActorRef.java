package be.carenetwork.referral;

/** An actor named in a path or a referral: enough to show it and to link to it. */
public record ActorRef(String id, String name, String kind) {
}
