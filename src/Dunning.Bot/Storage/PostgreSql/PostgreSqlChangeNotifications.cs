using System.Text.Json;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// <see cref="IChangeNotifications"/> across the hosts of one PostgreSQL database: a notice is a <c>pg_notify</c> on the
/// channel <see cref="Channel"/> whose payload is ids only — <c>{"host":…,"topic":…,"id":…}</c> — which every host's
/// <see cref="PostgreSqlChangeListener"/> hears. Inside the flow's unit of work (a turn) the notify is a statement of its
/// transaction, so PostgreSQL sends it at the commit and drops it at a rollback; this host's own subscribers are called
/// right after the commit, without the detour through the database, and the listener skips the host's own payloads.
/// </summary>
public sealed partial class PostgreSqlChangeNotifications : IChangeNotifications
{
    /// <summary>The PostgreSQL notification channel of every host.</summary>
    public const string Channel = "dunning_changes";

    private readonly PostgreSqlDatabase database;
    private readonly ILogger<PostgreSqlChangeNotifications> logger;

    public PostgreSqlChangeNotifications(PostgreSqlDatabase database, ILogger<PostgreSqlChangeNotifications> logger)
    {
        this.database = database ?? throw new ArgumentNullException(nameof(database));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        Subscribers = new ChangeSubscribers(logger);
    }

    /// <summary>This process among the hosts (new at every start); its payloads come back to it and are skipped.</summary>
    public string HostId { get; } = Guid.NewGuid().ToString("N");

    internal ChangeSubscribers Subscribers { get; }

    public async Task PublishAsync(string topic, string id, CancellationToken cancellationToken)
    {
        ChangeNotice.Check(topic, id);
        var payload = JsonSerializer.Serialize(new Payload(HostId, topic, id));
        var local = new ChangeNotice(topic, id, FromThisHost: true);
        if (database.UnitOfWork is { } unit)
        {
            await database.ReadAsync(joinUnit: true, (connection, transaction) => NotifyAsync(connection, transaction, payload, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            unit.OnCommitted(() => Subscribers.Deliver(local));
            return;
        }
        try
        {
            await database.ReadAsync(joinUnit: false, (connection, _) => NotifyAsync(connection, null, payload, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // The other hosts miss this one; their streams and pages re-read on their own a little later.
            LogNotifyFailed(logger, ex, topic);
        }
        Subscribers.Deliver(local);
    }

    public IDisposable Subscribe(string topic, Action<ChangeNotice> onChange) => Subscribers.Add(topic, onChange);

    /// <summary>
    /// A payload the listener heard: delivered to this host's subscribers unless this host sent it. Anything that is not
    /// one of our payloads (someone else notifying on the channel) is logged and ignored.
    /// </summary>
    internal void Receive(string payload)
    {
        Payload? parsed = null;
        try
        {
            parsed = JsonSerializer.Deserialize<Payload>(payload);
        }
        catch (JsonException)
        {
            // Refused below.
        }
        if (parsed is not { Host: { Length: > 0 } host, Topic: { } topic, Id: { } id } || !Valid(topic, id))
        {
            LogForeignPayload(logger, payload.Length);
            return;
        }
        if (host != HostId)
            Subscribers.Deliver(new ChangeNotice(topic, id, FromThisHost: false));
    }

    private static bool Valid(string topic, string id)
    {
        try
        {
            ChangeNotice.Check(topic, id);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<bool> NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string payload, CancellationToken cancellationToken)
    {
        await using var notify = PostgreSqlCommands.Command($"SELECT pg_notify('{Channel}', $1)", connection, transaction, [payload]);
        await notify.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private sealed record Payload(
        [property: System.Text.Json.Serialization.JsonPropertyName("host")] string? Host,
        [property: System.Text.Json.Serialization.JsonPropertyName("topic")] string? Topic,
        [property: System.Text.Json.Serialization.JsonPropertyName("id")] string? Id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A change notice on {Topic} could not be sent to the other hosts")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a notification of {Length} characters on the change channel that is not a change notice")]
    private static partial void LogForeignPayload(ILogger logger, int length);
}
