package org.corroborate.testing;

/**
 * The projects of a test workbench. Flyway's V14 makes the first project; on the fresh database of
 * every test application it has id 1, and demo mode makes it the main demo project (alice, bob and
 * carol review, sam supervises). The second demo project (carol only) comes after it.
 */
public final class TestProjects {

    /** The main demo project, where the demo corpus and the tests' own sources live. */
    public static final long MAIN = 1L;
    /** The main demo project's name. */
    public static final String MAIN_NAME = "Ellsworth Vale water inquiry";
    /** The second demo project's name: only carol belongs to it. */
    public static final String SECOND_NAME = "Newsroom training desk";

    private TestProjects() {}
}
