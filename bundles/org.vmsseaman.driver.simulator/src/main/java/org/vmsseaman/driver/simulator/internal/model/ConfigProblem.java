package org.vmsseaman.driver.simulator.internal.model;

/**
 * A tag binding the simulator cannot use; the tag is reported with {@code configurationError}.
 *
 * @param tagId the tag
 * @param message what is wrong with its binding
 */
public record ConfigProblem(String tagId, String message) {}
