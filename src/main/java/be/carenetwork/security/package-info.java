/**
 * Who may do what: the roles (coordinator, professional, analyst; anonymous for public data), the users
 * of the embedded default, and the rule that everything not declared public needs a signed-in user.
 * Features declare their public read paths with a {@link be.carenetwork.security.PublicPaths} bean and guard
 * writes with {@code @PreAuthorize} on their controllers.
 */
@org.jspecify.annotations.NullMarked
package be.carenetwork.security;
