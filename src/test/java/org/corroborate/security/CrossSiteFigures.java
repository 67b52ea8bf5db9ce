package org.corroborate.security;

/** Prints the figures of the forged-request tests for the Reliability section of docs/operations.md. */
final class CrossSiteFigures {

    private CrossSiteFigures() {}

    static void record(String what, long tried, long refused) {
        System.out.println("FIGURE " + what + ": tried " + tried + ", refused " + refused);
    }
}
