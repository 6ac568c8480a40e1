package org.vmsseaman.driver.simulator.internal.model;

import java.util.Random;

/** The vessel's simulated track, shared by a device's position tags: about 12 kn on a slowly changing course. */
final class Track {

    private static final double KNOTS = 12.0;

    private final OrnsteinUhlenbeck turnRate;
    private final OrnsteinUhlenbeck speedWander;
    private double courseDegrees;
    private double northNm;
    private double eastNm;
    private double latitude;

    Track(Random random) {
        this.turnRate = new OrnsteinUhlenbeck(random, 120, 0.05);
        this.speedWander = new OrnsteinUhlenbeck(random, 600, 0.4);
        this.courseDegrees = random.nextDouble() * 360;
    }

    /** Advances the track; {@link #northNm()} and {@link #eastNm()} then give this step's movement. */
    void step(double dt) {
        courseDegrees = (courseDegrees + turnRate.step(dt) * dt + 360) % 360;
        double distanceNm = (KNOTS + speedWander.step(dt)) * dt / 3600;
        double course = Math.toRadians(courseDegrees);
        northNm = distanceNm * Math.cos(course);
        eastNm = distanceNm * Math.sin(course);
    }

    double northNm() {
        return northNm;
    }

    double eastNm() {
        return eastNm;
    }

    /** Turns back from a latitude bound: mirrors the course's north component. */
    void reflectNorth(boolean headNorth) {
        if ((northNm > 0) != headNorth) {
            courseDegrees = (540 - courseDegrees) % 360;
        }
    }

    /** Turns back from a longitude bound: mirrors the course's east component. */
    void reflectEast(boolean headEast) {
        if ((eastNm > 0) != headEast) {
            courseDegrees = (360 - courseDegrees) % 360;
        }
    }

    /** The latitude last reported by a latitude tag, used to scale longitude movement. */
    double latitude() {
        return latitude;
    }

    void latitude(double latitude) {
        this.latitude = latitude;
    }
}
