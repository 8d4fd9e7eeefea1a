using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Core.Dialogs;

public sealed partial class ConversationLinker
{
    private async Task LinkByTokenAsync(ITurnContext turn, TurnSession session, string token, CancellationToken cancellationToken)
    {
        if (await InCooldownAsync(turn, session, cancellationToken))
            return;
        var debtor = DebtorSecrets.IsLinkTokenShaped(token) ? await debtors.FindByLinkTokenAsync(token, cancellationToken) : null;
        if (debtor is null)
        {
            await FailAsync(turn, session, "token_unknown", cancellationToken);
            return;
        }
        await BindAsync(turn, session, debtor, cancellationToken);
    }

    private async Task LinkByCodeAsync(ITurnContext turn, TurnSession session, string code, CancellationToken cancellationToken)
    {
        if (await InCooldownAsync(turn, session, cancellationToken))
            return;
        var debtor = await debtors.FindByAccessCodeAsync(code, cancellationToken);
        if (debtor is null)
        {
            await FailAsync(turn, session, "code_wrong", cancellationToken);
            return;
        }
        await BindAsync(turn, session, debtor, cancellationToken);
    }

    private async Task<bool> InCooldownAsync(ITurnContext turn, TurnSession session, CancellationToken cancellationToken)
    {
        var link = session.Link;
        var now = clock.GetUtcNow();
        if (link.CodeCooldownUntil is not { } until)
            return false;
        if (until <= now)
        {
            link.CodeCooldownUntil = null;
            return false;
        }
        await SayCooldownAsync(turn, until, cancellationToken);
        return true;
    }

    /// <summary>A wrong code or unknown token: one attempt less; the last one starts the cool-down.</summary>
    private async Task FailAsync(ITurnContext turn, TurnSession session, string key, CancellationToken cancellationToken)
    {
        var link = session.Link;
        link.FailedCodeAttempts++;
        if (link.FailedCodeAttempts >= Options.MaxCodeAttempts)
        {
            link.FailedCodeAttempts = 0;
            link.CodeCooldownUntil = clock.GetUtcNow() + Options.CodeCooldown;
            logger.LogWarning("Conversation {Key}: {Attempts} wrong access codes or link tokens; no code is checked until {Until:O}",
                link.Key, Options.MaxCodeAttempts, link.CodeCooldownUntil);
            await SayCooldownAsync(turn, link.CodeCooldownUntil.Value, cancellationToken);
            return;
        }
        var model = key == "code_wrong" ? new { attempts_left = Options.MaxCodeAttempts - link.FailedCodeAttempts } : null;
        await wording.SayAsync(turn, Linking, key, model, cancellationToken);
    }

    private Task SayCooldownAsync(ITurnContext turn, DateTimeOffset until, CancellationToken cancellationToken) =>
        wording.SayAsync(turn, Linking, "cooldown", new { until_time = LocalTime(until), minutes = Options.CodeCooldownMinutes }, cancellationToken);

    /// <summary>Binds the conversation (one conversation, one debtor), records the channel address and greets with a summary.</summary>
    private async Task BindAsync(ITurnContext turn, TurnSession session, Debtor debtor, CancellationToken cancellationToken)
    {
        var link = session.Link;
        if (link.DebtorId is { } bound && bound != debtor.Id)
        {
            logger.LogWarning("Conversation {Key} is bound to another debtor; a second debtor's credentials were refused.", link.Key);
            await wording.SayAsync(turn, Linking, "other_debtor", null, cancellationToken);
            return;
        }
        if (link.IsLinked)
        {
            await WelcomeAsync(turn, session, cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        var channel = link.Channel;
        var address = ChannelAddress.Of(turn.Activity);
        var previous = ChannelKind.IsKnown(channel) ? debtor.Contact(channel) : null;
        var updated = ChannelKind.IsKnown(channel)
            ? await debtors.UpdateAsync(debtor.Id, d => d.Reach(channel, address), cancellationToken)
            : debtor;
        debtor = updated ?? debtor;
        link.LinkTo(debtor.Id, now);
        link.Language = debtor.Language;
        session.Debtor = debtor;
        await cases.UpdateAsync(debtor.Id, c => c.Record(new CaseAction(now, CaseActionKinds.Linked,
            $"Conversation linked on {channel}.", Channel: channel, Actor: "debtor")), cancellationToken);
        logger.LogInformation("Conversation {Key} linked to debtor {DebtorId}", link.Key, debtor.Id);
        await GreetAsync(turn, debtor, now, cancellationToken);
        if (previous is not null && previous.Address != address && newBindings is not null)
            await newBindings.ReplacedAsync(debtor, channel, previous, link.Key, cancellationToken);
    }

    private async Task GreetAsync(ITurnContext turn, Debtor debtor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = (await invoices.ListByDebtorAsync(debtor.Id, cancellationToken))
            .Where(i => i.OpenBalance > 0m && i.StatusAt(now) != InvoiceStatus.WrittenOff)
            .ToList();
        if (open.Count == 0)
        {
            await wording.SayWithMenuAsync(turn, Linking, "linked_nothing_open", new { name = debtor.Name }, cancellationToken);
            return;
        }
        var totals = open.GroupBy(i => i.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Money(g.Sum(i => i.OpenBalance), g.Key))
            .ToList();
        await wording.SayWithMenuAsync(turn, Linking, "linked", new { name = debtor.Name, open_count = open.Count, totals }, cancellationToken);
    }
}
