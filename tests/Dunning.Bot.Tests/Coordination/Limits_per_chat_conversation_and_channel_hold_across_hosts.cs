using System.Diagnostics;
using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Hosting.Coordination;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dunning.Bot.Tests.Coordination;

/// <summary>
/// Telegram's limit per chat, Teams' per conversation and per tenant and the outbox's per channel are buckets of the
/// send budget: with PostgreSQL two hosts writing to one chat, conversation or channel stay within one limit, not two
/// (each host here is its own <see cref="Hosting.Coordination.ISendBudget"/> on its own connections to one database).
/// Idle buckets do not pile up rows. Limits that make no sense are refused before anything is sent.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class Limits_per_chat_conversation_and_channel_hold_across_hosts(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);
    private readonly SharedSendBudgets budgets = new();
    private string connection = null!;

    public async Task InitializeAsync()
    {
        if (PostgresServer.SkipReason() is null)
            connection = await postgres.CreateDatabaseAsync();
    }

    public async Task DisposeAsync() => await budgets.DisposeAsync();

    [PostgresFact]
    public async Task Two_hosts_writing_to_one_telegram_chat_send_one_message_a_second()
    {
        var options = Options.Create(new TelegramOptions { Token = "123456:shared-limits", PerChatPerSecond = 1 });
        var (a, b) = (new TelegramSendGate(budgets.Host(connection), options), new TelegramSendGate(budgets.Host(connection), options));

        var first = await a.EnterAsync(7001, CancellationToken.None);
        var second = b.EnterAsync(7001, CancellationToken.None).AsTask();
        await (await b.EnterAsync(7002, CancellationToken.None).AsTask().WaitAsync(Soon)).DisposeAsync();
        await Task.Delay(300);
        Assert.False(second.IsCompleted, "a second message to the chat while the first was not answered");
        await first.DisposeAsync();
        var answered = Stopwatch.StartNew();

        await (await second.WaitAsync(Soon)).DisposeAsync();
        Assert.True(answered.Elapsed >= Second - TimeSpan.FromMilliseconds(20), $"the chat's second message after {answered.Elapsed}");
    }

    [PostgresFact]
    public async Task Two_hosts_share_a_teams_conversations_burst_and_a_refused_call_says_when_to_retry()
    {
        var options = Options.Create(new TeamsOptions { ConversationBurst = 2, ConversationReplenishmentPeriod = TimeSpan.FromMinutes(1), RateLimitWait = TimeSpan.FromMilliseconds(300) });
        var (a, b) = (new TeamsRateLimits(budgets.Host(connection), options), new TeamsRateLimits(budgets.Host(connection), options));

        Assert.NotNull((await a.AcquireAsync("https://s/", "c1", "t", mayWait: false, default)).Permit);
        Assert.NotNull((await b.AcquireAsync("https://s/", "c1", "t", mayWait: false, default)).Permit);
        var refused = await b.AcquireAsync("https://s/", "c1", "t", mayWait: false, default);
        var waited = Stopwatch.StartNew();
        var refusedAfterWaiting = await a.AcquireAsync("https://s/", "c1", "t", mayWait: true, default);

        Assert.Null(refused.Permit);
        Assert.True(refused.RetryAfter > TimeSpan.Zero);
        Assert.Null(refusedAfterWaiting.Permit);
        Assert.True(waited.Elapsed >= TimeSpan.FromMilliseconds(280), $"gave up after {waited.Elapsed} instead of Teams:RateLimitWait");
        Assert.NotNull((await b.AcquireAsync("https://s/", "c2", "t", mayWait: false, default)).Permit);
    }

    [PostgresFact]
    public async Task After_a_burst_two_hosts_share_one_teams_message_per_period_of_a_conversation()
    {
        var period = TimeSpan.FromMilliseconds(700);
        var options = Options.Create(new TeamsOptions { ConversationBurst = 2, ConversationReplenishmentPeriod = period });
        var (a, b) = (new TeamsRateLimits(budgets.Host(connection), options), new TeamsRateLimits(budgets.Host(connection), options));
        await using (await Permit(a, mayWait: false))
        await using (await Permit(b, mayWait: false))
        {
        }
        var answered = Stopwatch.StartNew();

        await using (await Permit(b, mayWait: true))
            Assert.True(answered.Elapsed >= period - TimeSpan.FromMilliseconds(20), $"the third message after {answered.Elapsed}");
        await using (await Permit(a, mayWait: true))
            Assert.True(answered.Elapsed >= 2 * period - TimeSpan.FromMilliseconds(20), $"the fourth message after {answered.Elapsed}");
    }

    [PostgresFact]
    public async Task Two_hosts_share_a_teams_tenants_requests_per_second()
    {
        var options = Options.Create(new TeamsOptions { TenantRequestsPerSecond = 2 });
        var (a, b) = (new TeamsRateLimits(budgets.Host(connection), options), new TeamsRateLimits(budgets.Host(connection), options));

        Assert.NotNull((await a.AcquireAsync("https://s/", "c1", "t", mayWait: false, default)).Permit);
        Assert.NotNull((await b.AcquireAsync("https://s/", "c2", "t", mayWait: false, default)).Permit);
        Assert.Null((await b.AcquireAsync("https://s/", "c3", "t", mayWait: false, default)).Permit);
        Assert.NotNull((await b.AcquireAsync("https://s/", "c4", "other-tenant", mayWait: false, default)).Permit);
    }

    [PostgresFact]
    public async Task Two_hosts_dispatching_on_one_channel_share_its_outbox_rate_limit()
    {
        var options = Options.Create(new SchedulingOptions { RateLimits = new(StringComparer.OrdinalIgnoreCase) { ["telegram"] = new() { Permits = 2, PerSeconds = 1 } } });
        var (a, b) = (new ChannelRateLimiters(budgets.Host(connection), options), new ChannelRateLimiters(budgets.Host(connection), options));

        var first = await a.EnterAsync("telegram", Soon, default);
        var second = await b.EnterAsync("Telegram", Soon, default);
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Null(await b.EnterAsync("telegram", TimeSpan.FromMilliseconds(300), default));
        await using (await b.EnterAsync("email", TimeSpan.FromMilliseconds(300), default) ?? throw new Xunit.Sdk.XunitException("another channel waited"))
        {
        }
        await first.DisposeAsync();
        var answered = Stopwatch.StartNew();

        await using (await b.EnterAsync("telegram", Soon, default) ?? throw new Xunit.Sdk.XunitException("no permit after the window"))
            Assert.True(answered.Elapsed >= Second - TimeSpan.FromMilliseconds(20), $"the third send after {answered.Elapsed}");
        await second.DisposeAsync();
    }

    [PostgresFact]
    public async Task A_chats_rows_are_deleted_once_idle_and_the_chat_can_be_written_to_again()
    {
        var hold = TimeSpan.FromSeconds(1);
        var (a, b) = (budgets.Host(connection, hold), budgets.Host(connection, hold));
        var chat = new SendLimit("telegram:chat:7003", 1, TimeSpan.FromMilliseconds(100));
        await (await a.EnterAsync(chat, CancellationToken.None)).DisposeAsync();
        await WaitForRowsAsync(chat.Bucket, 1);

        await Task.Delay(hold + TimeSpan.FromMilliseconds(300));
        await (await b.EnterAsync(new SendLimit("telegram:chat:7004", 1, Second), CancellationToken.None)).DisposeAsync();

        await WaitForRowsAsync(chat.Bucket, 0);
        await (await b.EnterAsync(chat, CancellationToken.None).AsTask().WaitAsync(Soon)).DisposeAsync();
        await WaitForRowsAsync(chat.Bucket, 1);
    }

    [PostgresFact]
    public async Task A_permit_row_cleaned_away_from_a_busy_bucket_is_added_again()
    {
        var (a, b) = (budgets.Host(connection), budgets.Host(connection));
        var three = new SendLimit("telegram:group:-7005", 3, TimeSpan.FromMinutes(1));
        var held = new List<IAsyncDisposable> { await a.EnterAsync(three, CancellationToken.None), await b.EnterAsync(three, CancellationToken.None) };
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await using var gap = new NpgsqlCommand("UPDATE dunning_send_permits SET permit = 2 WHERE bucket = $1 AND permit = 1", db) { Parameters = { new() { Value = three.Bucket } } };
            Assert.Equal(1, await gap.ExecuteNonQueryAsync());   // rows 0 and 2 taken, 1 gone: the top is full
        }

        held.Add(await a.EnterAsync(three, CancellationToken.None).AsTask().WaitAsync(Soon));

        Assert.Null((await b.TryEnterAsync(three, CancellationToken.None)).Permit);
        await WaitForRowsAsync(three.Bucket, 3);
    }

    [Fact]
    public void Zero_or_negative_limits_are_reported_by_name()
    {
        var scheduling = new SchedulingOptions();
        scheduling.RateLimits["telegram"] = new() { Permits = 0, PerSeconds = 1 };
        scheduling.RateLimits["msteams"] = new() { Permits = 5, PerSeconds = -1 };
        var telegram = TelegramOptionsValidation.Problems(new TelegramOptions { Token = "123456:shared-limits", PerChatPerSecond = 0, PerGroupPerMinute = -1 });
        var teams = new TeamsOptions { ConversationBurst = 0, TenantRequestsPerSecond = -3 }.Validate();

        Assert.Contains(scheduling.Validate(), p => p.Contains("Scheduling:RateLimits:telegram", StringComparison.Ordinal));
        Assert.Contains(scheduling.Validate(), p => p.Contains("Scheduling:RateLimits:msteams", StringComparison.Ordinal));
        Assert.Contains(telegram, p => p.Contains("Telegram:PerChatPerSecond", StringComparison.Ordinal));
        Assert.Contains(telegram, p => p.Contains("Telegram:PerGroupPerMinute", StringComparison.Ordinal));
        Assert.Contains(teams, p => p.Contains("Teams:ConversationBurst", StringComparison.Ordinal));
    }

    private static async Task<IAsyncDisposable> Permit(TeamsRateLimits limits, bool mayWait) =>
        (await limits.AcquireAsync("https://s/", "c1", "t", mayWait, default)).Permit ?? throw new Xunit.Sdk.XunitException("no permit");

    /// <summary>Waits until the bucket has <paramref name="expected"/> rows (returns and their cleaning run off the sender's path).</summary>
    private async Task WaitForRowsAsync(string bucket, long expected)
    {
        var deadline = Stopwatch.StartNew();
        long rows;
        do
        {
            await using var db = new NpgsqlConnection(connection);
            await db.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM dunning_send_permits WHERE bucket = $1", db) { Parameters = { new() { Value = bucket } } };
            rows = (long)(await count.ExecuteScalarAsync())!;
            if (rows == expected)
                return;
            await Task.Delay(50);
        }
        while (deadline.Elapsed < Soon);
        Assert.Fail($"{bucket} has {rows} rows, expected {expected}");
    }
}
