package be.carenetwork.meeting;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.carenetwork.system.BadInputException;
import org.jspecify.annotations.Nullable;

/**
 * Refuses free text that carries an identifier: cases discussed at a care meeting and notes on referrals are
 * anonymised, so a Belgian national register number, an e-mail address, a phone number or a Belgian bank account
 * number has no place in them. Names cannot be recognised reliably; the form says not to write them.
 */
public final class AnonymousText {

    /** The written form YY.MM.DD-XXX.CC: refused whatever its check digits. */
    private static final Pattern REGISTER_NUMBER_WRITTEN = Pattern.compile("(?<!\\d)\\d{2}\\.\\d{2}\\.\\d{2}-\\d{3}\\.\\d{2}(?!\\d)");
    /** Eleven digits, with or without separators: refused when the check digits are right. */
    private static final Pattern REGISTER_NUMBER_DIGITS = Pattern.compile(
            "(?<!\\d)(\\d{2})[.\\s-]?(\\d{2})[.\\s-]?(\\d{2})[.\\s-]?(\\d{3})[.\\s-]?(\\d{2})(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** A run of digits and the separators people write numbers with, possibly after + or (. */
    private static final Pattern NUMBER_RUN = Pattern.compile("[+(]?\\d[\\d\\s./()-]{5,}\\d");
    private static final Pattern IBAN = Pattern.compile("(?i)\\bBE\\s?\\d{2}(\\s?\\d{4}){3}\\b");
    /** Dates (05/03/2024, 5.3.24) are not phone numbers, though they are runs of digits too. */
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4}|\\d{2})(?!\\d)");

    private AnonymousText() {
    }

    /** A 400 naming {@code field} and the reason when the text carries an identifier. */
    public static void check(String field, @Nullable String text) {
        if (text != null) {
            problem(text).ifPresent(reason -> {
                throw new BadInputException(field, reason + ": this text is kept anonymised, so leave out names and identifiers");
            });
        }
    }

    static Optional<String> problem(String text) {
        if (REGISTER_NUMBER_WRITTEN.matcher(text).find()) {
            return Optional.of("contains what looks like a national register number (YY.MM.DD-XXX.CC)");
        }
        Matcher digits = REGISTER_NUMBER_DIGITS.matcher(text);
        while (digits.find()) {
            String number = digits.group(1) + digits.group(2) + digits.group(3) + digits.group(4) + digits.group(5);
            if (validRegisterNumber(number)) {
                return Optional.of("contains what looks like a national register number (11 digits with a valid check number)");
            }
        }
        if (EMAIL.matcher(text).find()) {
            return Optional.of("contains what looks like an e-mail address");
        }
        if (IBAN.matcher(text).find()) {
            return Optional.of("contains what looks like a bank account number");
        }
        Matcher run = NUMBER_RUN.matcher(withoutDates(text));
        while (run.find()) {
            if (looksLikePhone(run.group())) {
                return Optional.of("contains what looks like a phone number");
            }
        }
        return Optional.empty();
    }

    /** The check number is 97 minus the first nine digits modulo 97 (with a 2 in front for births from 2000). */
    static boolean validRegisterNumber(String elevenDigits) {
        long first = Long.parseLong(elevenDigits.substring(0, 9));
        int check = Integer.parseInt(elevenDigits.substring(9));
        return check == 97 - (int) (first % 97) || check == 97 - (int) ((2_000_000_000L + first) % 97);
    }

    private static String withoutDates(String text) {
        return DATE.matcher(text).replaceAll(date -> {
            int day = Integer.parseInt(date.group(1));
            int month = Integer.parseInt(date.group(2));
            return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? " date " : Matcher.quoteReplacement(date.group());
        });
    }

    /** Belgian national numbers (0 and 8 or 9 more digits) and international ones (+ or 00 and 8 to 13 digits). */
    private static boolean looksLikePhone(String run) {
        String trimmed = run.strip();
        String digits = trimmed.replaceAll("\\D", "");
        if (trimmed.startsWith("+") || digits.startsWith("00")) {
            int count = trimmed.startsWith("+") ? digits.length() : digits.length() - 2;
            return count >= 8 && count <= 13;
        }
        String national = trimmed.startsWith("(") ? trimmed.substring(1) : trimmed;
        return national.startsWith("0") && (digits.length() == 9 || digits.length() == 10);
    }
}
