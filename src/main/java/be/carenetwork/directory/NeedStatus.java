package be.carenetwork.directory;

/** Where a need stands. Matching moves it from OPEN to MATCHED; a coordinator closes or cancels it. */
public enum NeedStatus {
    OPEN, MATCHED, CLOSED, CANCELLED
}
