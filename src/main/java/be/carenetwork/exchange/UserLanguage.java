package be.carenetwork.exchange;

import java.util.List;
import java.util.Locale;

import be.carenetwork.system.BadInputException;
import org.jspecify.annotations.Nullable;

/** The interface language of an export: fr, nl or en, from a {@code lang} parameter or else the request's locale. */
public final class UserLanguage {

    public static final List<String> SUPPORTED = List.of("fr", "nl", "en");

    private UserLanguage() {
    }

    /** {@code lang} when given (a 400 when not fr, nl or en); else the request's language when supported; else English. */
    public static String of(@Nullable String lang, @Nullable Locale requestLocale) {
        if (lang != null && !lang.isBlank()) {
            String code = lang.strip().toLowerCase(Locale.ROOT);
            if (!SUPPORTED.contains(code)) {
                throw new BadInputException("lang", "must be fr, nl or en");
            }
            return code;
        }
        if (requestLocale != null && SUPPORTED.contains(requestLocale.getLanguage())) {
            return requestLocale.getLanguage();
        }
        return "en";
    }
}
