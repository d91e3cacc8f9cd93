package be.carenetwork.demo;

import java.util.List;
import java.util.Random;

/**
 * What the base demo network holds, for contributors to build on.
 *
 * @param random the demo's seeded random source
 */
public record DemoGraph(List<String> neighbourhoodCodes, List<String> formalActorIds, List<String> informalActorIds,
                        List<String> residentIds, List<String> needIds, Random random) {
}
