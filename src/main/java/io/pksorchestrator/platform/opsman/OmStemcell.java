package io.pksorchestrator.platform.opsman;

/** A stemcell by operating system and version, as Ops Manager names it. */
public record OmStemcell(String os, String version) {}
