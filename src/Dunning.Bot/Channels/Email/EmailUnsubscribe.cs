using System.Net;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Channels.Email;

/// <summary>
/// One-click unsubscribe (RFC 8058) at <see cref="EmailComposer.UnsubscribePath"/><c>?t=&lt;reply token&gt;</c>. A POST
/// (what mail clients send with <c>List-Unsubscribe=One-Click</c>, or the button of the page) stops reminder e-mails to
/// the debtor — only the e-mail address is opted out; the claim, the ladder and the chats stay — records it in the case
/// and tells staff. A GET only shows the page with that button, so a link scanner that follows links changes nothing.
/// An unknown token gets 404 and learns nothing.
/// </summary>
public static class EmailUnsubscribe
{
    public static async Task<IResult> ShowAsync(string? t, IEmailStore store, IDebtorStore debtors, MessageCatalogue catalogue, CancellationToken cancellationToken)
    {
        var debtor = await FindAsync(t, store, debtors, cancellationToken);
        if (debtor is null)
            return Page("de", catalogue, "unsubscribe_invalid", null, StatusCodes.Status404NotFound);
        var language = debtor.Language;
        var form = $"<form method=\"post\" action=\"{EmailComposer.UnsubscribePath}?t={WebUtility.HtmlEncode(t)}\">"
            + $"<button type=\"submit\">{WebUtility.HtmlEncode(catalogue.Render(EmailComposer.Dialog, "unsubscribe_button", language))}</button></form>";
        return Page(language, catalogue, "unsubscribe_question", form, StatusCodes.Status200OK);
    }

    public static async Task<IResult> UnsubscribeAsync(string? t, IEmailStore store, IDebtorStore debtors, ICaseStore cases, EscalationDesk desk,
        MessageCatalogue catalogue, TimeProvider clock, CancellationToken cancellationToken)
    {
        var debtor = await FindAsync(t, store, debtors, cancellationToken);
        if (debtor is null)
            return Page("de", catalogue, "unsubscribe_invalid", null, StatusCodes.Status404NotFound);
        var now = clock.GetUtcNow();
        var already = false;
        await debtors.UpdateAsync(debtor.Id, d =>
        {
            if (EmailConversation.EnsureContact(d) is { } contact)
            {
                already = contact.OptedOutAt is not null;
                contact.OptedOutAt ??= now;
            }
        }, cancellationToken);
        if (!already)
        {
            await cases.UpdateAsync(debtor.Id, c => c.Record(new CaseAction(now, CaseActionKinds.OptOut,
                "Unsubscribed from reminder e-mails (one-click); the claim stands.", Channel: ChannelKind.Email, Actor: "debtor")), cancellationToken);
            await desk.RaiseAsync(debtor.Id, EscalationReason.OptOut, "Unsubscribed from reminder e-mails (one-click).", null,
                EmailConversation.KeyFor(debtor.Id), cancellationToken);
        }
        return Page(debtor.Language, catalogue, "unsubscribe_done", null, StatusCodes.Status200OK);
    }

    private static async Task<Debtor?> FindAsync(string? token, IEmailStore store, IDebtorStore debtors, CancellationToken cancellationToken) =>
        store.DebtorByToken(token) is { } id ? await debtors.FindAsync(id, cancellationToken) : null;

    private static IResult Page(string language, MessageCatalogue catalogue, string key, string? form, int status)
    {
        var title = WebUtility.HtmlEncode(catalogue.Render(EmailComposer.Dialog, "unsubscribe_title", language));
        var text = WebUtility.HtmlEncode(catalogue.Render(EmailComposer.Dialog, key, language));
        var html = $"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
            + $"<meta name=\"robots\" content=\"noindex\"><title>{title}</title></head><body style=\"font-family:sans-serif;max-width:36em;margin:2em auto\">"
            + $"<h1>{title}</h1><p>{text}</p>{form}</body></html>";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
