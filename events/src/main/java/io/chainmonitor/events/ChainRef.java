package io.chainmonitor.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where on which chain something happened: the chain type and, when known, a block height and hash. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainRef(String type, Long height, String blockHash) {

    public ChainRef {
        Fields.requireText(type, "chain.type");
    }
}
