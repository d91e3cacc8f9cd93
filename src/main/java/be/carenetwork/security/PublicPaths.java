package be.carenetwork.security;

import java.util.List;

/**
 * Read-only paths a feature opens to anonymous users (GET and HEAD only). Everything else needs a role.
 *
 * @param patterns Spring path patterns, such as {@code /api/geo/**}
 */
public record PublicPaths(List<String> patterns) {

    public static PublicPaths of(String... patterns) {
        return new PublicPaths(List.of(patterns));
    }
}
