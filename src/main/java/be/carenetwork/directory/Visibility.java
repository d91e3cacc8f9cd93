package be.carenetwork.directory;

/** Public actors appear on the map, the widget and exports; private ones only to signed-in users. */
public enum Visibility {
    PUBLIC, PRIVATE
}
