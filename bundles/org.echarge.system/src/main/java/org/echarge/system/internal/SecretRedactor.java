package org.echarge.system.internal;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Removes secrets from log lines before they leave the gateway in the log archive: values of
 * password, token, secret, key, session id and cookie fields ({@code key=value}, {@code key: value},
 * JSON, quoted or not), authorisation and cookie headers (the rest of the line), bearer tokens,
 * JSON web tokens, passwords in URLs and PEM private key blocks. It errs on the side of removing
 * too much. One instance per file: it remembers when it is inside a private key block.
 */
final class SecretRedactor {

    static final String REDACTED = "<redacted>";

    private static final String SECRET_KEYS = "[\\w.-]*(?:password|passwd|passphrase|pwd|secret|token|credentials?"
            + "|private[_-]?key|secret[_-]?key|api[_-]?key|access[_-]?key|auth[_-]?key|user[_-]?key|tool[_-]?key"
            + "|backbone[_-]?key|group[_-]?key|device[_-]?key|authentication[_-]?code|session[_-]?id|sessionid"
            + "|echarge_session|csrf)[\\w.-]*";
    /** key, separator (optionally quoted key, escaped quotes of logged JSON), value (quoted or a bare word). */
    private static final Pattern KEY_VALUE = Pattern.compile("(?i)(" + SECRET_KEYS + ")(\\\\?[\"']?\\s*[:=]\\s*)"
            + "(\\\\\"(?:(?!\\\\\").)*\\\\\"|\"(?:[^\"\\\\]|\\\\.)*\"?|'[^']*'?|[^\\s,;&}\\])\"']+)");
    private static final Pattern HEADER = Pattern.compile(
            "(?i)\\b((?:proxy-)?authori[sz]ation|(?:set-)?cookie|x-csrf-token)(\\\\?[\"']?\\s*[:=]\\s*)(.+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern JWT = Pattern.compile("\\beyJ[\\w-]+\\.[\\w-]+\\.[\\w-]*");
    private static final Pattern URL_PASSWORD = Pattern.compile("(\\b[a-zA-Z][\\w+.-]*://[^/\\s:@]+):[^@\\s/]+@");
    private static final Pattern KEY_BEGIN = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");
    private static final Pattern KEY_END = Pattern.compile("-----END [A-Z0-9 ]*PRIVATE KEY-----");

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
        String result = HEADER.matcher(line).replaceAll(m -> quoteReplacement(m.group(1) + m.group(2) + REDACTED));
        result = KEY_VALUE.matcher(result).replaceAll(SecretRedactor::keyValue);
        result = BEARER.matcher(result).replaceAll("$1 " + REDACTED);
        result = JWT.matcher(result).replaceAll(REDACTED);
        return URL_PASSWORD.matcher(result).replaceAll("$1:" + REDACTED + "@");
    }

    private static String keyValue(MatchResult match) {
        String value = match.group(3);
        String quote = value.startsWith("\\\"") ? "\\\"" : value.startsWith("\"") ? "\"" : value.startsWith("'") ? "'" : "";
        return quoteReplacement(match.group(1) + match.group(2) + quote + REDACTED + quote);
    }

    private static String quoteReplacement(String text) {
        return java.util.regex.Matcher.quoteReplacement(text);
    }
}
