package be.carenetwork.exchange;

import java.util.List;
import java.util.Map;

import be.carenetwork.directory.ActorKind;

/** The words of the exports in French, Dutch and English: column headings, kinds of actors, wheelchair access. */
final class ExportLabels {

    static final List<String> COLUMNS = List.of("id", "name", "kind", "categories", "languages", "address",
            "neighbourhood", "neighbourhoodCode", "latitude", "longitude", "openingHours", "wheelchair", "phone", "email",
            "website", "visibility", "source");

    private static final Map<String, List<String>> HEADINGS = Map.of(
            "en", List.of("id", "name", "kind", "help categories", "languages", "address", "neighbourhood",
                    "neighbourhood code", "latitude", "longitude", "opening hours", "wheelchair access", "phone", "e-mail",
                    "website", "visibility", "source"),
            "fr", List.of("identifiant", "nom", "type", "catégories d'aide", "langues", "adresse", "quartier",
                    "code du quartier", "latitude", "longitude", "heures d'ouverture", "accès en fauteuil roulant", "téléphone",
                    "e-mail", "site web", "visibilité", "source"),
            "nl", List.of("id", "naam", "soort", "hulpcategorieën", "talen", "adres", "wijk", "wijkcode", "breedtegraad",
                    "lengtegraad", "openingsuren", "rolstoeltoegankelijk", "telefoon", "e-mail", "website", "zichtbaarheid",
                    "bron"));

    private static final Map<ActorKind, List<String>> KINDS = Map.of(
            ActorKind.ORGANISATION, List.of("Organisation", "Organisation", "Organisatie"),
            ActorKind.SERVICE, List.of("Service", "Service", "Dienst"),
            ActorKind.PROFESSIONAL, List.of("Professional", "Professionnel", "Zorgverlener"),
            ActorKind.SHOP, List.of("Shop", "Commerce", "Winkel"),
            ActorKind.SCHOOL, List.of("School", "École", "School"),
            ActorKind.REFERRAL_POINT, List.of("Information and referral point", "Point d'information", "Infopunt"),
            ActorKind.NEIGHBOUR, List.of("Neighbour", "Voisin", "Buur"),
            ActorKind.VOLUNTEER, List.of("Volunteer", "Bénévole", "Vrijwilliger"),
            ActorKind.INFORMAL_CARER, List.of("Informal carer", "Aidant proche", "Mantelzorger"));

    private static final Map<String, List<String>> WHEELCHAIR = Map.of(
            "YES", List.of("yes", "oui", "ja"),
            "LIMITED", List.of("limited", "partiel", "beperkt"),
            "NO", List.of("no", "non", "nee"),
            "UNKNOWN", List.of("", "", ""));

    private static final Map<String, List<String>> VISIBILITY = Map.of(
            "PUBLIC", List.of("public", "public", "openbaar"),
            "PRIVATE", List.of("private", "privé", "privé"));

    private ExportLabels() {
    }

    static List<String> headings(String language) {
        return HEADINGS.get(language);
    }

    static String kind(String kind, String language) {
        try {
            return KINDS.get(ActorKind.valueOf(kind)).get(index(language));
        } catch (IllegalArgumentException unknown) {
            return kind;
        }
    }

    static String wheelchair(String value, String language) {
        return WHEELCHAIR.getOrDefault(value, WHEELCHAIR.get("UNKNOWN")).get(index(language));
    }

    static String visibility(String value, String language) {
        return VISIBILITY.getOrDefault(value, List.of(value, value, value)).get(index(language));
    }

    private static int index(String language) {
        return switch (language) {
            case "fr" -> 1;
            case "nl" -> 2;
            default -> 0;
        };
    }
}
