using System.Security.Cryptography;
using Dunning.Bot.Cli;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Tests.Storage;

namespace Dunning.Bot.Tests.Scheduling;

public sealed class Simulating_the_policy
{
    [Fact]
    public async Task The_timeline_is_printed_in_the_debtors_zone_and_the_real_file_is_untouched()
    {
        using var database = new TempDatabase();
        using (var context = database.Open())
        {
            var debtor = new Debtor { Id = "D-NY", Name = "Brightwave", TimeZone = "America/New_York", Country = "US", Language = "en", AccessCode = "NYNY2345", LinkToken = "ny-link" };
            var invoice = Invoice.Create("RE-NY", "D-NY", new DateOnly(2026, 10, 20), new DateOnly(2026, 11, 20), "EUR", 900m);
            await new LiteInvoiceStore(context).SaveBatchAsync([debtor], [invoice], [new DunningCase { DebtorId = "D-NY" }], CancellationToken.None);
        }
        var config = Path.Combine(database.Folder, "config.json");
        await File.WriteAllTextAsync(config, $$"""{ "Storage": { "Path": "{{database.Path.Replace("\\", "\\\\", StringComparison.Ordinal)}}" } }""");
        var before = SHA256.HashData(await File.ReadAllBytesAsync(database.Path));
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await new SimulateVerb().RunAsync(["--days", "30", "--today", "2026-11-27", "--debtor", "D-NY", "--config", config], output, error, CancellationToken.None);

        Assert.True(code == 0, error.ToString());
        var text = output.ToString();
        // Due 20 Nov + 3 = 23 Nov; planned from 27 Nov 00:00 UTC = 26 Nov 19:00 in New York, which is Thanksgiving.
        Assert.Contains("2026-11-26 19:00  reminder.friendly  RE-NY            moved to 2026-11-27 08:00 (holiday:Thanksgiving)", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-27 08:00  reminder.friendly  RE-NY            sent, deadline 2026-12-07 (ok)", text, StringComparison.Ordinal);
        Assert.Contains("a webchat chat is assumed", text, StringComparison.Ordinal);
        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(database.Path)));
    }

    [Theory]
    [InlineData("--days", "0")]
    [InlineData("--days", "abc")]
    [InlineData("--today", "26.11.2026")]
    [InlineData("--frobnicate", "1")]
    [InlineData("--debtor")]
    public async Task Bad_arguments_are_refused_with_usage(params string[] args)
    {
        var error = new StringWriter();
        Assert.Equal(2, await new SimulateVerb().RunAsync(args, TextWriter.Null, error, CancellationToken.None));
        Assert.Contains("usage: simulate", error.ToString(), StringComparison.Ordinal);
    }
}
