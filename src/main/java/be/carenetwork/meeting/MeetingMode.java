package be.carenetwork.meeting;

/** How a care meeting is held. */
public enum MeetingMode {
    IN_PERSON,
    ONLINE
}
