using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Conversations.Testing;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Core.Tests.Fakes;
using Dunning.Bot.Core.Tests.Understanding;
using Dunning.Bot.Core.Understanding;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>
/// One debtor (D-1, Europe/Berlin) talking on Friday 20 November 2026, 09:00 local time, with in-memory stores, the
/// repository's dialogs/ wording and the real recognizer. Invoices get stage 2 (request.first) by default, sent on
/// 16 November with a 10-day deadline: the deadline last stated is 26 November, so the longest deferral is 26 December.
/// </summary>
internal sealed class CaseWorld
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(1));

    public CaseWorld(string language)
    {
        Debtor = new Debtor { Id = "D-1", Name = "Erika Muster", Language = language, AccessCode = "K7P-2QX", LinkToken = "tok-d1" };
        Debtors.SaveAsync(Debtor, CancellationToken.None).GetAwaiter().GetResult();
        Invoices = new InMemoryInvoiceStore(Debtors, Cases);
        Desk = new EscalationDesk(Escalations, Cases, Debtors, Notifier, Options.Create(new EscalationOptions()), Clock);
        Services = new CaseDialogServices(new Wording(RepositoryFiles.Catalogue), TestData.Recognizer, Clock, Invoices, Cases, Statements, Desk);
    }

    public FakeTimeProvider Clock { get; } = new(Now);


    public InMemoryInvoiceStore Invoices { get; }

    public InMemoryCaseStore Cases { get; } = new();

    public InMemoryAgreementStore Agreements { get; } = new();

    public InMemoryEscalationStore Escalations { get; } = new();

    public InMemoryDebtorStore Debtors { get; } = new();

    public RecordingOwnerNotifier Notifier { get; } = new();

    public NegotiationLimitsOptions Limits { get; } = new();

    /// <summary>Off by default so the figures stay round; a test that needs interest turns it on.</summary>
    public StatutoryInterestOptions Interest { get; } = new() { Enabled = false };

    public AgreementOptions AgreementOptions { get; } = new();

    public Debtor Debtor { get; }

    public EscalationDesk Desk { get; }

    public CaseDialogServices Services { get; }

    public DateOnly Today => new(2026, 11, 20);

    public DunningLadder Ladder { get; } = new(Options.Create(new DunningLadderOptions()));

    /// <summary>
    /// Statements without statutory interest by default (<see cref="Interest"/>): these transcripts test negotiation limits
    /// in round figures, and a consumer pays no dunning fees on the default ladder, so the open claim is the principal.
    /// </summary>
    public InvoiceStatements Statements => new(Invoices, Cases, new Core.Claims.ClaimLedger(Options.Create(new Core.Claims.ClaimOptions()), new StatutoryInterest(Options.Create(Interest)), Ladder), Clock);

    public AgreementDesk AgreementDesk => new(Agreements, Invoices, Cases, Desk, Ladder, Statements, Options.Create(AgreementOptions), Clock);

    public AgreementFollowUp FollowUp => new(Agreements, Invoices, Escalations, Desk,
        new Core.Claims.ClaimBook(Invoices, Debtors, Cases, new Core.Claims.ClaimLedger(Options.Create(new Core.Claims.ClaimOptions()), new StatutoryInterest(Options.Create(Interest)), Ladder), Clock));

    public Invoice AddInvoice(string number, decimal total, int stage = 2, string currency = "EUR")
    {
        var invoice = Invoice.Create(number, Debtor.Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), currency, total);
        Invoices.SaveAsync(invoice, CancellationToken.None).GetAwaiter().GetResult();
        Cases.UpdateAsync(Debtor.Id, c =>
        {
            c.Advance(number, stage);
            c.Record(new CaseAction(new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.FromHours(1)), CaseActionKinds.Reminder, "stage", InvoiceNumbers: [number]));
        }, CancellationToken.None).GetAwaiter().GetResult();
        return invoice;
    }

    /// <summary>The stored invoice as it is now (a fresh read: what the dialogs saved, not a test's own copy).</summary>
    public Invoice StoredInvoice(string number) => Invoices.FindAsync(number, CancellationToken.None).GetAwaiter().GetResult()!;

    /// <summary>Changes a stored invoice with a versioned save, as the owner's API would.</summary>
    public void ChangeInvoice(string number, Action<Invoice> change) =>
        Invoices.UpdateAsync(number, change, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>An earlier agreement the bot made for <paramref name="number"/>.</summary>
    public PaymentAgreement AddBotAgreement(string number, AgreementState state = AgreementState.Kept)
    {
        var agreement = new NegotiationTerms(AgreementKind.Deferral, "EUR", [new Instalment(new DateOnly(2026, 11, 1), 10m)])
            .ToAgreement($"A-old-{Agreements.All.Count}", Debtor.Id, [number], Now.AddDays(-30));
        agreement.Agree(Now.AddDays(-30), AgreementDesk.Bot);
        if (state == AgreementState.Kept)
            agreement.MarkKept();
        Agreements.SaveAsync(agreement, CancellationToken.None).GetAwaiter().GetResult();
        return agreement;
    }

    public ScriptedPaymentProofs Proofs { get; } = new();

    public PaymentClaimOptions PaymentClaim { get; } = new();

    public ClaimPaidDialog ClaimPaid() => new(Services, Options.Create(PaymentClaim), Proofs);

    public DisputeDialog Dispute() => new(Services, Options.Create(new DisputeOptions()));

    public HardshipDialog Hardship() => new(Services, Options.Create(new HardshipOptions()));

    public NegotiationDialog Negotiation() => new(Services, new NegotiationLimits(Options.Create(Limits)), AgreementDesk);

    public AgreementDialog AgreementQuestion() => new(Services, AgreementDesk);

    /// <summary>
    /// The debtor's chat as the host runs it: MainDialog (recognizer, interruption layer, routing) with the negotiation
    /// and the "what have I agreed?" dialogs, state kept across turns.
    /// </summary>
    public DialogTestClient Chat() => Chat(Negotiation(), AgreementQuestion());

    /// <summary>As <see cref="Chat()"/>, with <paramref name="dialogs"/> as the dialogs MainDialog routes to.</summary>
    public DialogTestClient Chat(params IntentDialog[] dialogs)
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var wording = Services.Wording;
        var options = Options.Create(new ConversationOptions());
        var main = new MainDialog(dialogs, new SyncRecognizerAdapter(TestData.Recognizer), wording,
            new Interruptions(Desk, Debtors, Cases, wording, state, Clock), Desk, state, Clock, options);
        return new DialogTestClient(main, null, new TestAdapter(logger: new FailFastLogger()), storage,
            [new LinkedSessionMiddleware(Debtor, Debtor.Language, Now)]);
    }

    public MessageUnderstanding Recognize(string text) =>
        TestData.Recognizer.Recognize(text, new RecognitionContext(Today, Debtor.TimeZoneInfo, Debtor.Language));

    /// <summary>A conversation with <paramref name="dialog"/> begun by <paramref name="firstMessage"/>, as MainDialog would begin it.</summary>
    public DialogTestClient Talk(Dialog dialog, string firstMessage) => Start(dialog, Recognize(firstMessage));

    /// <summary>A conversation with <paramref name="dialog"/> begun with <paramref name="understanding"/> as its options.</summary>
    public DialogTestClient Start(Dialog dialog, MessageUnderstanding understanding) =>
        new(dialog, understanding, new TestAdapter(logger: new FailFastLogger()), middlewares: [new LinkedSessionMiddleware(Debtor, Debtor.Language, Now)]);

    public IReadOnlyList<Escalation> EscalationsFor(EscalationReason reason) => [.. Escalations.All.Where(e => e.Reason == reason)];

    public DunningCase Case => Cases.FindAsync(Debtor.Id, CancellationToken.None).GetAwaiter().GetResult()!;
}
