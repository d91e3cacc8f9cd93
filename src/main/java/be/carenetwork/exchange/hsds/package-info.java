/**
 * Open Referral HSDS 3.0: the read API under {@code /hsds/} (public actors only), the streamed export of the whole
 * directory, and the import of HSDS datasets as actors.
 */
@org.jspecify.annotations.NullMarked
package be.carenetwork.exchange.hsds;
