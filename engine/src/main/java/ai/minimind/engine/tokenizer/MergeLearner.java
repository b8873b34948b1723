package ai.minimind.engine.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Learns BPE merges from word counts the way the Hugging Face BPE trainer does: repeatedly merge the most frequent
 * adjacent symbol pair (ties: the smaller pair of ids), left to right within each word, until the vocabulary reaches
 * its size or no pair is left. Pair counts are updated incrementally, only for the words that hold the merged pair;
 * a priority queue with lazily discarded stale entries finds the best pair.
 */
final class MergeLearner {
    /** One learned merge: {@code left + right} becomes a token. */
    record Merge(String left, String right) {
    }

    /**
     * Two adjacent symbol ids. (A record, not a packed long: {@code Long.hashCode} of {@code a << 32 | b} is
     * {@code a ^ b}, which collides for most pairs of small ids.)
     */
    private record Pair(int left, int right) implements Comparable<Pair> {
        @Override
        public int compareTo(Pair other) {
            return left != other.left ? Integer.compare(left, other.left) : Integer.compare(right, other.right);
        }
    }

    /** A queue entry; stale when its count no longer equals the pair's current count. */
    private record Candidate(Pair pair, long count) {
    }

    private final List<String> vocab;
    private final Map<String, Integer> ids = new HashMap<>();
    private final int[][] words;
    private final long[] frequencies;
    private final Map<Pair, Long> pairCounts = new HashMap<>();
    private final Map<Pair, Set<Integer>> wordsWithPair = new HashMap<>();
    private final PriorityQueue<Candidate> queue = new PriorityQueue<>((x, y) -> x.count() != y.count()
            ? Long.compare(y.count(), x.count()) : x.pair().compareTo(y.pair()));

    /** {@code initialVocab}: tokens with ids 0.. (specials, then the byte alphabet); words use only the alphabet. */
    MergeLearner(List<String> initialVocab, Map<String, Long> wordCounts) {
        this.vocab = new ArrayList<>(initialVocab);
        for (int id = 0; id < vocab.size(); id++) {
            ids.put(vocab.get(id), id);
        }
        int[] alphabetIds = new int[Character.MAX_VALUE + 1];
        ids.forEach((token, id) -> {
            if (token.length() == 1) {
                alphabetIds[token.charAt(0)] = id;
            }
        });
        Set<Pair> initial = new HashSet<>();
        words = new int[wordCounts.size()][];
        frequencies = new long[wordCounts.size()];
        int w = 0;
        for (Map.Entry<String, Long> entry : wordCounts.entrySet()) {
            words[w] = entry.getKey().chars().map(c -> alphabetIds[c]).toArray();
            frequencies[w] = entry.getValue();
            for (int i = 0; i + 1 < words[w].length; i++) {
                addCount(w, words[w][i], words[w][i + 1], +1, initial);
            }
            w++;
        }
        initial.forEach(pair -> queue.add(new Candidate(pair, pairCounts.get(pair))));
    }

    /** Learns merges until {@code vocabSize} tokens exist; returns them in order (merge k made token 259 + k). */
    List<Merge> learn(int vocabSize) {
        List<Merge> merges = new ArrayList<>();
        while (vocab.size() < vocabSize) {
            Candidate best = nextBest();
            if (best == null) {
                break;
            }
            int left = best.pair().left();
            int right = best.pair().right();
            merges.add(new Merge(vocab.get(left), vocab.get(right)));
            // Two different merges can spell the same string ("a"+"bc", "ab"+"c"): they share one id.
            int merged = ids.computeIfAbsent(vocab.get(left) + vocab.get(right), token -> {
                vocab.add(token);
                return vocab.size() - 1;
            });
            apply(best.pair(), left, right, merged);
        }
        return merges;
    }

    /** Token strings by id, after {@link #learn(int)}. */
    List<String> vocab() {
        return vocab;
    }

    private Candidate nextBest() {
        while (!queue.isEmpty()) {
            Candidate top = queue.poll();
            if (pairCounts.getOrDefault(top.pair(), 0L) == top.count() && top.count() > 0) {
                return top;
            }
        }
        return null;
    }

    private void apply(Pair pair, int left, int right, int merged) {
        Set<Pair> changed = new HashSet<>();
        for (int w : wordsWithPair.getOrDefault(pair, Set.of())) {
            words[w] = mergeInWord(w, left, right, merged, changed);
        }
        // Every occurrence is merged away, so the pair itself leaves the table.
        pairCounts.remove(pair);
        wordsWithPair.remove(pair);
        for (Pair p : changed) {
            Long count = pairCounts.get(p);
            if (count != null) {
                queue.add(new Candidate(p, count));
            }
        }
    }

    /**
     * Replaces each non-overlapping occurrence of (left, right), scanning left to right, by {@code merged}, and
     * updates the counts of the neighbouring pairs only (as the Hugging Face trainer's {@code Word::merge}): around
     * an occurrence {@code p L R n}, pairs (p, L) and (R, n) go away and (p, M) and (M, n) appear. With back-to-back
     * occurrences, {@code p} is the previous replacement, so its (M, L) is added and then removed again.
     */
    private int[] mergeInWord(int w, int left, int right, int merged, Set<Pair> changed) {
        int[] symbols = words[w];
        int[] out = new int[symbols.length];
        int n = 0;
        for (int i = 0; i < symbols.length; i++) {
            if (i + 1 < symbols.length && symbols[i] == left && symbols[i + 1] == right) {
                if (n > 0) {
                    addCount(w, out[n - 1], left, -1, changed);
                    addCount(w, out[n - 1], merged, +1, changed);
                }
                if (i + 2 < symbols.length) {
                    addCount(w, right, symbols[i + 2], -1, changed);
                    addCount(w, merged, symbols[i + 2], +1, changed);
                }
                out[n++] = merged;
                i++;
            } else {
                out[n++] = symbols[i];
            }
        }
        return n == symbols.length ? symbols : Arrays.copyOf(out, n);
    }

    private void addCount(int w, int a, int b, int sign, Set<Pair> changed) {
        Pair pair = new Pair(a, b);
        long count = pairCounts.getOrDefault(pair, 0L) + sign * frequencies[w];
        if (count > 0) {
            pairCounts.put(pair, count);
        } else {
            pairCounts.remove(pair);
        }
        if (sign > 0) {
            wordsWithPair.computeIfAbsent(pair, k -> new HashSet<>()).add(w);
        }
        changed.add(pair);
    }
}
