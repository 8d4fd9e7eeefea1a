using System.Text.Json;
using Dunning.Bot.Hosting;
using Dunning.Bot.Cli;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Channels.Email;

/// <summary>
/// <c>sweep [--dry-run]</c> runs one sweep and one dispatch with the configured channels and exits, one line per
/// debtor; the dry run plans on a copy and sends nothing.
/// </summary>
public sealed class The_sweep_verb(MailServer server) : IClassFixture<MailServer>, IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("dunning-sweep-test-");

    private string DatabasePath => Path.Combine(folder.FullName, "dunning.db");

    [MailServerFact]
    public async Task A_dry_run_says_what_would_go_out_and_changes_and_sends_nothing()
    {
        await SeedAsync("S-1", "dry@sweep.test");

        var (exit, output, _) = await RunAsync("--dry-run");

        Assert.Equal(0, exit);
        Assert.Contains("S-1\temail\treminder.friendly\twould send", output, StringComparison.Ordinal);
        Assert.Empty(await RemindersByEmail.MailTo(new MailOnly(server), "dry@sweep.test", 0));
        Assert.Empty(await OutboxAsync("S-1"));
    }

    [MailServerFact]
    public async Task A_sweep_sends_the_due_reminder_now_and_prints_one_line_per_message()
    {
        await SeedAsync("S-2", "now@sweep.test");

        var (exit, output, error) = await RunAsync();

        Assert.True(exit == 0, error);
        Assert.Contains("S-2\temail\treminder.friendly\tsent", output, StringComparison.Ordinal);
        Assert.Contains("dispatch: sent 1", output, StringComparison.Ordinal);
        Assert.Single(await RemindersByEmail.MailTo(new MailOnly(server), "now@sweep.test", 1));
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await OutboxAsync("S-2")).Status);
    }

    [Fact]
    public async Task Without_a_database_or_with_unknown_arguments_it_says_so()
    {
        using StringWriter output = new(), error = new();
        Assert.Equal(2, await new SweepVerb().RunAsync(["--now"], output, error, CancellationToken.None));
        Assert.Contains("usage: sweep", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => folder.Delete(recursive: true);

    private async Task SeedAsync(string id, string email)
    {
        await using var services = Services();
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        await services.GetRequiredService<IDebtorStore>().SaveAsync(new Debtor
        {
            Id = id, Name = "Sweep GmbH", Kind = DebtorKind.Business, Email = email, AccessCode = "SWEEP123", LinkToken = "tok_sweep_" + id,
        }, CancellationToken.None);
        await services.GetRequiredService<IInvoiceStore>().SaveAsync(Invoice.Create("RE-" + id, id, today.AddDays(-40), today.AddDays(-20), "EUR", 300m),
            CancellationToken.None);
        await services.GetRequiredService<ICaseStore>().SaveAsync(new DunningCase { DebtorId = id, NextActionAt = TimeProvider.System.GetUtcNow().AddMinutes(-1) },
            CancellationToken.None);
    }

    private async Task<IReadOnlyList<OutboxEntry>> OutboxAsync(string id)
    {
        await using var services = Services();
        return await services.GetRequiredService<IOutbox>().ListByDebtorAsync(id, CancellationToken.None);
    }

    private ServiceProvider Services() => DunningServices.Builder(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = DatabasePath }).Build())
        .AddDunningServices().Services
        .AddSingleton<IOutbox, LiteOutbox>()
        .BuildServiceProvider();

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var mail = server.Settings();
        var settings = new Dictionary<string, object?>
        {
            ["Storage"] = new { Path = DatabasePath },
            ["Email"] = new
            {
                Enabled = true, From = mail["Email:From"], MaxPerMinute = 0,
                Smtp = new { Host = "127.0.0.1", Port = server.SmtpPort, Security = "None" },
            },
            ["Dunning"] = new { Contact = new { WindowStart = "00:00", WindowEnd = "23:59", NoSundays = false, NoPublicHolidays = false } },
        };
        var config = Path.Combine(folder.FullName, "settings.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(settings));
        using StringWriter output = new(), error = new();
        var exit = await new SweepVerb().RunAsync([.. args, "--config", config], output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Only the mail server, for <see cref="RemindersByEmail.MailTo"/>.</summary>
    private sealed class MailOnly(MailServer server) : IMailbox
    {
        public MailServer Server => server;
    }
}
