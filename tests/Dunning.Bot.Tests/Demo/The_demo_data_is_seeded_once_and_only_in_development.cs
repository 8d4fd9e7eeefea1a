using Microsoft.Extensions.Options;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Claims;
using System.Net.Http.Json;
using System.Text.Json;
using Dunning.Bot.Api;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Hosting;
using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Demo;

public sealed class The_demo_data_is_seeded_once_and_only_in_development : IDisposable
{
    private const string Key = "dbk_demo-seed-test-key";
    private readonly string folder = Directory.CreateTempSubdirectory("dunning-seed-").FullName;

    private Dictionary<string, string?> Settings => new()
    {
        ["Storage:Path"] = Path.Combine(folder, "dunning.db"),
        ["Api:Keys:0:Name"] = "test",
        ["Api:Keys:0:Sha256"] = ApiKeys.Hash(Key),
        ["Scheduling:Enabled"] = "false",
    };

    [Fact]
    public async Task Development_seeds_a_realistic_portfolio_and_a_restart_does_not_seed_again()
    {
        var first = await DebtorsAsync("Development");
        Assert.True(first.Count >= 6, $"only {first.Count} demo debtors");
        Assert.Contains(first, d => d.GetProperty("language").GetString() == "de");
        Assert.Contains(first, d => d.GetProperty("language").GetString() == "en");
        Assert.Contains(first, d => d.GetProperty("kind").GetString() == "business");
        Assert.Contains(first, d => d.GetProperty("kind").GetString() == "consumer");
        Assert.True(first.Select(d => d.GetProperty("timeZone").GetString()).Distinct().Count() >= 3);

        var second = await DebtorsAsync("Development");
        Assert.Equal(first.Select(d => d.GetProperty("accessCode").GetString()), second.Select(d => d.GetProperty("accessCode").GetString()));
    }

    [Fact]
    public async Task The_portfolio_covers_every_situation_the_bot_must_handle()
    {
        await DebtorsAsync("Development");
        using var host = new BotHost(Settings, "Development");
        using var client = Client(host);
        var cases = JsonDocument.Parse(await client.GetStringAsync("/api/v1/cases")).RootElement.EnumerateArray().ToList();
        var invoices = cases.SelectMany(c => c.GetProperty("invoices").EnumerateArray()).ToList();
        var statuses = invoices.Select(i => i.GetProperty("status").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "open", "partiallyPaid", "paid", "disputed" }, statuses);
        Assert.Contains(invoices, i => i.GetProperty("status").GetString() == "open" && DateOnly.Parse(i.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
        Assert.Contains(invoices, i => i.GetProperty("stage").GetInt32() >= 3);
    }

    [Fact]
    public async Task Outside_development_nothing_is_seeded()
    {
        Assert.Empty(await DebtorsAsync("Production"));
    }

    [Fact]
    public void The_demo_portfolio_is_valid_domain_data()
    {
        var demo = DemoData.Create(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero), Ledger());
        Assert.All(demo.Invoices, i => Assert.Contains(demo.Debtors, d => d.Id == i.DebtorId));
        Assert.Equal(demo.Debtors.Count, demo.Debtors.Select(d => d.AccessCode).Distinct().Count());
        Assert.Equal(demo.Debtors.Count, demo.Cases.Count);
        Assert.Contains(demo.Invoices, i => i.StatusAt(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)) == InvoiceStatus.Paid);
    }

    private async Task<List<JsonElement>> DebtorsAsync(string environment)
    {
        using var host = new BotHost(Settings, environment);
        using var client = Client(host);
        return [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/debtors")).EnumerateArray()];
    }

    private static HttpClient Client(BotHost host)
    {
        var client = host.CreateHttpClient();
        client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, Key);
        return client;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static ClaimLedger Ledger() => new(Options.Create(new ClaimOptions()), new StatutoryInterest(Options.Create(new StatutoryInterestOptions())),
        new DunningLadder(Options.Create(new DunningLadderOptions())));
}
