package dev.stampede.engine.source;

/**
 * What a session of a {@link SessionWalk} costs on average: its requests and its length in seconds (the
 * sum of its think times), solved exactly from the transition matrix as an absorbing Markov chain: with
 * {@code Q} the edges between endpoints (the exit absorbs), the expected visits from each endpoint
 * solve {@code (I - Q) n = 1} and the expected remaining seconds {@code (I - Q) s = c}, {@code c} the
 * mean think time of the edges leaving each endpoint weighted by their probabilities. Weighted by the
 * entry shares, they give the source its session arrival rate ({@code request rate / requests per
 * session}) and the number of sessions open at a time (Little's law: arrival rate x seconds per
 * session). Gaussian elimination over the endpoints, once per source: NaN when the chain has a part
 * that never exits (then the caller falls back to the model's recorded means).
 */
final class WalkExpectations {

    private final double requestsPerSession;
    private final double secondsPerSession;

    WalkExpectations(SessionWalk walk) {
        int n = walk.endpoints();
        double[][] a = new double[n][n + 2];
        for (int i = 0; i < n; i++) {
            a[i][i] += 1;
            a[i][n] = 1; // one request at i
            for (int e = 0; e < walk.edges(i); e++) {
                double p = walk.probability(i, e);
                int to = walk.target(i, e);
                if (to != SessionWalk.EXIT) {
                    a[i][to] -= p;
                    a[i][n + 1] += p * walk.meanThinkSeconds(i, e);
                }
            }
        }
        double[][] x = solve(a, n);
        double requests = 0;
        double seconds = 0;
        for (int i = 0; i < n && x != null; i++) {
            double share = walk.entryShare(i);
            if (share > 0) {
                requests += share * x[0][i];
                seconds += share * x[1][i];
            }
        }
        boolean valid = x != null && requests >= 1 && Double.isFinite(requests) && Double.isFinite(seconds);
        this.requestsPerSession = valid ? requests : Double.NaN;
        this.secondsPerSession = valid ? Math.max(0, seconds) : Double.NaN;
    }

    /** Expected requests per session (at least 1), or NaN when the walk need not end. */
    double requestsPerSession() {
        return requestsPerSession;
    }

    /** Expected seconds from a session's first request to its last, or NaN when the walk need not end. */
    double secondsPerSession() {
        return secondsPerSession;
    }

    /** Solves {@code a[0..n) x = a[n]} and {@code = a[n+1]} with partial pivoting; null when singular. */
    private static double[][] solve(double[][] a, int n) {
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                return null;
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                if (factor != 0) {
                    for (int k = col; k < n + 2; k++) {
                        a[row][k] -= factor * a[col][k];
                    }
                }
            }
        }
        double[][] x = new double[2][n];
        for (int rhs = 0; rhs < 2; rhs++) {
            for (int row = n - 1; row >= 0; row--) {
                double sum = a[row][n + rhs];
                for (int k = row + 1; k < n; k++) {
                    sum -= a[row][k] * x[rhs][k];
                }
                x[rhs][row] = sum / a[row][row];
            }
        }
        return x;
    }
}
