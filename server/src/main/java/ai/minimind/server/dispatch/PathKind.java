package ai.minimind.server.dispatch;

/** Whether a parameter names a file system path, and which folders it may then reach. */
public enum PathKind {
    /** Not a path. */
    NONE,
    /** Read: the client's workspace, the shared datasets or the tokenizer folder. */
    INPUT,
    /** Written: the client's workspace only. */
    OUTPUT,
    /** A weight name ({@code full_sft}, {@code none}) or, when it looks like a path, an input path. */
    NAME_OR_INPUT
}
