/**
 * The shared taxonomy of help categories (French, Dutch, English labels, narrower and broader ones)
 * and the per-category labels and point indexes that make proximity by category fast.
 */
@org.jspecify.annotations.NullMarked
package be.carenetwork.taxonomy;
