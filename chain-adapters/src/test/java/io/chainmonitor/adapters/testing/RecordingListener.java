package io.chainmonitor.adapters.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.chainmonitor.adapters.ChainClient;
import io.chainmonitor.adapters.ChainClientException;
import io.chainmonitor.adapters.ChainHead;

/** A head listener that keeps every head and failure it is told of. */
public final class RecordingListener implements ChainClient.HeadListener {

    private final List<ChainHead> heads = new CopyOnWriteArrayList<>();
    private final List<ChainClientException> errors = new CopyOnWriteArrayList<>();

    @Override
    public void onHead(ChainHead head) {
        heads.add(head);
    }

    @Override
    public void onError(ChainClientException failure) {
        errors.add(failure);
    }

    public List<ChainHead> heads() {
        return heads;
    }

    public List<ChainClientException> errors() {
        return errors;
    }
}
