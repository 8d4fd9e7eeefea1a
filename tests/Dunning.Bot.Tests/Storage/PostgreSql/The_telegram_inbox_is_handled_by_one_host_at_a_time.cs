using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Tests.Infrastructure;
using Dunning.Bot.Tests.Storage.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Storage.PostgreSql;

/// <summary>
/// Two hosts share one Telegram inbox on PostgreSQL: pending updates are handed to one host at a time (so none is handled
/// twice and a chat's updates stay in order), a host that finds nothing pending lets the other take over at once, and a
/// host that stopped looking (died) holds the inbox no longer than the lease.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class The_telegram_inbox_is_handled_by_one_host_at_a_time(PostgresServer server) : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly PostgreSqlUnderTest storage = new(server);
    private readonly List<ServiceProvider> hosts = [];

    private ITelegramStore Host()
    {
        var host = storage.Open(clock);
        hosts.Add(host);
        return host.GetRequiredService<ITelegramStore>();
    }

    [PostgresFact]
    public void Pending_updates_go_to_one_host_until_it_finds_none_or_its_lease_runs_out()
    {
        var a = Host();
        var b = Host();
        a.Accept(1, "{\"update_id\":1}", advanceOffset: false);
        b.Accept(2, "{\"update_id\":2}", advanceOffset: false);

        Assert.Equal([1L, 2L], a.PendingUpdates(10).Select(u => u.UpdateId));
        Assert.Empty(b.PendingUpdates(10));
        a.MarkDone(1);
        a.MarkDone(2);
        Assert.Empty(b.PendingUpdates(10));

        // A finds nothing and gives the inbox up: B takes the next update at once.
        Assert.Empty(a.PendingUpdates(10));
        b.Accept(3, "{}", advanceOffset: false);
        Assert.Equal([3L], b.PendingUpdates(10).Select(u => u.UpdateId));
        Assert.Empty(a.PendingUpdates(10));

        // B stops (dies) holding update 3: A waits out the lease, then handles it.
        clock.Advance(new TelegramOptions().InboxLease - TimeSpan.FromSeconds(1));
        Assert.Empty(a.PendingUpdates(10));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([3L], a.PendingUpdates(10).Select(u => u.UpdateId));
    }

    [PostgresFact]
    public void A_host_that_stops_leading_hands_the_inbox_over_at_once()
    {
        var a = Host();
        var b = Host();
        a.Accept(1, "{}", advanceOffset: false);
        a.Accept(2, "{}", advanceOffset: false);
        Assert.Equal([1L, 2L], a.PendingUpdates(10).Select(u => u.UpdateId));
        a.MarkDone(1);
        Assert.Empty(b.PendingUpdates(10));

        // A stops with update 2 still pending: B takes it without waiting for the lease.
        a.ReleaseInbox();
        Assert.Equal([2L], b.PendingUpdates(10).Select(u => u.UpdateId));
        Assert.Empty(a.PendingUpdates(10));
    }

    public void Dispose()
    {
        foreach (var host in hosts)
            host.Dispose();
        storage.Dispose();
    }
}
