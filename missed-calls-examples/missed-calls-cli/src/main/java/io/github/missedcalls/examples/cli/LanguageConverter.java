package io.github.missedcalls.examples.cli;

import io.github.missedcalls.Labels;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --lang en|uk|ru}: the language of the words for the report's codes. */
final class LanguageConverter implements ITypeConverter<Labels> {

    @Override
    public Labels convert(String value) {
        try {
            return Labels.ofLanguage(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a language: en, uk or ru");
        }
    }
}
