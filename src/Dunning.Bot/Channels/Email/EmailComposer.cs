using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Payments;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dunning.Bot.Channels.Email;

/// <summary>
/// Builds the e-mails the bot sends from <c>dialogs/email.&lt;lang&gt;.yaml</c>: a reminder for a planned outbox entry
/// (subject, plain-text and HTML part, the GiroCode inline as a CID image), a follow-up and a chat answer in a thread.
/// Every amount comes from <see cref="InvoiceStatements"/>; nothing is computed here. Each message carries a reply
/// address tagged with the debtor's reply token, a fresh Message-ID, <c>Auto-Submitted</c> (RFC 3834) and a one-click
/// <c>List-Unsubscribe</c> (RFC 8058).
/// </summary>
public sealed partial class EmailComposer(
    MessageCatalogue catalogue,
    DunningLadder ladder,
    InvoiceStatements statements,
    IEmailStore store,
    IOptions<EmailOptions> email,
    IOptions<CreditorOptions> creditor,
    IOptions<PayeeOptions> payee,
    IOptions<BotOptions> bot,
    IServiceProvider services)
{
    public const string Dialog = "email";
    public const string GiroCodeContentId = "girocode@dunning.bot";
    public const string UnsubscribePath = "/email/unsubscribe";

    /// <summary>Ladder stages that message the debtor but lack e-mail wording in one of <paramref name="languages"/>.</summary>
    public IReadOnlyList<string> MissingWording(IEnumerable<string> languages) =>
        [.. from stage in ladder.Stages
            where stage.NotifyDebtor
            from language in languages
            from part in new[] { "subject", "intro", "consequence" }
            let key = $"{part}_{ReminderComposer.MessageKey(stage.Key)}"
            where !catalogue.HasMessage(Dialog, key, language)
            select $"dialogs/{Dialog}.{language}.yaml has no message '{key}' for ladder stage '{stage.Key}'."];

    /// <summary>
    /// The reminder for <paramref name="entry"/> about <paramref name="about"/> (its invoices still to be named), with the
    /// amounts of <paramref name="dunningCase"/> as it stands at <paramref name="now"/> (already advanced to the new stages),
    /// with the invoice <paramref name="documents"/> the owner provided attached.
    /// </summary>
    public ComposedMail Reminder(OutboxEntry entry, Debtor debtor, IReadOnlyList<Invoice> about, DunningCase? dunningCase, DateTimeOffset now,
        IReadOnlyList<InvoiceDocument>? documents = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(about);
        if (about.Count == 0)
            throw new ArgumentException("A reminder needs at least one invoice.", nameof(about));
        var language = entry.Language;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, debtor.TimeZoneInfo).DateTime);
        var lines = about.Select(i => statements.Describe(i, debtor, dunningCase, now, today))
            .OrderBy(s => s.Invoice.DueDate).ThenBy(s => s.Number, StringComparer.Ordinal).ToList();
        var top = entry.Items.Where(i => lines.Any(l => l.Number == i.InvoiceNumber)).Select(i => i.Stage).DefaultIfEmpty(1).Max();
        var stageKey = ReminderComposer.MessageKey((ladder.Stage(top) ?? ladder.Stages[0]).Key);
        var deadline = entry.Items.Max(i => i.Deadline) ?? today;
        var totals = DebtorStatement.TotalsByCurrency(lines);
        var numbers = string.Join(", ", lines.Select(l => l.Number));
        var hasCharges = lines.Any(l => l.Interest.IsPositive || l.Fees.IsPositive);
        var token = store.ReplyToken(debtor.Id);
        var payment = Payment(lines, totals);

        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["salutation"] = Salutation(debtor, language),
            ["intro"] = catalogue.Render(Dialog, $"intro_{stageKey}", language, new Dictionary<string, object?> { ["count"] = lines.Count, ["deadline"] = deadline }),
            ["invoices"] = lines.Select(InvoiceModel).ToList(),
            ["totals"] = totals.ToList(),
            ["deadline"] = deadline,
            ["consequence"] = catalogue.Render(Dialog, $"consequence_{stageKey}", language,
                new Dictionary<string, object?> { ["deadline"] = deadline, ["has_charges"] = hasCharges }),
            ["payment"] = payment.Model,
            ["chat"] = ChatModel(debtor),
            ["creditor"] = CreditorModel(),
            ["unsubscribe_url"] = UnsubscribeUrl(token),
        };
        var subject = catalogue.Render(Dialog, $"subject_{stageKey}", language,
            new Dictionary<string, object?> { ["numbers"] = numbers, ["creditor_name"] = CreditorName() });
        var text = catalogue.Render(Dialog, "body_text", language, model);
        var html = catalogue.Render(Dialog, "body_html", language, HtmlModel.Escape(model));
        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        if (payment.Png is { } png)
        {
            var image = body.LinkedResources.Add(GiroCode.FileName, png, new ContentType("image", "png"));
            image.ContentId = GiroCodeContentId;
        }
        foreach (var document in documents ?? [])
        {
            if (document.Content is { } content)
                body.Attachments.Add(document.FileName, content, ContentType.Parse(document.ContentType));
        }
        // Only the entry's own e-mail can be undone by a bounce; a copy of a chat reminder leaves the chat's delivery standing.
        return Build(debtor, token, subject, body, null, autoSubmitted: "auto-generated", entry.Channel == ChannelKind.Email ? entry.Key : null);
    }

    /// <summary>The salutation line for <paramref name="debtor"/> in <paramref name="language"/>.</summary>
    public string Salutation(Debtor debtor, string language)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        return catalogue.Render(Dialog, "salutation", language, new Dictionary<string, object?>
        {
            ["title"] = debtor.Salutation?.Trim() ?? "",
            ["person"] = debtor.ContactPerson?.Trim() ?? "",
            ["name"] = debtor.Name,
            ["business"] = debtor.Kind == DebtorKind.Business,
        });
    }

    private static Dictionary<string, object?> InvoiceModel(InvoiceStatement s) => new(StringComparer.Ordinal)
    {
        ["number"] = s.Number,
        ["issue_date"] = s.Invoice.IssueDate,
        ["due_date"] = s.Invoice.DueDate,
        ["principal"] = s.Principal,
        ["paid"] = s.Paid,
        ["interest"] = s.Interest,
        ["interest_rate"] = s.InterestRatePercent,
        ["fees"] = s.Fees,
        ["due"] = s.Due,
        ["has_paid"] = s.Paid.IsPositive,
        ["has_interest"] = s.Interest.IsPositive,
        ["has_fees"] = s.Fees.IsPositive,
    };

    /// <summary>The bank details and, for one euro total within the GiroCode's range, the QR code as PNG.</summary>
    private (Dictionary<string, object?> Model, byte[]? Png) Payment(IReadOnlyList<InvoiceStatement> lines, IReadOnlyList<Money> totals)
    {
        var p = payee.Value;
        var reference = RemittanceReference.For(p, lines.Select(l => l.Number));
        var creditor = RemittanceReference.CreditorFor(lines.Select(l => l.Number));
        GiroCode? code = null;
        if (p.IsConfigured && totals is [var total] && total.Rounded() is var amount && GiroCode.Supports(amount.Currency)
            && amount.Amount is >= GiroCode.MinAmount and <= GiroCode.MaxAmount)
            code = GiroCode.Create(p.AccountHolder, p.Iban, p.Bic, amount.Amount, amount.Currency, reference, creditor);
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["configured"] = p.IsConfigured,
            ["holder"] = p.AccountHolder.Trim(),
            ["iban"] = p.IsConfigured ? Iban.Format(p.Iban) : "",
            ["bic"] = string.IsNullOrWhiteSpace(p.Bic) ? "" : Bic.Normalize(p.Bic),
            ["bank"] = p.BankName.Trim(),
            ["reference"] = reference,
            ["creditor_reference"] = creditor is null ? "" : CreditorReference.Format(creditor),
            ["has_qr"] = code is not null,
            ["qr_cid"] = GiroCodeContentId,
        };
        return (model, code?.ToPng());
    }

    private Dictionary<string, object?> ChatModel(Debtor debtor)
    {
        var telegram = services.GetService<TelegramBotIdentity>()?.DeepLink(debtor.LinkToken);
        return new(StringComparer.Ordinal)
        {
            ["web_link"] = bot.Value.ChatLink(debtor.LinkToken).ToString(),
            ["telegram_link"] = telegram?.ToString() ?? "",
            ["access_code"] = debtor.AccessCode,
        };
    }

    private Dictionary<string, object?> CreditorModel()
    {
        var c = creditor.Value;
        var lines = c.AddressLines().ToList();
        if (lines.Count == 0 || string.IsNullOrWhiteSpace(c.Name))
            lines.Insert(0, CreditorName());
        return new(StringComparer.Ordinal)
        {
            ["name"] = CreditorName(),
            ["address_lines"] = lines.Distinct(StringComparer.Ordinal).ToList(),
            ["phone"] = c.Phone.Trim(),
            ["email"] = string.IsNullOrWhiteSpace(c.Email) ? Sender().Address : c.Email.Trim(),
            ["website"] = c.Website.Trim(),
            ["signatory"] = c.Signatory.Trim(),
            ["legal_lines"] = c.Imprint.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).ToList(),
        };
    }

    /// <summary>The creditor's name: <c>Creditor:Name</c>, else the payee's account holder, else the sender's display name.</summary>
    private string CreditorName() =>
        new[] { creditor.Value.Name, payee.Value.AccountHolder, Sender().Name }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim() ?? "";

    private string UnsubscribeUrl(string token) => $"{bot.Value.PublicBaseUrl.TrimEnd('/')}{UnsubscribePath}?t={token}";
}
