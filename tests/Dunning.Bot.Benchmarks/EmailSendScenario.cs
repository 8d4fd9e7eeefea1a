using System.Diagnostics;
using Dunning.Bot.Hosting;
using Dunning.Bot.Channels;
using Dunning.Bot.Channels.Email;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Payments;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Storage;
using Dunning.Bot.Tests.Channels.Email;
using Dunning.Bot.Tests.Fakes.Smtp;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// Reminders by e-mail as the dispatcher sends them: each rendered from the claim statement (subject, plain text, HTML,
/// GiroCode PNG) and submitted over the pooled SMTP connections (<c>Email:Smtp:Connections</c>) to a local SMTP server:
/// <c>email-send --reminders 10000 [--concurrency 8] [--connections 4] [--server sink|smtp4dev] [--render-sample 2000]</c>.
/// <c>sink</c> (default) is <see cref="SmtpSink"/>, a minimal SMTP server in this process that accepts and discards;
/// <c>smtp4dev</c> is the real server the tests use (needs smtp4dev in <c>.tools/</c>, see README), which parses and
/// stores every message and is then the bottleneck. First <c>render-sample</c> reminders are only rendered (no SMTP),
/// so the line shows how the time splits. Reports messages per second and peak memory.
/// </summary>
internal sealed class EmailSendScenario : IScenario
{
    public string Name => "email-send";

    public async Task RunAsync(BenchmarkArgs args, CancellationToken cancellationToken)
    {
        var reminders = args.Int("reminders", 10_000);
        var concurrency = args.Int("concurrency", 8);
        var connections = args.Int("connections", 4);
        var sample = args.Int("render-sample", 2000);
        var kind = args.String("server", "sink");
        if (kind is not ("sink" or "smtp4dev"))
            throw new ArgumentException("--server is sink or smtp4dev");
        MailServer? server = null;
        SmtpSink? sink = null;
        var settings = new MailServer().Settings();
        if (kind == "smtp4dev")
        {
            server = new MailServer();
            await server.InitializeAsync();
            settings = server.Settings();
        }
        else
        {
            sink = new SmtpSink();
            sink.Start();
            settings["Email:Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        settings["Email:Smtp:Connections"] = connections.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("dunning-bench-email-");
        try
        {
            await using var app = Build(settings, Path.Combine(folder.FullName, "dunning.db"));
            var channel = (IReminderChannel)app.Services.GetServices<IProactiveChannel>().Single(c => c.ChannelId == ChannelKind.Email);
            var composer = app.Services.GetRequiredService<EmailComposer>();
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

            // Rendering alone (other debtors, so the send phase still creates each reply token as it would).
            var renderClock = Stopwatch.StartNew();
            for (var i = 0; i < sample; i++)
            {
                var (entry, debtor, invoice, dunningCase) = Reminder(i, today, "R");
                composer.Reminder(entry, debtor, [invoice], dunningCase, TimeProvider.System.GetUtcNow());
            }
            renderClock.Stop();

            var outcomes = new DeliveryStatus[reminders];
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, reminders)).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < reminders)
                {
                    var (entry, debtor, invoice, dunningCase) = Reminder(i, today, "B");
                    outcomes[i] = (await channel.SendReminderAsync(entry, debtor, [invoice], dunningCase, cancellationToken)).Result.Status;
                }
            }));
            clock.Stop();

            var delivered = outcomes.Count(o => o == DeliveryStatus.Delivered);
            Report.Line(Name, new
            {
                server = kind,
                reminders,
                concurrency,
                connections,
                delivered,
                render_per_second = sample == 0 ? 0 : Math.Round(sample / renderClock.Elapsed.TotalSeconds, 1),
                seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
                messages_per_second = Math.Round(delivered / clock.Elapsed.TotalSeconds, 2),
                peak_mb = Report.PeakMemoryMb(),
            });
        }
        finally
        {
            if (server is not null)
                await server.DisposeAsync();
            if (sink is not null)
                await sink.DisposeAsync();
            folder.Delete(recursive: true);
        }
    }

    private static (OutboxEntry, Debtor, Invoice, DunningCase) Reminder(int i, DateOnly today, string prefix)
    {
        var id = $"{prefix}-{i:D6}";
        var debtor = new Debtor
        {
            Id = id, Name = $"Kunde {i} GmbH", Kind = i % 2 == 0 ? DebtorKind.Business : DebtorKind.Consumer, Email = $"kunde{i}@bench.test",
            AccessCode = $"AC{i:D6}", LinkToken = $"tok_{i:D6}",
        };
        var invoice = Invoice.Create($"RE-{i:D6}", id, today.AddDays(-60), today.AddDays(-30), "EUR", 100m + i % 900);
        var stage = 1 + i % 3;
        var dunningCase = new DunningCase { DebtorId = id };
        dunningCase.Advance(invoice.Number, stage);
        var entry = new OutboxEntry
        {
            Key = $"reminder:{id}:{invoice.Number}@{stage}", DebtorId = id, Kind = OutboxKinds.Reminder, Channel = ChannelKind.Email,
            ConversationKey = EmailConversation.KeyFor(id), Language = i % 5 == 0 ? "en" : "de", MessageKey = "", Text = "",
            Items = [new OutboxItem(invoice.Number, stage, stage - 1, today.AddDays(14))], CreatedAt = TimeProvider.System.GetUtcNow(),
        };
        return (entry, debtor, invoice, dunningCase);
    }

    private static WebApplication Build(Dictionary<string, string?> settings, string databasePath)
    {
        var builder = WebApplication.CreateSlimBuilder();
        settings.Remove("Email:Imap:Host");
        settings["Storage:Path"] = databasePath;
        settings["Payee:AccountHolder"] = "Muster Handwerk GmbH";
        settings["Payee:Iban"] = "DE89370400440532013000";
        settings["Creditor:Name"] = "Muster Handwerk GmbH";
        settings["Scheduling:Enabled"] = "false";
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddOptions<PayeeOptions>().Bind(builder.Configuration.GetSection(PayeeOptions.SectionName));
        builder.AddDunningServices();
        builder.AddDunningScheduling();
        builder.AddEmail();
        // Not started: only rendering and submission are measured.
        return builder.Build();
    }
}
