package io.deltajdbc.engine.actions;

/**
 * One action of the Delta log (protocol: "Actions"). Each commit file holds one action per line as
 * a single-key JSON object; {@link ActionJson} reads and writes that form.
 */
public sealed interface Action
    permits Protocol,
        Metadata,
        FileAction,
        SetTransaction,
        CommitInfo,
        DomainMetadata,
        CheckpointMetadata,
        Sidecar {}
