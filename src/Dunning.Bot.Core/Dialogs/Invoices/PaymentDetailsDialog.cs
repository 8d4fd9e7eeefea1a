using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Payments;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Core.Understanding;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Dialogs.Invoices;

/// <summary>
/// ask_payment_details: account holder, IBAN, BIC, bank and the exact reference (the invoice numbers, after the
/// owner's prefix) with one transfer per currency, plus a GiroCode image for the euro transfer. Other currencies get
/// no QR code and the reply says so. Without a configured IBAN the bot says so and offers a person.
/// </summary>
public sealed class PaymentDetailsDialog(InvoiceStatements statements, Wording wording, IOptions<PayeeOptions> payee)
    : InvoiceQuestionDialog(nameof(PaymentDetailsDialog), statements, wording)
{
    private readonly PayeeOptions payee = payee.Value;

    public override IReadOnlySet<Intent> Handles { get; } = new HashSet<Intent> { Intent.AskPaymentDetails };

    protected override bool AboutOneInvoice => false;

    protected override async Task AnswerAsync(ITurnContext turn, DebtorStatement statement, IReadOnlyList<InvoiceStatement> selected, CancellationToken cancellationToken)
    {
        if (!payee.IsConfigured)
        {
            await SayAsync(turn, "payee_missing", null, cancellationToken, ["talk_to_person"]);
            return;
        }
        var open = selected.Where(i => i.IsOpen).ToList();
        if (open.Count == 0)
        {
            await SayAsync(turn, "nothing_to_pay", new { invoices = InvoiceModel.For(selected) }, cancellationToken);
            return;
        }
        var transfers = open.GroupBy(i => i.Due.Currency).Select(Transfer).ToList();
        var reply = Wording.Message(turn, WordingDialog, "payment_details", new
        {
            account_holder = payee.AccountHolder.Trim(),
            iban = Iban.Format(payee.Iban),
            bic = Bic.Normalize(payee.Bic),
            bank_name = payee.BankName.Trim(),
            transfers = transfers.Select(t => t.Model).ToList(),
            has_qr = transfers.Any(t => t.Code is not null),
        });
        if (transfers.Any(t => t.Code is not null))
            reply.Attachments = [.. transfers.Where(t => t.Code is not null).Select(t => t.Code!.ToAttachment())];
        reply.ChannelData = Card(turn, transfers);
        await turn.SendActivityAsync(reply, cancellationToken);
    }

    /// <summary>The same details as data for the chat page's payment card (see <see cref="PaymentCard"/>).</summary>
    private System.Text.Json.JsonElement Card(ITurnContext turn, IReadOnlyList<(Dictionary<string, object?> Model, GiroCode? Code)> transfers)
    {
        var language = TurnSession.Of(turn).Language;
        var rows = transfers.Select(t => ((Money)t.Model["amount"]!, Wording.Text(turn, WordingDialog, "payment_card_amount", new { amount = t.Model["amount"] }),
            (string)t.Model["reference"]!, t.Code)).ToList();
        var note = Wording.Text(turn, WordingDialog, "payment_card_note", new { has_qr = transfers.Any(t => t.Code is not null) });
        return PaymentCard.ChannelData(payee, rows, note, System.Globalization.CultureInfo.GetCultureInfo(Wording.Catalogue.Locale(language)));
    }

    private (Dictionary<string, object?> Model, GiroCode? Code) Transfer(IGrouping<string, InvoiceStatement> invoices)
    {
        var amount = invoices.Select(i => i.Due).Aggregate((a, b) => a + b).Rounded();
        var reference = RemittanceReference.For(payee, invoices.Select(i => i.Number));
        var creditor = RemittanceReference.CreditorFor(invoices.Select(i => i.Number));
        var code = GiroCode.Supports(amount.Currency) && amount.Amount is >= GiroCode.MinAmount and <= GiroCode.MaxAmount
            ? GiroCode.Create(payee.AccountHolder, payee.Iban, payee.Bic, amount.Amount, amount.Currency, reference, creditor)
            : null;
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["amount"] = amount,
            ["currency"] = amount.Currency,
            ["reference"] = reference,
            ["creditor_reference"] = creditor is null ? "" : CreditorReference.Format(creditor),
            ["numbers"] = invoices.Select(i => i.Number).ToList(),
            ["has_qr"] = code is not null,
        };
        return (model, code);
    }
}
