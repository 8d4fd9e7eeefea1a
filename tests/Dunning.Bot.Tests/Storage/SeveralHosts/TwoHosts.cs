using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dunning.Bot.Tests.Storage.SeveralHosts;

/// <summary>
/// Two real hosts (<see cref="BotHost"/>, Kestrel on loopback) on one PostgreSQL database, the scheduler off; and turns
/// run straight through a host's web chat adapter with a callback of the test's own, past the whole middleware chain.
/// </summary>
internal sealed class TwoHosts : IDisposable
{
    private TwoHosts(string connection, Dictionary<string, string?>? settings)
    {
        Connection = connection;
        A = Host(connection, settings);
        B = Host(connection, settings);
        _ = A.BaseAddress;
        _ = B.BaseAddress;
    }

    public string Connection { get; }

    public BotHost A { get; }

    public BotHost B { get; }

    public static async Task<TwoHosts> StartAsync(PostgresServer server, Dictionary<string, string?>? settings = null) =>
        new(await server.CreateDatabaseAsync(), settings);

    public static BotHost Host(string connection, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = connection,
            ["Scheduling:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? [])
            all[key] = value;
        return new BotHost(all);
    }

    /// <summary>Runs one web chat turn of <paramref name="conversationId"/> on <paramref name="host"/> with <paramref name="callback"/> as the bot.</summary>
    public static Task TurnAsync(BotHost host, string conversationId, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = WebChatAdapter.Channel,
            Id = Guid.NewGuid().ToString("N"),
            Conversation = new ConversationAccount { Id = conversationId },
            From = new ChannelAccount { Id = "debtor", Role = "user" },
            Recipient = new ChannelAccount { Id = "bot", Role = "bot" },
            Text = "hello",
        };
        return host.Services.GetRequiredService<WebChatAdapter>().ProcessActivityAsync(activity, callback, cancellationToken);
    }

    /// <summary>The conversation state accessor of <paramref name="host"/> for a counter.</summary>
    public static (ConversationState State, IStatePropertyAccessor<int> Count) Counter(BotHost host)
    {
        var state = host.Services.GetRequiredService<ConversationState>();
        return (state, state.CreateProperty<int>("count"));
    }

    /// <summary>Runs <paramref name="sql"/> with one parameter on a connection of its own (as an administrator would).</summary>
    public async Task<object?> ScalarAsync(string sql, object parameter)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new NpgsqlParameter { Value = parameter } } };
        return await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }
}
