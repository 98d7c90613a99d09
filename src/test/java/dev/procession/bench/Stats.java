package dev.procession.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Medians and the result objects, shaped as mp_bench.py's {@code summarize}. */
final class Stats {
    private Stats() {
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The nearest-rank percentile {@code p} (0 to 100): a value that was measured, never interpolated. */
    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static List<Double> rounded(List<Double> values, int digits) {
        return values.stream().map(v -> round(v, digits)).toList();
    }

    /** {"<key>": median, "samples": [...]} plus extra fields. */
    static Map<String, Object> summarize(List<Double> samples, String key, int digits, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, round(median(samples), digits));
        m.put("samples", rounded(samples, digits));
        m.putAll(extra);
        return m;
    }
}
