package be.carenetwork.security;

/** The roles of the product; anonymous users have none and see public data only. */
public enum Role {
    /** Neighbourhood coordinator: residents, needs, matches of their own neighbourhoods. */
    COORDINATOR,
    /** Professional actor: keeps their entry current, finds help for clients, refers. */
    PROFESSIONAL,
    /** Analyst: reads the graph, pseudonymised; never writes. */
    ANALYST
}
