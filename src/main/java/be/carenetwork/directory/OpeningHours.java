package be.carenetwork.directory;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import be.carenetwork.system.BadInputException;
import ch.poole.openinghoursparser.OpeningHoursParseException;
import ch.poole.openinghoursparser.OpeningHoursParser;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.RuleModifier;
import ch.poole.openinghoursparser.TimeSpan;
import ch.poole.openinghoursparser.WeekDayRange;
import org.jspecify.annotations.Nullable;

/**
 * OpenStreetMap {@code opening_hours}, parsed by Simon Poole's OpeningHoursParser (the parser JOSM and Vespucci use),
 * and laid out on a week of half-hour slots: slot 0 is Monday 00:00-00:30, slot 335 Sunday 23:30-24:00.
 * <p>
 * The slots are stored on actors ({@code openSlots}) and capacities ({@code availabilitySlots}) so that "open now",
 * "available at the needed time" and "open in the evening" are plain Cypher list tests on the graph.
 * <p>
 * What the week layout leaves out, on purpose: public and school holidays ({@code PH}, {@code SH} rules are
 * skipped), date, week and year ranges (a rule for {@code Dec} applies all year), sunrise and sunset times, and
 * fallback rules ({@code ||}). For a directory of help these are rare, and the original text is always kept.
 */
public final class OpeningHours {

    public static final int SLOTS_PER_DAY = 48;
    public static final int SLOTS_PER_WEEK = 7 * SLOTS_PER_DAY;
    private static final int MINUTES_PER_SLOT = 30;

    private final String text;
    private final BitSet open;

    private OpeningHours(String text, BitSet open) {
        this.text = text;
        this.open = open;
    }

    /** Parses the text; a 400 naming {@code field} and the parser's reason when it is not valid. */
    public static OpeningHours parse(String field, String text) {
        try {
            List<Rule> rules = new OpeningHoursParser(new StringReader(text)).rules(false);
            return new OpeningHours(text, layOut(rules));
        } catch (OpeningHoursParseException | RuntimeException e) {
            throw new BadInputException(field, "is not valid OpenStreetMap opening_hours syntax (such as "
                    + "\"Mo-Fr 09:00-17:00; Sa 10:00-12:00\"): " + firstLine(e.getMessage()));
        }
    }

    /** Parses leniently (imported data): empty when the text is missing or not valid. */
    public static Optional<OpeningHours> tryParse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse("opening_hours", text));
        } catch (BadInputException notValid) {
            return Optional.empty();
        }
    }

    /** The slots of a checked text, or null when there is no text: unknown hours are not "closed". */
    public static @Nullable List<Integer> slotsOf(String field, @Nullable String text) {
        return text == null || text.isBlank() ? null : parse(field, text).weeklySlots();
    }

    public String text() {
        return text;
    }

    public boolean isOpenAt(LocalDateTime time) {
        return open.get(slotOf(time));
    }

    /** The open half-hour slots of the week, ascending. */
    public List<Integer> weeklySlots() {
        return open.stream().boxed().toList();
    }

    /** The week slot a moment falls in: what Cypher compares with {@code openSlots}. */
    public static int slotOf(LocalDateTime time) {
        return (time.getDayOfWeek().getValue() - 1) * SLOTS_PER_DAY
                + (time.getHour() * 60 + time.getMinute()) / MINUTES_PER_SLOT;
    }

    private static BitSet layOut(List<Rule> rules) {
        BitSet week = new BitSet(SLOTS_PER_WEEK);
        for (Rule rule : rules) {
            if (rule.isFallBack() || (rule.getHolidays() != null && !rule.getHolidays().isEmpty() && rule.getDays() == null)) {
                continue;
            }
            boolean[] days = days(rule);
            boolean closed = isClosed(rule.getModifier());
            if (!rule.isAdditive()) {
                // A later rule for a day replaces what earlier rules said about that day.
                for (int day = 0; day < 7; day++) {
                    if (days[day]) {
                        week.clear(day * SLOTS_PER_DAY, (day + 1) * SLOTS_PER_DAY);
                    }
                }
            }
            if (closed) {
                continue;
            }
            for (int day = 0; day < 7; day++) {
                if (days[day]) {
                    openTimes(week, day, rule);
                }
            }
        }
        return week;
    }

    private static boolean[] days(Rule rule) {
        boolean[] days = new boolean[7];
        List<WeekDayRange> ranges = rule.getDays();
        if (ranges == null || ranges.isEmpty() || rule.isTwentyfourseven()) {
            java.util.Arrays.fill(days, true);
            return days;
        }
        for (WeekDayRange range : ranges) {
            int start = range.getStartDay().ordinal();
            int end = range.getEndDay() == null ? start : range.getEndDay().ordinal();
            for (int day = start; ; day = (day + 1) % 7) {
                days[day] = true;
                if (day == end) {
                    break;
                }
            }
        }
        return days;
    }

    private static void openTimes(BitSet week, int day, Rule rule) {
        List<TimeSpan> times = rule.getTimes();
        if (times == null || times.isEmpty() || rule.isTwentyfourseven()) {
            week.set(day * SLOTS_PER_DAY, (day + 1) * SLOTS_PER_DAY);
            return;
        }
        for (TimeSpan span : times) {
            int start = span.getStart();
            int end = span.getEnd();
            if (start == TimeSpan.UNDEFINED_TIME) {
                continue;
            }
            if (end == TimeSpan.UNDEFINED_TIME) {
                end = span.isOpenEnded() ? 24 * 60 : start + MINUTES_PER_SLOT;
            }
            if (end <= start) {
                end += 24 * 60;
            }
            // Minutes past midnight (22:00-02:00) run into the next day, and Sunday night into Monday.
            int first = day * SLOTS_PER_DAY + start / MINUTES_PER_SLOT;
            int last = day * SLOTS_PER_DAY + (end + MINUTES_PER_SLOT - 1) / MINUTES_PER_SLOT;
            for (int slot = first; slot < last; slot++) {
                week.set(slot % SLOTS_PER_WEEK);
            }
        }
    }

    private static boolean isClosed(@Nullable RuleModifier modifier) {
        if (modifier == null || modifier.getModifier() == null) {
            return false;
        }
        return switch (modifier.getModifier()) {
            case CLOSED, OFF -> true;
            default -> false;
        };
    }

    private static String firstLine(@Nullable String message) {
        return message == null ? "not understood" : message.lines().findFirst().orElse(message);
    }
}
