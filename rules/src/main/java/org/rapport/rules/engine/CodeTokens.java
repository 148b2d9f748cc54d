package org.rapport.rules.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The identifiers and punctuation of a piece of Java or MVEL code from a rule file (a consequence,
 * a condition, a function body, a type), with comments and string, character and text-block
 * literals skipped and unicode escapes decoded first, as the Java compiler does: {@code \u0053ystem}
 * is {@code System}. Offsets point into the original text. Immutable; not a parser: it only has to
 * find every name the code could reach. Where the code holds a unicode escape, it is also read
 * undecoded, as MVEL reads it, and the tokens of both readings are kept.
 */
final class CodeTokens {

    enum Kind { IDENTIFIER, DOT, METHOD_REFERENCE, OTHER }

    /** One token; {@code offset} is where it starts in the original, undecoded text. */
    record Token(Kind kind, String text, int offset) {
    }

    private final List<List<Token>> readings;

    private CodeTokens(List<List<Token>> readings) {
        this.readings = List.copyOf(readings);
    }

    /** The tokens of each reading of the code, in order: the decoded one, and the undecoded one where it differs. */
    List<List<Token>> readings() {
        return readings;
    }

    /** Where the first unicode escape of the text starts, wherever it is (strings and comments included); -1 if none. */
    static int firstUnicodeEscape(String text) {
        for (int index = text.indexOf("\\u"); index >= 0; index = text.indexOf("\\u", index + 1)) {
            if (Decoded.unicodeEscapeEnd(text, index) > 0) {
                return index;
            }
        }
        return -1;
    }

    static CodeTokens of(String code) {
        List<Token> decoded = new Scanner(Decoded.of(code)).scan();
        if (!code.contains("\\u")) {
            return new CodeTokens(List.of(decoded));
        }
        return new CodeTokens(List.of(decoded, new Scanner(Decoded.undecoded(code)).scan()));
    }

    /** The code with unicode escapes replaced, and for each character the offset it came from. */
    private record Decoded(char[] characters, int[] offsets, int length) {

        static Decoded of(String code) {
            char[] characters = new char[code.length()];
            int[] offsets = new int[code.length() + 1];
            int length = 0;
            int index = 0;
            while (index < code.length()) {
                int escapeEnd = unicodeEscapeEnd(code, index);
                offsets[length] = index;
                if (escapeEnd > 0) {
                    characters[length++] = (char) Integer.parseInt(code.substring(escapeEnd - 4, escapeEnd), 16);
                    index = escapeEnd;
                } else {
                    characters[length++] = code.charAt(index++);
                }
            }
            offsets[length] = code.length();
            return new Decoded(characters, offsets, length);
        }

        static Decoded undecoded(String code) {
            int[] offsets = new int[code.length() + 1];
            for (int index = 0; index <= code.length(); index++) {
                offsets[index] = index;
            }
            return new Decoded(code.toCharArray(), offsets, code.length());
        }

        /** Where a unicode escape starting at {@code index} ends ({@code \}, one or more {@code u}, four hex digits); 0 if none. */
        private static int unicodeEscapeEnd(String code, int index) {
            if (code.charAt(index) != '\\' || precededByOddBackslashes(code, index)) {
                return 0;
            }
            int next = index + 1;
            if (next >= code.length() || code.charAt(next) != 'u') {
                return 0;
            }
            while (next < code.length() && code.charAt(next) == 'u') {
                next++;
            }
            if (next + 4 > code.length()) {
                return 0;
            }
            for (int digit = next; digit < next + 4; digit++) {
                if (Character.digit(code.charAt(digit), 16) < 0) {
                    return 0;
                }
            }
            return next + 4;
        }

        private static boolean precededByOddBackslashes(String code, int index) {
            int backslashes = 0;
            for (int before = index - 1; before >= 0 && code.charAt(before) == '\\'; before--) {
                backslashes++;
            }
            return backslashes % 2 == 1;
        }
    }

    private static final class Scanner {

        private final Decoded code;
        private final List<Token> tokens = new ArrayList<>();
        private int position;

        Scanner(Decoded code) {
            this.code = code;
        }

        List<Token> scan() {
            while (position < code.length()) {
                char current = at(position);
                if (Character.isWhitespace(current)) {
                    position++;
                } else if (current == '/' && at(position + 1) == '/') {
                    skipTo('\n');
                } else if (current == '/' && at(position + 1) == '*') {
                    skipBlockComment();
                } else if (current == '"' && at(position + 1) == '"' && at(position + 2) == '"') {
                    skipTextBlock();
                } else if (current == '"' || current == '\'') {
                    skipQuoted(current);
                } else if (Character.isJavaIdentifierStart(current)) {
                    identifier();
                } else if (Character.isDigit(current)) {
                    number();
                } else if (current == '.' && !Character.isDigit(at(position + 1))) {
                    add(Kind.DOT, ".", 1);
                } else if (current == ':' && at(position + 1) == ':') {
                    add(Kind.METHOD_REFERENCE, "::", 2);
                } else {
                    add(Kind.OTHER, String.valueOf(current), 1);
                }
            }
            return tokens;
        }

        private char at(int index) {
            return index < code.length() ? code.characters()[index] : '\0';
        }

        private void add(Kind kind, String text, int length) {
            tokens.add(new Token(kind, text, code.offsets()[position]));
            position += length;
        }

        private void identifier() {
            int start = position;
            while (position < code.length() && Character.isJavaIdentifierPart(at(position))) {
                position++;
            }
            tokens.add(new Token(Kind.IDENTIFIER, new String(code.characters(), start, position - start), code.offsets()[start]));
        }

        /** Digits, letters (hex, suffixes, exponents), underscores and a decimal point: never an identifier. */
        private void number() {
            while (position < code.length()
                    && (Character.isLetterOrDigit(at(position)) || at(position) == '_' || at(position) == '.')) {
                position++;
            }
        }

        private void skipTo(char end) {
            while (position < code.length() && at(position) != end) {
                position++;
            }
        }

        private void skipBlockComment() {
            position += 2;
            while (position < code.length() && !(at(position) == '*' && at(position + 1) == '/')) {
                position++;
            }
            position += 2;
        }

        private void skipTextBlock() {
            position += 3;
            while (position < code.length() && !(at(position) == '"' && at(position + 1) == '"' && at(position + 2) == '"')) {
                position += at(position) == '\\' ? 2 : 1;
            }
            position += 3;
        }

        /** A string, a character, or an MVEL single-quoted string: up to the closing quote, escapes skipped. */
        private void skipQuoted(char quote) {
            position++;
            while (position < code.length() && at(position) != quote) {
                position += at(position) == '\\' ? 2 : 1;
            }
            position++;
        }
    }
}
