import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the consumer project with what the docs show a user: the dependency snippets and the
 * example classes of the README's "Embedding the core in five minutes", and the TCK dependency of
 * docs/compatibility-kit.md. Run by .ci/consumer/run with the source launcher, so a changed
 * snippet changes the consumer with it.
 *
 * <p>Usage: {@code java ReadmeSnippets.java CHECKOUT CONSUMER_DIR}
 */
public class ReadmeSnippets {

    private static final String SECTION = "## Embedding the core in five minutes";
    private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");

    public static void main(String[] args) throws IOException {
        Path checkout = Path.of(args[0]);
        Path consumer = Path.of(args[1]);

        String embedding = section(Files.readString(checkout.resolve("README.md"), StandardCharsets.UTF_8));
        List<String> dependencies = blocks(embedding, "xml");
        List<String> examples = blocks(embedding, "java");
        if (dependencies.isEmpty() || examples.isEmpty()) {
            fail("README.md's \"" + SECTION + "\" has no ```xml or no ```java block");
        }
        fill(consumer.resolve("app/pom.xml"), "<!-- @README_DEPENDENCIES@ -->", String.join("\n", dependencies));

        Path sources = Files.createDirectories(consumer.resolve("app/src/main/java/com/example/crm"));
        for (String example : examples) {
            Matcher name = CLASS_NAME.matcher(example);
            if (!name.find()) {
                fail("a ```java block of the README's five-minute section declares no public class:\n" + example);
            }
            Path file = sources.resolve(name.group(1) + ".java");
            // A named module has no unnamed package: the README's classes go into the consumer's.
            Files.writeString(file, "package com.example.crm;\n\n" + example, StandardCharsets.UTF_8);
            System.out.println("example " + name.group(1) + " from README.md");
        }

        List<String> kit = blocks(Files.readString(checkout.resolve("docs/compatibility-kit.md"), StandardCharsets.UTF_8), "xml");
        if (kit.isEmpty()) {
            fail("docs/compatibility-kit.md has no ```xml block");
        }
        fill(consumer.resolve("store/pom.xml"), "<!-- @TCK_DEPENDENCY@ -->", kit.get(0));
    }

    private static String section(String readme) {
        int start = readme.indexOf(SECTION);
        if (start < 0) {
            fail("README.md has no section \"" + SECTION + "\"");
        }
        int end = readme.indexOf("\n## ", start + SECTION.length());
        return end < 0 ? readme.substring(start) : readme.substring(start, end);
    }

    private static List<String> blocks(String markdown, String language) {
        Matcher block = Pattern.compile("(?m)^[ \\t]*```" + language + "\\n(.*?)^[ \\t]*```", Pattern.DOTALL)
                .matcher(markdown);
        List<String> found = new ArrayList<>();
        while (block.find()) {
            found.add(block.group(1).stripIndent());
        }
        return found;
    }

    private static void fill(Path pom, String placeholder, String text) {
        try {
            String template = Files.readString(pom, StandardCharsets.UTF_8);
            if (!template.contains(placeholder)) {
                fail(pom + " has no " + placeholder);
            }
            Files.writeString(pom, template.replace(placeholder, text), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fail(String message) {
        System.err.println("consumer: " + message);
        System.exit(1);
    }
}
