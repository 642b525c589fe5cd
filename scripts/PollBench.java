import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples a running gateway (bench-poll starts it): every 250 ms, the age of each point's last
 * answer from /echarge/api/status, and the JVM's CPU time from /proc. Prints the achieved poll
 * period (median and worst age of the last answer, plus the sampling interval) and CPU use.
 * Usage: java PollBench.java <pid> <http port> <points> <seconds> <initial password file>
 * (logs in to the console with the initial password and sets a new one, as the API requires)
 */
public class PollBench {

    private static final Pattern LAST_ANSWER = Pattern.compile("\"lastAnswer\" : \"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("answers")) {
            answers(args);
            return;
        }
        long pid = Long.parseLong(args[0]);
        String url = "http://127.0.0.1:" + args[1] + "/echarge/api/status";
        int points = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        logIn(http, "http://127.0.0.1:" + args[1] + "/echarge/api/",
                Files.readAllLines(Path.of(args[4])).get(0).trim());
        long ticksPerSecond = 100; // USER_HZ on Linux
        long cpuStart = cpuTicks(pid);
        long wallStart = System.nanoTime();
        List<Double> ages = new ArrayList<>();
        double worst = 0;
        while (System.nanoTime() - wallStart < seconds * 1_000_000_000L) {
            String body = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Instant now = Instant.now();
            Matcher matcher = LAST_ANSWER.matcher(body);
            int answered = 0;
            while (matcher.find()) {
                double age = Duration.between(Instant.parse(matcher.group(1)), now).toMillis() / 1000.0;
                ages.add(age);
                worst = Math.max(worst, age);
                answered++;
            }
            if (answered < points) {
                worst = Double.POSITIVE_INFINITY;
            }
            Thread.sleep(250);
        }
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        double cpuSeconds = (cpuTicks(pid) - cpuStart) / (double) ticksPerSecond;
        ages.sort(null);
        System.out.printf("%4d points: last answer age median %.2f s, worst %.2f s (polled every 1 s by design);"
                + " gateway JVM CPU %.1f %% of one core (simulated stations included)%n", points,
                ages.get(ages.size() / 2), worst, 100 * cpuSeconds / wallSeconds);
    }

    private static final Pattern POINT_ANSWER = Pattern.compile(
            "\"number\" : (\\d+),\\s*\"name\".*?\"lastAnswer\" : (?:\"([^\"]+)\"|null)", Pattern.DOTALL);

    /**
     * bench-driver-update: every 100 ms for the given time, the last answer of every point; then per
     * point the poll period (median gap between answers), the longest gap (the outage of an updated
     * point) and the polls missed (gaps longer than 1.5 periods, counted in periods).
     * Usage: java PollBench.java answers <http port> <seconds> <initial password file> <marker file>
     * (the marker file, written by the script when the update starts and ends, is echoed in the output)
     */
    private static void answers(String[] args) throws Exception {
        String url = "http://127.0.0.1:" + args[1] + "/echarge/api/status";
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        logIn(http, "http://127.0.0.1:" + args[1] + "/echarge/api/",
                Files.readAllLines(Path.of(args[3])).get(0).trim());
        java.util.Map<Integer, java.util.TreeSet<Instant>> answers = new java.util.TreeMap<>();
        long end = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
        while (System.nanoTime() < end) {
            String body = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher matcher = POINT_ANSWER.matcher(body);
            while (matcher.find()) {
                if (matcher.group(2) == null) {
                    answers.computeIfAbsent(Integer.parseInt(matcher.group(1)), n -> new java.util.TreeSet<>());
                    continue;
                }
                answers.computeIfAbsent(Integer.parseInt(matcher.group(1)), n -> new java.util.TreeSet<>())
                        .add(Instant.parse(matcher.group(2)));
            }
            Thread.sleep(100);
        }
        answers.forEach((point, times) -> {
            List<Double> gaps = new ArrayList<>();
            Instant previous = null;
            for (Instant time : times) {
                if (previous != null) {
                    gaps.add(Duration.between(previous, time).toMillis() / 1000.0);
                }
                previous = time;
            }
            List<Double> sorted = new ArrayList<>(gaps);
            sorted.sort(null);
            double period = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
            long missed = gaps.stream().filter(gap -> gap > 1.5 * period)
                    .mapToLong(gap -> Math.round(gap / period) - 1).sum();
            System.out.printf("point %d: %d answers, poll period %.2f s, longest gap %.2f s, polls missed %d%n", point,
                    times.size(), period, sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1), missed);
        });
    }

    /** Logs in with the initial password; the first login must set a new one before anything else. */
    private static void logIn(HttpClient http, String api, String initial) throws Exception {
        String session = post(http, api + "login", null, "{\"user\":\"admin\",\"password\":\"" + initial + "\"}");
        if (session.contains("\"mustChangePassword\" : true") || session.contains("\"mustChangePassword\":true")) {
            Matcher token = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"").matcher(session);
            if (!token.find()) {
                throw new IllegalStateException("no CSRF token in " + session);
            }
            post(http, api + "password", token.group(1), "{\"oldPassword\":\"" + initial
                    + "\",\"newPassword\":\"bench-" + java.util.UUID.randomUUID() + "\"}");
        }
    }

    private static String post(HttpClient http, String url, String csrf, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
    }
}
