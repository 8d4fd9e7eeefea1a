using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs.Invoices;

/// <summary>
/// request_invoice_copy: the owner's document as a link plus an attachment when the invoice has a web address
/// (<see cref="Domain.Invoice.DocumentLink"/> with http or https); otherwise — no link, or a file path the chat cannot
/// reach — a clear summary of the invoice.
/// </summary>
public sealed class InvoiceCopyDialog(InvoiceStatements statements, Wording wording)
    : InvoiceQuestionDialog(nameof(InvoiceCopyDialog), statements, wording)
{
    public override IReadOnlySet<Intent> Handles { get; } = new HashSet<Intent> { Intent.RequestInvoiceCopy };

    protected override bool AboutOneInvoice => true;

    protected override async Task AnswerAsync(ITurnContext turn, DebtorStatement statement, IReadOnlyList<InvoiceStatement> selected, CancellationToken cancellationToken)
    {
        var invoice = selected[0];
        var model = new { invoice = InvoiceModel.For(invoice), url = WebAddress(invoice.Invoice.DocumentLink)?.AbsoluteUri };
        if (model.url is null)
        {
            await SayAsync(turn, "copy_summary", model, cancellationToken);
            return;
        }
        var reply = Wording.Message(turn, WordingDialog, "copy_link", model);
        reply.Attachments = [new Attachment { ContentType = ContentType(model.url), ContentUrl = model.url, Name = FileName(invoice) }];
        await turn.SendActivityAsync(reply, cancellationToken);
    }

    private static Uri? WebAddress(string? link) =>
        Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    private static string ContentType(string url) =>
        Path.GetExtension(new Uri(url).AbsolutePath).ToLowerInvariant() switch
        {
            ".pdf" => "application/pdf",
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            _ => "application/octet-stream",
        };

    private static string FileName(InvoiceStatement invoice)
    {
        var name = Path.GetFileName(new Uri(invoice.Invoice.DocumentLink!.Trim()).AbsolutePath);
        return string.IsNullOrEmpty(name) ? invoice.Number : Uri.UnescapeDataString(name);
    }
}
