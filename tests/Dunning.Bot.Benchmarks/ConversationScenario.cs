using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Claims;
using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Conversations.Testing;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Security;
using Dunning.Bot.Core.Understanding;
using Dunning.Bot.Hosting;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// The whole conversation backbone per turn — DunningBot, linker, MainDialog, transcript middleware, real wording and
/// recognizer — over LiteDB on a MemoryStream (links, transcripts, bot state with eTags). Each conversation: link by
/// /start token, greeting, thanks, not understood, help. Options: --conversations N (default 2000).
/// </summary>
internal sealed class ConversationScenario : IScenario
{
    private static readonly string[] Script = ["/start bench_token_0123456789abcd", "Guten Tag", "Vielen Dank", "xyzzy blorp", "Hilfe"];

    public string Name => "conversation";

    public async Task RunAsync(BenchmarkArgs args, CancellationToken cancellationToken)
    {
        var conversations = args.Int("conversations", 2_000);
        var dialogs = Path.Combine(AppContext.BaseDirectory, "dialogs");
        using var context = new LiteDbContext(new MemoryStream());
        var clock = TimeProvider.System;
        var options = MsOptions.Create(new ConversationOptions());
        var debtors = new LiteDebtorStore(context);
        var cases = new LiteCaseStore(context);
        var invoices = new LiteInvoiceStore(context);
        var conversationsStore = new LiteConversationStore(context);
        var transcripts = new LiteTranscriptStore(context);
        await debtors.SaveAsync(new Debtor { Id = "D-1", Name = "Erika Mustermann", AccessCode = "ABCD2345", LinkToken = "bench_token_0123456789abcd" }, cancellationToken);
        await invoices.SaveAsync(Invoice.Create("RE-1", "D-1", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 15), "EUR", 119m), cancellationToken);

        var catalogue = DialogsFolder.Catalogue(dialogs).EnsureValid();
        var recognizer = new OfflineRecognizer(DialogsFolder.Understanding(dialogs));
        var state = new ConversationState(new LiteBotStorage(context));
        var wording = new Wording(catalogue);
        var notifier = new LoggingOwnerNotifier(NullLogger<LoggingOwnerNotifier>.Instance);
        var desk = new EscalationDesk(new LiteEscalationStore(context), cases, debtors, notifier, MsOptions.Create(new EscalationOptions()), clock);
        var interruptions = new Interruptions(desk, debtors, cases, wording, state, clock);
        var main = new MainDialog([], new SyncRecognizerAdapter(recognizer), wording, interruptions, desk, state, clock, options);
        var ledger = new ClaimLedger(MsOptions.Create(new ClaimOptions()), new StatutoryInterest(MsOptions.Create(new StatutoryInterestOptions())),
            new DunningLadder(MsOptions.Create(new DunningLadderOptions())));
        var linker = new ConversationLinker(debtors, new InvoiceStatements(invoices, cases, ledger, clock), cases, wording, recognizer, clock,
            new AttemptGuard(MsOptions.Create(new AttemptGuardOptions()), clock, notifier, NullLogger<AttemptGuard>.Instance), options, NullLogger<ConversationLinker>.Instance);
        var bot = new DunningBot(conversationsStore, debtors, state, main, linker, interruptions, wording, clock, options, NullLogger<DunningBot>.Instance);
        var adapter = new TestAdapter(ChannelKind.Telegram);
        new BotAdapterSetup(catalogue, state, new TranscriptMiddleware(transcripts, conversationsStore, clock, options, NullLogger<TranscriptMiddleware>.Instance), options).Configure(adapter);

        var latencies = new List<double>(conversations * Script.Length);
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var total = Stopwatch.StartNew();
        for (var n = 0; n < conversations; n++)
        {
            adapter.Conversation.Conversation = new ConversationAccount("chat-" + n, "personal");
            foreach (var text in Script)
            {
                var turn = Stopwatch.StartNew();
                await adapter.ProcessActivityAsync(adapter.MakeActivity(text), bot.OnTurnAsync, cancellationToken);
                latencies.Add(turn.Elapsed.TotalMilliseconds);
                if (adapter.TakeReplies().Count == 0)
                    throw new InvalidOperationException($"No reply to '{text}' in conversation {n}.");
            }
        }
        total.Stop();
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        latencies.Sort();
        Report.Line(Name, new
        {
            conversations,
            turns = latencies.Count,
            turns_per_sec = Math.Round(latencies.Count / total.Elapsed.TotalSeconds),
            turns_per_cpu_sec = Math.Round(latencies.Count / cpu.TotalSeconds),
            p50_ms = Math.Round(Report.Percentile(latencies, 0.5), 3),
            p99_ms = Math.Round(Report.Percentile(latencies, 0.99), 3),
            peak_memory_mb = Report.PeakMemoryMb(),
        });
    }
}
