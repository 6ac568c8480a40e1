package org.vmsseaman.api.project;

/**
 * A ship system or group of tags, e.g. main engine, switchboard, tanks.
 *
 * @param id short identifier, e.g. {@code me}
 * @param name display name, e.g. "Main Engine"
 * @param description free text
 */
public record SystemGroup(String id, String name, String description) {}
