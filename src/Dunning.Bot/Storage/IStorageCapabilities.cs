namespace Dunning.Bot.Storage;

/// <summary>What the configured storage can do, for callers that choose a strategy by it (not by provider name).</summary>
public interface IStorageCapabilities
{
    /// <summary>
    /// True when a commit may run on another thread while this flow goes on reading (the sweep then plans its next page
    /// during the commit of the last). False when the storage's lock belongs to the thread that took it, so one thread
    /// must do all (LiteDB's shared connection mode).
    /// </summary>
    bool CommitsOverlapReads { get; }
}
