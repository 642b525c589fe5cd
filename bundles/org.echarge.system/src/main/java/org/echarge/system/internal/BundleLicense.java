package org.echarge.system.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bundle's entry in the licence list, from its {@code Bundle-License} header (OSGi core 3.2.1.7:
 * {@code name;link="url";description="..."}, several separated by commas). Old bundles give the
 * licence's URL, or a title such as "Apache License, Version 2.0" with the URL as link, as its name; the
 * common ones are turned into their SPDX identifiers.
 *
 * @param license SPDX identifiers or header text, several joined by ", "; null when undeclared
 * @param url the first link, or the licence's URL where the header gave only that
 */
record BundleLicense(String name, String version, String license, String url) {

    private static final Map<String, String> SPDX_BY_URL = Map.of(
            "apache.org/licenses/license-2.0", "Apache-2.0",
            "eclipse.org/legal/epl-2.0", "EPL-2.0",
            "eclipse.org/legal/epl-v10", "EPL-1.0",
            "eclipse.org/legal/epl-v20", "EPL-2.0",
            "opensource.org/licenses/mit", "MIT",
            "opensource.org/licenses/bsd-license", "BSD-2-Clause",
            "opensource.org/licenses/bsd-3-clause", "BSD-3-Clause",
            "gnu.org/licenses/old-licenses/lgpl-2.1", "LGPL-2.1");

    static BundleLicense of(InstalledBundle bundle) {
        String header = bundle.license();
        if (header == null || header.isBlank() || header.strip().equals("<<EXTERNAL>>")) {
            return new BundleLicense(bundle.name(), bundle.version(), null, null);
        }
        List<String> names = new ArrayList<>();
        String url = null;
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            String name = parts.get(0).strip().replace("\"", "");
            String link = null;
            for (String attribute : parts.subList(1, parts.size())) {
                int equals = attribute.indexOf('=');
                if (equals > 0 && attribute.substring(0, equals).strip().equals("link")) {
                    link = attribute.substring(equals + 1).strip().replace("\"", "");
                }
            }
            if (name.contains("://")) {
                link = link == null ? name : link;
                name = spdx(name);
            } else if (name.contains(" ") && link != null && !spdx(link).equals(link)) {
                name = spdx(link); // "Apache License, Version 2.0" with its link
            }
            names.add(name);
            url = url == null ? link : url;
        }
        return new BundleLicense(bundle.name(), bundle.version(), String.join(", ", names), url);
    }

    private static String spdx(String url) {
        String key = url.toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://(www\\.)?", "")
                .replaceFirst("(\\.txt|\\.html|\\.php|/)$", "");
        return SPDX_BY_URL.getOrDefault(key, url);
    }

    /** Splits at {@code separator} outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}
