package org.echarge.system.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from log lines before they leave the gateway in the log archive: values of
 * password, token, secret, key, session id and cookie fields ({@code key=value}, {@code key: value},
 * JSON, quoted or not), authorisation and cookie headers (the rest of the line), bearer tokens,
 * JSON web tokens, passwords in URLs and PEM private key blocks. It errs on the side of removing
 * too much. One instance per file: it remembers when it is inside a private key block.
 * <p>
 * Every pattern runs in time linear in the line (possessive quantifiers, starts only where a word
 * starts), so that a long line of odd content cannot stall the download.
 */
final class SecretRedactor {

    static final String REDACTED = "<redacted>";

    /** A key: a whole word of letters, digits, '_', '.', '-', followed by its separator. */
    private static final Pattern KEY = Pattern.compile("(?<![\\w.-])([\\w.-]++)(\\\\?[\"']?\\s*+[:=]\\s*+)");
    private static final Pattern SECRET_KEY = Pattern.compile("(?i)password|passwd|passphrase|pwd|secret|token"
            + "|credential|(?:private|secret|api|access|auth|user|tool|backbone|group|device)[_-]?key"
            + "|authentication[_-]?code|session[_-]?id|echarge_session|csrf");
    /** A value: escaped-quoted (logged JSON), quoted (perhaps cut off), single-quoted or a bare word. */
    private static final Pattern VALUE = Pattern.compile(
            "\\\\\"(?:[^\\\\]|\\\\(?!\"))*+(?:\\\\\")?|\"(?:[^\"\\\\]|\\\\.)*+\"?|'[^']*+'?|[^\\s,;&}\\])\"']++");
    private static final Pattern HEADER = Pattern.compile(
            "(?i)\\b((?:proxy-)?authori[sz]ation|(?:set-)?cookie|x-csrf-token)(\\\\?[\"']?[ \\t]*+[:=][ \\t]*+)(.+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)\\s++[A-Za-z0-9._~+/=-]++");
    private static final Pattern JWT = Pattern.compile("(?<![\\w-])eyJ[\\w-]++\\.[\\w-]++\\.[\\w-]*+");
    private static final Pattern URL_PASSWORD = Pattern.compile(
            "(?<![\\w+.-])([a-zA-Z][\\w+.-]*+://[^/\\s:@]++):[^@\\s/]++@");
    private static final Pattern KEY_BEGIN = Pattern.compile("-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----");
    private static final Pattern KEY_END = Pattern.compile("-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----");

    private boolean inPrivateKey;

    String redact(String line) {
        if (inPrivateKey) {
            if (KEY_END.matcher(line).find()) {
                inPrivateKey = false;
            }
            return REDACTED;
        }
        if (KEY_BEGIN.matcher(line).find()) {
            inPrivateKey = !KEY_END.matcher(line).find();
            return REDACTED;
        }
        String result = HEADER.matcher(line).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + REDACTED));
        result = keyValues(result);
        result = BEARER.matcher(result).replaceAll("$1 " + REDACTED);
        result = JWT.matcher(result).replaceAll(REDACTED);
        return URL_PASSWORD.matcher(result).replaceAll("$1:" + REDACTED + "@");
    }

    private static String keyValues(String line) {
        Matcher key = KEY.matcher(line);
        Matcher value = VALUE.matcher(line);
        StringBuilder out = new StringBuilder(line.length());
        int copied = 0;
        int from = 0;
        while (key.find(from)) {
            from = key.end();
            if (!SECRET_KEY.matcher(key.group(1)).find()) {
                continue;
            }
            value.region(key.end(), line.length());
            if (!value.lookingAt()) {
                continue;
            }
            String text = value.group();
            String quote = text.startsWith("\\\"") ? "\\\"" : text.startsWith("\"") ? "\"" : text.startsWith("'") ? "'" : "";
            out.append(line, copied, key.end()).append(quote).append(REDACTED).append(quote);
            copied = value.end();
            from = value.end();
        }
        return out.append(line, copied, line.length()).toString();
    }
}
