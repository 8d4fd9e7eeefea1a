using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Testing;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Dialogs.Invoices;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Payments;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Core.Tests.Fakes;
using Dunning.Bot.Core.Understanding;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>
/// One linked conversation for the invoice-question dialogs: debtor D-1 (consumer, Berlin) with the repository's
/// dialogs/ wording, in-memory stores, the default ladder and interest table, and a clock at 2026-03-10 11:00 Berlin.
/// Debtor D-2 owns invoice RE-9000, which D-1 must never see.
/// </summary>
internal sealed class InvoiceQuestionsHarness
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<MessageCatalogue> Catalogue = new(() => MessageCatalogue.Load(RepositoryDialogs()).EnsureValid());

    public InvoiceQuestionsHarness(string language, DebtorKind kind = DebtorKind.Consumer)
    {
        Language = language;
        Debtor = new Debtor { Id = "D-1", Name = "Erika Mustermann", Kind = kind, Language = language, AccessCode = "A1", LinkToken = "t1" };
        Invoices.Add(Dunning.Bot.Core.Domain.Invoice.Create("RE-9000", "D-2", new(2026, 1, 2), new(2026, 1, 16), "EUR", 999.99m,
            [new InvoiceLine("Secret consulting for someone else", 1, 840.33m, 19m)], "https://owner.example/docs/RE-9000.pdf"));
    }

    public string Language { get; }

    public Debtor Debtor { get; }

    public InMemoryInvoiceStore Invoices { get; } = new();

    public InMemoryCaseStore Cases { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Now);

    public PayeeOptions Payee { get; set; } = new()
    {
        AccountHolder = "Demo Studio GmbH",
        Iban = "DE89370400440532013000",
        Bic = "COBADEFFXXX",
        BankName = "Commerzbank",
    };

    public StatutoryInterestOptions InterestOptions { get; } = new();

    public DunningLadderOptions LadderOptions { get; } = new();

    public Invoice Invoice(string number, decimal total, DateOnly due, string currency = "EUR", IReadOnlyList<InvoiceLine>? lines = null, string? link = null)
    {
        var invoice = Dunning.Bot.Core.Domain.Invoice.Create(number, Debtor.Id, due.AddDays(-14), due, currency, lines is null ? total : null, lines, link);
        Invoices.Add(invoice);
        return invoice;
    }

    /// <summary>Records that <paramref name="stage"/> was sent for the invoice on <paramref name="sentAt"/>.</summary>
    public void ReminderSent(string number, int stage, DateTimeOffset sentAt)
    {
        var dunningCase = Cases.FindAsync(Debtor.Id, CancellationToken.None).Result ?? new DunningCase { DebtorId = Debtor.Id };
        dunningCase.Advance(number, stage);
        dunningCase.Record(new CaseAction(sentAt, CaseActionKinds.Reminder, $"stage {stage}", "telegram", [number], "bot"));
        Cases.Add(dunningCase);
    }

    public InvoiceStatements Statements() =>
        new(Invoices, Cases, new DunningLadder(Options.Create(LadderOptions)), new StatutoryInterest(Options.Create(InterestOptions)), Clock);

    public TDialog Dialog<TDialog>()
        where TDialog : InvoiceQuestionDialog
    {
        var wording = new Wording(Catalogue.Value);
        return (TDialog)(typeof(TDialog) == typeof(PaymentDetailsDialog)
            ? new PaymentDetailsDialog(Statements(), wording, Options.Create(Payee))
            : Activator.CreateInstance(typeof(TDialog), Statements(), wording)!);
    }

    /// <summary>A test client for the dialog, begun with what the first message meant.</summary>
    public DialogTestClient Client(InvoiceQuestionDialog dialog, Intent intent, params string[] invoiceNumbers)
    {
        var understanding = new MessageUnderstanding(intent, Language, 0.9, null, null, null, null, invoiceNumbers);
        return new DialogTestClient(dialog, understanding, new TestAdapter(timeProvider: Clock), middlewares: [new SessionMiddleware(this)]);
    }

    private static string RepositoryDialogs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dunning.Bot.sln")))
                return Path.Combine(dir.FullName, "dialogs");
        }
        throw new InvalidOperationException($"No Dunning.Bot.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>What the bot does at the start of every turn: load the link and the bound debtor into the TurnSession.</summary>
    private sealed class SessionMiddleware(InvoiceQuestionsHarness harness) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
        {
            var reference = turnContext.Activity.GetConversationReference();
            var link = new ConversationLink { Key = ConversationLink.KeyFor(reference.ChannelId!, reference.Conversation!.Id!), Channel = reference.ChannelId!, Reference = reference, Language = harness.Language };
            link.LinkTo(harness.Debtor.Id, Now);
            TurnSession.Set(turnContext, new TurnSession { Link = link, Debtor = harness.Debtor });
            return next(cancellationToken);
        }
    }
}
