package be.carenetwork.exchange.hsds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import be.carenetwork.directory.OpeningHours;
import org.jspecify.annotations.Nullable;

/**
 * Opening hours as a week of intervals per day: the bridge between our half-hour slots (from OpenStreetMap
 * {@code opening_hours}) and HSDS schedules ({@code freq: WEEKLY}, {@code byday}, {@code opens_at}, {@code closes_at}).
 */
final class WeekHours {

    static final String[] HSDS_DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    private static final String[] OSM_DAYS = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};

    /** Minutes from midnight, end exclusive; an end of 1440 is midnight. */
    record Interval(int opens, int closes) {

        String opensAt() {
            return time(opens);
        }

        String closesAt() {
            // 24:00 is not a time of day in RFC 3339; the last minute is.
            return closes >= 24 * 60 ? "23:59" : time(closes);
        }

        private static String time(int minutes) {
            return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
        }
    }

    /** Days (0 = Monday) with the same intervals. */
    record DayGroup(List<Integer> days, List<Interval> intervals) {

        String byday() {
            return String.join(",", days.stream().map(d -> HSDS_DAYS[d]).toList());
        }
    }

    private final List<List<Interval>> days;

    private WeekHours(List<List<Interval>> days) {
        this.days = days;
    }

    static WeekHours ofSlots(List<Integer> slots) {
        boolean[] open = new boolean[OpeningHours.SLOTS_PER_WEEK];
        slots.forEach(slot -> open[slot] = true);
        List<List<Interval>> days = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            List<Interval> intervals = new ArrayList<>();
            int base = day * OpeningHours.SLOTS_PER_DAY;
            int start = -1;
            for (int s = 0; s <= OpeningHours.SLOTS_PER_DAY; s++) {
                boolean isOpen = s < OpeningHours.SLOTS_PER_DAY && open[base + s];
                if (isOpen && start < 0) {
                    start = s;
                } else if (!isOpen && start >= 0) {
                    intervals.add(new Interval(start * 30, s * 30));
                    start = -1;
                }
            }
            days.add(intervals);
        }
        return new WeekHours(days);
    }

    /** Builds the week from HSDS schedules; schedules that are not weekly opening times are counted, not used. */
    static WeekHours ofSchedules(List<Schedule> schedules) {
        List<List<Interval>> days = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            days.add(new ArrayList<>());
        }
        for (Schedule schedule : schedules) {
            for (int day : schedule.days()) {
                days.get(day).add(new Interval(schedule.opens(), schedule.closes()));
            }
        }
        days.forEach(list -> list.sort(java.util.Comparator.comparingInt(Interval::opens)));
        return new WeekHours(days);
    }

    /** A weekly HSDS schedule we can use: the days it applies to and its times in minutes. */
    record Schedule(List<Integer> days, int opens, int closes) {

        /** Reads byday, opens_at and closes_at; null when the schedule is not a plain weekly opening time. */
        static @Nullable Schedule of(@Nullable String freq, @Nullable String byday, @Nullable String opensAt,
                                     @Nullable String closesAt) {
            if ((freq != null && !freq.equalsIgnoreCase("WEEKLY")) || byday == null || opensAt == null || closesAt == null) {
                return null;
            }
            List<Integer> days = new ArrayList<>();
            for (String part : byday.split(",")) {
                int day = List.of(HSDS_DAYS).indexOf(part.strip().toUpperCase(Locale.ROOT));
                if (day < 0) {
                    return null;
                }
                days.add(day);
            }
            Integer opens = minutes(opensAt);
            Integer closes = minutes(closesAt);
            if (opens == null || closes == null || closes <= opens) {
                return null;
            }
            return new Schedule(days, opens, closes == 23 * 60 + 59 ? 24 * 60 : closes);
        }

        private static @Nullable Integer minutes(String time) {
            var m = java.util.regex.Pattern.compile("(\\d{1,2}):(\\d{2})(:\\d{2}(\\.\\d+)?)?([+-]\\d{2}:\\d{2}|Z)?").matcher(time.strip());
            if (!m.matches()) {
                return null;
            }
            int hours = Integer.parseInt(m.group(1));
            int minutes = Integer.parseInt(m.group(2));
            return hours > 24 || minutes > 59 ? null : hours * 60 + minutes;
        }
    }

    boolean isEmpty() {
        return days.stream().allMatch(List::isEmpty);
    }

    /** Days with the same intervals together, in week order of their first day. */
    List<DayGroup> groups() {
        Map<List<Interval>, List<Integer>> grouped = new LinkedHashMap<>();
        for (int day = 0; day < 7; day++) {
            if (!days.get(day).isEmpty()) {
                grouped.computeIfAbsent(days.get(day), k -> new ArrayList<>()).add(day);
            }
        }
        return grouped.entrySet().stream().map(e -> new DayGroup(e.getValue(), e.getKey())).toList();
    }

    /** As OpenStreetMap {@code opening_hours}: {@code Mo-Fr 09:00-12:00,13:30-17:00; Sa 10:00-12:00}. */
    @Nullable String toOsm() {
        List<String> rules = new ArrayList<>();
        for (DayGroup group : groups()) {
            String times = String.join(",", group.intervals().stream()
                    .map(i -> i.opensAt() + "-" + (i.closes() >= 24 * 60 ? "24:00" : i.closesAt())).toList());
            rules.add(osmDays(group.days()) + " " + times);
        }
        return rules.isEmpty() ? null : String.join("; ", rules);
    }

    private static String osmDays(List<Integer> days) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1) == days.get(j) + 1) {
                j++;
            }
            if (j - i >= 2) {
                parts.add(OSM_DAYS[days.get(i)] + "-" + OSM_DAYS[days.get(j)]);
            } else {
                for (int k = i; k <= j; k++) {
                    parts.add(OSM_DAYS[days.get(k)]);
                }
            }
            i = j + 1;
        }
        return String.join(",", parts);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeekHours w && w.days.equals(days);
    }

    @Override
    public int hashCode() {
        return Objects.hash(days);
    }
}
