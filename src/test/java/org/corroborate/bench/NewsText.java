package org.corroborate.bench;

import java.util.Random;

/**
 * Generated news-like articles for the suggestion benchmark: a headline line, then about 25
 * sentences (3,000 characters) built from local-news templates whose words overlap the labelled
 * set's (hospital, water, council, bridge, plant, votes, numbers as words and numerals), so the
 * haystack competes with the passages that carry a query's claim.
 */
final class NewsText {

    private static final String[] PLACES = {"Harrowby", "Dunmore", "Castlefield", "Eastport", "Fenwick", "Millbrook",
            "Ashcombe", "Redwater", "Tanford", "Kelso Vale", "Brindle", "Northgate"};
    private static final String[] PEOPLE = {"the mayor", "a council spokesperson", "health officials", "the police",
            "union leaders", "residents", "the company", "engineers", "inspectors", "opposition councillors",
            "the regional health board", "a local shopkeeper", "teachers", "the water company"};
    private static final String[] VERBS = {"said", "confirmed", "denied", "warned", "announced", "claimed",
            "reported", "admitted", "promised", "estimated"};
    private static final String[] THINGS = {"the bridge repairs", "a new budget for roads", "water quality tests",
            "the closure of the plant", "hospital waiting times", "bus services", "flood defences",
            "the by-election count", "energy prices", "school places", "the pumping station", "the inquiry",
            "housing plans", "the riverside path", "compensation for customers", "job losses at the factory"};
    private static final String[] TIMES = {"on Monday", "on Tuesday", "on Wednesday", "last week", "in March",
            "this spring", "after the storm", "two years ago", "by the weekend", "within hours", "next month"};
    private static final String[] NUMBERS = {"12", "twelve", "340", "three", "fourteen", "212", "41", "forty",
            "two hundred", "1,200", "eleven", "half", "a dozen", "seven"};
    private static final String[] NOUNS = {"people", "jobs", "residents", "votes", "homes", "patients", "workers",
            "bridges", "customers", "complaints", "schools", "buses"};

    private NewsText() {}

    /** One article of about 3,000 characters, the same for the same random state. */
    static String article(Random random, int number) {
        StringBuilder text = new StringBuilder();
        String place = pick(random, PLACES);
        text.append(capital(pick(random, THINGS))).append(" in ").append(place).append(", report ").append(number)
                .append('\n');
        while (text.length() < 3000) {
            text.append(sentence(random, place)).append(random.nextInt(8) == 0 ? "\n\n" : " ");
        }
        return text.toString().strip();
    }

    private static String sentence(Random random, String place) {
        return switch (random.nextInt(5)) {
            case 0 -> capital(pick(random, PEOPLE)) + " " + pick(random, VERBS) + " that " + pick(random, NUMBERS)
                    + " " + pick(random, NOUNS) + " in " + place + " were affected by " + pick(random, THINGS) + " "
                    + pick(random, TIMES) + ".";
            case 1 -> capital(pick(random, THINGS)) + " will cost " + pick(random, NUMBERS) + " thousand pounds, "
                    + pick(random, PEOPLE) + " " + pick(random, VERBS) + ".";
            case 2 -> "In " + place + ", " + pick(random, PEOPLE) + " " + pick(random, VERBS) + " that "
                    + pick(random, THINGS) + " had been delayed " + pick(random, TIMES) + ".";
            case 3 -> capital(pick(random, PEOPLE)) + " met " + pick(random, PEOPLE) + " " + pick(random, TIMES)
                    + " to discuss " + pick(random, THINGS) + " and " + pick(random, THINGS) + ".";
            default -> "About " + pick(random, NUMBERS) + " " + pick(random, NOUNS) + " were taken to "
                    + (random.nextBoolean() ? "hospital" : "the town hall") + " " + pick(random, TIMES) + ", "
                    + pick(random, PEOPLE) + " " + pick(random, VERBS) + ".";
        };
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capital(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
