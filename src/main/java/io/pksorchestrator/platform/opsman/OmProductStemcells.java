package io.pksorchestrator.platform.opsman;

import java.util.List;

/**
 * Stemcells of one product, from {@code stemcell_associations} (Ops Manager 2.6+) or {@code stemcell_assignments}
 * (older, single stemcell).
 */
public record OmProductStemcells(String guid, String identifier, List<OmStemcell> staged, List<OmStemcell> deployed,
    List<OmStemcell> available) {}
