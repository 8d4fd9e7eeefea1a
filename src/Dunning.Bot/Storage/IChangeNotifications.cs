namespace Dunning.Bot.Storage;

/// <summary>
/// Tells every host that something it may show changed — an open Direct Line stream, a console page — whichever host
/// wrote it. A notice carries a topic and an id only; receivers re-read what they show from the store. With LiteDB it
/// stays in the process (<see cref="InProcessChangeNotifications"/>); with PostgreSQL it travels by
/// <c>LISTEN/NOTIFY</c> (<see cref="PostgreSql.PostgreSqlChangeNotifications"/>).
/// </summary>
/// <remarks>
/// A notice is a hint, not a message queue: one can be lost (a host's listening connection was down), so subscribers
/// also hear <see cref="ChangeNotice.Missed"/> notices and keep a slow re-read of their own (the stream's keep-alive,
/// the console's poll).
/// </remarks>
public interface IChangeNotifications
{
    /// <summary>
    /// Announces that <paramref name="id"/> under <paramref name="topic"/> changed, to the subscribers on every host, this
    /// one included. Inside an open PostgreSQL unit of work (a turn) the notice goes out when the unit commits, and never
    /// when it rolls back; otherwise at once, and a delivery problem is logged, not thrown. Throws
    /// <see cref="ArgumentException"/> for a topic or id <see cref="ChangeNotice.Check"/> refuses.
    /// </summary>
    Task PublishAsync(string topic, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Calls <paramref name="onChange"/> for every notice of <paramref name="topic"/> from now on, until the returned handle
    /// is disposed. It runs on the notifying thread: keep it short, never block; what it throws is logged and dropped.
    /// </summary>
    IDisposable Subscribe(string topic, Action<ChangeNotice> onChange);
}
