package be.carenetwork.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned Cypher file, named as neo4j-migrations names them: {@code V0001__Create_constraints.cypher}.
 *
 * @param version the number before the double underscore; files run in its order
 * @param description the rest of the name, underscores read as spaces
 * @param statements the file's statements, split on a semicolon at the end of a line
 * @param checksum SHA-256 of the text, recorded so that an edited applied file is detected
 */
record Migration(int version, String description, List<String> statements, String checksum) {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.cypher");

    static Migration parse(String fileName, String text) {
        Matcher name = NAME.matcher(fileName);
        if (!name.matches()) {
            throw new IllegalStateException("Migration file " + fileName + " is not named like V0001__Description.cypher");
        }
        List<String> statements = Arrays.stream(text.split(";\\s*(\\r?\\n|$)"))
                .map(Migration::withoutComments)
                .filter(statement -> !statement.isBlank())
                .toList();
        return new Migration(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '), statements, sha256(text));
    }

    private static String withoutComments(String statement) {
        return statement.lines()
                .filter(line -> !line.strip().startsWith("//"))
                .reduce("", (a, b) -> a + b + "\n")
                .strip();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
