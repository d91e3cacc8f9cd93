package be.carenetwork.exchange;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reading loosely typed values out of imported JSON. */
final class Json {

    private Json() {
    }

    /**
     * The value as text: strings as they are, whole numbers without a decimal point ({@code 12}, not {@code 12.0}),
     * arrays joined with {@code ;} (the OpenStreetMap way); null when missing, null or blank.
     */
    static @Nullable String text(JsonNode node, String field) {
        return text(node.get(field));
    }

    static @Nullable String text(@Nullable JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        String text;
        if (value.isIntegralNumber()) {
            text = value.bigIntegerValue().toString();
        } else if (value.isNumber()) {
            double d = value.doubleValue();
            text = d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : value.asString();
        } else if (value.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode item : value) {
                String part = text(item);
                if (part != null) {
                    joined.append(joined.isEmpty() ? "" : ";").append(part);
                }
            }
            text = joined.toString();
        } else if (value.isObject()) {
            text = value.toString();
        } else {
            text = value.asString();
        }
        text = text.strip();
        return text.isEmpty() ? null : text;
    }
}
