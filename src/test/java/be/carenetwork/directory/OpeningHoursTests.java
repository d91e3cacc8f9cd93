package be.carenetwork.directory;

import java.time.LocalDateTime;

import be.carenetwork.system.BadInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpeningHoursTests {

    // 2026-11-23 is a Monday.
    private static LocalDateTime monday(int hour, int minute) {
        return LocalDateTime.of(2026, 11, 23, hour, minute);
    }

    @Test
    void shouldBeOpenWithinTheHoursOfTheDay() {
        OpeningHours hours = OpeningHours.parse("openingHours", "Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00");

        assertThat(hours.isOpenAt(monday(9, 0))).isTrue();
        assertThat(hours.isOpenAt(monday(12, 30))).isFalse();
        assertThat(hours.isOpenAt(monday(17, 59))).isTrue();
        assertThat(hours.isOpenAt(monday(18, 0))).isFalse();
        assertThat(hours.isOpenAt(monday(10, 0).plusDays(5))).isTrue();
        assertThat(hours.isOpenAt(monday(10, 0).plusDays(6))).isFalse();
    }

    @Test
    void shouldLetALaterRuleReplaceAnEarlierOneForItsDays() {
        OpeningHours hours = OpeningHours.parse("openingHours", "Mo-Fr 09:00-17:00; We 10:00-12:00; Fr off");

        assertThat(hours.isOpenAt(monday(9, 30).plusDays(2))).isFalse();
        assertThat(hours.isOpenAt(monday(11, 0).plusDays(2))).isTrue();
        assertThat(hours.isOpenAt(monday(11, 0).plusDays(4))).isFalse();
    }

    @Test
    void shouldRunHoursPastMidnightIntoTheNextDay() {
        OpeningHours hours = OpeningHours.parse("openingHours", "Su 22:00-02:00");

        assertThat(hours.isOpenAt(monday(1, 0))).isTrue();
        assertThat(hours.isOpenAt(monday(3, 0))).isFalse();
    }

    @Test
    void shouldBeOpenAllWeekFor247() {
        assertThat(OpeningHours.parse("openingHours", "24/7").weeklySlots()).hasSize(OpeningHours.SLOTS_PER_WEEK);
    }

    @Test
    void shouldNameTheFieldWhenTheSyntaxIsWrong() {
        assertThatThrownBy(() -> OpeningHours.parse("openingHours", "from nine to five"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("opening_hours")
                .extracting("field").isEqualTo("openingHours");
        assertThat(OpeningHours.tryParse("from nine to five")).isEmpty();
    }
}
