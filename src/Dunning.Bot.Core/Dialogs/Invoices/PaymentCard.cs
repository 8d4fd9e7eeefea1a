using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Payments;

namespace Dunning.Bot.Core.Dialogs.Invoices;

/// <summary>
/// The payment details as data for clients that can show them as a card (the chat page: copy buttons, the GiroCode,
/// "open in banking app"), in the activity's <c>channelData.dunning.payment</c>. The text of the same activity says it
/// all for every other client. Fields: <c>holder</c>, <c>iban</c> (groups of four), <c>iban_plain</c>, <c>bic</c>,
/// <c>bank</c>, <c>note</c>, <c>transfers</c> (each <c>amount</c> as shown, <c>amount_plain</c> as a banking app takes
/// it, <c>currency</c>, <c>reference</c>, <c>epc</c> = the GiroCode payload or null, <c>image</c> = the index of its
/// attachment or -1).
/// </summary>
public static class PaymentCard
{
    public static JsonElement ChannelData(PayeeOptions payee, IReadOnlyList<(Money Amount, string Shown, string Reference, GiroCode? Code)> transfers,
        string note, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(payee);
        ArgumentNullException.ThrowIfNull(transfers);
        var list = new JsonArray();
        var image = 0;
        foreach (var (amount, shown, reference, code) in transfers)
        {
            list.Add(new JsonObject
            {
                ["amount"] = shown,
                ["amount_plain"] = amount.Amount.ToString("0.00", culture),
                ["currency"] = amount.Currency,
                ["reference"] = reference,
                ["epc"] = code?.Payload,
                ["image"] = code is null ? -1 : image++,
            });
        }
        var payment = new JsonObject
        {
            ["holder"] = payee.AccountHolder.Trim(),
            ["iban"] = Iban.Format(payee.Iban),
            ["iban_plain"] = Iban.Normalize(payee.Iban),
            ["bic"] = string.IsNullOrWhiteSpace(payee.Bic) ? "" : Bic.Normalize(payee.Bic),
            ["bank"] = payee.BankName.Trim(),
            ["note"] = note,
            ["transfers"] = list,
        };
        return JsonSerializer.SerializeToElement(new JsonObject { [OwnChannelData.Property] = new JsonObject { ["payment"] = payment } });
    }
}
