using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// What every <see cref="CaseDialog"/> uses: wording, understanding, the clock, invoices, cases, the statements (the one
/// source of every figure) and the escalation desk.
/// </summary>
public sealed class CaseDialogServices(
    Wording wording, IAsyncMessageRecognizer recognizer, TimeProvider clock, IInvoiceStore invoices, ICaseStore cases, InvoiceStatements statements, EscalationDesk desk)
{
    public Wording Wording => wording;

    /// <summary>The same recognizer MainDialog uses (the offline one, or the optional model-backed one over it).</summary>
    public IAsyncMessageRecognizer Recognizer => recognizer;

    public TimeProvider Clock => clock;

    public IInvoiceStore Invoices => invoices;

    public ICaseStore Cases => cases;

    public InvoiceStatements Statements => statements;

    public EscalationDesk Desk => desk;
}
