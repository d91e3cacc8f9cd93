package be.carenetwork.taxonomy;

import java.util.regex.Pattern;

/**
 * The label a located node (actor or resident) carries for each category it offers, such as
 * {@code Offers_shopping}. With one point index per such label, "the nearest capacities of one category"
 * reads only candidates of that category: about 6x faster than filtering on OFFERS relationships
 * (see PERFORMANCE.md). The OFFERS relationships stay the source of truth; the labels follow them.
 */
public final class CategoryLabel {

    /** Codes are restricted so that a label and an index name can be built from them safely. */
    public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{1,48}");

    private CategoryLabel() {
    }

    public static String of(String categoryCode) {
        if (!CODE.matcher(categoryCode).matches()) {
            throw new IllegalArgumentException("Not a category code: " + categoryCode);
        }
        return "Offers_" + categoryCode;
    }

    static String indexName(String categoryCode) {
        return "offers_" + categoryCode + "_location";
    }
}
