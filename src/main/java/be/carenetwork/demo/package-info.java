/**
 * The demo network: a fictional but plausible care network in four neighbourhoods of Jette, made by our own
 * generator and loaded on the embedded default's first start. No real person's data. Other features add their
 * part of the demo (matches, meetings, referrals) with a {@link be.carenetwork.demo.DemoDataContributor}.
 */
@org.jspecify.annotations.NullMarked
package be.carenetwork.demo;
