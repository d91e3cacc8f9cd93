package be.carenetwork.directory;

/** Kinds of actors. Formal ones are organisations and professionals; informal ones are people helping people. */
public enum ActorKind {
    ORGANISATION(true),
    SERVICE(true),
    PROFESSIONAL(true),
    SHOP(true),
    SCHOOL(true),
    /** An information point or weekly permanence where questions are received. */
    REFERRAL_POINT(true),
    NEIGHBOUR(false),
    VOLUNTEER(false),
    INFORMAL_CARER(false);

    private final boolean formal;

    ActorKind(boolean formal) {
        this.formal = formal;
    }

    public boolean formal() {
        return formal;
    }
}
