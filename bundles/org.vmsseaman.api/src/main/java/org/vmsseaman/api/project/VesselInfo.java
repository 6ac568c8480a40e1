package org.vmsseaman.api.project;

/**
 * The vessel a project describes.
 *
 * @param name vessel name
 * @param imo IMO number (7 digits), empty if unknown
 * @param callSign radio call sign, empty if unknown
 * @param flag flag state, empty if unknown
 * @param shipType ship type, e.g. "Bulk carrier"
 * @param description free text
 */
public record VesselInfo(String name, String imo, String callSign, String flag, String shipType, String description) {}
