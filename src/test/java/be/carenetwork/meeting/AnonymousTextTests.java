package be.carenetwork.meeting;

import be.carenetwork.system.BadInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnonymousTextTests {

    @ParameterizedTest
    @ValueSource(strings = {"Mrs X., 85.07.30-033.28, lives alone", "number 85.07.30-033.99 on the letter"})
    void shouldRefuseTheWrittenFormOfANationalRegisterNumber(String text) {
        assertThatThrownBy(() -> AnonymousText.check("situation", text))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("national register number")
                .extracting("field").isEqualTo("situation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nr 85073003328", "nr 850730-033-28", "born 2001: 01020312345", "850730 033 28"})
    void shouldRefuseElevenDigitsWithAValidCheckNumber(String text) {
        assertThat(AnonymousText.problem(text)).hasValueSatisfying(reason -> assertThat(reason).contains("national register number"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"marie.dupont@example.org wrote", "mail a.b+care@mail.example.be"})
    void shouldRefuseAnEmailAddress(String text) {
        assertThat(AnonymousText.problem(text)).hasValueSatisfying(reason -> assertThat(reason).contains("e-mail"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"call 0470 12 34 56", "tel 02/123.45.67", "+32 470 12 34 56", "0032 2 123 45 67",
            "(02) 123 45 67", "0470123456"})
    void shouldRefuseAPhoneNumber(String text) {
        assertThat(AnonymousText.problem(text)).hasValueSatisfying(reason -> assertThat(reason).contains("phone"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"account BE68 5390 0754 7034", "BE68539007547034"})
    void shouldRefuseABankAccountNumber(String text) {
        assertThat(AnonymousText.problem(text)).hasValueSatisfying(reason -> assertThat(reason).contains("bank account"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Older woman, lives alone, seen on 05/03/2024 14:30 by 3 services; rent 1.250 EUR; two children aged 4 and 7",
            "Tried: CPAS in 2023, then 2 visits; 11 digits but not a number: 85073003399",
            "Meeting of 12.03.2026, 18 people, 4 cases"})
    void shouldAcceptOrdinaryCaseText(String text) {
        assertThat(AnonymousText.problem(text)).isEmpty();
    }
}
