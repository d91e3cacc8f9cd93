package be.carenetwork.exchange;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.carenetwork.system.BadInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command line face of {@link Imports}: {@code java -jar app.jar import <kind> FILE [options]} imports into the
 * configured graph, prints progress and a summary, and exits (0 done, 1 refused, 2 usage) without serving anything
 * ({@link ImportMode} turns the web server off for such runs). Any other arguments start the application as usual.
 */
@Component
class ImportCommand implements ApplicationRunner {

    static final String USAGE = """
            Usage: java -jar care-network-directory.jar import <kind> FILE [options]
              import neighbourhoods FILE --code-property mdrc [--name-fr-property name_fr] [--name-nl-property name_nl]
                                         [--name-property name] [--primary-care-zone-property zone] [--crs EPSG:31370]
                                         [--attribution TEXT]
              import municipalities FILE --code-property NAT_CODE [--name-fr-property NAME_FRE] [--name-nl-property NAME_DUT]
                                         [--name-property name] [--crs EPSG:31370] [--attribution TEXT]
              import actors FILE [--mapping mapping.yml] [--source osm] [--crs EPSG:31370] [--attribution TEXT] [--skip-invalid]
              import hsds FILE [--source hsds] [--attribution TEXT] [--skip-invalid]
            Spring settings may follow as usual, such as --care.neo4j.embedded.data-dir=./data.""";

    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "neighbourhoods", Set.of("code-property", "name-fr-property", "name-nl-property", "name-property",
                    "primary-care-zone-property", "crs", "attribution"),
            "municipalities", Set.of("code-property", "name-fr-property", "name-nl-property", "name-property", "crs", "attribution"),
            "actors", Set.of("mapping", "source", "crs", "attribution", "skip-invalid"),
            "hsds", Set.of("source", "attribution", "skip-invalid"));
    private static final Set<String> FLAGS = Set.of("skip-invalid");

    private final Imports imports;
    private final ApplicationContext context;

    ImportCommand(Imports imports, ApplicationContext context) {
        this.imports = imports;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String[] args = arguments.getSourceArgs();
        if (!ImportMode.isImport(args)) {
            return;
        }
        int code = execute(args, System.out, System.err);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Runs an import command; returns the exit code. */
    int execute(String[] args, PrintStream out, PrintStream err) {
        Parsed parsed;
        try {
            parsed = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            ImportSummary summary = switch (parsed.kind()) {
                case "neighbourhoods" -> imports.neighbourhoods(file(parsed.file()), boundaryOptions(parsed), progress(out));
                case "municipalities" -> imports.municipalities(file(parsed.file()), boundaryOptions(parsed), progress(out));
                case "actors" -> imports.actors(file(parsed.file()), new ActorOptions(
                        parsed.options().containsKey("mapping") ? file(parsed.options().get("mapping")) : null,
                        ImportController.source(parsed.options().get("source")), ImportController.crs(parsed.options().get("crs")),
                        parsed.options().get("attribution"), parsed.options().containsKey("skip-invalid")), progress(out));
                default -> imports.hsds(file(parsed.file()), new ActorOptions(null,
                        ImportController.source(parsed.options().get("source")), null, parsed.options().get("attribution"),
                        parsed.options().containsKey("skip-invalid")), progress(out));
            };
            out.println(summary.describe());
            return 0;
        } catch (ImportRejectedException e) {
            err.println(e.file() + " was refused; nothing from it was written (" + e.count()
                    + (e.count() == 1 ? " problem" : " problems") + "):");
            e.problems().forEach(problem -> err.println("  " + problem));
            if (e.count() > e.problems().size()) {
                err.println("  ... and " + (e.count() - e.problems().size()) + " more");
            }
            return 1;
        } catch (FileTooLargeException e) {
            err.println(e.getMessage());
            return 1;
        } catch (BadInputException e) {
            err.println("--" + e.field() + ": " + e.getMessage());
            return 2;
        }
    }

    record Parsed(String kind, String file, Map<String, String> options) {
    }

    /** {@code import <kind> FILE --option value --option=value --flag}; Spring's own {@code --a.b=c} settings are skipped. */
    static Parsed parse(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        if (rest.isEmpty() || !OPTIONS.containsKey(rest.getFirst())) {
            throw new IllegalArgumentException("Say what to import: one of " + ImportController.kinds());
        }
        String kind = rest.removeFirst();
        String file = null;
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (!arg.startsWith("--")) {
                if (file != null) {
                    throw new IllegalArgumentException("One file at a time: '" + file + "' and '" + arg + "'");
                }
                file = arg;
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (!OPTIONS.get(kind).contains(name)) {
                if (name.contains(".") && equals >= 0) {
                    continue;
                }
                throw new IllegalArgumentException("--" + name + " is not an option of 'import " + kind + "'");
            }
            if (FLAGS.contains(name)) {
                options.put(name, "true");
                continue;
            }
            if (value == null) {
                if (i + 1 >= rest.size() || rest.get(i + 1).startsWith("--")) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = rest.get(++i);
            }
            options.put(name, value);
        }
        if (file == null) {
            throw new IllegalArgumentException("Which file? Give its path after 'import " + kind + "'");
        }
        if ((kind.equals("neighbourhoods") || kind.equals("municipalities")) && !options.containsKey("code-property")) {
            throw new IllegalArgumentException("--code-property is required: the feature property holding the code");
        }
        return new Parsed(kind, file, options);
    }

    private static BoundaryOptions boundaryOptions(Parsed parsed) {
        Map<String, String> o = parsed.options();
        return ImportController.boundaryOptions(o.get("code-property"), o.get("name-property"), o.get("name-fr-property"),
                o.get("name-nl-property"), o.get("primary-care-zone-property"), o.get("crs"), o.get("attribution"));
    }

    private SourceFile file(String path) {
        return SourceFile.read(Path.of(path), imports.maxFileSize());
    }

    /** Prints the start of each phase, then every tenth of a long one. */
    static ImportProgress progress(PrintStream out) {
        long started = System.nanoTime();
        String[] phase = {""};
        int[] lastTenth = {-1};
        return (current, done, total) -> {
            int tenth = total == 0 ? 10 : (int) (10L * done / total);
            if (!current.equals(phase[0])) {
                phase[0] = current;
                lastTenth[0] = -1;
            }
            if (total >= 1000 && tenth != lastTenth[0] || done == 0 || done == total && lastTenth[0] != 10) {
                lastTenth[0] = tenth;
                out.printf("  %-8s %,7d / %,d  (%.1f s)%n", current, done, total, (System.nanoTime() - started) / 1e9);
            }
        };
    }

}
