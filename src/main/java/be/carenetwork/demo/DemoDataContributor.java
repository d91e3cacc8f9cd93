package be.carenetwork.demo;

/**
 * A feature's part of the demo network, added after the base network (neighbourhoods, actors, residents,
 * capacities, needs) in the same transaction. Use the graph's random source so the demo is the same every time.
 */
public interface DemoDataContributor {

    void contribute(DemoGraph graph);
}
