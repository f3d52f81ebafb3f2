package io.github.missedcalls.examples.web;

import io.github.missedcalls.ProjectSettings;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A project the page can show: the id the API and the stores use, the name a person reads,
 * and the settings its reports are made with.
 *
 * @param id letters, digits, {@code -} and {@code _}, 1 to 40 of them: it travels in URLs
 * @param name what the project selector shows
 * @param settings the project's zone, business hours and normalizer
 */
public record WebProject(String id, String name, ProjectSettings settings) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    /**
     * @throws NullPointerException if a value is {@code null}
     * @throws IllegalArgumentException if the id is not 1 to 40 letters, digits, {@code -} or {@code _}
     */
    public WebProject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a project id is 1 to 40 letters, digits, - or _: " + id);
        }
    }
}
