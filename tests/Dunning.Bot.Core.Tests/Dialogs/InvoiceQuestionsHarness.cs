using Dunning.Bot.Conversations.Testing;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Dialogs.Invoices;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Payments;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
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

    public InvoiceQuestionsHarness(string language, DebtorKind kind = DebtorKind.Consumer)
    {
        Language = language;
        Debtor = new Debtor { Id = "D-1", Name = "Erika Mustermann", Kind = kind, Language = language, AccessCode = "A1", LinkToken = "t1" };
        Invoices = new InMemoryInvoiceStore(caseStore: Cases);
        Save(Dunning.Bot.Core.Domain.Invoice.Create("RE-9000", "D-2", new(2026, 1, 2), new(2026, 1, 16), "EUR", 999.99m,
            [new InvoiceLine("Secret consulting for someone else", 1, 840.33m, 19m)], "https://owner.example/docs/RE-9000.pdf"));
    }

    public string Language { get; }

    public Debtor Debtor { get; }

    public InMemoryInvoiceStore Invoices { get; }

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

    public Dunning.Bot.Core.Claims.ClaimOptions ClaimOptions { get; } = new();

    public DunningLadderOptions LadderOptions { get; } = new();

    public Invoice Invoice(string number, decimal total, DateOnly due, string currency = "EUR", IReadOnlyList<InvoiceLine>? lines = null, string? link = null)
    {
        var invoice = Dunning.Bot.Core.Domain.Invoice.Create(number, Debtor.Id, due.AddDays(-14), due, currency, lines is null ? total : null, lines, link);
        Save(invoice);
        return invoice;
    }

    /// <summary>Records that <paramref name="stage"/> was sent for the invoice on <paramref name="sentAt"/>.</summary>
    public void ReminderSent(string number, int stage, DateTimeOffset sentAt)
    {
        Cases.UpdateAsync(Debtor.Id, c =>
        {
            c.Advance(number, stage);
            c.Record(new CaseAction(sentAt, CaseActionKinds.Reminder, $"stage {stage}", "telegram", [number], "bot"));
        }, CancellationToken.None).GetAwaiter().GetResult();
    }

    public InvoiceStatements Statements() =>
        Claims.Ledgers.Statements(Invoices, Cases, Clock, LadderOptions, InterestOptions, ClaimOptions);

    public TDialog Dialog<TDialog>()
        where TDialog : InvoiceQuestionDialog
    {
        var wording = new Wording(RepositoryFiles.Catalogue);
        return (TDialog)(typeof(TDialog) == typeof(PaymentDetailsDialog)
            ? new PaymentDetailsDialog(Statements(), wording, Options.Create(Payee))
            : Activator.CreateInstance(typeof(TDialog), Statements(), wording)!);
    }

    /// <summary>A test client for the dialog, begun with what the first message meant.</summary>
    public DialogTestClient Client(InvoiceQuestionDialog dialog, Intent intent, params string[] invoiceNumbers)
    {
        var understanding = new MessageUnderstanding(intent, Language, 0.9, null, null, null, null, invoiceNumbers);
        return new DialogTestClient(dialog, understanding, new TestAdapter(timeProvider: Clock), middlewares: [new LinkedSessionMiddleware(Debtor, Language, Now)]);
    }

    /// <summary>Saves a new or changed invoice (versioned, as the owner's API would).</summary>
    public void Save(Invoice invoice) => Invoices.SaveAsync(invoice, CancellationToken.None).GetAwaiter().GetResult();
}
