package be.carenetwork.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file to import, read whole (imports are capped at {@code care.exchange.max-file-size}, so this stays small) and
 * checked to be UTF-8 text.
 *
 * @param name the file's name, as the summary and the errors name it
 */
public record SourceFile(String name, byte[] bytes) {

    /** Reads a file from disk, refusing it before reading when it is above the cap. */
    public static SourceFile read(Path path, long maxBytes) {
        String name = path.getFileName().toString();
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                throw new FileTooLargeException(name, size, maxBytes);
            }
            return new SourceFile(name, Files.readAllBytes(path));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ImportRejectedException(name, new ImportProblem("file", "there is no file " + path.toAbsolutePath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an upload, refusing it as soon as it is above the cap. */
    public static SourceFile read(String name, InputStream in, long declaredSize, long maxBytes) {
        if (declaredSize > maxBytes) {
            throw new FileTooLargeException(name, declaredSize, maxBytes);
        }
        try (in) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new FileTooLargeException(name, -1, maxBytes);
            }
            return new SourceFile(name, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content as text, without a byte order mark; a clear refusal when it is not UTF-8. */
    public String text() {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ImportRejectedException(name, new ImportProblem("file",
                    "is not UTF-8 text (line " + lineOfFirstBadByte(start) + "); save it as UTF-8 and import it again"));
        }
    }

    /** The lower-case extension, such as {@code csv} or {@code geojson}; empty when there is none. */
    public String extension() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private int lineOfFirstBadByte(int start) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int lineStart = start;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, lineStart, i - lineStart));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                lineStart = i + 1;
            }
        }
        return line;
    }
}
